import { JelouError } from './jelou-error.js';
import { describeRequest, setRequest, type RequestInfo } from './request-info.js';

/** The response body was bigger than the client's `maxResponseBytes`; reading stopped at the limit. */
export class ResponseTooLargeError extends JelouError {
  static override get brand(): string {
    return 'ResponseTooLargeError';
  }
  /** The HTTP status of the response. */
  declare readonly status: number;
  /** The limit in bytes that was exceeded. */
  declare readonly maxResponseBytes: number;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, credentials replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error for a response whose body passed `maxResponseBytes`. */
  constructor(request: RequestInfo & { status: number; maxResponseBytes: number }) {
    const { status, maxResponseBytes } = request;
    super(
      `${status} response to ${describeRequest(request)} is larger than maxResponseBytes (${maxResponseBytes} bytes)`,
    );
    setRequest(this, request);
    Object.assign(this, { status, maxResponseBytes });
  }
}

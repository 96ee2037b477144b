import { JelouError } from './jelou-error.js';
import { assignRequest, describeRequest, type RequestInfo } from './request-info.js';

/** The response body was bigger than the client's `maxResponseBytes`; reading stopped at the limit. */
export class ResponseTooLargeError extends JelouError {
  static override readonly brand: string = 'ResponseTooLargeError';
  override readonly name = 'ResponseTooLargeError';
  /** The HTTP status of the response. */
  readonly status: number;
  /** The limit in bytes that was exceeded. */
  readonly maxResponseBytes: number;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, credentials replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error for a response whose body passed `maxResponseBytes`. */
  constructor(request: RequestInfo & { status: number; maxResponseBytes: number }) {
    super(
      `${request.status} response to ${describeRequest(request)} is larger than maxResponseBytes ` +
        `(${request.maxResponseBytes} bytes)`,
    );
    assignRequest(this, request);
    this.status = request.status;
    this.maxResponseBytes = request.maxResponseBytes;
  }
}

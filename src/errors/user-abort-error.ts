import { JelouError } from './jelou-error.js';
import { describeRequest, setRequest, type RequestInfo } from './request-info.js';

/** The caller aborted the request through its `signal`; never retried. */
export class UserAbortError extends JelouError {
  static override get brand(): string {
    return 'UserAbortError';
  }
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error for an aborted request; `cause` is the signal's reason. */
  constructor(request: RequestInfo, options?: { cause?: unknown }) {
    super(`Request aborted: ${describeRequest(request)}`, options);
    setRequest(this, request);
  }
}

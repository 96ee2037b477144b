import { ConnectionError } from './connection-error.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/** The request got no response within its timeout. A `ConnectionError`, so retry logic treats both alike. */
export class TimeoutError extends ConnectionError {
  static override get brand(): string {
    return 'TimeoutError';
  }
  /** The timeout that expired, in milliseconds. */
  declare readonly timeoutMs: number;

  /** Creates the error for a request that timed out after `timeoutMs`. */
  constructor(request: RequestInfo & { timeoutMs: number }, options?: { cause?: unknown }) {
    super(request, options, `Request timed out after ${request.timeoutMs} ms: ${describeRequest(request)}`);
    Object.assign(this, { timeoutMs: request.timeoutMs });
  }
}

import { redactUrl } from '../redact.js';
import { JelouError } from './jelou-error.js';
import type { RequestInfo } from './request-info.js';

/** The caller aborted the request through its `signal`; never retried. */
export class UserAbortError extends JelouError {
  override readonly name = 'UserAbortError';
  /** The HTTP method of the request. */
  readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  readonly path: string;

  /** Creates the error for an aborted request; `cause` is the signal's reason. */
  constructor(request: RequestInfo, options?: { cause?: unknown }) {
    super(`Request aborted: ${request.method} ${request.path}`, options);
    this.method = request.method;
    this.url = redactUrl(request.url);
    this.path = request.path;
  }

  protected override publicFields(): Record<string, unknown> {
    const { method, url, path } = this;
    return { method, url, path };
  }
}

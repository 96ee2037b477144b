import { JelouError } from './jelou-error.js';
import { redactUrl } from './redact.js';
import { describeRequest, setRequest, type RequestInfo } from './request-info.js';

/**
 * The server answered with a redirect the client will not follow: to another origin, from `https:` to `http:`,
 * for a method other than GET, in a loop, or past the hop limit. Nothing was sent to the new location.
 */
export class RedirectError extends JelouError {
  static override get brand(): string {
    return 'RedirectError';
  }
  /** The redirect's status, e.g. `307`. */
  declare readonly status: number;
  /** The `Location` it pointed to (resolved, credentials replaced by `***`), when it had one. */
  declare readonly location: string | undefined;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL that answered with the redirect, credentials replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error; `why` says which rule refused it, e.g. `to another origin`. */
  constructor(request: RequestInfo & { status: number; location: string | undefined; why: string }) {
    const location = request.location && redactUrl(request.location);
    super(
      `${request.status} redirect ${request.why} not followed: ${describeRequest(request)}` +
        (location ? ` → ${location}` : ''),
    );
    setRequest(this, request);
    Object.assign(this, { status: request.status, location });
  }
}

import { defineHidden, JelouError } from './jelou-error.js';
import { attemptsSuffix, describeRequest, requestFields, type RequestInfo } from './request-info.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function codeOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value['code'] === 'string' && value['code'] !== '' ? value['code'] : undefined;
}

/** The system error code behind a failed fetch, e.g. `ECONNRESET`; undici hides it in `cause.cause`. */
export function connectionCodeOf(cause: unknown): string | undefined {
  return codeOf(cause) ?? (isRecord(cause) ? codeOf(cause['cause']) : undefined);
}

// undici throws TypeError('fetch failed') with the real reason in `cause` (`{ code: 'ECONNRESET' }`):
// show both, as `fetch failed: ECONNRESET`.
function causeDetail(cause: unknown): string | undefined {
  const message = isRecord(cause) && typeof cause['message'] === 'string' ? cause['message'].trim() : '';
  const code = connectionCodeOf(cause);
  if (message === '') return code;
  return code !== undefined && !message.includes(code) ? `${message}: ${code}` : message;
}

/** The request never got a response: DNS, TCP or TLS failure, reset connection. */
export class ConnectionError extends JelouError {
  static override readonly brand: string = 'ConnectionError';
  override readonly name: string = 'ConnectionError';
  /** The HTTP method of the request. */
  readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  readonly path: string;
  /** How many attempts were made (1 when the request was not retried). */
  readonly attempts: number;
  /** The request's headers, credentials shown as `***`. Not enumerable. */
  declare readonly requestHeaders: Record<string, string>;
  /** The system error code, e.g. `ECONNRESET`, when the cause carries one. */
  readonly code: string | undefined;

  /**
   * Creates the error for a request whose connection failed; `cause` is what fetch threw.
   * `message` is for subclasses, which word their own.
   */
  constructor(request: RequestInfo, options?: { cause?: unknown }, message?: string) {
    const detail = causeDetail(options?.cause);
    const summary = `Connection error: ${describeRequest(request)}`;
    super(
      `${message ?? (detail === undefined ? summary : `${summary} (${detail})`)}${attemptsSuffix(request)}`,
      options,
    );
    const { method, url, path, attempts, requestHeaders } = requestFields(request);
    this.method = method;
    this.url = url;
    this.path = path;
    this.attempts = attempts;
    defineHidden(this, 'requestHeaders', requestHeaders);
    this.code = connectionCodeOf(options?.cause);
  }

  protected override publicFields(): Record<string, unknown> {
    return { ...super.publicFields(), requestHeaders: this.requestHeaders };
  }
}

import { JelouError } from './jelou-error.js';
import { attemptsSuffix, describeRequest, setRequest, type RequestInfo } from './request-info.js';

const codeOf = (value: unknown): string | undefined => {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
};

/** The system error code behind a failed fetch, e.g. `ECONNRESET`; undici hides it in `cause.cause`. */
export const connectionCodeOf = (cause: unknown): string | undefined =>
  codeOf(cause) ?? codeOf((cause as { cause?: unknown } | null)?.cause);

/** The request never got a response: DNS, TCP or TLS failure, reset connection. */
export class ConnectionError extends JelouError {
  static override get brand(): string {
    return 'ConnectionError';
  }
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;
  /** How many attempts were made (1 when the request was not retried). */
  declare readonly attempts: number;
  /** The request's headers, credentials shown as `***`. Not enumerable. */
  declare readonly requestHeaders: Record<string, string>;
  /** The system error code, e.g. `ECONNRESET`, when the cause carries one. */
  declare readonly code: string | undefined;

  /**
   * Creates the error for a request whose connection failed; `cause` is what fetch threw.
   * `message` is for subclasses, which word their own.
   */
  constructor(request: RequestInfo, options?: { cause?: unknown }, message?: string) {
    const cause = options?.cause;
    const code = connectionCodeOf(cause);
    // undici throws TypeError('fetch failed') with the real reason in `cause` (`{ code: 'ECONNRESET' }`): show both,
    // as `fetch failed: ECONNRESET`.
    const text = (cause as { message?: unknown } | undefined)?.message;
    let detail = typeof text === 'string' ? text.trim() : '';
    if (code !== undefined && !detail.includes(code)) detail = detail === '' ? code : `${detail}: ${code}`;
    super(
      (message ?? `Connection error: ${describeRequest(request)}${detail === '' ? '' : ` (${detail})`}`) +
        attemptsSuffix(request),
      options,
    );
    setRequest(this, request, true);
    Object.assign(this, { code });
  }
}

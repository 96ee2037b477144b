// The retry policy: which failures are retried, how long to wait, and for how long each attempt may run.
//
// Whether an operation may be repeated comes from the spec (`x-jelou-idempotent`, else its method: see
// scripts/lib/operations-table.mjs). Idempotent operations (reads, the PATCH, DELETE) get the full policy: sending
// them twice leaves the server as sending them once. The others (create, regenerate, start, send) are retried only
// where the server cannot have acted on the request, so a retry can never duplicate a side effect.

/** Retries after the first attempt (2 retries = 3 attempts in all). */
export const DEFAULT_MAX_RETRIES = 2;

/** Time limit of each attempt in ms, counted from the start of that attempt and covering the whole response body. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Wait before the first retry in ms; it doubles for each further retry. */
export const INITIAL_RETRY_DELAY_MS = 500;

/** Longest wait between two attempts that our own backoff produces, in ms. */
export const MAX_RETRY_DELAY_MS = 8_000;

/** Share of each backoff wait cut at random (0.25: up to 25% shorter), so clients that failed together spread out. */
export const RETRY_JITTER = 0.25;

/** Longest server-requested wait (`retry-after-ms` / `Retry-After`) we honour in ms; above it, our backoff applies. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses below 500 worth another attempt; every status from {@link RETRYABLE_SERVER_ERROR_FROM} up is too. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  // 408 Request Timeout: the server gave up waiting for our request; a fresh attempt usually gets through.
  408,
  // 409 Conflict: a lock or a concurrent update of the same integration; it often clears a moment later.
  409,
  // 429 Too Many Requests: rate limited; waiting (for Retry-After when given) is the documented remedy.
  429,
]);

/** First status of the 5xx range, all retried: server errors are mostly transient (deploys, overload, gateways). */
export const RETRYABLE_SERVER_ERROR_FROM = 500;

/** Statuses that say the server did not act on the request: the only ones a non-idempotent operation retries. */
export const NOT_ACTED_STATUSES: ReadonlySet<number> = new Set([
  // 408 Request Timeout: the server closed the connection before it had the whole request.
  408,
  // 429 Too Many Requests: refused by the rate limiter, before any handler ran.
  429,
  // 503 Service Unavailable: refused by an overloaded or restarting server, before any handler ran.
  503,
]);

/**
 * Connection failures (system error codes) that happen before the request can have reached the server: the
 * connection was never established. A non-idempotent operation is retried after these, never after a reset or a
 * timeout once the request was sent (the server may have acted on it).
 */
export const NOT_SENT_CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', // nothing listens on the port
  'ENOTFOUND', // DNS: no such host
  'EAI_AGAIN', // DNS: temporary failure
  'ENETUNREACH', // no route to the network
  'EHOSTUNREACH', // no route to the host
  'UND_ERR_CONNECT_TIMEOUT', // undici: the TCP/TLS connection was not established in time
]);

/** Tells whether a status, by itself, is worth another attempt of an operation (idempotent or not). */
export const isRetryableStatus = (status: number, idempotent = true): boolean =>
  idempotent ? RETRYABLE_STATUSES.has(status) || status >= RETRYABLE_SERVER_ERROR_FROM : NOT_ACTED_STATUSES.has(status);

/**
 * Tells whether a failed response should be retried: `x-should-retry: true|false` from the server wins over the
 * status (`true` only for an idempotent operation). A successful (2xx) or redirect response is never retried, whatever
 * the header says.
 */
export function shouldRetryResponse(
  response: { readonly status: number; readonly headers: Headers },
  idempotent = true,
): boolean {
  const { status } = response;
  // Stainless-style servers send this header to say better than the status can whether a retry may succeed; not for
  // an operation that is not idempotent: only the status can say the server did not act on the request.
  const override = response.headers.get('x-should-retry')?.trim().toLowerCase();
  return (
    status >= 400 &&
    (override === 'true'
      ? idempotent || NOT_ACTED_STATUSES.has(status)
      : override !== 'false' && isRetryableStatus(status, idempotent))
  );
}

/** Tells whether a failed attempt that got no response should be retried. */
export const shouldRetryFailure = (
  failure: { sent: boolean; code: string | undefined },
  idempotent: boolean,
): boolean => idempotent || !failure.sent || NOT_SENT_CONNECTION_CODES.has(failure.code ?? '');

/**
 * Our own wait before retry number `retryNumber` (1 for the first retry) in ms: 500, 1000, 2000, ... capped at
 * 8000, then cut by up to {@link RETRY_JITTER} at random.
 */
export const backoffDelayMs = (retryNumber: number, random: () => number = Math.random): number =>
  Math.min(INITIAL_RETRY_DELAY_MS * 2 ** Math.max(0, retryNumber - 1), MAX_RETRY_DELAY_MS) *
  (1 - RETRY_JITTER * random());

// Plain non-negative decimals only: Number() would also accept '', '0x10' and 'Infinity'.
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The wait the server asked for in ms: `retry-after-ms` (ms, a non-standard header of OpenAI, Anthropic and Azure)
 * first, then `Retry-After` (RFC 9110 section 10.2.3: seconds, or an HTTP date; fractional seconds are harmless).
 * `undefined` when absent, unparseable, in the past or above {@link MAX_RETRY_AFTER_MS}.
 */
export function retryAfterMs(headers: Headers, now: () => number = Date.now): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim() ?? '';
  const after = headers.get('retry-after')?.trim();
  const delay = DECIMAL.test(ms)
    ? Number(ms)
    : !after
      ? undefined
      : DECIMAL.test(after)
        ? Number(after) * 1000
        : Date.parse(after) - now();
  return delay !== undefined && delay >= 0 && delay <= MAX_RETRY_AFTER_MS ? delay : undefined;
}

/** The wait before retry number `retryNumber` in ms: what the server asked for when usable, else our backoff. */
export const retryDelayMs = (
  retryNumber: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number => (headers && retryAfterMs(headers, now)) ?? backoffDelayMs(retryNumber, random);

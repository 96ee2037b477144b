import { ConnectionError } from './errors/connection-error.js';
import type { RequestInfo } from './errors/request-info.js';
import { TimeoutError } from './errors/timeout-error.js';
import { UserAbortError } from './errors/user-abort-error.js';
import { retryDelayMs, shouldRetryResponse } from './retry.js';
import { sleep as realSleep } from './sleep.js';

/** Options of {@link createRetryingFetch}. */
export interface RetryingFetchOptions {
  /** The fetch that sends each attempt (the user's, or the global one). */
  fetch: (request: Request) => Promise<Response>;
  /** Retries after the first attempt; 0 sends the request once. */
  maxRetries: number;
  /** Time limit of each attempt in ms, from its start until the whole response body has arrived. */
  timeoutMs: number;
  /** The caller's abort signal: aborting it stops the current attempt or wait and throws `UserAbortError`. */
  signal?: AbortSignal | undefined;
  /** API path for error messages, e.g. `/v1/external-support/abc`. */
  path: string;
  /** Waits between attempts; injectable so tests need not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of the backoff jitter, in [0, 1). @default Math.random */
  random?: () => number;
  /** Current time in ms, to turn a `Retry-After` date into a wait. @default Date.now */
  now?: () => number;
  /** Called before each wait, for logging; never given request headers. */
  onRetry?: (info: RetryInfo) => void;
}

/** What {@link RetryingFetchOptions.onRetry} is told about a coming retry. */
export interface RetryInfo {
  /** 1 for the first retry. */
  readonly retryNumber: number;
  /** The wait before it, in ms. */
  readonly delayMs: number;
  /** Why the previous attempt failed, e.g. `503 Service Unavailable` or `timed out after 30000 ms`. */
  readonly reason: string;
}

// Statuses whose responses may not carry a body: `new Response(body, { status })` throws for them.
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);
// setTimeout fires at once for delays above 2^31 - 1 ms; a longer limit is as good as none.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wraps a fetch with per-attempt timeouts and retries of connection failures, timeouts and retryable statuses.
 *
 * @example
 * const client = createClient<paths>({ baseUrl, fetch: createRetryingFetch({ fetch, maxRetries: 2, timeoutMs, path }) });
 */
export function createRetryingFetch(options: RetryingFetchOptions): (request: Request) => Promise<Response> {
  const { maxRetries, sleep = realSleep, random = Math.random, now = Date.now, onRetry } = options;

  return async (request) => {
    const info: RequestInfo = { method: request.method, url: request.url, path: options.path };
    // The user's signal may come as the option or on the Request (openapi-fetch copies one there); either aborts.
    const userSignal = AbortSignal.any(
      options.signal === undefined ? [request.signal] : [options.signal, request.signal],
    );
    // Each attempt consumes the body of the Request it sends; this copy stays unread so every attempt can clone it.
    const template = request.clone();

    for (let retryNumber = 1; ; retryNumber++) {
      if (userSignal.aborted) throw new UserAbortError(info, { cause: userSignal.reason });
      const outcome = await attempt(template, info, userSignal, options);

      const retriesLeft = retryNumber <= maxRetries;
      let delayMs: number;
      let reason: string;
      if (outcome instanceof Response) {
        if (!retriesLeft || !shouldRetryResponse(outcome)) return outcome;
        delayMs = retryDelayMs(retryNumber, outcome.headers, random, now);
        reason = `${outcome.status} ${outcome.statusText}`.trim();
      } else {
        if (!retriesLeft) throw outcome;
        delayMs = retryDelayMs(retryNumber, undefined, random, now);
        reason = outcome instanceof TimeoutError ? `timed out after ${options.timeoutMs} ms` : 'connection failed';
      }

      onRetry?.({ retryNumber, delayMs, reason });
      try {
        await sleep(delayMs, userSignal);
      } catch (error) {
        if (userSignal.aborted) throw new UserAbortError(info, { cause: userSignal.reason });
        throw error;
      }
    }
  };
}

// One attempt: a fresh copy of the request, its own timer, and the whole body read before it counts as answered.
// Returns the response or the retryable error it failed with; throws UserAbortError, which is never retried.
async function attempt(
  template: Request,
  info: RequestInfo,
  userSignal: AbortSignal,
  options: RetryingFetchOptions,
): Promise<Response | ConnectionError> {
  const timeout = new AbortController();
  // The timer starts with the attempt, unlike an AbortSignal.timeout made once with the client.
  const timer = Number.isFinite(options.timeoutMs)
    ? setTimeout(() => timeout.abort(), Math.min(Math.max(options.timeoutMs, 0), MAX_TIMER_MS))
    : undefined;
  const signal = AbortSignal.any([userSignal, timeout.signal]);
  // Built outside the try: a Request that cannot be copied is a bug to surface, not a connection failure to retry.
  const request = new Request(template.clone(), { signal });
  try {
    return await untilAborted(signal, async () => {
      const response = await options.fetch(request);
      // Headers alone do not make an answer: a body that stalls or is cut off must fail (and retry) like no answer.
      const body = await response.arrayBuffer();
      return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    });
  } catch (error) {
    // Checked first: when the user aborts, whatever else went wrong meanwhile no longer matters.
    if (userSignal.aborted) throw new UserAbortError(info, { cause: userSignal.reason });
    if (timeout.signal.aborted) return new TimeoutError({ ...info, timeoutMs: options.timeoutMs }, { cause: error });
    return new ConnectionError(info, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

// Settles with `run()`, or rejects as soon as `signal` aborts: a custom fetch that ignores its signal must not be
// able to outlast the timeout or the user's abort.
function untilAborted<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

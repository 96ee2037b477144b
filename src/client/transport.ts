// The transport: sends one operation's request with per-attempt timeouts, retries, manual redirects and a cap on the
// response size, and reads the body once, as text, inside the attempt.
//
// Cost matters here (see docs/client-behaviour.md): one Request and one AbortController per attempt, no clone, no
// AbortSignal.any, the caller's signal never on a Request (one listener per call, removed when the call settles).
import { ConnectionError } from '../errors/connection-error.js';
import { JelouError } from '../errors/jelou-error.js';
import type { RequestInfo } from '../errors/request-info.js';
import type { FetchLike } from './options.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UserAbortError } from '../errors/user-abort-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { readText } from './read-body.js';
import { REDIRECT_STATUSES, redirectTarget } from './redirect.js';
import { NOT_SENT_CONNECTION_CODES, retryDelayMs, shouldRetryFailure, shouldRetryResponse } from './retry-policy.js';
import { sleep as realSleep } from './sleep.js';

// setTimeout fires at once for delays above 2^31 - 1 ms; a longer limit is as good as none.
const MAX_TIMER_MS = 2 ** 31 - 1;

// Abort reasons of an attempt's controller, told apart by identity.
const TIMED_OUT = new Error('timed out');
const ABORTED = new Error('aborted by the caller');

/** One request to send, fully built except for the credentials. */
export interface Outgoing {
  readonly method: string;
  readonly url: string;
  /** The API path, for error messages. */
  readonly path: string;
  /** Headers, lower-case names, without credentials. */
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  /** Whether repeating it is harmless (full retry policy) or not (retried only when the server cannot have acted). */
  readonly idempotent: boolean;
}

/**
 * Sends one attempt's request, with the attempt's signal: the runtime's `fetch(url, init)` itself (which builds the
 * only Request of the attempt), or an injected fetch given `new Request(url, init)` and `{ signal }`.
 */
export type Sender = (url: string, init: RequestInit, signal: AbortSignal) => Promise<Response>;

/** The sender for a client's fetch option: the global fetch when there is none. */
export function requestSender(injected: FetchLike | undefined): Sender {
  if (injected !== undefined) return (url, init, signal) => injected(new Request(url, init), { signal });
  const global = globalThis.fetch;
  // Called as a plain function: some runtimes' fetch must not be called as a method of another object.
  return (url, init, signal) => {
    init.signal = signal;
    return global(url, init);
  };
}

/** How a call is sent: the merged options and the client's fetch and credentials. */
export interface CallConfig {
  readonly fetch: Sender;
  /** The credential headers, resolved inside each attempt (under its timeout and the caller's signal). */
  readonly credentials: (() => Record<string, string> | Promise<Record<string, string>>) | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  readonly signal: AbortSignal | undefined;
  /** Waits between attempts; injectable so tests need not wait. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Source of the backoff jitter, in [0, 1). */
  readonly random?: (() => number) | undefined;
  /** Current time in ms, to turn a `Retry-After` date into a wait. */
  readonly now?: (() => number) | undefined;
}

/** The final response of a call (any status), its body text, and how many attempts it took. */
export interface Received {
  readonly response: Response;
  readonly text: string;
  readonly attempts: number;
  /** The request as errors name it (final URL, redacted headers kept by the error). */
  readonly request: RequestInfo;
  /** Whether an attempt before the final one may have reached the server (it got a response, or failed once sent). */
  readonly earlierMayHaveActed?: boolean;
}

// What one attempt ended with when it got no usable response.
interface Failure {
  error: ConnectionError;
  sent: boolean;
}

/** Sends `out` under `config`: resolves with the final response of any status; rejects with a typed error. */
export async function send(out: Outgoing, config: CallConfig): Promise<Received> {
  const { signal } = config;
  const info = (attempts: number, url = out.url): RequestInfo => ({
    method: out.method,
    url,
    path: out.path,
    attempts,
    requestHeaders: out.headers,
  });
  if (signal?.aborted) throw new UserAbortError(info(0), { cause: signal.reason });

  // Stops what runs now (an attempt, or the wait before the next); the caller's signal reaches it through this one
  // listener, removed when the call settles.
  let stopCurrent: ((reason: Error) => void) | undefined;
  const onAbort = (): void => stopCurrent?.(ABORTED);
  signal?.addEventListener('abort', onAbort);
  let earlierMayHaveActed = false;
  try {
    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw new UserAbortError(info(attempts - 1), { cause: signal.reason });
      const outcome = await attempt(out, config, attempts, info, (stop) => (stopCurrent = stop));
      const retriesLeft = attempts <= config.maxRetries;
      let headers: Headers | undefined;
      if ('response' in outcome) {
        if (!retriesLeft || !shouldRetryResponse(outcome.response, out.idempotent)) {
          return earlierMayHaveActed ? { ...outcome, earlierMayHaveActed } : outcome;
        }
        earlierMayHaveActed = true;
        headers = outcome.response.headers;
      } else if (!retriesLeft || !shouldRetryFailure({ ...outcome, code: outcome.error.code }, out.idempotent)) {
        throw outcome.error;
      } else {
        earlierMayHaveActed ||= outcome.sent && !NOT_SENT_CONNECTION_CODES.has(outcome.error.code ?? '');
      }
      const delayMs = retryDelayMs(attempts, headers, config.random, config.now);
      const waiting = new AbortController();
      stopCurrent = (reason) => waiting.abort(reason);
      try {
        await (config.sleep ?? realSleep)(delayMs, waiting.signal);
      } catch (error) {
        if (waiting.signal.reason === ABORTED) {
          throw new UserAbortError(info(attempts), { cause: signal?.reason });
        }
        throw error;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

// One attempt: credentials, the request (following same-origin GET redirects), and the whole body, all under one
// timer and one controller. Returns the response read, or a retryable failure; throws what no retry can mend.
async function attempt(
  out: Outgoing,
  config: CallConfig,
  attempts: number,
  info: (attempts: number, url?: string) => RequestInfo,
  onStart: (stop: (reason: Error) => void) => void,
): Promise<Received | Failure> {
  const controller = new AbortController();
  const state = { sent: false, url: out.url };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Settles with the exchange, or as soon as the attempt is stopped (timeout or the caller's abort), with the
    // stop's reason: a credential provider or a custom fetch that ignores its signal cannot outlast either. The
    // stop rejects this promise itself, so no listener is added to the attempt's signal.
    return await new Promise<Received>((resolve, reject) => {
      const stop = (reason: Error): void => {
        controller.abort(reason);
        reject(reason);
      };
      onStart(stop);
      timer = setTimeout(stop, Math.min(Math.max(config.timeoutMs, 0), MAX_TIMER_MS), TIMED_OUT);
      exchange(out, config, controller.signal, state, attempts, info).then(resolve, reject);
    });
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (reason === ABORTED) throw new UserAbortError(info(attempts, state.url), { cause: config.signal?.reason });
    if (reason === TIMED_OUT) {
      const timeout = new TimeoutError({ ...info(attempts, state.url), timeoutMs: config.timeoutMs }, { cause: error });
      return { error: timeout, sent: state.sent };
    }
    // Ours (redirect refused, body too large, bad status), or the credential provider's: no retry mends these.
    if (error instanceof JelouError || !state.sent) throw error;
    return { error: new ConnectionError(info(attempts, state.url), { cause: error }), sent: true };
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(
  out: Outgoing,
  config: CallConfig,
  signal: AbortSignal,
  state: { sent: boolean; url: string },
  attempts: number,
  info: (attempts: number, url?: string) => RequestInfo,
): Promise<Received> {
  let credentials = config.credentials?.();
  // Fixed credentials come back at once; only a provider function's promise is awaited.
  if (credentials instanceof Promise) credentials = await credentials;
  const headers = credentials === undefined ? out.headers : { ...out.headers, ...credentials };
  for (let hops = 0; ; hops++) {
    const init: RequestInit = { method: out.method, headers, body: out.body ?? null, redirect: 'manual' };
    let pending: Promise<Response>;
    try {
      pending = config.fetch(state.url, init, signal);
    } catch {
      // Building the Request threw (a header that cannot be sent): fetch's message may quote a credential.
      throw new ValidationError('headers', 'a header name or value cannot be sent in HTTP');
    }
    state.sent = true;
    const response = await pending;
    const { status } = response;
    if (REDIRECT_STATUSES.has(status) || response.type === 'opaqueredirect') {
      const next = redirectTarget(out, state.url, response, hops, info(attempts, state.url));
      void response.body?.cancel().catch(() => undefined);
      if (next !== undefined) {
        state.url = next;
        continue;
      }
    }
    if (status < 200 || status > 599) {
      void response.body?.cancel().catch(() => undefined);
      throw new ResponseValidationError({
        ...info(attempts, state.url),
        status,
        headers: response.headers,
        body: undefined,
        issues: [],
        reason: `status ${status} is outside 200–599`,
      });
    }
    const text = await readText(response, config.maxResponseBytes, () => ({ ...info(attempts, state.url), status }));
    return { response, text, attempts, request: info(attempts, state.url) };
  }
}

// The two option layers: ClientOptions, set once, and RequestOptions, the optional last argument of each call.
import { ValidationError } from '../errors/validation-error.js';
import type { Auth } from './auth.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './retry-policy.js';

/** The production base URL, as the rendered documentation pages show it. */
export const DEFAULT_BASE_URL = 'https://gateway.jelou.ai/jelouapi';

/** The largest response body read by default, in bytes (8 MiB): far above any documented body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A `fetch` implementation: the global one, undici's, or a test double. It is called as `fetch(request, { signal })`;
 * pass `init` on (`(request, init) => undici.fetch(request, { ...init, dispatcher })`) so that a timeout or an abort
 * also cancels the request on the wire. The call itself ends on time either way.
 */
export type FetchLike = (input: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Extra headers. On merge, later layers win; `undefined` keeps the earlier value, `null` removes it. */
export type HeadersOption = Record<string, string | null | undefined>;

/** Options of {@link createExternalSupportClient}, set once per client. */
export interface ClientOptions {
  /**
   * Credentials: `{ apiKey }` (sent as `x-api-key`) or `{ clientId, clientSecret }` (sent as HTTP Basic).
   * Each value may be a function returning a string or a promise of one, called before each request.
   * @default from the environment: `JELOU_API_KEY`, else `JELOU_CLIENT_ID` and `JELOU_CLIENT_SECRET`
   * @example { apiKey: process.env.JELOU_API_KEY! }
   */
  auth?: Auth | undefined;
  /**
   * Base URL of the API, without the `/v1/...` path. `http:` is refused unless the host is loopback or
   * `allowInsecureHttp` is set.
   * @default process.env.JELOU_BASE_URL ?? 'https://gateway.jelou.ai/jelouapi'
   */
  baseUrl?: string | undefined;
  /**
   * The integration's signing secret, which signs `sendMessage` (`X-Jelou-Signature`); or a function returning it,
   * called once per message (for rotation). A client with only this (no `auth`) can send messages; its gateway
   * calls reject with a `ValidationError` naming `auth`.
   * @default process.env.JELOU_SIGNING_SECRET
   */
  signingSecret?: string | (() => string | Promise<string>) | undefined;
  /**
   * Base URL of the messages host, where `sendMessage` goes. `http:` is refused unless the host is loopback or
   * `allowInsecureHttp` is set.
   * @default process.env.JELOU_MESSAGES_BASE_URL ?? 'https://chatbot.jelou.ai'
   */
  messagesBaseUrl?: string | undefined;
  /**
   * Lets `http:` base URLs reach a host that is not loopback (a mock in a container, `http://mock:4010`): the
   * credentials then cross the network in clear. Only for test setups.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Time limit of one attempt in milliseconds, counted from the start of that attempt.
   * @default 30000
   */
  timeout?: number | undefined;
  /**
   * How many times a failed request is retried. Idempotent operations: connection errors, timeouts, 408, 409,
   * 429, 5xx. The others: only where the server cannot have acted (connection not established, 408, 429, 503).
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * The largest response body read, in bytes; a bigger one stops being read and rejects with
   * `ResponseTooLargeError`.
   * @default 8388608 (8 MiB)
   */
  maxResponseBytes?: number | undefined;
  /**
   * The `fetch` to send requests with.
   * @default globalThis.fetch
   */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: HeadersOption | undefined;
  /**
   * Where `JELOU_*` variables are read from.
   * @default process.env, where there is one
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Options of one call; each overrides the client's. */
export interface RequestOptions {
  /** Aborts the call: it stops at once, with no retry, and rejects with `UserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Time limit of one attempt in milliseconds. */
  timeout?: number | undefined;
  /** How many times this call is retried. */
  maxRetries?: number | undefined;
  /** Headers for this call, merged over the client's. */
  headers?: HeadersOption | undefined;
}

/** What a call runs with once both layers are merged and checked. */
export interface EffectiveOptions {
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  signal: AbortSignal | undefined;
  headers: HeadersOption;
}

/** The environment of this runtime, where there is one. */
export function runtimeEnv(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

// The three numbers have one rule: a number (a whole one, unless it is a time) above `min`.
function checkNumber(value: unknown, field: string, problem: string, whole: boolean, min = 0): number | undefined {
  if (
    value !== undefined &&
    !(typeof value === 'number' && (whole ? Number.isInteger : Number.isFinite)(value) && value > min)
  ) {
    throw new ValidationError(field, problem);
  }
  return value;
}

const TIMEOUT = 'must be a positive, finite number of milliseconds';
const RETRIES = 'must be a whole number, 0 or more';

/** Checks a headers option: names are HTTP tokens, values strings a header can carry (or `null`/`undefined`). */
export function checkHeaders(value: unknown, field: string): HeadersOption {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, 'must be an object of header names to strings');
  }
  for (const [name, header] of Object.entries(value)) {
    const at = `${field}.${name}`;
    if (header !== null && header !== undefined && typeof header !== 'string') {
      throw new ValidationError(at, 'must be a string, null (to remove it) or undefined');
    }
    // fetch refuses these with a message that may quote the value (a credential?): refuse them here, before sending.
    // A name is an RFC 9110 token (section 5.1); a value is visible ASCII, obs-text (U+0080–U+00FF), space and tab
    // (section 5.5): anything else (CR/LF, controls, `✓`) fetch refuses, or the socket fails on it.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ValidationError(at, 'is not a valid HTTP header name');
    if (/[^\t\x20-\x7e\x80-\xff]/.test(header ?? '')) {
      throw new ValidationError(at, 'must be Latin-1 text without control characters or line breaks');
    }
  }
  return value as HeadersOption;
}

/** Checks the per-client numbers and headers; returns them with defaults applied. */
export function resolveClientDefaults(options: ClientOptions): Omit<EffectiveOptions, 'signal'> {
  if (options.env !== undefined && typeof options.env !== 'object') {
    throw new ValidationError('env', 'must be an object');
  }
  const insecure: unknown = options.allowInsecureHttp;
  if (insecure !== undefined && typeof insecure !== 'boolean') {
    throw new ValidationError('allowInsecureHttp', 'must be a boolean');
  }
  const resolved = {
    timeoutMs: checkNumber(options.timeout, 'timeout', TIMEOUT, false) ?? DEFAULT_TIMEOUT_MS,
    maxRetries: checkNumber(options.maxRetries, 'maxRetries', RETRIES, true, -1) ?? DEFAULT_MAX_RETRIES,
    maxResponseBytes:
      checkNumber(options.maxResponseBytes, 'maxResponseBytes', 'must be a whole number of bytes, 1 or more', true) ??
      DEFAULT_MAX_RESPONSE_BYTES,
    headers: checkHeaders(options.headers, 'headers'),
  };
  // Only `undefined` means "the default": `baseUrl: null` must not silently target production with the credentials.
  for (const [name, value] of Object.entries(options)) {
    if (value === null) throw new ValidationError(name, 'must not be null (undefined means the default)');
  }
  return resolved;
}

/** Merges one call's options over the client's, checking them first. */
export function mergeRequestOptions(
  defaults: Omit<EffectiveOptions, 'signal'>,
  options: RequestOptions | undefined,
): EffectiveOptions {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new ValidationError('requestOptions', 'must be an object');
  }
  const signal = options?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ValidationError('requestOptions.signal', 'must be an AbortSignal');
  }
  return {
    timeoutMs: checkNumber(options?.timeout, 'requestOptions.timeout', TIMEOUT, false) ?? defaults.timeoutMs,
    maxRetries: checkNumber(options?.maxRetries, 'requestOptions.maxRetries', RETRIES, true, -1) ?? defaults.maxRetries,
    maxResponseBytes: defaults.maxResponseBytes,
    signal,
    headers: mergeHeaders(defaults.headers, checkHeaders(options?.headers, 'requestOptions.headers')),
  };
}

/** Later wins, `undefined` keeps the earlier value, `null` removes it; names compare case-insensitively. */
export function mergeHeaders(...layers: HeadersOption[]): HeadersOption {
  const merged: Record<string, string | null> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) {
      if (value !== undefined) merged[name.toLowerCase()] = value;
    }
  }
  return merged;
}

/** The headers to send: merged layers with the removed (`null`) ones dropped. */
export function headersToSend(...layers: HeadersOption[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mergeHeaders(...layers)).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

// The redactor: what counts as a credential (header names and values, body field names, URL parts, the values a
// client registers in KnownSecrets), and how an error the SDK throws is cleaned of every one of them.
import { JelouError } from './jelou-error.js';

/** What a redacted value is replaced with. */
export const REDACTED = '***';

// Words that name a credential. A header is sensitive when its name contains one (custom credential headers such
// as `x-client-secret` or `x-auth-token` are caught, so a new one cannot leak because nobody listed it) or ends in
// `-key`; a body field when its name ends with one (`signingSecret`, `apiKey`, not `tokenCount`).
// (Literals, not built with new RegExp: a literal costs nothing until first used.)
const SENSITIVE_NAME = /secret|token|passw(?:or)?d|credential|signature|authorization|api_?key|cookie|-key$/i;
const SECRET_FIELD = /(?:secret|token|passw(?:or)?d|credential|signature|authorization|api_?key|cookie)$/i;
// A value in an authorization scheme (`Bearer abc`, `Basic abc`) is a credential whatever the header's name.
const AUTH_SCHEME_VALUE = /^\s*(?:bearer|basic|digest|token)\s+\S/i;

/**
 * Whether a header's value must be hidden: a name that says credential (`authorization`, `x-api-key`, `cookie`,
 * `x-jelou-signature`, `x-client-secret`…), or a value in an authorization scheme.
 */
export const isSensitiveHeader = (name: string, value = ''): boolean =>
  SENSITIVE_NAME.test(name) || AUTH_SCHEME_VALUE.test(value);

/** Headers as a plain object with lower-case names and every sensitive value replaced by `***`. */
export function redactHeaders(
  headers: Headers | Record<string, string> | [string, string][] | undefined,
): Record<string, string> {
  const redacted = new Map<string, string>();
  const add = (raw: string, name: string): void => {
    const lower = String(name).toLowerCase();
    const value = isSensitiveHeader(lower, String(raw)) ? REDACTED : String(raw);
    const previous = redacted.get(lower);
    redacted.set(lower, previous === undefined || value === REDACTED ? value : `${previous}, ${value}`);
  };
  if (Array.isArray(headers)) for (const [name, value] of headers) add(value, name);
  else if (typeof headers?.forEach === 'function') (headers as Headers).forEach(add);
  else for (const [name, value] of Object.entries(headers ?? {})) add(value, name);
  // fromEntries defines own properties, so a header named `__proto__` cannot change the object's prototype.
  return Object.fromEntries(redacted);
}

/** Credentials this long are replaced wherever they appear; shorter ones only where they stand as a whole token. */
export const ANYWHERE_LENGTH = 8;

/**
 * Replaces each secret in `text` with `***`: one of 8 characters or more wherever it appears, a shorter one only
 * as a whole token. Longer secrets first.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  for (const secret of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (secret === '') continue;
    // A short credential counts as a whole token only between spaces, quotes and the punctuation around values in
    // headers, JSON and query strings (or the text's ends), never letters, digits, `/`, `.` or `-`, so a 1-character
    // key cannot turn `/v1/external-support/` into `/v1/***xt***rnal-support/`.
    text =
      secret.length >= ANYWHERE_LENGTH
        ? text.split(secret).join(REDACTED)
        : text.replace(
            new RegExp(
              `(?<=^|[\\s"'\`=:,;(\\[{<])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s"'\`,;)\\]}>&])`,
              'g',
            ),
            REDACTED,
          );
  }
  return text;
}

/** A URL with its user-info and any credential-looking query parameters replaced by `***`; other text unchanged. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = parsed.username !== '' || parsed.password !== '';
  if (changed) {
    parsed.username = REDACTED;
    parsed.password = '';
  }
  for (const name of new Set(parsed.searchParams.keys())) {
    if (isSensitiveHeader(name) || name.toLowerCase() === 'key') {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}

/**
 * The credentials a client knows of: auth values, the Basic token, sensitive caller headers, the signing secret.
 * `add` registers one for the client's life; `seen` one a credential function resolved (a rotating key), of which
 * only the latest 32 are kept. A call adds its own (its headers' `headerSecrets`, body credentials) to `list()`.
 * @example
 * secrets.add(options.signingSecret); // from now on replaced by `***` in every error
 */
export class KnownSecrets {
  readonly #fixed = new Set<string>();
  readonly #recent = new Set<string>();

  /** Registers credentials for the registry's life; anything but a non-blank string is ignored. */
  add(...values: unknown[]): this {
    for (const value of values) if (typeof value === 'string' && value.trim()) this.#fixed.add(value);
    return this;
  }

  /** Registers values resolved for one request (a rotating key): only the latest 32 are kept. */
  seen(...values: string[]): this {
    for (const value of values) {
      // Deleted first, so a value in use again moves to the newest end and is not the one dropped.
      this.#recent.delete(value);
      if (value.trim()) this.#recent.add(value);
      if (this.#recent.size > 32) this.#recent.delete(this.#recent.values().next().value as string);
    }
    return this;
  }

  /** Every value registered. */
  list(): string[] {
    return [...this.#fixed, ...this.#recent];
  }
}

/** The credentials in a headers record: each sensitive header's value, and the token of a `Scheme token` value. */
export const headerSecrets = (headers: unknown): string[] =>
  Object.entries(headers ?? {}).flatMap(([name, value]) =>
    typeof value === 'string' && value.trim() && isSensitiveHeader(name, value)
      ? [value, ...(/^\s*\S+\s+(\S+)\s*$/.exec(value)?.slice(1) ?? [])]
      : [],
  );

// ---- scrubbing a thrown error ----------------------------------------------------------------------------------
// By structure: the SDK's own errors are cleaned in place (strings scrubbed, headers redacted by name and value,
// bodies and header records walked), and a foreign error in the `cause` chain is replaced by a scrubbed copy keeping
// only its name, message, stack and primitive fields (`code`, `errno`), never what it carries (a Request with its
// headers, a socket). The caller's own objects are never changed.

type Scrub = (text: string) => string;

function read(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

// defineProperty: `message` may be a getter, and the SDK's hidden fields are read-only (and stay so).
function put(target: object, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  try {
    Object.defineProperty(target, key, {
      value,
      writable: own?.writable !== false,
      configurable: true,
      enumerable: !!own?.enumerable,
    });
  } catch {
    // A frozen object cannot be changed.
  }
}

// A copy of a field's value with every secret removed: a string scrubbed; Headers redacted by name and by value; SDK
// data (a parsed body, a header record, schema issues) copied through JSON with each string scrubbed, and each
// string field named as a credential (`signingSecret`, `apiKey`, `password`…) redacted whatever its value, so a
// secret the client never saw (a new signing secret in a response that failed validation) is hidden too. Data JSON
// cannot copy (a hostile server's body nested too deep to stringify) is dropped.
function cleaned(value: unknown, scrub: Scrub): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Headers) {
    const copy = new Headers();
    value.forEach((v, name) => copy.append(name, isSensitiveHeader(name, v) ? REDACTED : scrub(v)));
    return copy;
  }
  try {
    return JSON.parse(JSON.stringify(value), (key, item: unknown) =>
      typeof item !== 'string' ? item : key !== '' && SECRET_FIELD.test(key) ? REDACTED : scrub(item),
    ) as unknown;
  } catch {
    return REDACTED;
  }
}

// A foreign error (or abort reason) as a new Error: name, message, stack and primitive fields scrubbed; its own
// cause copied the same way, a few levels deep.
function copyOf(value: unknown, scrub: Scrub, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (typeof value !== 'object' || value === null || value instanceof JelouError) return value;
  const copy = new Error();
  for (const key of ['name', 'message', 'stack', ...Object.getOwnPropertyNames(value)]) {
    const field = read(value, key);
    if (typeof field === 'string') put(copy, key, scrub(field));
    else if (typeof field === 'number' || typeof field === 'boolean') put(copy, key, field);
    else if (key === 'cause' && field !== undefined && depth > 0) put(copy, key, copyOf(field, scrub, depth - 1));
  }
  return copy;
}

/**
 * Removes every secret from an error the SDK throws, in place: the strings of the error and of each SDK error in
 * its `cause` chain (see `scrubSecrets`), response headers (redacted by name and by value), parsed bodies and
 * header records; a foreign cause is replaced by a scrubbed copy. The client calls it on every error it throws,
 * with the list of its `KnownSecrets`; calling it again is harmless.
 */
export function scrubError(error: unknown, secrets: readonly string[]): void {
  const scrub: Scrub = (text) => scrubSecrets(text, secrets);
  const seen = new Set<unknown>();
  for (let current = error; current instanceof JelouError && !seen.has(current); current = current.cause) {
    seen.add(current);
    for (const key of ['message', 'stack', ...Object.getOwnPropertyNames(current)]) {
      const value = read(current, key);
      // Strings, Headers and plain data (objects and arrays SDK-made); never the name, nor the cause (below).
      const proto: unknown = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
      if (
        key !== 'name' &&
        key !== 'cause' &&
        (typeof value === 'string' ||
          value instanceof Headers ||
          proto === Object.prototype ||
          proto === null ||
          Array.isArray(value))
      ) {
        put(current, key, cleaned(value, scrub));
      }
    }
    if (!(current.cause instanceof JelouError) && current.cause !== undefined) {
      put(current, 'cause', copyOf(current.cause, scrub, 8));
    }
  }
}

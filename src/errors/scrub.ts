// Scrubbing of a thrown error, by structure: the SDK's own errors are cleaned in place (strings scrubbed, headers
// redacted by name and value, bodies walked), and any foreign error in the `cause` chain is replaced by a scrubbed
// copy that keeps only its name, message, stack and primitive fields (`code`, `errno`...), never what it carries
// (a Request with its headers, a socket).
import { JelouError } from './jelou-error.js';
import { isSensitiveHeader, REDACTED, scrubSecrets } from './redact.js';

type Scrub = (text: string) => string;

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function read(target: object, key: PropertyKey): unknown {
  try {
    return (target as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

// defineProperty rather than assignment: `message` may be a getter and the SDK's hidden fields are read-only.
function put(target: object, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  try {
    Object.defineProperty(target, key, {
      value,
      writable: own === undefined || 'get' in own || own.writable === true,
      configurable: true,
      enumerable: own?.enumerable ?? false,
    });
  } catch {
    // A frozen object cannot be changed.
  }
}

function headersCopy(headers: Headers, scrub: Scrub): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, isSensitiveHeader(name, value) ? REDACTED : scrub(value)));
  return copy;
}

// Plain data the SDK made (parsed bodies, header records, issues): scrubbed in place.
function scrubData(value: unknown, scrub: Scrub, seen: Set<object>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Headers) return headersCopy(value, scrub);
  if (!isObject(value) || seen.has(value)) return value;
  seen.add(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  for (const key of Object.keys(value)) {
    const before = read(value, key);
    const after = scrubData(before, scrub, seen);
    if (after !== before) put(value, key, after);
  }
  return value;
}

/** A foreign error (or reason) as a scrubbed copy: name, message, stack, primitive fields, and its cause copied. */
function safeCopy(value: unknown, scrub: Scrub, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (!isObject(value)) return value;
  if (value instanceof JelouError) return value;
  const message = read(value, 'message');
  const copy = new Error(typeof message === 'string' ? scrub(message) : '');
  const stack = read(value, 'stack');
  put(copy, 'stack', typeof stack === 'string' ? scrub(stack) : `${copy.name}: ${copy.message}`);
  for (const key of Object.getOwnPropertyNames(value)) {
    const field = read(value, key);
    if (key === 'message' || key === 'stack') continue;
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
      put(copy, key, typeof field === 'string' ? scrub(field) : field);
    }
  }
  const name = read(value, 'name');
  if (typeof name === 'string') put(copy, 'name', scrub(name));
  if (depth > 0) {
    const cause = read(value, 'cause');
    if (cause !== undefined) put(copy, 'cause', safeCopy(cause, scrub, depth - 1));
    const errors = read(value, 'errors');
    if (Array.isArray(errors))
      put(
        copy,
        'errors',
        errors.map((each) => safeCopy(each, scrub, depth - 1)),
      );
  }
  return copy;
}

/**
 * Removes every secret from an error the SDK throws, in place: the strings of the error and of each SDK error in
 * its `cause` chain are scrubbed (see `scrubSecrets`), response headers redacted by name and by value, bodies and
 * header records walked; a foreign cause is replaced by a scrubbed copy. The client calls it on every error it
 * throws, with its {@link KnownSecrets}; it is safe to call again.
 */
export function scrubError(error: unknown, secrets: readonly string[]): void {
  const scrub: Scrub = (text) => scrubSecrets(text, secrets);
  const seen = new Set<object>();
  for (let current: unknown = error; current instanceof JelouError && !seen.has(current); ) {
    seen.add(current);
    for (const key of new Set(['message', 'stack', ...Object.getOwnPropertyNames(current)])) {
      if (key === 'name' || key === 'cause') continue;
      const before = read(current, key);
      const after = scrubData(before, scrub, seen);
      if (after !== before) put(current, key, after);
    }
    const cause = read(current, 'cause');
    if (cause !== undefined && !(cause instanceof JelouError)) put(current, 'cause', safeCopy(cause, scrub, 8));
    current = cause;
  }
}

// Scrubbing of a thrown error, by structure: the SDK's own errors are cleaned in place (strings scrubbed, headers
// redacted by name and value, bodies and header records walked), and a foreign error in the `cause` chain is
// replaced by a scrubbed copy keeping only its name, message, stack and primitive fields (`code`, `errno`), never
// what it carries (a Request with its headers, a socket). The caller's own objects are never changed.
import { JelouError } from './jelou-error.js';
import { isSensitiveHeader, REDACTED, scrubSecrets } from './redact.js';

type Scrub = (text: string) => string;

// A body field that holds a credential by its name (`signingSecret`, `authorization`, `apiKey`, `password`,
// `accessToken`…) is redacted whatever its value: a secret the client never saw (a new signing secret in a
// response that failed validation) is hidden too.
const SECRET_FIELD = /(?:secret|token|password|passwd|authorization|api_?key|signature)$/i;

function read(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

// defineProperty: `message` may be a getter, and the SDK's hidden fields are read-only.
function put(target: object, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  try {
    Object.defineProperty(target, key, {
      value,
      writable: !own || 'get' in own || own.writable === true,
      configurable: true,
      enumerable: own?.enumerable ?? false,
    });
  } catch {
    // A frozen object cannot be changed.
  }
}

// Scrubs the string fields of `target`, walks plain objects and arrays (SDK-made data) and copies Headers redacted.
function walk(target: object, scrub: Scrub, seen: Set<unknown>, keys: Iterable<string>, depth = 0): void {
  seen.add(target);
  for (const key of keys) {
    if (key === 'name' || key === 'cause') continue;
    const value = read(target, key);
    if (typeof value === 'string') put(target, key, depth > 0 && SECRET_FIELD.test(key) ? REDACTED : scrub(value));
    else if (value instanceof Headers) {
      const copy = new Headers();
      value.forEach((v, name) => copy.append(name, isSensitiveHeader(name, v) ? REDACTED : scrub(v)));
      put(target, key, copy);
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      const proto: unknown = Object.getPrototypeOf(value);
      // A body nested deeper than any real one (a hostile server's) is dropped rather than walked off the stack.
      if (depth > 64) put(target, key, REDACTED);
      else if (Array.isArray(value) || proto === Object.prototype || proto === null) {
        walk(value, scrub, seen, Object.keys(value), depth + 1);
      }
    }
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
    walk(current, scrub, seen, ['message', 'stack', ...Object.getOwnPropertyNames(current)]);
    if (!(current.cause instanceof JelouError) && current.cause !== undefined) {
      put(current, 'cause', copyOf(current.cause, scrub, 8));
    }
  }
}

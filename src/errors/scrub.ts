import { scrubSecrets } from './redact.js';

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

// defineProperty rather than assignment: `message` may be a getter (DOMException) and `stack` an accessor.
function rewrite(target: object, key: string, secrets: readonly string[]): void {
  let value: unknown;
  try {
    value = (target as Record<string, unknown>)[key];
  } catch {
    return;
  }
  if (typeof value !== 'string') return;
  const scrubbed = scrubSecrets(value, secrets);
  if (scrubbed === value) return;
  const own = Object.getOwnPropertyDescriptor(target, key);
  const enumerable = own?.enumerable ?? false;
  const writable = own === undefined || 'get' in own || own.writable === true;
  try {
    Object.defineProperty(target, key, { value: scrubbed, writable, configurable: true, enumerable });
  } catch {
    // A frozen error cannot be changed; nothing more can be done for it.
  }
}

/**
 * Removes every secret from an error in place: its `message`, `stack` and other string fields, and those of each
 * error in its `cause` chain (and in `AggregateError.errors`). Defence in depth: the client calls it on every error
 * it throws, with every form of the credentials it sent.
 */
export function scrubError(error: unknown, secrets: readonly string[]): void {
  if (!secrets.some((secret) => secret.length > 0)) return;
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!isObject(current) || seen.has(current)) continue;
    seen.add(current);
    for (const key of new Set(['message', 'stack', ...Object.getOwnPropertyNames(current)])) {
      if (key !== 'name') rewrite(current, key, secrets);
    }
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
}

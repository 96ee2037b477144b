import { redactHeaders } from './redact.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Defines a read-only, non-enumerable property: kept off logs that copy an error's own fields (pino, winston). */
export function defineHidden(target: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

// The brand of each error class: a registry-wide symbol, so the ESM and CommonJS copies of this package (or two
// bundled copies, or the webhooks entry's errors) recognize each other's errors with `instanceof`.
const brandOf = (name: string): symbol => Symbol.for(`jelou-external-support.error.${name}`);

/**
 * Base class of every error the SDK throws: `catch (e) { if (e instanceof JelouError) ... }` catches them all,
 * whichever copy of the package (ESM or CommonJS) threw it.
 * `JSON.stringify` and `util.inspect` show only its safe public fields, never credentials or request headers.
 */
export class JelouError extends Error {
  /** The class's brand, also its `name`; each subclass declares its own (class names do not survive minifiers). */
  static readonly brand: string = 'JelouError';

  /** Creates an error; `cause` is the underlying error, if any. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : options);
    defineHidden(this, 'name', new.target.brand);
    // One hidden brand per class of the chain, from this class up to JelouError.
    for (let type: unknown = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type as object, 'brand')) defineHidden(this, brandOf((type as typeof JelouError).brand), true);
    }
  }

  /** `instanceof` that also recognizes errors of another copy of this package by their brand. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      Function.prototype[Symbol.hasInstance].call(this, value) ||
      (value as Record<symbol, unknown> | null)?.[brandOf(this.brand)] === true
    );
  }

  // What `toJSON` and `util.inspect` show besides name and message: the own enumerable fields each class sets
  // (method, url, status...), the hidden header records only redacted, and the cause's name and message only (not
  // what it carries: requests, sockets...). Bodies and brands are hidden (`defineHidden`), so they stay out.
  #safeFields(): Record<string, unknown> {
    const { headers, requestHeaders, cause } = this as { headers?: Headers; requestHeaders?: unknown; cause?: unknown };
    const fields: Record<string, unknown> = { ...(this as object) };
    if (headers) fields['headers'] = redactHeaders(headers);
    if (requestHeaders) fields['requestHeaders'] = requestHeaders;
    if (cause !== undefined) {
      const { name, message } = Object(cause) as Record<string, unknown>;
      fields['cause'] =
        cause !== null && typeof cause === 'object'
          ? { name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? message : '' }
          : { name: typeof cause, message: String(cause) };
    }
    return fields;
  }

  /** A plain object for `JSON.stringify`: name, message, the safe public fields and the cause's name and message. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.#safeFields() };
  }

  /** Prints like a normal error (name, message, stack) followed by the same safe fields as `toJSON`. */
  [INSPECT](
    depth: number,
    options: { depth?: number | null } | undefined,
    inspect?: (value: unknown, options?: object) => string,
  ): string {
    const header = `${this.name}: ${this.message}`;
    if (depth < 0) return `[${header}]`;
    // The stack's first lines hold the message as it was when the stack was first read; rebuild them from the
    // current name and message, and keep only the frames.
    const stack = this.stack ?? '';
    const framesAt = stack.search(/\n\s+at /);
    const fields = this.#safeFields();
    const shown =
      Object.keys(fields).length === 0
        ? ''
        : ` ${inspect?.(fields, { ...options, depth: options?.depth == null ? options?.depth : options.depth - 1 }) ?? JSON.stringify(fields, null, 2)}`;
    return `${header}${framesAt === -1 ? '' : stack.slice(framesAt)}${shown}`;
  }
}

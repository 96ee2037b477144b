import { redactHeaders } from './redact.js';

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
 * `JSON.stringify` gives its name, message and safe public fields; `util.inspect` prints it as Node prints an error
 * (its stack, then the own enumerable fields each class sets and the cause). Request and response headers and bodies
 * are hidden (not enumerable), and every error the client throws is scrubbed of credentials first.
 */
export class JelouError extends Error {
  /**
   * The class's brand, also its `name`; each subclass declares its own (class names do not survive minifiers). A
   * getter rather than a static field, so that importing the package runs no static initializer per class.
   */
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style -- see above
  static get brand(): string {
    return 'JelouError';
  }

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

  /**
   * A plain object for `JSON.stringify`: name, message, the own enumerable fields each class sets (method, url,
   * status...), the hidden header records only redacted, and the cause's name and message only (not what it
   * carries: requests, sockets...). Bodies and brands are hidden (`defineHidden`), so they stay out.
   */
  toJSON(): Record<string, unknown> {
    const { name, message, headers, requestHeaders, cause } = this as JelouError & {
      headers?: Headers;
      requestHeaders?: unknown;
    };
    const fields: Record<string, unknown> = { name, message, ...(this as object) };
    if (headers) fields['headers'] = redactHeaders(headers);
    if (requestHeaders) fields['requestHeaders'] = requestHeaders;
    if (cause !== undefined) {
      const about = Object(cause) as Record<string, unknown>;
      fields['cause'] =
        cause !== null && typeof cause === 'object'
          ? {
              name: typeof about['name'] === 'string' ? about['name'] : 'Error',
              message: typeof about['message'] === 'string' ? about['message'] : '',
            }
          : { name: typeof cause, message: String(cause) };
    }
    return fields;
  }
}

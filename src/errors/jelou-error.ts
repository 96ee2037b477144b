const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The `inspect` function Node passes to a custom inspector. */
type Inspect = (value: unknown, options?: object) => string;

/** Options of `util.inspect` as a custom inspector receives them. */
interface InspectOptions {
  readonly depth?: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A cause reduced to what is safe to print: its name and message, nothing it carries (requests, sockets...). */
export function causeSummary(cause: unknown): { name: string; message: string } | undefined {
  if (!isRecord(cause)) return cause === undefined ? undefined : { name: typeof cause, message: String(cause) };
  const name = typeof cause['name'] === 'string' ? cause['name'] : 'Error';
  const message = typeof cause['message'] === 'string' ? cause['message'] : '';
  return { name, message };
}

/** Defines a read-only, non-enumerable property: kept off logs that copy an error's own fields (pino, winston). */
export function defineHidden(target: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

// The brand of each error class: a registry-wide symbol, so the ESM and CommonJS copies of this package (or two
// bundled copies) recognize each other's errors with `instanceof`.
const brandOf = (name: string): symbol => Symbol.for(`jelou-external-support.error.${name}`);

/**
 * Base class of every error the SDK throws: `catch (e) { if (e instanceof JelouError) ... }` catches them all,
 * whichever copy of the package (ESM or CommonJS) threw it.
 * `JSON.stringify` and `util.inspect` show only its safe public fields, never credentials or request headers.
 */
export class JelouError extends Error {
  /** The class's brand name; each subclass declares its own (class names do not survive minifiers). */
  static readonly brand: string = 'JelouError';
  override readonly name: string = 'JelouError';

  /** Creates an error; `cause` is the underlying error, if any. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    // One hidden brand per class of the chain, from this class up to JelouError.
    for (let type: unknown = new.target; type !== Error && typeof type === 'function'; ) {
      if (Object.hasOwn(type, 'brand')) defineHidden(this, brandOf((type as typeof JelouError).brand), true);
      type = Object.getPrototypeOf(type);
    }
  }

  /** `instanceof` that also recognizes errors of another copy of this package by their brand. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brandOf(this.brand)] === true
    );
  }

  /** The fields, besides name and message, that `toJSON` and `util.inspect` show; subclasses add theirs. */
  protected publicFields(): Record<string, unknown> {
    // Every own enumerable field but the name: what each class declares (method, url, status...). Headers, bodies
    // and brands are defined hidden (`defineHidden`), so they stay out; a class that shows them redacted overrides.
    const fields: Record<string, unknown> = { ...(this as object) };
    delete fields['name'];
    return fields;
  }

  private safeFields(): Record<string, unknown> {
    const fields = this.publicFields();
    const cause = causeSummary(this.cause);
    return cause === undefined ? fields : { ...fields, cause };
  }

  /** A plain object for `JSON.stringify`: name, message, the safe public fields and the cause's name and message. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.safeFields() };
  }

  /** Prints like a normal error (name, message, stack) followed by the same safe fields as `toJSON`. */
  [INSPECT](depth: number, options: InspectOptions | undefined, inspect: Inspect | undefined): string {
    const header = `${this.name}: ${this.message}`;
    if (depth < 0) return `[${header}]`;
    // The stack's first lines hold the message as it was when the stack was first read; rebuild them from the
    // current name and message, and keep only the frames.
    const stack = this.stack ?? '';
    const framesAt = stack.search(/\n\s+at /);
    const frames = framesAt === -1 ? '' : stack.slice(framesAt);
    const fields = this.safeFields();
    if (Object.keys(fields).length === 0) return `${header}${frames}`;
    const depthLeft = options?.depth === null || options?.depth === undefined ? options?.depth : options.depth - 1;
    const shown = inspect ? inspect(fields, { ...options, depth: depthLeft }) : JSON.stringify(fields, null, 2);
    return `${header}${frames} ${shown}`;
  }
}

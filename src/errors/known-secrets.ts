// The one place a credential is registered: every value added here is scrubbed from any error the client throws.
import { isSensitiveHeader } from './redact.js';

/** How many values resolved by credential functions (rotated keys) one registry remembers, newest last. */
const REMEMBERED = 32;

// `Bearer T`, `Basic T`, `Token T`: the token alone is a credential too (a server may echo just `T`).
const SCHEME_TOKEN = /^\s*[A-Za-z][\w-]*\s+(\S+)\s*$/;

/**
 * The credentials a client (or one call) knows of: auth values, the Basic token, sensitive caller headers, body
 * credentials, the signing secret. A call's registry extends its client's (`new KnownSecrets(clientSecrets)`).
 * @example
 * secrets.add(options.signingSecret); // from now on it is replaced by `***` in every error
 */
export class KnownSecrets {
  private readonly fixed = new Set<string>();
  private readonly recent: string[] = [];

  /** Creates a registry; `parent`'s values count as this one's too. */
  constructor(private readonly parent?: KnownSecrets) {}

  /** Registers credential values for the registry's life; anything but a non-empty string is ignored. */
  add(...values: unknown[]): this {
    for (const value of values) if (typeof value === 'string' && value.trim() !== '') this.fixed.add(value);
    return this;
  }

  /** Registers values resolved for one request (a rotating key): only the latest 32 are remembered. */
  seen(...values: string[]): this {
    for (const value of values) {
      if (value.trim() === '') continue;
      const at = this.recent.indexOf(value);
      if (at !== -1) this.recent.splice(at, 1);
      this.recent.push(value);
    }
    this.recent.splice(0, Math.max(0, this.recent.length - REMEMBERED));
    return this;
  }

  /** Registers the values of the sensitive headers among `headers` (and the token of `Scheme token`). */
  headers(headers: unknown): this {
    if (headers === null || typeof headers !== 'object') return this;
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && isSensitiveHeader(name, value)) this.add(value, SCHEME_TOKEN.exec(value)?.[1]);
    }
    return this;
  }

  /** Every value registered here or in the parent. */
  list(): string[] {
    return [...new Set([...(this.parent?.list() ?? []), ...this.fixed, ...this.recent])];
  }
}

// The one place a credential is registered: every value added here is scrubbed from any error the client throws.
import { isSensitiveHeader } from './redact.js';

/**
 * The credentials a client (or one call) knows of: auth values, the Basic token, sensitive caller headers, body
 * credentials, the signing secret. A call's registry extends its client's: `new KnownSecrets(clientSecrets)`.
 * @example
 * secrets.add(options.signingSecret); // from now on replaced by `***` in every error
 */
export class KnownSecrets {
  private readonly fixed = new Set<string>();
  // Values resolved by credential functions (rotated keys): the latest 32 are remembered.
  private readonly recent = new Set<string>();

  /** Creates a registry; `parent`'s values count as this one's too. */
  constructor(private readonly parent?: KnownSecrets) {}

  /** Registers credentials for the registry's life; anything but a non-blank string is ignored. */
  add(...values: unknown[]): this {
    for (const value of values) if (typeof value === 'string' && value.trim()) this.fixed.add(value);
    return this;
  }

  /** Registers values resolved for one request (a rotating key): only the latest 32 are kept. */
  seen(...values: string[]): this {
    for (const value of values) {
      // Deleted first, so a value in use again moves to the newest end and is not the one dropped.
      this.recent.delete(value);
      if (value.trim()) this.recent.add(value);
      if (this.recent.size > 32) this.recent.delete(this.recent.values().next().value as string);
    }
    return this;
  }

  /** Registers the values of the sensitive headers in a record, and the token of a `Scheme token` value. */
  headers(headers: unknown): this {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (typeof value === 'string' && isSensitiveHeader(name, value))
        this.add(value, /^\s*\S+\s+(\S+)\s*$/.exec(value)?.[1]);
    }
    return this;
  }

  /** Every value registered here or in the parent. */
  list(): string[] {
    return [...new Set([...(this.parent?.list() ?? []), ...this.fixed, ...this.recent])];
  }
}

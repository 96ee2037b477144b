// Rotation of the signing secret: regenerate, store, and only then return, so a crash between the two steps cannot
// leave a secret that Jelou uses and nobody kept (Jelou invalidates the old one at once).
import { defineHidden } from '../errors/jelou-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { RequestOptions } from './options.js';

/** Where a client keeps the function that resolves its own signing secret (non-enumerable, never printed). */
export const CURRENT_SIGNING_SECRET: unique symbol = Symbol.for('jelou-external-support.currentSigningSecret');

/** Options of {@link rotateSigningSecret}. */
export interface RotateSigningSecretOptions {
  /** Stores the new secret (a secret manager, a database); awaited before `rotateSigningSecret` returns. */
  persist: (secret: string) => void | Promise<void>;
  /** The secret being replaced. @default the client's `signingSecret`, when it has one */
  previous?: string | undefined;
  /** Options of the `regenerateSigningSecret` call. */
  requestOptions?: RequestOptions | undefined;
}

/** What {@link rotateSigningSecret} resolves to: verify webhooks with `[secret, previous]` for a grace window. */
export interface RotatedSigningSecret {
  /** The new signing secret, already persisted. */
  secret: string;
  /** The secret it replaced, when known; Jelou no longer signs with it, but deliveries under way may carry it. */
  previous: string | undefined;
}

interface RotatableClient {
  regenerateSigningSecret(projectId: string, requestOptions?: RequestOptions): PromiseLike<{ signingSecret: string }>;
}

/**
 * Regenerates the project's signing secret, awaits `persist(secret)`, and returns the new and the previous secret.
 * If `persist` fails, the call rejects with its error; the new secret is then on the error's non-enumerable
 * `signingSecret` property (never in its message, `JSON.stringify` or `util.inspect`), so it can still be stored.
 * @example
 * const { secret, previous } = await rotateSigningSecret(client, 'PROJECT_ID', {
 *   persist: (secret) => secrets.put('jelou-signing-secret', secret),
 * });
 * const verify = createWebhookVerifier({ secret: [secret, previous] });
 */
export async function rotateSigningSecret(
  client: RotatableClient,
  projectId: string,
  options: RotateSigningSecretOptions,
): Promise<RotatedSigningSecret> {
  if (typeof options?.persist !== 'function') {
    throw new ValidationError('persist', 'must be a function that stores the new secret');
  }
  const current = (client as { [CURRENT_SIGNING_SECRET]?: () => Promise<string | undefined> })[CURRENT_SIGNING_SECRET];
  const previous = options.previous ?? (await current?.().catch(() => undefined));
  const { signingSecret: secret } = await client.regenerateSigningSecret(projectId, options.requestOptions);
  try {
    await options.persist(secret);
  } catch (error) {
    if (typeof error === 'object' && error !== null) defineHidden(error, 'signingSecret', secret);
    throw error;
  }
  return { secret, previous };
}

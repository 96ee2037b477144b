// The signing secret of `sendMessage`: where it comes from, and the `X-Jelou-Signature` it makes over a body.
import type { KnownSecrets } from '../errors/redact.js';
import { ValidationError } from '../errors/validation-error.js';
import { resolveCredential } from './auth.js';

/** A signing secret, or a function returning one (called once per `sendMessage` call, for rotation). */
export type SigningSecret = string | (() => string | Promise<string>);

/**
 * Resolves the signing secret for one call; `learn`, for a function-form secret never called yet (or whose calls all
 * failed), calls it so that its value is known to the redactor; it waits at most `LEARN_SIGNING_SECRET_MS` and never
 * rejects.
 */
export type SigningSecretProvider = (() => Promise<string>) & { learn?: () => Promise<void> };

/** How long an error waits at most for a function-form signing secret to resolve before it is scrubbed. */
export const LEARN_SIGNING_SECRET_MS = 1000;

/**
 * Checks the `signingSecret` option (or reads `JELOU_SIGNING_SECRET` without one) and returns what resolves it for
 * one call (rejecting with a `ValidationError` naming `signingSecret` when it resolves to nothing); `undefined` when
 * neither is set. Every value goes into `known`: a fixed one at once, each one a function gave once seen.
 */
export function createSigningSecretProvider(
  option: unknown,
  env: Readonly<Record<string, string | undefined>>,
  known: KnownSecrets,
): SigningSecretProvider | undefined {
  const chosen: unknown = option === undefined ? env.JELOU_SIGNING_SECRET?.trim() || undefined : option;
  if (chosen === undefined) return undefined;
  if (typeof chosen !== 'function' && (typeof chosen !== 'string' || chosen.trim() === '')) {
    throw new ValidationError('signingSecret', 'must be a non-empty string or a function returning one');
  }
  known.add(chosen);
  // Never sent (only its HMAC is): any non-blank text will do.
  let called: Promise<unknown> | undefined; // the first call that has not failed
  const provider: SigningSecretProvider = () => {
    const secret = resolveCredential(chosen as SigningSecret, 'signingSecret', false, false).then(
      (value) => (known.seen(value), value),
    );
    called ??= secret.catch(() => (called = undefined));
    return secret;
  };
  if (typeof chosen !== 'function') return provider;
  // A function's value is unknown to the redactor until it is first called: an error of a gateway call before any
  // sendMessage calls it once, and waits for it a bounded time, so an echo of the secret is redacted there too.
  provider.learn = () =>
    called
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, LEARN_SIGNING_SECRET_MS);
          void provider().then(
            () => (clearTimeout(timer), resolve()),
            () => (clearTimeout(timer), resolve()),
          );
        });
  return provider;
}

/**
 * `sha256=<lower-case hex HMAC-SHA256 of the body bytes>`, keyed with the signing secret, on WebCrypto (every
 * runtime the SDK supports has `crypto.subtle`; no `node:crypto`, which browsers and bundlers do not have).
 */
export async function signBody(secret: string, body: string): Promise<string> {
  // Made here, not when the package is imported: a first TextEncoder costs tens of µs.
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  let hex = 'sha256=';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

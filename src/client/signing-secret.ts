// The signing secret of `sendMessage`: where it comes from, and the `X-Jelou-Signature` it makes over a body.
import { ValidationError } from '../errors/validation-error.js';

/** A signing secret, or a function returning one (called once per `sendMessage` call, for rotation). */
export type SigningSecret = string | (() => string | Promise<string>);

/** Resolves the signing secret for one call and remembers every value seen, for scrubbing errors. */
export interface SigningSecretProvider {
  /** The secret to sign with; rejects with a `ValidationError` naming `signingSecret` when there is none. */
  resolve(): Promise<string>;
  /** Every secret value seen lately. */
  secrets(): readonly string[];
}

/** How many rotated signing secrets are remembered for scrubbing. */
const REMEMBERED_SECRETS = 8;

/** Checks the `signingSecret` option (or reads `JELOU_SIGNING_SECRET` without one); `undefined` when neither is set. */
export function createSigningSecretProvider(
  option: unknown,
  env: Readonly<Record<string, string | undefined>>,
): SigningSecretProvider | undefined {
  const chosen: unknown = option === undefined ? env.JELOU_SIGNING_SECRET?.trim() || undefined : option;
  if (chosen === undefined) return undefined;
  if (typeof chosen !== 'function' && (typeof chosen !== 'string' || chosen.trim() === '')) {
    throw new ValidationError('signingSecret', 'must be a non-empty string or a function returning one');
  }
  const seen: string[] = typeof chosen === 'string' ? [chosen] : [];
  return {
    secrets: () => seen,
    async resolve() {
      const secret: unknown = typeof chosen === 'function' ? await (chosen as () => unknown)() : chosen;
      if (typeof secret !== 'string' || secret.trim() === '') {
        throw new ValidationError('signingSecret', 'resolved to an empty value or not a string');
      }
      if (!seen.includes(secret)) seen.push(secret);
      seen.splice(0, Math.max(0, seen.length - REMEMBERED_SECRETS));
      return secret;
    },
  };
}

const encoder = new TextEncoder();

/**
 * `sha256=<lower-case hex HMAC-SHA256 of the body bytes>`, keyed with the signing secret, on WebCrypto (every
 * runtime the SDK supports has `crypto.subtle`; no `node:crypto`, which browsers and bundlers do not have).
 */
export async function signBody(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  let hex = 'sha256=';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

import { checkAuth, type WebhookAuth } from './auth.js';
import { bodyText, rawBody } from './body.js';
import { inputError, type WebhookFailureReason } from './errors.js';
import type { HeadersLike } from './headers.js';
import type { Hmac } from './hmac.js';
import { safeEqual } from './safe-equal.js';
import { secretList, type SecretInput } from './secrets.js';

/** Options of `verifyJelouSignature`. */
export interface VerifyOptions {
  /**
   * Also accept the signature of `JSON.stringify(JSON.parse(body))`, the form Jelou's own sample verifier checks,
   * and report `form: 'reserialized'` (see the spec's `signature-input` discrepancy).
   * @default false
   */
  readonly reserialized?: boolean;
  /** The auth header Jelou must send too; checked in constant time. Needs `headers`. */
  readonly auth?: WebhookAuth;
  /** The request headers, for `auth`. */
  readonly headers?: HeadersLike;
}

/** The outcome of a verification. */
export type VerifyResult =
  | { readonly ok: true; readonly secretIndex: number; readonly form: 'raw' | 'reserialized' }
  | { readonly ok: false; readonly reason: Exclude<WebhookFailureReason, 'invalid_json'> };

/** The signature verifier of the webhooks entry, over one runtime's HMAC. */
export type VerifyJelouSignature = (
  body: unknown,
  signatureHeader: string | null | undefined,
  secret: SecretInput,
  options?: VerifyOptions,
) => Promise<VerifyResult>;

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/** Builds `verifyJelouSignature` over a runtime's HMAC. */
export function createVerify(hmac: Hmac): VerifyJelouSignature {
  return async (body, signatureHeader, secret, options = {}) => {
    const secrets = secretList(secret);
    const raw = rawBody(body);
    // The full format check (a regex) runs only on failure: it costs ~10% of an HMAC on every good delivery.
    const reason =
      raw === undefined
        ? 'body_not_raw'
        : !signatureHeader
          ? 'missing_signature'
          : signatureHeader.length !== 71 || !signatureHeader.startsWith('sha256=')
            ? 'malformed_signature'
            : (checkAuth(options.headers, options.auth) ?? (raw.length ? undefined : 'empty_body'));
    if (reason || !raw || !signatureHeader) return { ok: false, reason: reason || 'empty_body' };
    const hex = signatureHeader.slice(7);
    // The raw body first; the re-serialized form only when asked and the header is well-formed.
    let data: string | Uint8Array | undefined = raw;
    for (const form of ['raw', 'reserialized'] as const) {
      for (let i = 0; data !== undefined && i < secrets.length; i++) {
        const mac = hmac(secrets[i] as string, data);
        if (safeEqual(hex, typeof mac === 'string' ? mac : await mac)) return { ok: true, secretIndex: i, form };
      }
      try {
        data = options.reserialized && SIGNATURE.test(signatureHeader) ? JSON.stringify(JSON.parse(bodyText(raw))) : undefined;
      } catch {
        data = undefined;
      }
    }
    return { ok: false, reason: SIGNATURE.test(signatureHeader) ? 'mismatch' : 'malformed_signature' };
  };
}

/** The `X-Jelou-Signature` value for a body: `sha256=<hex>`. */
export type SignJelouPayload = (body: string | Uint8Array | ArrayBuffer, secret: string) => Promise<string>;

/** Builds `signJelouPayload` over a runtime's HMAC. */
export function createSign(hmac: Hmac): SignJelouPayload {
  return async (body, secret) => {
    const raw = rawBody(body);
    if (raw === undefined) throw inputError('body', 'must be the exact string or bytes sent');
    const [key = ''] = secretList(secret);
    return `sha256=${await hmac(key, raw)}`;
  };
}

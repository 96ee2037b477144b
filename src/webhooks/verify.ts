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

const refuse = (reason: Exclude<WebhookFailureReason, 'invalid_json'>) => ({ ok: false, reason }) as const;

/** Builds `verifyJelouSignature` over a runtime's HMAC. */
export function createVerify(hmac: Hmac): VerifyJelouSignature {
  return async (body, signature, secret, options = {}) => {
    const secrets = secretList(secret);
    const raw = rawBody(body);
    if (raw === undefined) return refuse('body_not_raw');
    if (!signature) return refuse('missing_signature');
    // The full format check (a regex) runs only on failure: it costs ~10% of an HMAC on every good delivery.
    if (signature.length !== 71 || !signature.startsWith('sha256=')) return refuse('malformed_signature');
    const auth = checkAuth(options.headers, options.auth);
    if (auth) return refuse(auth);
    if (!raw.length) return refuse('empty_body');
    // The raw body first; the re-serialized form only when asked and the header is well-formed.
    let data: string | Uint8Array | undefined = raw;
    for (const form of ['raw', 'reserialized'] as const) {
      for (let i = 0; data !== undefined && i < secrets.length; i++) {
        const mac = hmac(secrets[i] as string, data);
        if (safeEqual(signature.slice(7), typeof mac === 'string' ? mac : await mac))
          return { ok: true, secretIndex: i, form };
      }
      try {
        data =
          options.reserialized && SIGNATURE.test(signature) ? JSON.stringify(JSON.parse(bodyText(raw))) : undefined;
      } catch {
        data = undefined;
      }
    }
    return refuse(SIGNATURE.test(signature) ? 'mismatch' : 'malformed_signature');
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

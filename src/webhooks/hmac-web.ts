// WebCrypto, for runtimes without node:crypto (Workers, Deno, Bun and browsers have it too). No Buffer. Importing
// a key costs more than the HMAC itself, so each secret's CryptoKey is imported once and kept.
import type { Hmac } from './hmac.js';

const keys = new Map<string, ReturnType<typeof crypto.subtle.importKey>>();

// WebCrypto's BufferSource wants an ArrayBuffer-backed view; a caller's Uint8Array is one (never a shared buffer).
const bytes = (data: string | Uint8Array) =>
  (typeof data === 'string' ? new TextEncoder().encode(data) : data) as Uint8Array<ArrayBuffer>;

/** HMAC-SHA256 on WebCrypto (`crypto.subtle`), hex, one imported key per secret. */
export const webHmac: Hmac = async (secret, data) => {
  let key = keys.get(secret);
  if (!key) {
    // A receiver has one or two secrets; the cap only stops a misuse from growing the cache.
    if (keys.size > 15) keys.clear();
    keys.set(
      secret,
      (key = crypto.subtle.importKey('raw', bytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])),
    );
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, bytes(data)));
  return Array.from(mac, (b) => (b | 256).toString(16).slice(1)).join('');
};

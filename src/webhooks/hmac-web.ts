// WebCrypto, for runtimes without node:crypto (Workers, Deno, Bun and browsers have it too). No Buffer. Importing
// a key costs more than the HMAC itself, so each secret's CryptoKey is imported once and kept.
import type { Hmac } from './hmac.js';

type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const keys = new Map<string, Promise<Key>>();
const MAX_KEYS = 16; // a receiver has one or two secrets; the cap only stops a misuse from growing the cache

// WebCrypto's BufferSource wants an ArrayBuffer-backed view; a caller's Uint8Array is one (never a shared buffer).
const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : (data as Uint8Array<ArrayBuffer>);

/** HMAC-SHA256 on WebCrypto (`crypto.subtle`), hex, one imported key per secret. */
export const webHmac: Hmac = async (secret, data) => {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey('raw', bytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, bytes(data)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
};

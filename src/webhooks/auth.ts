// The second mechanism: the auth header Jelou sends per the integration's `authType` (jelou-api.md §2c).
import { header, type HeadersLike } from './headers.js';
import { safeEqual } from './safe-equal.js';

/**
 * What the integration's `authType` makes Jelou send, and so what the receiver expects:
 * - `{ type: 'bearer', token }`: `Authorization: Bearer <token>`;
 * - `{ type: 'api_key', key, header? }`: `<header>: <key>`, header `X-API-Key` by default;
 * - `{ type: 'basic', username, password }`: `Authorization: Basic base64(username:password)`;
 * - `{ type: 'basic', credentials }`: the integration's `authorization` value: `Basic <credentials>`, or, when it
 *   is a `username:password` pair, also `Basic base64(credentials)` (who encodes it is undocumented);
 * - `{ type: 'none' }`: nothing checked (`no_auth`).
 */
export type WebhookAuth =
  | { readonly type: 'bearer'; readonly token: string }
  | { readonly type: 'api_key'; readonly key: string; readonly header?: string }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'basic'; readonly credentials: string }
  | { readonly type: 'none' };

/** Base64 of the UTF-8 bytes of a string, without Buffer. */
const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The header name and the values it may hold, for an auth configuration; `undefined` for `none`. */
export function expectedAuth(auth: WebhookAuth): [name: string, values: string[]] | undefined {
  if (auth.type === 'api_key') return [auth.header ?? 'x-api-key', [auth.key]];
  if (auth.type === 'none') return undefined;
  if (auth.type === 'bearer') return ['authorization', ['Bearer ' + auth.token]];
  if (!('credentials' in auth)) return ['authorization', ['Basic ' + base64(auth.username + ':' + auth.password)]];
  const { credentials } = auth;
  return ['authorization', ['Basic ' + credentials, ...(credentials.includes(':') ? ['Basic ' + base64(credentials)] : [])]];
}

/** `undefined` when the auth header is right (or none is expected), else why not. */
export function checkAuth(
  headers: HeadersLike | undefined,
  auth: WebhookAuth | undefined,
): 'missing_auth' | 'bad_auth' | undefined {
  const [name, values = []] = (auth && expectedAuth(auth)) ?? [];
  if (!name) return undefined;
  let actual = header(headers, name);
  if (!actual) return 'missing_auth';
  // HTTP auth schemes are case-insensitive (RFC 9110 §11.1); the credential after them is not.
  if (name === 'authorization') actual = actual.replace(/^\S+/, (s) => s[0]?.toUpperCase() + s.slice(1).toLowerCase());
  let ok = false;
  for (const value of values) ok = safeEqual(actual, value) || ok;
  return ok ? undefined : 'bad_auth';
}

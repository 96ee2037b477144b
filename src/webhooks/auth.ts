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
export const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The header name and the values it may hold, for an auth configuration. */
export function expectedAuth(auth: WebhookAuth): [name: string, values: string[]] | undefined {
  switch (auth.type) {
    case 'bearer':
      return ['authorization', [`Bearer ${auth.token}`]];
    case 'api_key':
      return [auth.header ?? 'x-api-key', [auth.key]];
    case 'basic':
      if ('credentials' in auth) {
        const { credentials } = auth;
        return [
          'authorization',
          [`Basic ${credentials}`, ...(credentials.includes(':') ? [`Basic ${base64(credentials)}`] : [])],
        ];
      }
      return ['authorization', [`Basic ${base64(`${auth.username}:${auth.password}`)}`]];
    default:
      return undefined;
  }
}

/** `undefined` when the auth header is right (or none is expected), else why not. */
export function checkAuth(
  headers: HeadersLike | undefined,
  auth: WebhookAuth | undefined,
): 'missing_auth' | 'bad_auth' | undefined {
  const expected = auth && expectedAuth(auth);
  if (!expected) return undefined;
  const actual = header(headers, expected[0]);
  if (!actual) return 'missing_auth';
  // HTTP auth schemes are case-insensitive (RFC 9110 §11.1); the credential after them is not.
  const normalized =
    expected[0] === 'authorization'
      ? actual.replace(/^\S+/, (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase())
      : actual;
  let ok = false;
  for (const value of expected[1]) ok = safeEqual(normalized, value) || ok;
  return ok ? undefined : 'bad_auth';
}

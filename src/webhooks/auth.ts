// The second mechanism: the auth header Jelou sends per the integration's `authType` (jelou-api.md §2c).
import { inputError } from './errors.js';
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

/**
 * Checks an `auth` option at start-up: a type outside the documented ones, or an empty credential, throws a
 * `WebhookInputError` naming the field (never the value), instead of refusing every delivery later.
 */
export function checkAuthOption(auth: WebhookAuth | undefined): void {
  if (auth === undefined || auth.type === 'none') return;
  const a = auth as Partial<Record<string, unknown>>;
  const needs =
    auth.type === 'bearer'
      ? ['token']
      : auth.type === 'api_key'
        ? ['key']
        : auth.type === 'basic'
          ? 'credentials' in auth
            ? ['credentials']
            : ['username', 'password']
          : undefined;
  if (!needs) throw inputError('auth.type', "must be 'bearer', 'api_key', 'basic' or 'none'");
  for (const field of needs) {
    if (typeof a[field] !== 'string' || a[field] === '')
      throw inputError('auth.' + field, 'must be a non-empty string');
  }
}

/** `Basic base64(pair)`, the UTF-8 bytes encoded without Buffer. */
const basic = (pair: string) => 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(pair)));

/** The header name and the values it may hold, for an auth configuration; `undefined` for `none`. */
export function expectedAuth(auth: WebhookAuth): [name: string, values: string[]] | undefined {
  if (auth.type === 'none') return undefined;
  if (auth.type === 'api_key') return [auth.header ?? 'x-api-key', [auth.key]];
  if (auth.type === 'bearer') return ['authorization', ['Bearer ' + auth.token]];
  if (!('credentials' in auth)) return ['authorization', [basic(auth.username + ':' + auth.password)]];
  const { credentials } = auth;
  return ['authorization', ['Basic ' + credentials, ...(credentials.includes(':') ? [basic(credentials)] : [])]];
}

/** `undefined` when the auth header is right (or none is expected), else why not. */
export function checkAuth(
  headers: HeadersLike | undefined,
  auth: WebhookAuth | undefined,
): 'missing_auth' | 'bad_auth' | undefined {
  const [name, values = []] = (auth && expectedAuth(auth)) ?? [];
  if (!name) return undefined;
  const actual = header(headers, name);
  if (!actual) return 'missing_auth';
  // HTTP auth schemes are case-insensitive (RFC 9110 §11.1); the credential after them is not.
  const scheme = (value: string) => (name === 'authorization' ? value.replace(/^\S+/, (s) => s.toLowerCase()) : value);
  // Every value is compared, so the time does not tell which one matched.
  return values.reduce((ok, value) => safeEqual(scheme(actual), scheme(value)) || ok, false) ? undefined : 'bad_auth';
}

// Credentials: which scheme, where they come from, and the headers they become for each request.
import { ValidationError } from '../errors/validation-error.js';
import { hasControlCharacter } from './validate-input.js';

/** A credential value, or a function returning one (called before each request, for key rotation). */
export type Credential = string | (() => string | Promise<string>);

/** The project API key, sent as `x-api-key` (the documentation's prose). */
export interface ApiKeyAuth {
  apiKey: Credential;
}

/** Client credentials, sent as `Authorization: Basic base64(clientId:clientSecret)` (the docs' OpenAPI block). */
export interface BasicAuth {
  clientId: Credential;
  clientSecret: Credential;
}

/** Either documented way to authenticate. */
export type Auth = ApiKeyAuth | BasicAuth;

/** Turns the configured credentials into request headers, and remembers which strings must never be shown. */
export interface AuthProvider {
  readonly scheme: 'apiKey' | 'basic';
  /** Resolves the credentials (calling functions) and returns the auth headers; at once for fixed strings. */
  headers(): Record<string, string> | Promise<Record<string, string>>;
  /** Every credential string (and encoded form) seen lately, for scrubbing error messages. */
  secrets(): readonly string[];
}

/** How many rotated credential values are remembered for scrubbing. */
const REMEMBERED_SECRETS = 32;

function checkCredential(value: unknown, field: string): void {
  if (typeof value === 'function') return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, 'must be a non-empty string or a function returning one');
  }
}

async function resolveCredential(value: Credential, field: string): Promise<string> {
  return checkResolved(typeof value === 'function' ? await value() : value, field);
}

function checkResolved(resolved: unknown, field: string): string {
  if (typeof resolved !== 'string' || resolved.trim() === '') {
    throw new ValidationError(field, 'resolved to an empty value or not a string');
  }
  // fetch refuses these in a header value with a message that quotes the value: refuse them first, quietly.
  if (hasControlCharacter(resolved)) {
    throw new ValidationError(field, 'contains control characters, which cannot be sent in an HTTP header');
  }
  return resolved;
}

/** Base64 of the UTF-8 bytes, with what every runtime has (no Buffer). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromEnv(env: Readonly<Record<string, string | undefined>>): Auth {
  const apiKey = env.JELOU_API_KEY?.trim();
  if (apiKey) return { apiKey };
  const clientId = env.JELOU_CLIENT_ID?.trim();
  const clientSecret = env.JELOU_CLIENT_SECRET?.trim();
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) {
    throw new ValidationError('auth', `${clientId ? 'JELOU_CLIENT_SECRET' : 'JELOU_CLIENT_ID'} is not set`);
  }
  throw new ValidationError(
    'auth',
    'no credentials: pass auth: { apiKey } or { clientId, clientSecret }, or set JELOU_API_KEY, ' +
      'or JELOU_CLIENT_ID and JELOU_CLIENT_SECRET',
  );
}

/** Checks the `auth` option (or reads the environment without one) and returns its provider. */
export function createAuthProvider(
  auth: Auth | undefined,
  env: Readonly<Record<string, string | undefined>>,
): AuthProvider {
  // Only a missing option falls back to the environment; an explicit null is a mistake to report.
  const chosen: unknown = auth === undefined ? fromEnv(env) : auth;
  if (chosen === null || typeof chosen !== 'object') {
    throw new ValidationError('auth', 'must be { apiKey } or { clientId, clientSecret }');
  }
  const hasKey = 'apiKey' in chosen;
  const hasBasic = 'clientId' in chosen || 'clientSecret' in chosen;
  if (hasKey === hasBasic) {
    throw new ValidationError('auth', 'must be either { apiKey } or { clientId, clientSecret }, not both or neither');
  }
  const seen: string[] = [];
  const remember = (...values: string[]): void => {
    for (const value of values) {
      // Newest last, so a value still in use is never the one dropped when rotations exceed the bound.
      const at = seen.indexOf(value);
      if (at !== -1) seen.splice(at, 1);
      seen.push(value);
    }
    seen.splice(0, Math.max(0, seen.length - REMEMBERED_SECRETS));
  };
  const secrets = (): readonly string[] => seen;

  if (hasKey) {
    const { apiKey } = chosen as ApiKeyAuth;
    checkCredential(apiKey, 'auth.apiKey');
    return cacheFixed(typeof apiKey === 'string', {
      scheme: 'apiKey',
      secrets,
      async headers() {
        const key = await resolveCredential(apiKey, 'auth.apiKey');
        // Sent as is (Basic credentials are base64-encoded): it must be a header value fetch can send.
        if (/[^\0-\xff]/.test(key)) {
          throw new ValidationError(
            'auth.apiKey',
            'contains characters outside Latin-1, which an HTTP header cannot carry',
          );
        }
        remember(key);
        return { 'x-api-key': key };
      },
    });
  }
  const { clientId, clientSecret } = chosen as BasicAuth;
  checkCredential(clientId, 'auth.clientId');
  checkCredential(clientSecret, 'auth.clientSecret');
  const basic = (id: string, secret: string): Record<string, string> => {
    // RFC 7617: the user-id of Basic credentials cannot contain a colon.
    if (id.includes(':')) throw new ValidationError('auth.clientId', 'must not contain ":"');
    const token = base64Utf8(`${id}:${secret}`);
    remember(secret, `${id}:${secret}`, token);
    return { authorization: `Basic ${token}` };
  };
  return cacheFixed(typeof clientId === 'string' && typeof clientSecret === 'string', {
    scheme: 'basic',
    secrets,
    async headers() {
      const [id, secret] = await Promise.all([
        resolveCredential(clientId, 'auth.clientId'),
        resolveCredential(clientSecret, 'auth.clientSecret'),
      ]);
      return basic(id, secret);
    },
  });
}

// Fixed credentials (strings, no functions) make the same headers every time: after the first call, which checks
// them, they are returned at once, with no promise per request.
function cacheFixed(fixed: boolean, provider: AuthProvider): AuthProvider {
  if (!fixed) return provider;
  let cached: Record<string, string> | undefined;
  return {
    scheme: provider.scheme,
    secrets: provider.secrets,
    headers: () => cached ?? (provider.headers() as Promise<Record<string, string>>).then((made) => (cached = made)),
  };
}

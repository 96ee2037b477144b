// Credentials: which scheme, where they come from, and the headers they become for each request.
import { KnownSecrets } from '../errors/redact.js';
import { ValidationError } from '../errors/validation-error.js';
import { hasControlCharacter, hasLoneSurrogate } from './validate-input.js';

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
  /** Every credential string (and encoded form) known: fixed ones from the start, resolved ones once seen. */
  secrets(): readonly string[];
}

function checkCredential(value: unknown, field: string): void {
  if (typeof value === 'function') return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, 'must be a non-empty string or a function returning one');
  }
}

async function resolveCredential(value: Credential, field: string, latin1 = false): Promise<string> {
  let resolved: unknown = value;
  if (typeof value === 'function') {
    try {
      resolved = await value();
    } catch (error) {
      // Typed, and never retried: the transport retries only what the network did.
      throw new ValidationError(field, 'function failed (see cause)', { cause: error });
    }
  }
  return checkResolved(resolved, field, latin1);
}

function checkResolved(resolved: unknown, field: string, latin1: boolean): string {
  if (typeof resolved !== 'string' || resolved.trim() === '') {
    throw new ValidationError(field, 'resolved to an empty value or not a string');
  }
  // fetch refuses these in a header value with a message that quotes the value: refuse them first, quietly.
  if (hasControlCharacter(resolved)) {
    throw new ValidationError(field, 'contains control characters, which cannot be sent in an HTTP header');
  }
  if (hasLoneSurrogate(resolved)) {
    throw new ValidationError(field, 'must not contain a lone surrogate');
  }
  // An API key is sent as is (Basic credentials are base64-encoded): it must be a header value fetch can send.
  if (latin1 && /[^\0-\xff]/.test(resolved)) {
    throw new ValidationError(field, 'contains characters outside Latin-1, which an HTTP header cannot carry');
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

/**
 * Checks the `auth` option (or reads the environment without one) and returns its provider; every credential value
 * goes into `known` (fixed ones at once, so errors read the same before and after the first request).
 */
export function createAuthProvider(
  auth: Auth | undefined,
  env: Readonly<Record<string, string | undefined>>,
  known: KnownSecrets = new KnownSecrets(),
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
  const remember = (...values: string[]): void => void known.seen(...values);
  const secrets = (): readonly string[] => known.list();

  if (hasKey) {
    const { apiKey } = chosen as ApiKeyAuth;
    checkCredential(apiKey, 'auth.apiKey');
    if (typeof apiKey === 'string') known.add(checkResolved(apiKey, 'auth.apiKey', true));
    return cacheFixed(typeof apiKey === 'string', {
      scheme: 'apiKey',
      secrets,
      async headers() {
        const key = await resolveCredential(apiKey, 'auth.apiKey', true);
        remember(key);
        return { 'x-api-key': key };
      },
    });
  }
  const { clientId, clientSecret } = chosen as BasicAuth;
  checkCredential(clientId, 'auth.clientId');
  checkCredential(clientSecret, 'auth.clientSecret');
  const basic = (id: string, secret: string, fixed = false): Record<string, string> => {
    // RFC 7617: the user-id of Basic credentials cannot contain a colon.
    if (id.includes(':')) throw new ValidationError('auth.clientId', 'must not contain ":"');
    const token = base64Utf8(`${id}:${secret}`);
    (fixed ? known.add.bind(known) : remember)(id, secret, `${id}:${secret}`, token);
    return { authorization: `Basic ${token}` };
  };
  if (typeof clientId === 'string' && typeof clientSecret === 'string') {
    basic(
      checkResolved(clientId, 'auth.clientId', false),
      checkResolved(clientSecret, 'auth.clientSecret', false),
      true,
    );
  }
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

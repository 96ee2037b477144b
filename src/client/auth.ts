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
  if (typeof value !== 'function' && (typeof value !== 'string' || value.trim() === '')) {
    throw new ValidationError(field, 'must be a non-empty string or a function returning one');
  }
}

// A credential value, resolved: non-blank text, and with `header`, text an HTTP header can carry. fetch refuses
// the rest in a header value with a message that quotes the value: refuse it first, quietly. An API key is sent as
// is (Basic credentials are base64-encoded), so it must be Latin-1 too (`latin1`).
function checkResolved(resolved: unknown, field: string, latin1: boolean, header = true): string {
  const problem =
    typeof resolved !== 'string' || resolved.trim() === ''
      ? 'resolved to an empty value or not a string'
      : !header
        ? undefined
        : hasControlCharacter(resolved)
          ? 'contains control characters, which cannot be sent in an HTTP header'
          : hasLoneSurrogate(resolved)
            ? 'must not contain a lone surrogate'
            : latin1 && /[^\0-\xff]/.test(resolved)
              ? 'contains characters outside Latin-1, which an HTTP header cannot carry'
              : undefined;
  if (problem !== undefined) throw new ValidationError(field, problem);
  return resolved as string;
}

/**
 * Resolves a credential (calling it when it is a function) and checks it as {@link checkResolved} does; a function
 * that throws becomes a ValidationError naming `field`, its error the `cause`.
 */
export async function resolveCredential(
  value: Credential,
  field: string,
  latin1: boolean,
  header?: boolean,
): Promise<string> {
  let resolved: unknown;
  try {
    resolved = typeof value === 'function' ? await value() : value;
  } catch (error) {
    // Typed, and never retried: the transport retries only what the network did.
    throw new ValidationError(field, 'function failed (see cause)', { cause: error });
  }
  return checkResolved(resolved, field, latin1, header);
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
  if (hasKey === ('clientId' in chosen || 'clientSecret' in chosen)) {
    throw new ValidationError('auth', 'must be either { apiKey } or { clientId, clientSecret }, not both or neither');
  }
  const { apiKey, clientId, clientSecret } = chosen as Partial<ApiKeyAuth & BasicAuth>;
  const credentials: [string, unknown][] = hasKey
    ? [['auth.apiKey', apiKey]]
    : [
        ['auth.clientId', clientId],
        ['auth.clientSecret', clientSecret],
      ];
  for (const [field, value] of credentials) checkCredential(value, field);
  // The headers of resolved values, each registered: for good when fixed, as a recent value when a function gave it.
  const make = (values: string[], remember: (...values: string[]) => unknown): Record<string, string> => {
    const [key = '', secret = ''] = values;
    if (hasKey) {
      remember(key);
      return { 'x-api-key': key };
    }
    // RFC 7617: the user-id of Basic credentials cannot contain a colon.
    if (key.includes(':')) throw new ValidationError('auth.clientId', 'must not contain ":"');
    // Base64 of the UTF-8 bytes, with what every runtime has (no Buffer).
    const token = btoa(
      Array.from(new TextEncoder().encode(`${key}:${secret}`), (byte) => String.fromCharCode(byte)).join(''),
    );
    remember(key, secret, `${key}:${secret}`, token);
    return { authorization: `Basic ${token}` };
  };
  const scheme = hasKey ? 'apiKey' : 'basic';
  const secrets = (): readonly string[] => known.list();
  // Fixed credentials (strings, no functions) make the same headers every time: checked and made once, here.
  if (credentials.every(([, value]) => typeof value === 'string')) {
    const fixed = make(
      credentials.map(([field, value]) => checkResolved(value, field, hasKey)),
      (...values) => known.add(...values),
    );
    return { scheme, secrets, headers: () => fixed };
  }
  return {
    scheme,
    secrets,
    headers: async () =>
      make(
        await Promise.all(credentials.map(([field, value]) => resolveCredential(value as Credential, field, hasKey))),
        (...values) => known.seen(...values),
      ),
  };
}

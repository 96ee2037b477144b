import { createAuthProvider, type Auth } from '../../../src/client/auth';
import { refusal, rejection } from '../../support/refusal';

const NO_ENV = {};

/** What HTTP Basic should carry for these credentials (RFC 7617, UTF-8). */
function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
}

describe('createAuthProvider with an api key', () => {
  it('sends the key as x-api-key and nothing else', async () => {
    const provider = createAuthProvider({ apiKey: 'key-123' }, NO_ENV);
    expect(provider.scheme).toBe('apiKey');
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'key-123' });
  });

  it('calls a key function once per headers() call', async () => {
    const apiKey = jest.fn().mockReturnValueOnce('key-1').mockReturnValueOnce('key-2');
    const provider = createAuthProvider({ apiKey }, NO_ENV);
    expect(apiKey).not.toHaveBeenCalled();
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'key-1' });
    expect(apiKey).toHaveBeenCalledTimes(1);
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'key-2' });
    expect(apiKey).toHaveBeenCalledTimes(2);
  });

  it('awaits an async key function', async () => {
    const provider = createAuthProvider({ apiKey: async () => 'async-key' }, NO_ENV);
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'async-key' });
  });

  it('sends the key as given, without trimming it', async () => {
    await expect(Promise.resolve(createAuthProvider({ apiKey: ' key ' }, NO_ENV).headers())).resolves.toStrictEqual({
      'x-api-key': ' key ',
    });
  });

  it.each([
    ['an empty string', ''],
    ['only whitespace', '   '],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
  ])('refuses a key that is %s when the client is created', (_label, apiKey) => {
    const error = refusal(() => createAuthProvider({ apiKey } as unknown as Auth, NO_ENV));
    expect(error.field).toBe('auth.apiKey');
    expect(error.problem).toBe('must be a non-empty string or a function returning one');
  });

  it.each([
    ['an empty string', () => ''],
    ['only whitespace', async () => ' \t'],
    ['a number', () => 42],
    ['undefined', () => undefined],
  ])('rejects headers() when the key function returns %s', async (_label, apiKey) => {
    const error = await rejection(Promise.resolve(createAuthProvider({ apiKey } as unknown as Auth, NO_ENV).headers()));
    expect(error.field).toBe('auth.apiKey');
    expect(error.problem).toBe('resolved to an empty value or not a string');
  });

  it('rejects headers() with the error a key function throws', async () => {
    const failure = new Error('vault unreachable');
    const provider = createAuthProvider(
      {
        apiKey: () => {
          throw failure;
        },
      },
      NO_ENV,
    );
    const error = await rejection(Promise.resolve(provider.headers()));
    expect(error.field).toBe('auth.apiKey');
    expect(error.problem).toBe('function failed (see cause)');
    expect(error.cause).toBe(failure);
  });
});

describe('createAuthProvider with client credentials', () => {
  it('sends the RFC 7617 example as HTTP Basic', async () => {
    const provider = createAuthProvider({ clientId: 'Aladdin', clientSecret: 'open sesame' }, NO_ENV);
    expect(provider.scheme).toBe('basic');
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({
      authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    });
  });

  it('encodes a non-ASCII secret as UTF-8 before base64', async () => {
    const secret = 'contraseña-ü-€-🔑';
    const provider = createAuthProvider({ clientId: 'client-é', clientSecret: secret }, NO_ENV);
    const headers = await provider.headers();
    expect(headers).toStrictEqual({ authorization: basic('client-é', secret) });
    expect(headers['authorization']).toBe('Basic Y2xpZW50LcOpOmNvbnRyYXNlw7FhLcO8LeKCrC3wn5SR');
  });

  it('calls credential functions once per headers() call and awaits async ones', async () => {
    const clientId = jest.fn().mockReturnValueOnce('id-1').mockReturnValueOnce('id-2');
    const clientSecret = jest.fn(async () => 'secret');
    const provider = createAuthProvider({ clientId, clientSecret }, NO_ENV);
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({
      authorization: basic('id-1', 'secret'),
    });
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({
      authorization: basic('id-2', 'secret'),
    });
    expect(clientId).toHaveBeenCalledTimes(2);
    expect(clientSecret).toHaveBeenCalledTimes(2);
  });

  it('accepts a colon in the secret', async () => {
    await expect(
      Promise.resolve(createAuthProvider({ clientId: 'id', clientSecret: 'a:b' }, NO_ENV).headers()),
    ).resolves.toStrictEqual({
      authorization: basic('id', 'a:b'),
    });
  });

  it('refuses a fixed clientId with a colon when the client is made, without quoting it', () => {
    const error = refusal(() => createAuthProvider({ clientId: 'canary:id', clientSecret: 'canary-secret' }, NO_ENV));
    expect(error.field).toBe('auth.clientId');
    expect(error.problem).toBe('must not contain ":"');
    expect(error.message).not.toContain('canary');
  });

  it('refuses a clientId function that returns a colon', async () => {
    const provider = createAuthProvider({ clientId: async () => 'a:b', clientSecret: 's' }, NO_ENV);
    expect((await rejection(Promise.resolve(provider.headers()))).field).toBe('auth.clientId');
  });

  it.each([
    ['clientId', { clientId: '', clientSecret: 's' }, 'auth.clientId'],
    ['clientSecret', { clientId: 'i', clientSecret: ' ' }, 'auth.clientSecret'],
    ['missing clientSecret', { clientId: 'i' }, 'auth.clientSecret'],
    ['missing clientId', { clientSecret: 's' }, 'auth.clientId'],
    ['non-string clientSecret', { clientId: 'i', clientSecret: 7 }, 'auth.clientSecret'],
  ])('refuses an empty or missing %s when the client is created', (_label, auth, field) => {
    expect(refusal(() => createAuthProvider(auth as unknown as Auth, NO_ENV)).field).toBe(field);
  });
});

describe('createAuthProvider with control characters', () => {
  it.each([
    ['a line feed', 'canary\nkey'],
    ['a carriage return', 'canary\rkey'],
    ['NUL', 'canary\0key'],
    ['a tab', 'canary\tkey'],
    ['DEL', 'canary\u007fkey'],
    ['a C1 control', 'canary\u0085key'],
  ])('refuses an api key with %s when the client is made, without quoting it', (_label, apiKey) => {
    const error = refusal(() => createAuthProvider({ apiKey }, NO_ENV));
    expect(error.field).toBe('auth.apiKey');
    expect(error.problem).toBe('contains control characters, which cannot be sent in an HTTP header');
    expect(error.message).not.toContain('canary');
  });

  it('refuses an api key function resolving to a lone surrogate, without quoting it', async () => {
    const error = await rejection(Promise.resolve(createAuthProvider({ apiKey: () => 'k\ud800' }, NO_ENV).headers()));
    expect(error.field).toBe('auth.apiKey');
    expect(error.problem).toBe('must not contain a lone surrogate');
  });

  it('refuses a client secret with a control character, naming the secret', async () => {
    const error = await rejection(
      Promise.resolve(
        createAuthProvider({ clientId: 'id', clientSecret: async () => 'canary\r\nsecret' }, NO_ENV).headers(),
      ),
    );
    expect(error.field).toBe('auth.clientSecret');
    expect(error.message).not.toContain('canary');
  });

  it('refuses a client id with a control character, naming the id', () => {
    const error = refusal(() => createAuthProvider({ clientId: 'canary\nid', clientSecret: 's' }, NO_ENV));
    expect(error.field).toBe('auth.clientId');
    expect(error.message).not.toContain('canary');
  });
});

describe('createAuthProvider from the environment', () => {
  it('uses JELOU_API_KEY, trimmed, before the client id and secret', async () => {
    const provider = createAuthProvider(undefined, {
      JELOU_API_KEY: '  env-key \n',
      JELOU_CLIENT_ID: 'env-id',
      JELOU_CLIENT_SECRET: 'env-secret',
    });
    expect(provider.scheme).toBe('apiKey');
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'env-key' });
  });

  it('uses JELOU_CLIENT_ID and JELOU_CLIENT_SECRET, trimmed, when JELOU_API_KEY is unset', async () => {
    const provider = createAuthProvider(undefined, {
      JELOU_CLIENT_ID: ' env-id ',
      JELOU_CLIENT_SECRET: '\tenv-secret ',
    });
    expect(provider.scheme).toBe('basic');
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({
      authorization: basic('env-id', 'env-secret'),
    });
  });

  it('ignores a blank JELOU_API_KEY', async () => {
    const provider = createAuthProvider(undefined, {
      JELOU_API_KEY: '   ',
      JELOU_CLIENT_ID: 'env-id',
      JELOU_CLIENT_SECRET: 'env-secret',
    });
    expect(provider.scheme).toBe('basic');
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({
      authorization: basic('env-id', 'env-secret'),
    });
  });

  it('ignores the environment when auth is given', async () => {
    const provider = createAuthProvider({ apiKey: 'option-key' }, { JELOU_API_KEY: 'env-key' });
    await expect(Promise.resolve(provider.headers())).resolves.toStrictEqual({ 'x-api-key': 'option-key' });
  });

  it.each([
    ['JELOU_CLIENT_SECRET', { JELOU_CLIENT_ID: 'canary-id' }],
    ['JELOU_CLIENT_SECRET', { JELOU_CLIENT_ID: 'canary-id', JELOU_CLIENT_SECRET: '  ' }],
    ['JELOU_CLIENT_ID', { JELOU_CLIENT_SECRET: 'canary-secret' }],
    ['JELOU_CLIENT_ID', { JELOU_API_KEY: '', JELOU_CLIENT_ID: ' ', JELOU_CLIENT_SECRET: 'canary-secret' }],
  ])('names %s when only the other half is set, without quoting the half that is', (missing, env) => {
    const error = refusal(() => createAuthProvider(undefined, env));
    expect(error.field).toBe('auth');
    expect(error.problem).toBe(`${missing} is not set`);
    expect(error.message).not.toContain('canary');
  });

  it.each([
    ['an empty environment', {}],
    ['only blank variables', { JELOU_API_KEY: ' ', JELOU_CLIENT_ID: '', JELOU_CLIENT_SECRET: '\n' }],
  ])('refuses %s, naming both ways to authenticate', (_label, env) => {
    const error = refusal(() => createAuthProvider(undefined, env));
    expect(error.field).toBe('auth');
    expect(error.problem).toBe(
      'no credentials: pass auth: { apiKey } or { clientId, clientSecret }, or set JELOU_API_KEY, ' +
        'or JELOU_CLIENT_ID and JELOU_CLIENT_SECRET',
    );
  });
});

describe('createAuthProvider with the wrong shape', () => {
  it('refuses both shapes at once, without quoting them', () => {
    const error = refusal(() =>
      createAuthProvider(
        { apiKey: 'canary-key', clientId: 'canary-id', clientSecret: 'canary-secret' } as unknown as Auth,
        NO_ENV,
      ),
    );
    expect(error.field).toBe('auth');
    expect(error.problem).toBe('must be either { apiKey } or { clientId, clientSecret }, not both or neither');
    expect(error.message).not.toContain('canary');
  });

  it('refuses an api key together with only a client id', () => {
    const error = refusal(() => createAuthProvider({ apiKey: 'k', clientId: 'i' } as unknown as Auth, NO_ENV));
    expect(error.field).toBe('auth');
  });

  it('refuses an object with neither shape, even when the environment has credentials', () => {
    const error = refusal(() =>
      createAuthProvider({ token: 'canary-token' } as unknown as Auth, { JELOU_API_KEY: 'env-key' }),
    );
    expect(error.field).toBe('auth');
    expect(error.problem).toBe('must be either { apiKey } or { clientId, clientSecret }, not both or neither');
    expect(error.message).not.toContain('canary');
  });

  it.each([
    ['a string', 'canary-key'],
    ['a number', 42],
    ['a function', () => 'canary-key'],
  ])('refuses auth given as %s, without quoting it', (_label, auth) => {
    const error = refusal(() => createAuthProvider(auth as unknown as Auth, NO_ENV));
    expect(error.field).toBe('auth');
    expect(error.problem).toBe('must be { apiKey } or { clientId, clientSecret }');
    expect(error.message).not.toContain('canary');
  });
});

describe('AuthProvider.secrets', () => {
  it('holds fixed credentials from the start, so errors read the same before and after the first request', () => {
    expect(createAuthProvider({ apiKey: 'k' }, NO_ENV).secrets()).toStrictEqual(['k']);
    expect(createAuthProvider({ clientId: 'i', clientSecret: 's' }, NO_ENV).secrets()).toStrictEqual([
      'i',
      's',
      'i:s',
      btoa('i:s'),
    ]);
  });

  it('is empty before a key function is first called', () => {
    expect(createAuthProvider({ apiKey: () => 'k' }, NO_ENV).secrets()).toStrictEqual([]);
  });

  it('holds the api key once it was sent, once however often it is sent', async () => {
    const provider = createAuthProvider({ apiKey: 'key-123' }, NO_ENV);
    await provider.headers();
    await provider.headers();
    expect(provider.secrets()).toStrictEqual(['key-123']);
  });

  it('holds the id, the secret, id:secret and the base64 token of client credentials', async () => {
    const provider = createAuthProvider({ clientId: 'Aladdin', clientSecret: 'open sesame' }, NO_ENV);
    await provider.headers();
    expect(provider.secrets()).toStrictEqual([
      'Aladdin',
      'open sesame',
      'Aladdin:open sesame',
      'QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    ]);
  });

  it('holds the UTF-8 base64 token of a non-ASCII secret', async () => {
    const provider = createAuthProvider({ clientId: 'id', clientSecret: 'clé' }, NO_ENV);
    await provider.headers();
    expect(provider.secrets()).toContain(Buffer.from('id:clé', 'utf8').toString('base64'));
  });

  it('keeps only the 32 latest values when the key rotates 40 times', async () => {
    let rotation = 0;
    const provider = createAuthProvider({ apiKey: () => `key-${rotation++}` }, NO_ENV);
    for (let i = 0; i < 40; i += 1) await provider.headers();
    const expected = Array.from({ length: 32 }, (_, i) => `key-${i + 8}`);
    expect(provider.secrets()).toStrictEqual(expected);
  });

  it('keeps a value that is used again among the latest, so it is not the one dropped', async () => {
    const keys = ['in-use', ...Array.from({ length: 31 }, (_, i) => `other-${i}`), 'in-use', 'one-more'];
    let call = 0;
    const provider = createAuthProvider({ apiKey: () => keys[call++] ?? 'x' }, NO_ENV);
    const rounds = keys.length;
    for (let i = 0; i < rounds; i += 1) await provider.headers();
    expect(provider.secrets()).toHaveLength(32);
    expect(provider.secrets()).toContain('in-use');
    expect(provider.secrets()).not.toContain('other-0');
  });

  it('keeps only the 32 latest values when the client secret rotates, newest forms included', async () => {
    let rotation = 0;
    const provider = createAuthProvider({ clientId: 'id', clientSecret: () => `secret-${rotation++}` }, NO_ENV);
    for (let i = 0; i < 20; i += 1) await provider.headers();
    const secrets = provider.secrets();
    expect(secrets).toHaveLength(32);
    expect(secrets.slice(-3)).toStrictEqual(['secret-19', 'id:secret-19', btoa('id:secret-19')]);
    expect(secrets).not.toContain('secret-0');
  });
});

describe('createAuthProvider with an explicit null', () => {
  it('refuses auth: null instead of falling back to the environment', () => {
    const env = { JELOU_API_KEY: 'from-env' };
    expect(refusal(() => createAuthProvider(null as unknown as Auth, env)).field).toBe('auth');
  });
});

describe('createAuthProvider with fixed credentials', () => {
  it('returns the same headers at once, without a promise, after the first call', async () => {
    const provider = createAuthProvider({ apiKey: 'key-123' }, NO_ENV);
    const first = await provider.headers();
    const second = provider.headers();
    expect(second).not.toBeInstanceOf(Promise);
    expect(second).toStrictEqual(first);
  });

  it('calls a key function on every request, never caching it', async () => {
    const apiKey = jest.fn(() => 'rotating');
    const provider = createAuthProvider({ apiKey }, NO_ENV);
    await provider.headers();
    await provider.headers();
    expect(apiKey).toHaveBeenCalledTimes(2);
  });
});

import {
  headerSecrets,
  isSensitiveHeader,
  KnownSecrets,
  redactHeaders,
  redactUrl,
  scrubSecrets,
} from '../../../src/errors/redact.js';
import { createExternalSupportClient } from '../../../src/index';
import { fakeFetch, json } from '../../support/fake-fetch';

describe('isSensitiveHeader', () => {
  it('hides the credential headers by name, in any case', () => {
    for (const name of [
      'authorization',
      'Proxy-Authorization',
      'x-api-key',
      'cookie',
      'Set-Cookie',
      'x-jelou-signature',
    ]) {
      expect(isSensitiveHeader(name, 'v')).toBe(true);
    }
    for (const name of ['accept', 'content-type', 'user-agent', 'x-request-id', 'x-keyboard']) {
      expect(isSensitiveHeader(name, 'v')).toBe(false);
    }
  });
});

describe('redactHeaders', () => {
  it('hides listed headers and lower-cases names from a Headers object', () => {
    const headers = new Headers({ Authorization: 'Basic abc', 'X-Api-Key': 'k', Accept: 'application/json' });
    expect(redactHeaders(headers)).toEqual({ authorization: '***', 'x-api-key': '***', accept: 'application/json' });
  });

  it('hides names containing secret, token or password, or ending in -key', () => {
    expect(
      redactHeaders({
        'X-Client-Secret': 's',
        'X-Auth-Token': 't',
        'X-Password': 'p',
        'X-Service-Key': 'k',
        'X-Keyboard': 'visible',
        'Content-Type': 'application/json',
      }),
    ).toEqual({
      'x-client-secret': '***',
      'x-auth-token': '***',
      'x-password': '***',
      'x-service-key': '***',
      'x-keyboard': 'visible',
      'content-type': 'application/json',
    });
  });

  it('hides any value in an authorization scheme whatever the header name', () => {
    expect(redactHeaders([['X-Forwarded-Auth', 'Bearer abc.def']])).toEqual({ 'x-forwarded-auth': '***' });
  });

  it('accepts tuples and undefined', () => {
    expect(redactHeaders([['Cookie', 'a=1']])).toEqual({ cookie: '***' });
    expect(redactHeaders(undefined)).toEqual({});
  });

  it('keeps a header named __proto__ as a plain field', () => {
    const out = redactHeaders([['__proto__', 'x']]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('x');
  });
});

describe('scrubSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(scrubSecrets('key=abc123 again abc123 and xyz', ['abc123', 'xyz'])).toBe('key=*** again *** and ***');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(scrubSecrets('token abcdef', ['abc', 'abcdef'])).toBe('token ***');
  });

  it('replaces a short secret only where it stands as a whole token, and ignores empty ones', () => {
    expect(scrubSecrets('key a, "a" and x=a; a-b-a', ['a', ''])).toBe('key ***, "***" and x=***; a-b-a');
  });

  it('leaves /v1/external-support/ intact for a 1-character key', () => {
    const message = '404 Not Found: GET https://h.example/v1/external-support/P1 — Integration not found: e';
    expect(scrubSecrets(message, ['e'])).toBe(
      '404 Not Found: GET https://h.example/v1/external-support/P1 — Integration not found: ***',
    );
  });

  it('replaces a secret of 8 characters or more wherever it appears, even inside a word', () => {
    expect(scrubSecrets('xx12345678yy', ['12345678'])).toBe('xx***yy');
    expect(scrubSecrets('xx1234567yy', ['1234567'])).toBe('xx1234567yy');
  });

  it('treats secrets as literal text, not patterns', () => {
    expect(scrubSecrets('p.s. $1+1 (x)', ['$1+1 (x)'])).toBe('p.s. ***');
  });
});

describe('redactUrl', () => {
  it('hides user-info and credential query parameters', () => {
    expect(redactUrl('https://id:pw@api.jelou.ai/v1?api_key=k&token=t&page=2')).toBe(
      'https://***@api.jelou.ai/v1?api_key=***&token=***&page=2',
    );
  });

  it('returns a URL without credentials, or text that is not a URL, unchanged', () => {
    expect(redactUrl('https://api.jelou.ai/v1/external-support/a%20b')).toBe(
      'https://api.jelou.ai/v1/external-support/a%20b',
    );
    expect(redactUrl('not a url')).toBe('not a url');
  });
});

describe('KnownSecrets', () => {
  it('lists what was added, once each, ignoring blanks and non-strings', () => {
    const secrets = new KnownSecrets().add('a-secret', '', '  ', undefined, 42, 'a-secret');
    expect(secrets.list()).toStrictEqual(['a-secret']);
  });

  it('takes the values of sensitive headers, and the token inside Authorization: Bearer T', () => {
    const secrets = headerSecrets({
      Authorization: 'Bearer tok-123',
      'x-client-secret': 's3',
      'x-service-key': 'k9',
      'x-trace': 'not-a-secret',
      'x-blank-token': '  ',
      accept: 'application/json',
    });
    expect(secrets).toStrictEqual(['Bearer tok-123', 'tok-123', 's3', 'k9']);
  });

  it('takes a header whose value is an authorization scheme, whatever its name', () => {
    expect(headerSecrets({ 'x-upstream': 'Basic QWxhZGRpbg==' })).toContain('QWxhZGRpbg==');
    expect(headerSecrets(undefined)).toStrictEqual([]);
  });

  it("scrubs a call's header credentials from that call's errors, beside the client's, without keeping them for later calls", async () => {
    const fake = fakeFetch(() => json(404, { message: 'saw call-secret-123 and client-key-456' }));
    const client = createExternalSupportClient({
      auth: { apiKey: 'client-key-456' },
      fetch: fake.fetch,
      maxRetries: 0,
      env: {},
    });
    const first = await client
      .getIntegration('p', { headers: { 'x-call-secret': 'call-secret-123' } })
      .catch((e: unknown) => e);
    expect((first as Error).message).toContain('saw *** and ***');
    const second = await client.getIntegration('p').catch((e: unknown) => e);
    expect((second as Error).message).toContain('saw call-secret-123 and ***');
  });

  it('keeps fixed values forever and only the latest 32 values resolved per request', () => {
    const secrets = new KnownSecrets().add('signing-secret');
    for (let i = 0; i < 40; i++) secrets.seen(`rotated-${i}`);
    const list = secrets.list();
    expect(list).toContain('signing-secret');
    expect(list).toContain('rotated-39');
    expect(list).toContain('rotated-8');
    expect(list).not.toContain('rotated-7');
    expect(list).toHaveLength(33);
  });
});

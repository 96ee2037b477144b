import { redactHeaders, redactUrl, scrubSecrets, SENSITIVE_HEADERS } from '../../../src/errors/redact.js';

describe('SENSITIVE_HEADERS', () => {
  it('lists the credential headers in lower case', () => {
    expect([...SENSITIVE_HEADERS].sort()).toEqual(
      ['authorization', 'cookie', 'proxy-authorization', 'set-cookie', 'x-api-key', 'x-jelou-signature'].sort(),
    );
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

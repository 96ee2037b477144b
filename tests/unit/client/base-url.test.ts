import { checkBaseUrl, isLoopbackHost } from '../../../src/client/base-url';
import type { ValidationError } from '../../../src/errors/validation-error';
import { refusal } from '../../support/refusal';

/** The ValidationError `checkBaseUrl(value)` throws. */
const refused = (value: unknown): ValidationError => refusal(() => checkBaseUrl(value));

describe('checkBaseUrl', () => {
  it.each([
    ['https://gateway.jelou.ai/jelouapi', 'https://gateway.jelou.ai/jelouapi'],
    ['https://gateway.jelou.ai/jelouapi/', 'https://gateway.jelou.ai/jelouapi'],
    ['https://gateway.jelou.ai/jelouapi///', 'https://gateway.jelou.ai/jelouapi'],
    ['https://gateway.jelou.ai', 'https://gateway.jelou.ai'],
    ['https://gateway.jelou.ai/', 'https://gateway.jelou.ai'],
    ['https://docs.jelou.ai/platform', 'https://docs.jelou.ai/platform'],
    ['https://api.example.com:8443/a/b/', 'https://api.example.com:8443/a/b'],
    ['HTTPS://Gateway.Jelou.AI/jelouapi', 'https://gateway.jelou.ai/jelouapi'],
  ])('accepts %s as %s', (input, expected) => {
    expect(checkBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://localhost:4010/jelouapi/', 'http://localhost:4010/jelouapi'],
    ['http://mock.localhost:4010', 'http://mock.localhost:4010'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.10.20.30', 'http://127.10.20.30'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['http://[::ffff:7f00:1]:4010', 'http://[::ffff:7f00:1]:4010'],
    ['http://[::ffff:127.0.0.1]:4010', 'http://[::ffff:7f00:1]:4010'],
  ])('accepts http: for the loopback URL %s', (input, expected) => {
    expect(checkBaseUrl(input)).toBe(expected);
  });

  it.each([
    'http://gateway.jelou.ai/jelouapi',
    'http://example.com',
    'http://10.0.0.1',
    'http://192.168.1.10:4010',
    'http://128.0.0.1',
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
    'http://[::2]',
    'http://[::ffff:a00:1]',
  ])('refuses http: for the non-loopback URL %s', (input) => {
    const error = refused(input);
    expect(error.field).toBe('baseUrl');
    expect(error.problem).toBe(
      'http: is accepted only for a loopback host or with allowInsecureHttp: true; use https: so credentials are never sent in clear',
    );
  });

  it.each(['http://mock:4010', 'http://host.docker.internal/jelouapi', 'http://10.0.0.1'])(
    'accepts http: for %s with allowInsecureHttp: true',
    (input) => {
      expect(checkBaseUrl(input, true)).toBe(new URL(input).href.replace(/\/+$/, ''));
    },
  );

  it('names the option that checks a second host', () => {
    expect(() => checkBaseUrl('http://example.com', false, 'messagesBaseUrl')).toThrow(
      expect.objectContaining({ field: 'messagesBaseUrl' }),
    );
  });

  it.each(['https://user:pass@gateway.jelou.ai/jelouapi', 'https://user@gateway.jelou.ai', 'http://:pass@localhost'])(
    'refuses credentials in %s without quoting them',
    (input) => {
      const error = refused(input);
      expect(error.field).toBe('baseUrl');
      expect(error.problem).toBe('must not carry credentials; pass them in the auth option');
      expect(error.message).not.toContain('pass@');
      expect(error.message).not.toContain('user');
    },
  );

  it.each([
    'https://gateway.jelou.ai/jelouapi?x=1',
    'https://gateway.jelou.ai/jelouapi#top',
    'https://g.example/?a#b',
    'https://g.example/api?',
    'https://g.example/api#',
  ])('refuses the query or fragment of %s', (input) => {
    const error = refused(input);
    expect(error.field).toBe('baseUrl');
    expect(error.problem).toBe('must not have a query string or fragment');
  });

  it.each(['ftp://gateway.jelou.ai', 'ws://localhost:4010', 'wss://gateway.jelou.ai', 'file:///tmp/api', 'data:,x'])(
    'refuses the protocol of %s',
    (input) => {
      const error = refused(input);
      expect(error.field).toBe('baseUrl');
      expect(error.problem).toBe('must use https:');
    },
  );

  it.each(['/jelouapi', 'gateway.jelou.ai/jelouapi', 'https://', 'not a url'])(
    'refuses the relative or broken URL %j',
    (input) => {
      const error = refused(input);
      expect(error.field).toBe('baseUrl');
      expect(error.problem).toBe('must be an absolute URL, e.g. https://gateway.jelou.ai/jelouapi');
    },
  );

  it.each([
    ['an empty string', ''],
    ['only whitespace', '  \t'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 443],
    ['a URL object', new URL('https://gateway.jelou.ai/jelouapi')],
  ])('refuses %s', (_label, input) => {
    const error = refused(input);
    expect(error.field).toBe('baseUrl');
    expect(error.problem).toBe('must be a non-empty absolute URL string');
    expect(error.message).toBe('Invalid baseUrl: must be a non-empty absolute URL string');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'api.localhost',
    'a.b.localhost',
    '127.0.0.1',
    '127.0.0.1.',
    '127.255.255.255',
    '127.1.2.3',
    '[::1]',
    '[::ffff:7f00:1]',
    '[::ffff:7fff:ffff]',
  ])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    '',
    'localhost.example.com',
    'notlocalhost',
    'localhost-proxy',
    '128.0.0.1',
    '10.0.0.1',
    '0.0.0.0',
    '127.0.0.1.nip.io',
    '1127.0.0.1',
    '::1',
    '[::2]',
    '[::ffff:8000:1]',
    '[::ffff:a00:1]',
    'gateway.jelou.ai',
  ])('does not treat %j as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

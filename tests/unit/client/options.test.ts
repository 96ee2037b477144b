import { refusal } from '../../support/refusal';
import {
  mergeHeaders,
  mergeRequestOptions,
  resolveClientDefaults,
  runtimeEnv,
  type ClientOptions,
  type EffectiveOptions,
  type RequestOptions,
} from '../../../src/client/options';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../../../src/client/retry-policy';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../src/client/options';

const DEFAULTS: Omit<EffectiveOptions, 'signal'> = {
  timeoutMs: 30_000,
  maxRetries: 2,
  maxResponseBytes: 1000,
  headers: { 'x-client': 'sdk', 'x-trace': 'on' },
};

describe('mergeHeaders', () => {
  it('lets a later layer win', () => {
    expect(mergeHeaders({ 'x-a': '1', 'x-b': '2' }, { 'x-a': '3' })).toStrictEqual({ 'x-a': '3', 'x-b': '2' });
  });

  it('keeps the earlier value where a later layer has undefined', () => {
    expect(mergeHeaders({ 'x-a': '1' }, { 'x-a': undefined })).toStrictEqual({ 'x-a': '1' });
  });

  it('marks a header removed with null, whatever came before', () => {
    expect(mergeHeaders({ 'x-a': '1', 'x-b': '2' }, { 'x-a': null })).toStrictEqual({ 'x-a': null, 'x-b': '2' });
  });

  it('lets a value after null bring the header back', () => {
    expect(mergeHeaders({ 'x-a': '1' }, { 'x-a': null }, { 'x-a': '3' })).toStrictEqual({ 'x-a': '3' });
  });

  it('compares names case-insensitively and gives them in lower case', () => {
    expect(mergeHeaders({ 'X-Trace': 'a' }, { 'x-trace': 'b' }, { 'X-TRACE': undefined })).toStrictEqual({
      'x-trace': 'b',
    });
    expect(mergeHeaders({ 'User-Agent': 'sdk' }, { 'USER-AGENT': null })).toStrictEqual({ 'user-agent': null });
  });

  it('leaves out a header that only ever was undefined', () => {
    expect(mergeHeaders({ 'x-a': undefined })).toStrictEqual({});
  });

  it('merges any number of layers, including none', () => {
    expect(mergeHeaders()).toStrictEqual({});
    expect(mergeHeaders({ a: '1' }, { b: '2' }, { c: '3' }, { a: '4' })).toStrictEqual({ a: '4', b: '2', c: '3' });
  });

  it('changes none of its layers', () => {
    const first = { 'X-A': '1' };
    const second = { 'x-a': null };
    mergeHeaders(first, second);
    expect(first).toStrictEqual({ 'X-A': '1' });
    expect(second).toStrictEqual({ 'x-a': null });
  });
});

describe('resolveClientDefaults', () => {
  it('applies the retry module defaults when nothing is set', () => {
    expect(resolveClientDefaults({})).toStrictEqual({
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      maxRetries: DEFAULT_MAX_RETRIES,
      headers: {},
    });
  });

  it('keeps the values it is given, 0 retries included', () => {
    const headers = { 'X-Client': 'sdk', 'x-gone': null };
    expect(resolveClientDefaults({ timeout: 1500, maxRetries: 0, headers })).toStrictEqual({
      timeoutMs: 1500,
      maxRetries: 0,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      headers: { 'X-Client': 'sdk', 'x-gone': null },
    });
  });

  it('accepts a fractional timeout', () => {
    expect(resolveClientDefaults({ timeout: 0.5 }).timeoutMs).toBe(0.5);
  });

  it.each([
    ['0', 0],
    ['a negative number', -1],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a numeric string', '1000'],
    ['null', null],
  ])('refuses a timeout of %s', (_label, timeout) => {
    const error = refusal(() => resolveClientDefaults({ timeout } as unknown as ClientOptions));
    expect(error.field).toBe('timeout');
    expect(error.problem).toBe('must be a positive, finite number of milliseconds');
  });

  it.each([
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a numeric string', '2'],
  ])('refuses maxRetries of %s', (_label, maxRetries) => {
    const error = refusal(() => resolveClientDefaults({ maxRetries } as unknown as ClientOptions));
    expect(error.field).toBe('maxRetries');
    expect(error.problem).toBe('must be a whole number, 0 or more');
  });

  it.each([
    ['zero', 0],
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['Infinity', Infinity],
    ['a numeric string', '1024'],
  ])('refuses maxResponseBytes of %s', (_label, maxResponseBytes) => {
    const error = refusal(() => resolveClientDefaults({ maxResponseBytes } as unknown as ClientOptions));
    expect(error.field).toBe('maxResponseBytes');
    expect(error.problem).toBe('must be a whole number of bytes, 1 or more');
  });

  it('takes maxResponseBytes as given, and 8 MiB by default', () => {
    expect(resolveClientDefaults({ maxResponseBytes: 10 }).maxResponseBytes).toBe(10);
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
  });

  it.each([
    ['a carriage return', 'a\rb'],
    ['a line feed', 'a\nb'],
    ['CR LF', 'ok\r\nx-injected: 1'],
    ['NUL', 'a\0b'],
    ['\\x01 (which the socket, not fetch, would fail on)', 'a\x01b'],
    ['DEL', 'a\x7fb'],
    ['a character above U+00FF', '✓'],
    ['a lone surrogate', '\ud800'],
  ])('refuses a header value with %s, naming the header and not the value', (_label, value) => {
    const error = refusal(() => resolveClientDefaults({ headers: { 'X-Trace': value } }));
    expect(error.field).toBe('headers.X-Trace');
    expect(error.problem).toBe('must be Latin-1 text without control characters or line breaks');
  });

  it.each(['a\tb', 'ü', 'Bearer x', ''])('accepts the header value %j', (value) => {
    expect(resolveClientDefaults({ headers: { 'x-a': value } }).headers).toEqual({ 'x-a': value });
  });

  it.each(['x y', 'ü', '', 'a:b'])('refuses the header name %j', (name) => {
    expect(refusal(() => resolveClientDefaults({ headers: { [name]: 'v' } })).problem).toBe(
      'is not a valid HTTP header name',
    );
  });

  it.each(['baseUrl', 'env', 'fetch', 'auth', 'allowInsecureHttp', 'messagesBaseUrl'])(
    'refuses %s: null, as only undefined means the default',
    (name) => {
      const error = refusal(() => resolveClientDefaults({ [name]: null } as unknown as ClientOptions));
      expect(error.field).toBe(name);
    },
  );

  it('refuses allowInsecureHttp that is not a boolean', () => {
    const options = { allowInsecureHttp: 'yes' } as unknown as ClientOptions;
    expect(refusal(() => resolveClientDefaults(options)).field).toBe('allowInsecureHttp');
  });

  it.each([
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['a']],
    ['an object', { value: 'a' }],
  ])('refuses a header value that is %s', (_label, value) => {
    const error = refusal(() => resolveClientDefaults({ headers: { 'x-a': value } } as unknown as ClientOptions));
    expect(error.field).toBe('headers.x-a');
    expect(error.problem).toBe('must be a string, null (to remove it) or undefined');
  });

  it.each([
    ['a string', 'x-a: 1'],
    ['null', null],
    ['an array', [['x-a', '1']]],
  ])('refuses headers given as %s', (_label, headers) => {
    const error = refusal(() => resolveClientDefaults({ headers } as unknown as ClientOptions));
    expect(error.field).toBe('headers');
    expect(error.problem).toBe('must be an object of header names to strings');
  });
});

describe('mergeRequestOptions', () => {
  it('gives the client defaults, with no signal and lower-case header names, without request options', () => {
    const expected = {
      timeoutMs: 30_000,
      maxRetries: 2,
      maxResponseBytes: 1000,
      signal: undefined,
      headers: { 'x-client': 'sdk', 'x-trace': 'on' },
    };
    expect(mergeRequestOptions(DEFAULTS, undefined)).toStrictEqual(expected);
    expect(mergeRequestOptions(DEFAULTS, {})).toStrictEqual(expected);
  });

  it('lets each request option override the client default', () => {
    const signal = new AbortController().signal;
    const merged = mergeRequestOptions(DEFAULTS, {
      timeout: 500,
      maxRetries: 0,
      signal,
      headers: { 'X-Trace': 'off', 'x-client': null, 'x-extra': '1', 'x-kept': undefined },
    });
    expect(merged).toStrictEqual({
      timeoutMs: 500,
      maxRetries: 0,
      maxResponseBytes: 1000,
      signal,
      headers: { 'x-client': null, 'x-trace': 'off', 'x-extra': '1' },
    });
    expect(merged.signal).toBe(signal);
  });

  it('keeps the client default of each option the request leaves undefined', () => {
    expect(
      mergeRequestOptions(DEFAULTS, {
        timeout: undefined,
        maxRetries: undefined,
        signal: undefined,
        headers: undefined,
      }),
    ).toStrictEqual({
      timeoutMs: 30_000,
      maxRetries: 2,
      maxResponseBytes: 1000,
      signal: undefined,
      headers: { 'x-client': 'sdk', 'x-trace': 'on' },
    });
  });

  it('changes neither the defaults nor the request options', () => {
    const defaults = { timeoutMs: 1, maxRetries: 1, maxResponseBytes: 1, headers: { 'X-A': '1' } };
    const options = { headers: { 'x-a': null } };
    mergeRequestOptions(defaults, options);
    expect(defaults).toStrictEqual({ timeoutMs: 1, maxRetries: 1, maxResponseBytes: 1, headers: { 'X-A': '1' } });
    expect(options).toStrictEqual({ headers: { 'x-a': null } });
  });

  it.each([
    ['null', null],
    ['a string', 'fast'],
    ['a number', 5000],
    ['true', true],
  ])('refuses request options given as %s', (_label, options) => {
    const error = refusal(() => mergeRequestOptions(DEFAULTS, options as unknown as RequestOptions));
    expect(error.field).toBe('requestOptions');
    expect(error.problem).toBe('must be an object');
  });

  it.each([
    ['a plain object', { aborted: false }],
    ['an AbortController', new AbortController()],
    ['null', null],
    ['a string', 'abort'],
  ])('refuses a signal that is %s', (_label, signal) => {
    const error = refusal(() => mergeRequestOptions(DEFAULTS, { signal } as unknown as RequestOptions));
    expect(error.field).toBe('requestOptions.signal');
    expect(error.problem).toBe('must be an AbortSignal');
  });

  it('accepts an already aborted signal and AbortSignal.timeout', () => {
    const aborted = AbortSignal.abort();
    expect(mergeRequestOptions(DEFAULTS, { signal: aborted }).signal).toBe(aborted);
    const timed = AbortSignal.timeout(60_000);
    expect(mergeRequestOptions(DEFAULTS, { signal: timed }).signal).toBe(timed);
  });

  it.each([
    ['timeout', { timeout: 0 }, 'requestOptions.timeout'],
    ['timeout', { timeout: NaN }, 'requestOptions.timeout'],
    ['timeout', { timeout: Infinity }, 'requestOptions.timeout'],
    ['timeout', { timeout: '100' }, 'requestOptions.timeout'],
    ['maxRetries', { maxRetries: -1 }, 'requestOptions.maxRetries'],
    ['maxRetries', { maxRetries: 0.5 }, 'requestOptions.maxRetries'],
    ['headers', { headers: 'x' }, 'requestOptions.headers'],
    ['headers', { headers: { 'x-a': 1 } }, 'requestOptions.headers.x-a'],
    ['headers', { headers: { 'X-A': 'a\r\nb' } }, 'requestOptions.headers.X-A'],
  ])('refuses a bad %s in %j, naming %s', (_label, options, field) => {
    expect(refusal(() => mergeRequestOptions(DEFAULTS, options as unknown as RequestOptions)).field).toBe(field);
  });
});

describe('runtimeEnv', () => {
  it('returns process.env under Node', () => {
    expect(runtimeEnv()).toBe(process.env);
  });
});

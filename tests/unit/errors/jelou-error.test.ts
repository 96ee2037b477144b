import { inspect } from 'node:util';
import { ApiError } from '../../../src/errors/api-error.js';
import { ConnectionError } from '../../../src/errors/connection-error.js';
import { JelouError } from '../../../src/errors/jelou-error.js';
import { ResponseValidationError } from '../../../src/errors/response-validation-error.js';
import { scrubError } from '../../../src/errors/redact.js';
import { ValidationError } from '../../../src/errors/validation-error.js';

const PATH = '/v1/external-support/abc';
const FULL_URL = `https://api.jelou.ai${PATH}`;
const REQUEST = { method: 'GET', url: `https://api.jelou.ai${PATH}`, path: PATH };
const CANARY = 'sk-canary-6f1e2d';

function notFound(): ApiError {
  const headers = new Headers({ 'x-request-id': 'req-42', 'set-cookie': `session=${CANARY}` });
  return ApiError.from({
    ...REQUEST,
    requestHeaders: { 'x-api-key': CANARY, accept: 'application/json' },
    status: 404,
    headers,
    body: { message: ['Integration not found'] },
  });
}

describe('toJSON', () => {
  it('gives name, message and the safe public fields', () => {
    expect(JSON.parse(JSON.stringify(notFound()))).toEqual({
      name: 'NotFoundError',
      message: `404 Not Found: GET ${FULL_URL} — Integration not found`,
      status: 404,
      requestId: 'req-42',
      method: 'GET',
      url: REQUEST.url,
      path: PATH,
      attempts: 1,
      apiMessage: 'Integration not found',
      headers: { 'x-request-id': 'req-42', 'set-cookie': '***' },
      requestHeaders: { 'x-api-key': '***', accept: 'application/json' },
    });
  });

  it('carries the request headers only redacted, and never the credential', () => {
    const error = notFound();
    expect(error.requestHeaders).toEqual({ 'x-api-key': '***', accept: 'application/json' });
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(inspect(error, { depth: 5 })).not.toContain(CANARY);
  });

  it('shows only the name and message of the cause', () => {
    const cause = Object.assign(new TypeError('fetch failed'), { request: { headers: { 'x-api-key': CANARY } } });
    const json = new ConnectionError(REQUEST, { cause }).toJSON();
    expect(json['cause']).toEqual({ name: 'TypeError', message: 'fetch failed' });
    expect(JSON.stringify(json)).not.toContain(CANARY);
  });

  it('never includes the body of a response that failed validation', () => {
    const body = { signingSecret: CANARY };
    const error = new ResponseValidationError({ ...REQUEST, status: 200, headers: new Headers(), body, issues: [] });
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(inspect(error)).not.toContain(CANARY);
  });
});

describe('util.inspect', () => {
  it('prints name, message and stack like a normal error, then the safe fields', () => {
    const text = inspect(notFound());
    expect(text.startsWith(`NotFoundError: 404 Not Found: GET ${FULL_URL} — Integration not found\n    at `)).toBe(
      true,
    );
    expect(text).toContain('status: 404');
    expect(text).toContain("requestId: 'req-42'");
    expect(text).not.toContain(CANARY);
  });

  it('prints a field-less error as just its stack', () => {
    const error = new JelouError('plain');
    expect(inspect(error)).toBe(`JelouError: plain${error.stack?.slice(error.stack.indexOf('\n'))}`);
  });
});

describe('scrubError', () => {
  it('replaces each foreign cause by a scrubbed copy, keeping name, message, stack and primitive fields', () => {
    const root = Object.assign(new Error(`socket closed for ${CANARY}`), { code: 'ECONNRESET', socket: {} });
    const middle = Object.assign(new TypeError(`fetch failed with key ${CANARY}`, { cause: root }), {
      request: new Request('https://h.example/', { headers: { 'x-api-key': CANARY } }),
    });
    const error = new ConnectionError(REQUEST, { cause: middle });
    scrubError(error, [CANARY]);
    const copy = error.cause as Error & { request?: unknown; cause: Error & { code?: string; socket?: unknown } };
    expect(copy).not.toBe(middle);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('fetch failed with key ***');
    expect(copy.request).toBeUndefined();
    expect(copy.cause.message).toBe('socket closed for ***');
    expect(copy.cause.code).toBe('ECONNRESET');
    expect(copy.cause.socket).toBeUndefined();
    for (const e of [error, copy, copy.cause]) {
      expect(e.message).not.toContain(CANARY);
      expect(e.stack).not.toContain(CANARY);
      expect(inspect(e, { depth: 10 })).not.toContain(CANARY);
    }
    expect(error.message).toBe(`Connection error: GET ${FULL_URL} (fetch failed with key ***: ECONNRESET)`);
    expect(middle.message).toContain(CANARY); // the caller's own objects are never changed
  });

  it('drops what a foreign cause carries even when no secret is known', () => {
    const cause = Object.assign(new Error('boom'), { request: { headers: { 'x-api-key': CANARY } } });
    const error = new ConnectionError(REQUEST, { cause });
    scrubError(error, []);
    expect(inspect(error.cause, { depth: 10 })).not.toContain(CANARY);
  });

  it('redacts response headers by name and by value, and walks the body', () => {
    const error = ApiError.from({
      ...REQUEST,
      status: 500,
      headers: new Headers({ 'x-echo': `saw ${CANARY}`, 'x-service-token': 'short', 'x-request-id': 'r1' }),
      body: { nested: [{ text: `echo ${CANARY}` }] },
    });
    scrubError(error, [CANARY]);
    expect(error.headers.get('x-echo')).toBe('saw ***');
    expect(error.headers.get('x-service-token')).toBe('***');
    expect(error.headers.get('x-request-id')).toBe('r1');
    expect(JSON.stringify(error.body)).toBe('{"nested":[{"text":"echo ***"}]}');
  });

  it('leaves no canary in toJSON or util.inspect once scrubbed', () => {
    const cause = new Error(`upstream said Basic ${CANARY}`);
    const error = ApiError.from({ ...REQUEST, status: 500, headers: new Headers(), body: `echo ${CANARY}` }, { cause });
    scrubError(error, [CANARY]);
    const json = JSON.stringify(error);
    const text = inspect(error, { depth: 10 });
    for (const out of [json, text, error.message]) expect(out).not.toContain(CANARY);
    expect(json).toContain('"name":"InternalServerError"');
    expect(json).toContain('"status":500');
    expect(json).toContain('"cause":{"name":"Error","message":"upstream said Basic ***"}');
    expect(text).toContain(
      'InternalServerError: 500 Internal Server Error: GET https://api.jelou.ai/v1/external-support/abc — echo ***',
    );
    expect(text).toContain('status: 500');
  });

  it('copies a DOMException cause, whose message is a getter, and scrubs a string cause', () => {
    const abort = new DOMException(`aborted ${CANARY}`, 'AbortError');
    const error = new JelouError('outer', { cause: abort });
    const withString = new JelouError('outer', { cause: `reason ${CANARY}` });
    scrubError(error, [CANARY]);
    scrubError(withString, [CANARY]);
    expect((error.cause as Error).message).toBe('aborted ***');
    expect((error.cause as Error).name).toBe('AbortError');
    expect(withString.cause).toBe('reason ***');
  });

  it('drops a body nested deeper than 64 levels instead of overflowing the stack', () => {
    let body: unknown = `echo ${CANARY}`;
    for (let i = 0; i < 100_000; i++) body = [body];
    const error = ApiError.from({ ...REQUEST, status: 500, headers: new Headers(), body });
    expect(() => scrubError(error, [CANARY])).not.toThrow();
    expect(inspect(error.body, { depth: Infinity }).includes(CANARY)).toBe(false);
  });

  it('survives a cause cycle and ignores empty secrets', () => {
    const a = new JelouError(`a ${CANARY}`);
    const b = new JelouError('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    scrubError(a, ['', CANARY]);
    expect(a.message).toBe('a ***');
    scrubError(b, ['']);
    expect(b.message).toBe('b');
  });

  it('survives a cycle of foreign causes', () => {
    const a = new Error(`a ${CANARY}`);
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    const error = new JelouError('outer', { cause: a });
    scrubError(error, [CANARY]);
    expect((error.cause as Error).message).toBe('a ***');
  });

  it('never puts the field value in a ValidationError message', () => {
    const error = new ValidationError('authorization', 'must not be empty when authType is bearer');
    expect(error.message).toBe('Invalid authorization: must not be empty when authType is bearer');
  });
});

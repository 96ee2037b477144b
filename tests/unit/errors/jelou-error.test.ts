import { inspect } from 'node:util';
import { ApiError } from '../../../src/errors/api-error.js';
import { ConnectionError } from '../../../src/errors/connection-error.js';
import { JelouError } from '../../../src/errors/jelou-error.js';
import { ResponseValidationError } from '../../../src/errors/response-validation-error.js';
import { scrubError } from '../../../src/errors/scrub.js';
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
  it('removes a secret from the message and stack of the error and every nested cause', () => {
    const root = new Error(`socket closed for ${CANARY}`);
    const middle = new TypeError(`fetch failed with key ${CANARY}`, { cause: root });
    const error = new ConnectionError(REQUEST, { cause: middle });
    scrubError(error, [CANARY]);
    for (const e of [error, middle, root]) {
      expect(e.message).not.toContain(CANARY);
      expect(e.stack).not.toContain(CANARY);
    }
    expect(error.message).toBe(`Connection error: GET ${FULL_URL} (fetch failed with key ***)`);
    expect(root.message).toBe('socket closed for ***');
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

  it('rewrites a message that is a getter, and a string cause', () => {
    const abort = new DOMException(`aborted ${CANARY}`, 'AbortError');
    const error = new JelouError('outer', { cause: abort });
    const withString = new JelouError('outer', { cause: `reason ${CANARY}` });
    scrubError(error, [CANARY]);
    scrubError(withString, [CANARY]);
    expect(abort.message).toBe('aborted ***');
    expect(withString.cause).toBe('reason ***');
  });

  it('survives a cause cycle and ignores empty secrets', () => {
    const a = new Error(`a ${CANARY}`);
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    scrubError(a, ['', CANARY]);
    expect(a.message).toBe('a ***');
    scrubError(b, ['']);
    expect(b.message).toBe('b');
  });

  it('never puts the field value in a ValidationError message', () => {
    const error = new ValidationError('authorization', 'must not be empty when authType is bearer');
    expect(error.message).toBe('Invalid authorization: must not be empty when authType is bearer');
  });
});

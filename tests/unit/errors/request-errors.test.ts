import { ConnectionError } from '../../../src/errors/connection-error.js';
import { JelouError } from '../../../src/errors/jelou-error.js';
import { ResponseValidationError } from '../../../src/errors/response-validation-error.js';
import { TimeoutError } from '../../../src/errors/timeout-error.js';
import { UserAbortError } from '../../../src/errors/user-abort-error.js';
import { ValidationError } from '../../../src/errors/validation-error.js';

const PATH = '/v1/external-support/abc';
const FULL_URL = `https://api.jelou.ai${PATH}`;
const REQUEST = { method: 'GET', url: `https://api.jelou.ai${PATH}`, path: PATH };

describe('ConnectionError', () => {
  it('names the request when there is no cause', () => {
    const error = new ConnectionError(REQUEST);
    expect(error.message).toBe(`Connection error: GET ${FULL_URL}`);
    expect(error.name).toBe('ConnectionError');
    expect(error).toBeInstanceOf(JelouError);
    expect(error.code).toBeUndefined();
  });

  it('adds the code undici hides in cause.cause', () => {
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error('read'), { code: 'ECONNRESET' }) });
    const error = new ConnectionError(REQUEST, { cause });
    expect(error.message).toBe(`Connection error: GET ${FULL_URL} (fetch failed: ECONNRESET)`);
    expect(error.code).toBe('ECONNRESET');
    expect(error.cause).toBe(cause);
  });

  it('does not repeat a code already in the cause message', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' });
    expect(new ConnectionError(REQUEST, { cause }).message).toBe(
      `Connection error: GET ${FULL_URL} (connect ECONNREFUSED 127.0.0.1:4010)`,
    );
  });

  it('keeps method, url and path', () => {
    const error = new ConnectionError({ ...REQUEST, method: 'PATCH' });
    expect([error.method, error.url, error.path]).toEqual(['PATCH', REQUEST.url, PATH]);
  });
});

describe('TimeoutError', () => {
  it('is a ConnectionError that says how long it waited', () => {
    const error = new TimeoutError({ ...REQUEST, timeoutMs: 30000 });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(JelouError);
    expect(error.name).toBe('TimeoutError');
    expect(error.timeoutMs).toBe(30000);
    expect(error.message).toBe(`Request timed out after 30000 ms: GET ${FULL_URL}`);
  });
});

describe('UserAbortError', () => {
  it('names the aborted request and is not a ConnectionError', () => {
    const reason = new Error('user cancelled');
    const error = new UserAbortError(REQUEST, { cause: reason });
    expect(error.message).toBe(`Request aborted: GET ${FULL_URL}`);
    expect(error.name).toBe('UserAbortError');
    expect(error.cause).toBe(reason);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(JelouError);
  });
});

describe('ValidationError', () => {
  it('names the field and the problem', () => {
    const error = new ValidationError('webhookUrl', 'must be an https URL');
    expect(error.message).toBe('Invalid webhookUrl: must be an https URL');
    expect([error.name, error.field, error.problem]).toEqual(['ValidationError', 'webhookUrl', 'must be an https URL']);
    expect(error).toBeInstanceOf(JelouError);
  });
});

describe('ResponseValidationError', () => {
  const base = { ...REQUEST, status: 200, headers: new Headers({ 'x-request-id': 'r-9' }), body: { id: 1 } };

  it('lists the schema issues', () => {
    const issues = [
      { path: '/id', message: 'must be string' },
      { path: '/', message: "must have required property 'webhookUrl'" },
    ];
    const error = new ResponseValidationError({ ...base, issues });
    expect(error.message).toBe(
      `200 response to GET ${FULL_URL} matches no documented shape: /id must be string; / must have required property 'webhookUrl'`,
    );
    expect(error.issues).toBe(issues);
    expect(error.requestId).toBe('r-9');
    expect(error.body).toEqual({ id: 1 });
    expect(error.name).toBe('ResponseValidationError');
  });

  it('lists at most five issues', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: `/f${i}`, message: 'is invalid' }));
    const error = new ResponseValidationError({ ...base, issues });
    expect(error.message).toBe(
      `200 response to GET ${FULL_URL} matches no documented shape: ` +
        '/f0 is invalid; /f1 is invalid; /f2 is invalid; /f3 is invalid; /f4 is invalid; …',
    );
  });

  it('gives the reason instead of the issues when there is one', () => {
    const error = new ResponseValidationError({ ...base, body: '<html>', issues: [], reason: 'body is not JSON' });
    expect(error.message).toBe(`200 response to GET ${FULL_URL} cannot be read: body is not JSON`);
  });
});

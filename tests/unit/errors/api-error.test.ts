import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../../src/errors/api-error.js';
import type { ApiErrorInit } from '../../../src/errors/api-error.js';
import { JelouError } from '../../../src/errors/jelou-error.js';
import { parseBody } from '../../../src/errors/parse-body.js';

const PATH = '/v1/external-support/abc';
const FULL_URL = `https://api.jelou.ai${PATH}`;

function init(status: number, body: unknown, extra: Partial<ApiErrorInit> = {}): ApiErrorInit {
  return {
    method: 'GET',
    url: `https://api.jelou.ai${PATH}`,
    path: PATH,
    status,
    headers: new Headers(),
    body,
    ...extra,
  };
}

describe('ApiError.from', () => {
  it.each([
    [400, BadRequestError, 'BadRequestError'],
    [401, AuthenticationError, 'AuthenticationError'],
    [403, PermissionDeniedError, 'PermissionDeniedError'],
    [404, NotFoundError, 'NotFoundError'],
    [409, ConflictError, 'ConflictError'],
    [422, UnprocessableEntityError, 'UnprocessableEntityError'],
    [429, RateLimitError, 'RateLimitError'],
    [500, InternalServerError, 'InternalServerError'],
    [502, InternalServerError, 'InternalServerError'],
    [503, InternalServerError, 'InternalServerError'],
  ])('maps %i to %p', (status, ErrorClass, name) => {
    const error = ApiError.from(init(status, undefined));
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(JelouError);
    expect(error).toBeInstanceOf(Error);
  });

  it('maps an unlisted status (418) to plain ApiError', () => {
    const error = ApiError.from(init(418, undefined));
    expect(error.constructor).toBe(ApiError);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe(`418 I'm a Teapot: GET ${FULL_URL}`);
  });

  it('keeps the cause it is given', () => {
    const cause = new Error('inner');
    expect(ApiError.from(init(500, undefined), { cause }).cause).toBe(cause);
  });
});

describe('ApiError message', () => {
  it('quotes a JSON envelope whose message is a list', () => {
    const body = { message: ['Integration not found'], statusMessage: 'error', status: 0 };
    const error = ApiError.from(init(404, body));
    expect(error.message).toBe(`404 Not Found: GET ${FULL_URL} — Integration not found`);
    expect(error.apiMessage).toBe('Integration not found');
    expect(error.body).toBe(body);
  });

  it('joins a message list with semicolons', () => {
    const error = ApiError.from(init(400, { message: ['a is wrong', 'b is wrong'] }));
    expect(error.message).toBe(`400 Bad Request: GET ${FULL_URL} — a is wrong; b is wrong`);
  });

  it('prefers error.description over message', () => {
    const body = {
      message: 'The fields sent are invalid',
      statusMessage: 'error',
      status: 422,
      error: { code: 'unprocessable_entity', description: 'authorization is required when authType is bearer' },
    };
    const error = ApiError.from(init(422, body, { method: 'PATCH' }));
    expect(error.message).toBe(
      `422 Unprocessable Entity: PATCH ${FULL_URL} — authorization is required when authType is bearer`,
    );
  });

  it('quotes a string message', () => {
    const error = ApiError.from(init(401, { message: 'Unauthorized', statusMessage: 'error' }));
    expect(error.message).toBe(`401 Unauthorized: GET ${FULL_URL} — Unauthorized`);
  });

  it('falls back to statusMessage unless it is the bare word error', () => {
    expect(ApiError.from(init(409, { statusMessage: 'Already exists' })).apiMessage).toBe('Already exists');
    expect(ApiError.from(init(409, { statusMessage: 'error' })).apiMessage).toBeUndefined();
  });

  it('still builds the right class for an empty body, with no dash in the message', () => {
    const error = ApiError.from(init(404, parseBody('')));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBeUndefined();
    expect(error.apiMessage).toBeUndefined();
    expect(error.message).toBe(`404 Not Found: GET ${FULL_URL}`);
  });

  it('quotes a non-JSON text/html body as one line', () => {
    const html = '<html>\n  <body>Bad gateway</body>\n</html>\n';
    const error = ApiError.from(init(502, parseBody(html), { headers: new Headers({ 'content-type': 'text/html' }) }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(html);
    expect(error.message).toBe(`502 Bad Gateway: GET ${FULL_URL} — <html> <body>Bad gateway</body> </html>`);
  });

  it('cuts a long text body to 500 characters', () => {
    const error = ApiError.from(init(500, 'x'.repeat(2000)));
    expect(error.apiMessage).toBe(`${'x'.repeat(499)}…`);
  });

  it('uses the response statusText over the standard reason phrase', () => {
    const error = ApiError.from(init(404, undefined, { statusText: 'Nope' }));
    expect(error.message).toBe(`404 Nope: GET ${FULL_URL}`);
  });

  it('omits the reason phrase for a status that has none', () => {
    expect(ApiError.from(init(599, undefined)).message).toBe(`599: GET ${FULL_URL}`);
  });
});

describe('ApiError fields', () => {
  it('reads requestId from x-request-id first', () => {
    const headers = new Headers({ 'x-amzn-trace-id': 'trace-1', 'x-request-id': 'req-1' });
    expect(ApiError.from(init(500, undefined, { headers })).requestId).toBe('req-1');
  });

  it('reads requestId from x-amzn-requestid when it is the only one', () => {
    const headers = new Headers({ 'x-amzn-requestid': 'amzn-7' });
    expect(ApiError.from(init(500, undefined, { headers })).requestId).toBe('amzn-7');
  });

  it('leaves requestId undefined when no header carries one', () => {
    expect(ApiError.from(init(500, undefined)).requestId).toBeUndefined();
  });

  it('keeps method, url, path and the response headers', () => {
    const headers = new Headers({ 'retry-after': '3' });
    const error = ApiError.from(init(429, undefined, { headers, method: 'PUT' }));
    expect([error.method, error.url, error.path]).toEqual(['PUT', `https://api.jelou.ai${PATH}`, PATH]);
    expect(error.headers.get('retry-after')).toBe('3');
  });

  it('hides credentials embedded in the url', () => {
    const error = ApiError.from(init(500, undefined, { url: `https://id:hunter2@api.jelou.ai${PATH}?api_key=k123` }));
    expect(error.url).toBe(`https://***@api.jelou.ai${PATH}?api_key=***`);
  });

  it('keeps headers and body off the enumerable fields', () => {
    expect(Object.keys(ApiError.from(init(404, { message: 'x' })))).not.toEqual(
      expect.arrayContaining(['headers', 'body']),
    );
  });
});

describe('parseBody', () => {
  it('returns undefined for an empty or blank body', () => {
    expect(parseBody('')).toBeUndefined();
    expect(parseBody(' \n\t')).toBeUndefined();
  });

  it('parses JSON', () => {
    expect(parseBody('{"message":["a"]}')).toEqual({ message: ['a'] });
    expect(parseBody('null')).toBeNull();
  });

  it('returns text that is not JSON unchanged', () => {
    expect(parseBody('<h1>oops</h1>')).toBe('<h1>oops</h1>');
  });
});

import {
  AuthenticationError,
  BadRequestError,
  createExternalSupportClient,
  InternalServerError,
  NotFoundError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  type ClientOptions,
} from '../../../src/index';
import { ENVELOPE, fakeFetch, FLAT, json } from '../../support/fake-fetch';
import { neverAnswer, send, startTestServer, type TestServer } from '../../support/test-server';

const KEY = 'test-api-key';

function clientWith(fetch: ClientOptions['fetch'], extra: ClientOptions = {}) {
  return createExternalSupportClient({ auth: { apiKey: KEY }, fetch, maxRetries: 0, env: {}, ...extra });
}

describe('createExternalSupportClient against a local server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(answers: Record<string, unknown>) {
    server = await startTestServer((req, res) => send(res, 200, { body: answers[req.method ?? ''] }));
    return createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl: server.url, env: {} });
  }

  it('returns the same Integration for an envelope GET and a flat PATCH', async () => {
    const client = await serve({ GET: ENVELOPE, PATCH: FLAT });
    const read = await client.getIntegration('p1');
    const written = await client.updateIntegration('p1', { webhookUrl: 'https://my-system.com/webhook/jelou' });
    const { id, authType, ...common } = written;
    expect(read).toEqual(common);
    expect({ id, authType }).toEqual({ id: 'INTEGRATION_ID', authType: 'bearer' });
  });

  it('returns the same Integration for a flat GET and an envelope PATCH', async () => {
    const client = await serve({ GET: FLAT, PATCH: ENVELOPE });
    const read = await client.getIntegration('p1');
    const written = await client.updateIntegration('p1', { webhookUrl: 'https://my-system.com/webhook/jelou' });
    expect(written).toEqual({
      brainId: 'BRAIN_ID',
      webhookUrl: 'https://my-system.com/webhook/jelou',
      createdAt: '2023-11-07T05:31:56Z',
      updatedAt: '2023-11-07T05:31:56Z',
    });
    expect(read).toEqual({ ...written, id: 'INTEGRATION_ID', authType: 'bearer' });
  });

  it('tells which shape came back, with the response and the envelope fields', async () => {
    const client = await serve({ GET: ENVELOPE, PATCH: FLAT });
    const read = await client.getIntegration('p1').withResponse();
    expect(read.shape).toBe('envelope');
    expect(read.envelope).toEqual({
      message: ['Integration retrieved successfully'],
      statusMessage: 'success',
      status: 1,
    });
    expect(read.response.status).toBe(200);
    expect(read.body).toEqual(ENVELOPE);
    const written = await client.updateIntegration('p1', { authType: 'no_auth' }).withResponse();
    expect(written.shape).toBe('flat');
    expect(written.envelope).toBeUndefined();
  });

  it('sends the API key in x-api-key, exactly', async () => {
    const client = await serve({ GET: FLAT });
    await client.getIntegration('p1');
    expect(server?.requests[0]?.headers['x-api-key']).toBe(KEY);
    expect(server?.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends clientId:clientSecret as HTTP Basic, exactly', async () => {
    server = await startTestServer((_req, res) => send(res, 200, { body: FLAT }));
    const client = createExternalSupportClient({
      auth: { clientId: 'my_client_id', clientSecret: 'my_client_secret' },
      baseUrl: server.url,
      env: {},
    });
    await client.getIntegration('p1');
    // The example of the general Jelou API introduction.
    expect(server.requests[0]?.headers.authorization).toBe('Basic bXlfY2xpZW50X2lkOm15X2NsaWVudF9zZWNyZXQ=');
    expect(server.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('encodes the projectId as one path segment', async () => {
    const client = await serve({ GET: FLAT });
    await client.getIntegration('a/b?c#d');
    expect(server?.requests[0]?.url).toBe('/v1/external-support/a%2Fb%3Fc%23d');
  });

  it('sends the changes as JSON with a JSON content type', async () => {
    const client = await serve({ PATCH: FLAT });
    await client.updateIntegration('p1', {
      webhookUrl: 'https://x.example.com/h',
      authType: 'bearer',
      authorization: 't',
    });
    expect(server?.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server?.requests[0]?.body ?? '')).toEqual({
      webhookUrl: 'https://x.example.com/h',
      authType: 'bearer',
      authorization: 't',
    });
  });

  it('identifies itself in User-Agent and asks for JSON', async () => {
    const client = await serve({ GET: FLAT });
    await client.getIntegration('p1');
    expect(server?.requests[0]?.headers['user-agent']).toMatch(/^jelou-external-support\/\d+\.\d+\.\d+/);
    expect(server?.requests[0]?.headers.accept).toBe('application/json');
  });

  it('succeeds after two retries on 503, 503, 200', async () => {
    server = await startTestServer((_req, res, attempt) =>
      attempt < 3 ? send(res, 503, { headers: { 'retry-after-ms': '10' } }) : send(res, 200, { body: FLAT }),
    );
    const client = createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl: server.url, env: {} });
    await expect(client.getIntegration('p1')).resolves.toMatchObject({ brainId: 'BRAIN_ID' });
    expect(server.requests).toHaveLength(3);
  });

  it('fails with InternalServerError after exactly 3 attempts when the server always answers 500', async () => {
    server = await startTestServer((_req, res) => send(res, 500, { headers: { 'retry-after-ms': '5' }, body: {} }));
    const client = createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl: server.url, env: {} });
    await expect(client.updateIntegration('p1', { authType: 'no_auth' })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('fails with TimeoutError when the server never answers, per attempt', async () => {
    server = await startTestServer(neverAnswer);
    const client = createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl: server.url, env: {}, timeout: 150 });
    const started = Date.now();
    await expect(client.getIntegration('p1', { maxRetries: 1 })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    // Two attempts of 150 ms plus at most one backoff wait (500 ms): behaviour, with a wide margin.
    expect(Date.now() - started).toBeLessThan(150 * 2 + 500 + 1500);
  });

  it('calls a rotating key function before each request', async () => {
    server = await startTestServer((_req, res) => send(res, 200, { body: FLAT }));
    let calls = 0;
    const client = createExternalSupportClient({
      auth: { apiKey: async () => `key-${++calls}` },
      baseUrl: server.url,
      env: {},
    });
    await client.getIntegration('p1');
    await client.getIntegration('p1');
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual(['key-1', 'key-2']);
  });
});

describe('error mapping', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [404, NotFoundError],
    [500, InternalServerError],
  ])('maps %i to its error class with the parsed body', async (status, ErrorClass) => {
    const body = { message: ['Integration not found'], statusMessage: 'error', status: 0 };
    const { fetch } = fakeFetch(() => json(status, body, { 'x-request-id': 'req-1' }));
    const error = await clientWith(fetch)
      .getIntegration('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, body, requestId: 'req-1', method: 'GET' });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${status} .+: GET https://gateway\\.jelou\\.ai/jelouapi/v1/external-support/abc — Integration not found$`,
      ),
    );
  });

  it('gives the right class for an empty error body', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 404 }));
    const error = await clientWith(fetch)
      .getIntegration('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toBeUndefined();
    expect((error as Error).message).toBe(
      '404 Not Found: GET https://gateway.jelou.ai/jelouapi/v1/external-support/abc',
    );
  });

  it('gives the right class for a non-JSON error body', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await clientWith(fetch)
      .getIntegration('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).body).toBe('<html>Bad gateway</html>');
  });

  it('rejects a 200 body of a third shape with ResponseValidationError carrying it', async () => {
    const third = { integration: { webhook: 'https://x' } };
    const { fetch } = fakeFetch(() => json(200, third));
    const error = await clientWith(fetch)
      .getIntegration('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual(third);
    expect((error as ResponseValidationError).issues.length).toBeGreaterThan(0);
  });

  it.each([
    ['a non-JSON body', () => new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } })],
    ['an empty body', () => new Response('', { status: 200 })],
    ['JSON null', () => json(200, null)],
    ['an envelope without data fields', () => json(200, { message: [], status: 1, data: {} })],
  ])('rejects %s on 200 with ResponseValidationError, not a TypeError', async (_name, answer) => {
    const { fetch } = fakeFetch(answer);
    await expect(clientWith(fetch).getIntegration('abc')).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe('input validation', () => {
  const valid = { webhookUrl: 'https://my-system.com/webhook/jelou-v2' };
  const cases: [string, (c: ReturnType<typeof clientWith>) => Promise<unknown>, string][] = [
    ['an empty projectId', (c) => c.getIntegration(''), 'projectId'],
    ['a projectId that is not a string', (c) => c.getIntegration(42 as unknown as string), 'projectId'],
    ['a projectId with a control character', (c) => c.updateIntegration('a\nb', valid), 'projectId'],
    ['a projectId of ".."', (c) => c.getIntegration('..'), 'projectId'],
    ['empty changes', (c) => c.updateIntegration('p', {}), 'body'],
    ['changes that are not an object', (c) => c.updateIntegration('p', null as unknown as object), 'changes'],
    ['an http webhookUrl', (c) => c.updateIntegration('p', { webhookUrl: 'http://my-system.com/h' }), 'webhookUrl'],
    ['a relative webhookUrl', (c) => c.updateIntegration('p', { webhookUrl: '/webhook' }), 'webhookUrl'],
    ['a localhost webhookUrl', (c) => c.updateIntegration('p', { webhookUrl: 'https://localhost/h' }), 'webhookUrl'],
    ['a private-IP webhookUrl', (c) => c.updateIntegration('p', { webhookUrl: 'https://10.0.0.8/h' }), 'webhookUrl'],
    ['a loopback-IP webhookUrl', (c) => c.updateIntegration('p', { webhookUrl: 'https://[::1]/h' }), 'webhookUrl'],
    ['an unknown authType', (c) => c.updateIntegration('p', { authType: 'oauth' as 'bearer' }), 'authType'],
    ['bearer without authorization', (c) => c.updateIntegration('p', { authType: 'bearer' }), 'authorization'],
    ['api_key without authorization', (c) => c.updateIntegration('p', { authType: 'api_key' }), 'authorization'],
    ['basic without authorization', (c) => c.updateIntegration('p', { authType: 'basic' }), 'authorization'],
    ['an unknown field', (c) => c.updateIntegration('p', { webhookURL: 'https://x.io' } as object), 'webhookURL'],
    ['a negative timeout', (c) => c.getIntegration('p', { timeout: -1 }), 'requestOptions.timeout'],
    ['a fractional maxRetries', (c) => c.getIntegration('p', { maxRetries: 1.5 }), 'requestOptions.maxRetries'],
    [
      'null headers',
      (c) => c.getIntegration('p', { headers: null as unknown as Record<string, string> }),
      'requestOptions.headers',
    ],
  ];

  it.each(cases)('refuses %s with ValidationError and sends nothing', async (_name, call, field) => {
    const fake = fakeFetch(() => json(200, FLAT));
    const error = await call(clientWith(fake.fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a key function that returns an empty string, and sends nothing', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    const client = createExternalSupportClient({ auth: { apiKey: () => '' }, fetch: fake.fetch, env: {} });
    await expect(client.getIntegration('p')).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('client options', () => {
  it('reads JELOU_API_KEY from the environment when auth is not given', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    await createExternalSupportClient({ fetch: fake.fetch, env: { JELOU_API_KEY: 'from-env' } }).getIntegration('p');
    expect(fake.requests[0]?.headers.get('x-api-key')).toBe('from-env');
  });

  it('reads JELOU_CLIENT_ID and JELOU_CLIENT_SECRET when there is no API key', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    const env = { JELOU_CLIENT_ID: 'id', JELOU_CLIENT_SECRET: 'secret' };
    await createExternalSupportClient({ fetch: fake.fetch, env }).getIntegration('p');
    expect(fake.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa('id:secret')}`);
  });

  it('throws a clear ValidationError at creation without any credentials', () => {
    expect(() => createExternalSupportClient({ env: {} })).toThrow(ValidationError);
    expect(() => createExternalSupportClient({ env: {} })).toThrow(/JELOU_API_KEY/);
    expect(() => createExternalSupportClient({ env: { JELOU_CLIENT_ID: 'id' } })).toThrow(/JELOU_CLIENT_SECRET/);
  });

  it('defaults to the /jelouapi base URL, or JELOU_BASE_URL', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    await clientWith(fake.fetch).getIntegration('p');
    await clientWith(fake.fetch, { env: { JELOU_BASE_URL: 'https://gateway.jelou.ai/platform/' } }).getIntegration('p');
    expect(fake.requests.map((r) => r.url)).toEqual([
      'https://gateway.jelou.ai/jelouapi/v1/external-support/p',
      'https://gateway.jelou.ai/platform/v1/external-support/p',
    ]);
  });

  it.each(['http://gateway.jelou.ai/jelouapi', 'http://10.1.2.3:4010', 'ftp://x.io', 'not a url', 'https://u:p@x.io'])(
    'refuses the base URL %s',
    (baseUrl) => {
      expect(() => createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl, env: {} })).toThrow(ValidationError);
    },
  );

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010/base', 'http://[::1]:4010'])(
    'accepts the loopback base URL %s for local mocks',
    (baseUrl) => {
      expect(createExternalSupportClient({ auth: { apiKey: KEY }, baseUrl, env: {} }).baseUrl).toBe(
        baseUrl.replace(/\/$/, ''),
      );
    },
  );

  it('merges headers: request over client, null removes one', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    const client = clientWith(fake.fetch, { headers: { 'x-team': 'a', 'x-trace': 't' } });
    await client.getIntegration('p', { headers: { 'x-team': 'b', 'x-trace': null, 'user-agent': undefined } });
    const headers = fake.requests[0]?.headers;
    expect(headers?.get('x-team')).toBe('b');
    expect(headers?.has('x-trace')).toBe(false);
    expect(headers?.get('user-agent')).toMatch(/^jelou-external-support\//);
  });

  it('lets per-request maxRetries override the client', async () => {
    const fake = fakeFetch(() => json(503, {}, { 'retry-after-ms': '1' }));
    const client = clientWith(fake.fetch, { maxRetries: 3 });
    await expect(client.getIntegration('p', { maxRetries: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.requests).toHaveLength(2);
  });

  it('exposes the openapi-fetch client, with auth applied', async () => {
    const fake = fakeFetch(() => json(200, FLAT));
    const { data } = await clientWith(fake.fetch).raw.GET('/v1/external-support/{projectId}', {
      params: { path: { projectId: 'p' } },
    });
    expect(data).toEqual(FLAT);
    expect(fake.requests[0]?.headers.get('x-api-key')).toBe(KEY);
  });
});

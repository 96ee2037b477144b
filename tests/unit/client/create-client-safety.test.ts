// The client factory and its methods under issue 8's input rules: typed refusals, no request sent.
import { createExternalSupportClient, ValidationError, type ClientOptions } from '../../../src/index';
import { fakeFetch, FLAT, json } from '../../support/fake-fetch';

function setup(extra: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(() => json(200, FLAT));
  const options = { auth: { apiKey: 'key-123' }, fetch: fake.fetch, env: {}, maxRetries: 2, ...extra };
  return { fake, client: () => createExternalSupportClient(options as ClientOptions) };
}

async function refusal(run: () => unknown): Promise<ValidationError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('createExternalSupportClient under the input rules', () => {
  it('refuses baseUrl: null instead of targeting production with the credentials', async () => {
    const { client } = setup({ baseUrl: null as never, env: { JELOU_BASE_URL: 'https://env.example.test' } });
    expect((await refusal(client)).field).toBe('baseUrl');
  });

  it('refuses http: to a host that is not loopback, naming allowInsecureHttp', async () => {
    const { client } = setup({ baseUrl: 'http://mock:4010' });
    expect((await refusal(client)).problem).toContain('allowInsecureHttp: true');
  });

  it('sends to http://mock:4010 with allowInsecureHttp: true', async () => {
    const { fake, client } = setup({ baseUrl: 'http://mock:4010', allowInsecureHttp: true });
    await client().getIntegration('P1');
    expect(fake.requests[0]?.url).toBe('http://mock:4010/v1/external-support/P1');
  });

  it('sends the normalized webhook URL, not the text as typed', async () => {
    const { fake, client } = setup();
    await client().updateIntegration('P1', { webhookUrl: 'HTTPS://Example.com\\@127.0.0.1/h' });
    expect(JSON.parse(fake.requests[0]?.body ?? '{}')).toEqual({ webhookUrl: 'https://example.com/@127.0.0.1/h' });
  });

  it.each([
    ['a header value with \\x01', () => ({ headers: { 'x-trace': 'a\x01b' } })],
    ['a header value above U+00FF', () => ({ headers: { 'x-trace': '✓' } })],
    ['a header name with a space', () => ({ headers: { 'x y': 'v' } })],
  ])('refuses %s in request options, sending nothing', async (_label, perCall) => {
    const { fake, client } = setup();
    await refusal(() => client().getIntegration('P1', perCall()));
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a lone surrogate in a path parameter or in the body, sending nothing', async () => {
    const { fake, client } = setup();
    expect((await refusal(() => client().getIntegration('\ud800'))).field).toBe('projectId');
    const changes = { authType: 'bearer' as const, authorization: 'tok\udc00' };
    expect((await refusal(() => client().updateIntegration('P1', changes))).field).toBe('authorization');
    expect(fake.requests).toHaveLength(0);
  });

  it.each<[string, () => string | Promise<string>]>([
    ['throws', () => Promise.reject(new Error('vault down'))],
    ['resolves to a value above U+00FF', () => 'ключ'],
    ['resolves to an empty string', () => ''],
  ])('never retries an api key function that %s, and sends nothing', async (_label, apiKey) => {
    const provider = jest.fn(apiKey);
    const { fake, client } = setup({ auth: { apiKey: provider } });
    expect((await refusal(() => client().getIntegration('P1'))).field).toBe('auth.apiKey');
    expect(provider).toHaveBeenCalledTimes(1);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('client.raw under the input rules', () => {
  it.each(['..', '.'])('refuses the path parameter %j rather than resolving it', async (projectId) => {
    const { fake, client } = setup();
    const error = await refusal(() =>
      client().raw.GET('/v1/external-support/{projectId}', { params: { path: { projectId } } }),
    );
    expect(error.field).toBe('params.path.projectId');
    expect(fake.requests).toHaveLength(0);
  });

  it('checks raw.request(method, url, init) like the method shortcuts', async () => {
    const { fake, client } = setup();
    const error = await refusal(() =>
      client().raw.request('get', '/v1/external-support/{projectId}', { params: { path: { projectId: '..' } } }),
    );
    expect(error.field).toBe('params.path.projectId');
    expect(fake.requests).toHaveLength(0);
  });

  it('encodes a path parameter holding slashes and dots into one segment', async () => {
    const { fake, client } = setup();
    await client().raw.GET('/v1/external-support/{projectId}', { params: { path: { projectId: '../x' } } });
    expect(new URL(fake.requests[0]?.url ?? '').pathname).toBe('/jelouapi/v1/external-support/..%2Fx');
  });

  it('refuses a header that cannot be sent, and types what openapi-fetch would throw', async () => {
    const { fake, client } = setup();
    const raw = client().raw;
    await refusal(() =>
      raw.GET('/v1/external-support/{projectId}', { params: { path: { projectId: 'P' } }, headers: { 'x-a': '✓' } }),
    );
    const error = await raw
      .GET('/v1/external-support/{projectId}', {
        params: { path: { projectId: 'P' }, query: { q: '\ud800' } as never },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('JelouError');
    expect(fake.requests).toHaveLength(0);
  });
});

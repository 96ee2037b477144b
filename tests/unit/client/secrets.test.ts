// Canary secrets: no credential may leak through any error path, whatever the error and however it is printed.
import { inspect } from 'node:util';
import { createExternalSupportClient, JelouError, type ClientOptions } from '../../../src/index';
import { fakeFetch, json } from '../../support/fake-fetch';
import { neverAnswer, startTestServer } from '../../support/test-server';

const API_KEY = 'canary-api-key-7f3a9c';
const CLIENT_ID = 'canary-client-id';
const CLIENT_SECRET = 'canary-client-secret-51e0';
const BASIC_TOKEN = btoa(`${CLIENT_ID}:${CLIENT_SECRET}`);
const FORBIDDEN = [API_KEY, CLIENT_SECRET, BASIC_TOKEN, `${CLIENT_ID}:${CLIENT_SECRET}`];

function everyRendering(error: unknown): string {
  const asError = error as Error;
  return [
    String(error),
    asError.message,
    asError.stack ?? '',
    inspect(error, { depth: 20 }),
    inspect(error, { depth: 20, showHidden: true }),
    JSON.stringify(error),
    JSON.stringify({ wrapped: error }),
  ].join('\n');
}

function expectNoSecret(error: unknown): void {
  expect(error).toBeInstanceOf(JelouError);
  const text = everyRendering(error);
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
}

const echo = (text: string) => `server saw ${text}`;
const apiKeyAuth = { auth: { apiKey: API_KEY } };
const basicAuth = { auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } };

type Case = [string, ClientOptions, (signal: AbortController) => ClientOptions['fetch']];
const cases: Case[] = [];
for (const [scheme, auth] of [
  ['api key', apiKeyAuth],
  ['basic', basicAuth],
] as const) {
  const credential = (request: Request): string =>
    request.headers.get('x-api-key') ?? request.headers.get('authorization') ?? '';
  cases.push(
    [
      `${scheme}: a 401 whose body and message echo the credential`,
      auth,
      () => async (request) =>
        json(401, { message: echo(credential(request)), error: { description: credential(request) } }),
    ],
    [
      `${scheme}: a 500 whose text body echoes the credential`,
      auth,
      () => async (request) => new Response(echo(credential(request)), { status: 500 }),
    ],
    [
      `${scheme}: a 200 of an unknown shape that echoes the credential`,
      auth,
      () => async (request) => json(200, { token: credential(request) }),
    ],
    [
      `${scheme}: a 200 that is not JSON and echoes the credential`,
      auth,
      () => async (request) => new Response(`<p>${credential(request)}</p>`, { status: 200 }),
    ],
    [
      `${scheme}: a fetch that throws with the credential in its message and cause`,
      auth,
      () => async (request) => {
        throw new TypeError(`fetch failed ${credential(request)}`, { cause: new Error(credential(request)) });
      },
    ],
    [
      `${scheme}: an abort whose reason holds the credential`,
      auth,
      (controller) => async (request) => {
        controller.abort(new Error(`aborted ${credential(request)}`));
        throw new DOMException(`aborted ${credential(request)}`, 'AbortError');
      },
    ],
  );
}

describe('no credential leaks', () => {
  it.each(cases)('%s', async (_name, auth, makeFetch) => {
    const controller = new AbortController();
    const client = createExternalSupportClient({ ...auth, fetch: makeFetch(controller), env: {}, maxRetries: 1 });
    const error = await client.getIntegration('p', { signal: controller.signal }).catch((e: unknown) => e);
    expectNoSecret(error);
  });

  it('through a timeout', async () => {
    const server = await startTestServer(neverAnswer);
    try {
      const client = createExternalSupportClient({
        ...apiKeyAuth,
        baseUrl: server.url,
        env: {},
        timeout: 50,
        maxRetries: 0,
      });
      expectNoSecret(await client.getIntegration('p').catch((e: unknown) => e));
    } finally {
      await server.close();
    }
  });

  it('through a key function that returns a value fetch cannot send', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const client = createExternalSupportClient({ auth: { apiKey: () => `${API_KEY}\n` }, fetch: fake.fetch, env: {} });
    expectNoSecret(await client.getIntegration('p').catch((e: unknown) => e));
    expect(fake.requests).toHaveLength(0);
  });

  it('through a clientId with a colon', () => {
    const make = (): unknown =>
      createExternalSupportClient({
        auth: { clientId: `${CLIENT_ID}:x`, clientSecret: CLIENT_SECRET },
        fetch: fakeFetch(() => json(200, {})).fetch,
        env: {},
      });
    expect(make).toThrow(JelouError);
    expectNoSecret(
      (() => {
        try {
          return make();
        } catch (error) {
          return error;
        }
      })(),
    );
  });

  it('through an authorization field sent to updateIntegration and echoed back', async () => {
    const fake = fakeFetch((request) => json(422, { message: echo(request.body) }));
    const client = createExternalSupportClient({ ...apiKeyAuth, fetch: fake.fetch, env: {}, maxRetries: 0 });
    const error = await client
      .updateIntegration('p', { authType: 'bearer', authorization: CLIENT_SECRET })
      .catch((e: unknown) => e);
    expectNoSecret(error);
  });

  it('through a sensitive header given in the options', async () => {
    const fetch = async (): Promise<Response> => {
      throw new Error(`proxy refused ${CLIENT_SECRET}`);
    };
    const client = createExternalSupportClient({ ...apiKeyAuth, fetch, env: {}, maxRetries: 0 });
    const error = await client
      .getIntegration('p', { headers: { 'proxy-authorization': CLIENT_SECRET } })
      .catch((e: unknown) => e);
    expectNoSecret(error);
  });

  it('through a client.raw call whose fetch throws with the credential', async () => {
    const fetch = async (request: Request): Promise<Response> => {
      throw new Error(`socket closed for ${request.headers.get('x-api-key') ?? ''}`);
    };
    const client = createExternalSupportClient({ ...apiKeyAuth, fetch, env: {}, maxRetries: 0 });
    const error = await client.raw
      .GET('/v1/external-support/{projectId}', { params: { path: { projectId: 'p' } } })
      .catch((e: unknown) => e);
    expectNoSecret(error);
  });

  it('in the client itself when printed', () => {
    const client = createExternalSupportClient({ ...basicAuth, env: {} });
    const text = `${inspect(client, { depth: 20, showHidden: true })}${JSON.stringify(client)}`;
    for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
  });
});

// The transport's safety rules through the public client, against real loopback servers: redirects never carry
// credentials elsewhere, a hanging credential provider cannot hang the call, response size is capped, and failures
// no retry can mend are typed and sent once.
import { createServer as createNetServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  createExternalSupportClient,
  InternalServerError,
  RedirectError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UserAbortError,
  ValidationError,
  type ClientOptions,
} from '../../../src/index';
import { FLAT, json } from '../../support/fake-fetch';
import { neverAnswer, send, startTestServer, type TestHandler, type TestServer } from '../../support/test-server';

const KEY = 'canary-api-key-1234';
const PATH = '/v1/external-support/abc';
const WEBHOOK_CREDENTIAL = 'canary-webhook-token';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function client(options: ClientOptions = {}) {
  return createExternalSupportClient({ auth: { apiKey: KEY }, maxRetries: 0, env: {}, ...options });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('redirects', () => {
  it('refuses a 307 of a PATCH to another origin, and the other origin receives nothing', async () => {
    const other = await serve((_req, res) => send(res, 200, { body: FLAT }));
    const origin = await serve((_req, res) =>
      send(res, 307, { headers: { location: `${other.url}${PATH}?api_key=canary-query` } }),
    );

    const error = await failure(
      client({ baseUrl: origin.url }).updateIntegration('abc', {
        webhookUrl: 'https://panel.example.com/jelou',
        authType: 'bearer',
        authorization: WEBHOOK_CREDENTIAL,
      }),
    );

    expect(error).toBeInstanceOf(RedirectError);
    const redirect = error as RedirectError;
    expect(redirect.status).toBe(307);
    expect(redirect.location).toBe(`${other.url}${PATH}?api_key=***`);
    expect(redirect.message).toContain('307 redirect to another origin not followed');
    expect(redirect.message).toContain(other.url);
    expect(other.requests).toHaveLength(0);
    expect(origin.requests).toHaveLength(1);
    expect(JSON.stringify(redirect)).not.toContain('canary');
  });

  it('refuses a 307 of a GET to another origin, even one that looks the same but for the port', async () => {
    const other = await serve((_req, res) => send(res, 200, { body: FLAT }));
    const origin = await serve((_req, res) => send(res, 307, { headers: { location: `${other.url}${PATH}` } }));

    const error = await failure(client({ baseUrl: origin.url }).getIntegration('abc'));

    expect(error).toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
  });

  it('refuses a 302 from https: to http:, and the http: server receives nothing', async () => {
    const plain = await serve((_req, res) => send(res, 200, { body: FLAT }));
    const seen: string[] = [];
    // The https: origin is simulated by a fetch that answers for it; the http: one is a real server.
    const fetch = async (request: Request): Promise<Response> => {
      seen.push(request.url);
      if (request.url.startsWith('https:')) {
        return new Response(null, { status: 302, headers: { location: `${plain.url}${PATH}` } });
      }
      return globalThis.fetch(request);
    };

    const error = await failure(client({ baseUrl: 'https://127.0.0.1:9', fetch }).getIntegration('abc'));

    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toContain('302 redirect from https: to http: not followed');
    expect(seen).toEqual([`https://127.0.0.1:9${PATH}`]);
    expect(plain.requests).toHaveLength(0);
  });

  it('stops a redirect loop after one request', async () => {
    const origin = await serve((req, res) => send(res, 302, { headers: { location: req.url ?? '/' } }));

    const error = await failure(client({ baseUrl: origin.url, maxRetries: 2 }).getIntegration('abc'));

    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toContain('in a loop');
    expect(origin.requests).toHaveLength(1);
  });

  it('stops a two-step loop without sending more than two requests', async () => {
    const origin = await serve((req, res) =>
      send(res, 302, { headers: { location: req.url === PATH ? '/elsewhere' : PATH } }),
    );

    const error = await failure(client({ baseUrl: origin.url }).getIntegration('abc'));

    expect(error).toBeInstanceOf(RedirectError);
    expect(origin.requests).toHaveLength(2);
  });

  it(`follows a same-origin redirect of a GET, with the credentials, at most 5 hops`, async () => {
    const origin = await serve((req, res) => {
      const hop = Number(/hop(\d+)$/.exec(req.url ?? '')?.[1] ?? 0);
      if (hop < 3) send(res, 301, { headers: { location: `/hop${hop + 1}` } });
      else send(res, 200, { body: FLAT });
    });

    const result = await client({ baseUrl: origin.url }).getIntegration('abc').withResponse();

    expect(result.data).toEqual(FLAT);
    expect(origin.requests.map((request) => request.url)).toEqual([PATH, '/hop1', '/hop2', '/hop3']);
    expect(origin.requests.every((request) => request.headers['x-api-key'] === KEY)).toBe(true);
  });

  it('refuses the sixth same-origin hop', async () => {
    const origin = await serve((req, res) => {
      const hop = Number(/hop(\d+)$/.exec(req.url ?? '')?.[1] ?? 0);
      send(res, 302, { headers: { location: `/hop${hop + 1}` } });
    });

    const error = await failure(client({ baseUrl: origin.url }).getIntegration('abc'));

    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toContain('after 5 hops');
    expect(origin.requests).toHaveLength(6);
  });

  it('refuses a same-origin redirect of a PATCH, sending the body once', async () => {
    const origin = await serve((_req, res) => send(res, 308, { headers: { location: '/moved' } }));

    const error = await failure(
      client({ baseUrl: origin.url }).updateIntegration('abc', { webhookUrl: 'https://panel.example.com/x' }),
    );

    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toContain('308 redirect of a PATCH not followed');
    expect(origin.requests).toHaveLength(1);
  });

  it('redacts credentials in the Location it names', async () => {
    const fetch = async (): Promise<Response> =>
      new Response(null, {
        status: 301,
        headers: { location: 'https://user:canary-password@evil.example/x?token=canary-token&page=2' },
      });

    const error = (await failure(client({ fetch }).getIntegration('abc'))) as RedirectError;

    expect(error.location).toBe('https://***@evil.example/x?token=***&page=2');
    expect(error.message).not.toContain('canary');
    expect(JSON.stringify(error)).not.toContain('canary');
  });

  it('answers a redirect without Location as the API error it is', async () => {
    const fetch = async (): Promise<Response> => json(300, { message: 'choose' });
    const error = await failure(client({ fetch }).getIntegration('abc'));
    expect(error).not.toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 300 });
  });
});

describe('credential providers run inside the attempt', () => {
  it('ends with TimeoutError within 1 s when the key function never settles, sending nothing', async () => {
    const fetch = jest.fn(async () => json(200, FLAT));
    const started = Date.now();

    const error = await failure(
      client({ auth: { apiKey: () => new Promise<string>(() => undefined) }, timeout: 300, fetch }).getIntegration(
        'abc',
      ),
    );

    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ends at once with UserAbortError when the signal aborts while the provider hangs', async () => {
    const controller = new AbortController();
    const fetch = jest.fn(async () => json(200, FLAT));
    const pending = failure(
      client({ auth: { apiKey: () => new Promise<string>(() => undefined) }, fetch }).getIntegration('abc', {
        signal: controller.signal,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = Date.now();
    controller.abort();

    const error = await pending;

    expect(error).toBeInstanceOf(UserAbortError);
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('retries an idempotent call whose provider timed out, calling the provider again', async () => {
    let calls = 0;
    const apiKey = (): Promise<string> => (++calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve(KEY));
    const fetch = jest.fn(async () => json(200, FLAT));

    await client({ auth: { apiKey }, timeout: 100, maxRetries: 1, fetch }).getIntegration('abc');

    expect(calls).toBe(2);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never puts the caller signal on the Request, and leaves no listener on it', async () => {
    const signal = new AbortController().signal;
    const added = jest.spyOn(signal, 'addEventListener');
    const removed = jest.spyOn(signal, 'removeEventListener');
    const signals: AbortSignal[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      signals.push(request.signal);
      return json(200, FLAT);
    };

    const api = client({ fetch });
    for (let i = 0; i < 3; i++) await api.getIntegration('abc', { signal });

    expect(signals).toHaveLength(3);
    expect(signals).not.toContain(signal);
    expect(added).toHaveBeenCalledTimes(3);
    expect(removed).toHaveBeenCalledTimes(3);
    expect(removed.mock.calls.map(([, listener]) => listener)).toEqual(
      added.mock.calls.map(([, listener]) => listener),
    );
  });
});

describe('response size cap', () => {
  it('rejects a streamed body over maxResponseBytes without reading it whole', async () => {
    const CHUNK = 'x'.repeat(64 * 1024);
    const TOTAL_CHUNKS = 1_000; // 64 MB if it were all read
    let written = 0;
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (written < TOTAL_CHUNKS) {
          written++;
          if (!res.write(CHUNK)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    });

    const error = await failure(client({ baseUrl: origin.url, maxResponseBytes: 256 * 1024 }).getIntegration('abc'));

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: 256 * 1024 });
    expect(written).toBeLessThan(TOTAL_CHUNKS);
  });

  it('rejects at once a body whose Content-Length is over the cap', async () => {
    const origin = await serve((_req, res) => send(res, 200, { body: { ...FLAT, padding: 'p'.repeat(5_000) } }));
    const error = await failure(client({ baseUrl: origin.url, maxResponseBytes: 1_000 }).getIntegration('abc'));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toContain('larger than maxResponseBytes (1000 bytes)');
  });

  it('caps error bodies too, and is not retried', async () => {
    const fetch = jest.fn(async () => new Response('e'.repeat(5_000), { status: 503 }));
    const error = await failure(client({ fetch, maxResponseBytes: 1_000, maxRetries: 2 }).getIntegration('abc'));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reads a body right at the cap', async () => {
    const body = JSON.stringify(FLAT);
    const fetch = async (): Promise<Response> => new Response(body);
    await expect(client({ fetch, maxResponseBytes: body.length }).getIntegration('abc')).resolves.toEqual(FLAT);
  });
});

describe('responses and failures no retry can mend', () => {
  it('sends a 200 carrying x-should-retry: true once', async () => {
    const origin = await serve((_req, res) => send(res, 200, { body: FLAT, headers: { 'x-should-retry': 'true' } }));
    await client({ baseUrl: origin.url, maxRetries: 2 }).getIntegration('abc');
    expect(origin.requests).toHaveLength(1);
  });

  it('types a status outside 200–599 as ResponseValidationError, sent once', async () => {
    let requests = 0;
    const odd: Server = createNetServer((socket) => {
      socket.once('data', () => {
        requests++;
        socket.end('HTTP/1.1 600 Odd\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}');
      });
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = odd.address() as AddressInfo;
      const error = await failure(client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2 }).getIntegration('abc'));
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toContain('status 600 is outside 200–599');
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => odd.close(resolve));
    }
  });

  it('types a header value that cannot be sent as ValidationError naming the header, sending nothing', async () => {
    const fetch = jest.fn(async () => json(200, FLAT));
    const error = await failure(
      client({ fetch, maxRetries: 2 }).getIntegration('abc', { headers: { 'x-trace': 'caf☕-canary' } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('requestOptions.headers.x-trace');
    expect((error as Error).message).not.toContain('canary');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an API key that an HTTP header cannot carry, sending nothing', async () => {
    const fetch = jest.fn(async () => json(200, FLAT));
    const error = await failure(client({ fetch, auth: { apiKey: () => 'clé☕-canary' } }).getIntegration('abc'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('auth.apiKey');
    expect((error as Error).message).not.toContain('canary');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says where the request went and how many attempts were made', async () => {
    const origin = await serve((_req, res) =>
      send(res, 503, { body: { message: 'down' }, headers: { 'retry-after-ms': '1' } }),
    );
    const error = await failure(client({ baseUrl: origin.url, maxRetries: 2 }).getIntegration('abc'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe(
      `503 Service Unavailable: GET ${origin.url}${PATH} — down (after 3 attempts)`,
    );
    expect(error).toMatchObject({ attempts: 3 });
  });
});

describe('timeouts', () => {
  it('gives an injected fetch the attempt signal as init, and aborts it when the attempt times out', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const fetch = (_request: Request, init?: { signal?: AbortSignal }): Promise<Response> => {
      seen.push(init?.signal);
      return new Promise<Response>(() => undefined);
    };
    const error = await failure(client({ fetch, timeout: 100 }).getIntegration('abc'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(true);
  });

  it('never waits for a server that hangs after the client gave up', async () => {
    const origin = await serve(() => neverAnswer());
    const started = Date.now();
    const error = await failure(client({ baseUrl: origin.url, timeout: 100 }).getIntegration('abc'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

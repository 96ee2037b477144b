import { ConnectionError } from '../../../src/errors/connection-error.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import { TimeoutError } from '../../../src/errors/timeout-error.js';
import { UserAbortError } from '../../../src/errors/user-abort-error.js';
import { sleep as realSleep } from '../../../src/client/sleep.js';
import { requestSender, send as sendRequest, type CallConfig } from '../../../src/client/transport.js';
import {
  neverAnswer,
  resetMidBody,
  resetSocket,
  send,
  sendAfter,
  sendHeadersThenStall,
  startTestServer,
  type TestHandler,
  type TestServer,
} from '../../support/test-server.js';

const PATH = '/v1/external-support/abc';
const SECRET = 'sk-canary-do-not-log';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

// Records the waits asked for without waiting, so delays can be checked exactly and tests stay fast.
function recordingSleep(): { sleep: NonNullable<CallConfig['sleep']>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

type Overrides = Partial<Omit<CallConfig, 'signal' | 'fetch'>> & {
  signal?: AbortSignal;
  idempotent?: boolean;
  /** An injected fetch (given a Request); without one, the global fetch is called with (url, init). */
  fetch?: (request: Request) => Promise<Response>;
};

// Sends a Request through the transport (as client.raw does) and gives back a Response with the body read.
function retrying(overrides: Overrides = {}): (request: Request) => Promise<Response> {
  const { fetch: injected, ...rest } = overrides;
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const { response, text } = await sendRequest(
      {
        method: request.method,
        url: request.url,
        path: new URL(request.url).pathname,
        headers,
        body: request.body === null ? undefined : await request.text(),
        idempotent: overrides.idempotent ?? true,
      },
      {
        fetch: requestSender(injected),
        credentials: undefined,
        maxRetries: 2,
        timeoutMs: 5_000,
        maxResponseBytes: 1024 * 1024,
        sleep: recordingSleep().sleep,
        random: () => 0,
        ...rest,
        signal: overrides.signal ?? request.signal,
      },
    );
    return new Response([204, 205, 304].includes(response.status) ? null : text, response);
  };
}

function get(target: TestServer, init: RequestInit = {}): Request {
  return new Request(`${target.url}${PATH}`, { headers: { authorization: `Bearer ${SECRET}` }, ...init });
}

// Lets a few event-loop turns pass, so a stray further attempt would have reached the server.
const settle = (ms = 150): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('send against a real server', () => {
  it('succeeds on the third attempt after 503, 503', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt < 3 ? send(res, 503) : send(res, 200, { body: { id: 'abc' } }),
    );
    const { sleep, waits } = recordingSleep();

    const response = await retrying({ sleep })(get(target));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'abc' });
    expect(target.requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('returns the final 500 response after exactly 3 attempts when the server keeps failing', async () => {
    const target = await serve((_req, res, attempt) => send(res, 500, { body: { attempt } }));

    const response = await retrying({ maxRetries: 2 })(get(target));

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ attempt: 3 });
    await settle();
    expect(target.requests).toHaveLength(3);
  });

  it('sends a single attempt when maxRetries is 0', async () => {
    const target = await serve((_req, res) => send(res, 503));

    const response = await retrying({ maxRetries: 0 })(get(target));

    expect(response.status).toBe(503);
    expect(target.requests).toHaveLength(1);
  });

  it('waits the 1000 ms asked for by a 429 with Retry-After: 1', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt === 1 ? send(res, 429, { headers: { 'Retry-After': '1' } }) : send(res, 200, { body: {} }),
    );
    const { sleep, waits } = recordingSleep();

    const response = await retrying({ sleep })(get(target));

    expect(response.status).toBe(200);
    expect(waits).toEqual([1000]);
  });

  it('really waits about a second before retrying a 429 with Retry-After: 1', async () => {
    const times: number[] = [];
    const target = await serve((_req, res, attempt) => {
      times.push(Date.now());
      if (attempt === 1) send(res, 429, { headers: { 'Retry-After': '1' } });
      else send(res, 200, { body: {} });
    });
    const realTime = retrying({ sleep: realSleep });

    const response = await realTime(get(target));

    expect(response.status).toBe(200);
    const [first = 0, second = 0] = times;
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(second - first).toBeLessThan(5_000);
  });

  it('waits until the HTTP date given in Retry-After', async () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    const target = await serve((_req, res, attempt) =>
      attempt === 1
        ? send(res, 503, { headers: { 'Retry-After': new Date(now + 7_000).toUTCString() } })
        : send(res, 200, { body: {} }),
    );
    const { sleep, waits } = recordingSleep();

    await retrying({ sleep, now: () => now })(get(target));

    expect(waits).toEqual([7_000]);
  });

  it('waits the milliseconds given in retry-after-ms', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt === 1
        ? send(res, 429, { headers: { 'retry-after-ms': '120.5', 'Retry-After': '9' } })
        : send(res, 200, { body: {} }),
    );
    const { sleep, waits } = recordingSleep();

    await retrying({ sleep })(get(target));

    expect(waits).toEqual([120.5]);
  });

  it('falls back to its own backoff when Retry-After asks for more than 60 s', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt === 1 ? send(res, 429, { headers: { 'Retry-After': '61' } }) : send(res, 200, { body: {} }),
    );
    const { sleep, waits } = recordingSleep();

    await retrying({ sleep, random: () => 1 })(get(target));

    expect(waits).toEqual([375]);
  });

  it('stops at once when a 503 carries x-should-retry: false', async () => {
    const target = await serve((_req, res) => send(res, 503, { headers: { 'x-should-retry': 'false' } }));

    const response = await retrying()(get(target));

    expect(response.status).toBe(503);
    await settle();
    expect(target.requests).toHaveLength(1);
  });

  it.each([400, 401, 404, 422])('does not retry a %i', async (status) => {
    const target = await serve((_req, res) => send(res, status, { body: { error: 'no' } }));

    const response = await retrying()(get(target));

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: 'no' });
    await settle();
    expect(target.requests).toHaveLength(1);
  });

  it('passes a 204 without a body through', async () => {
    const target = await serve((_req, res) => send(res, 204));

    const response = await retrying()(get(target));

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('keeps the status text and headers of the response', async () => {
    const target = await serve((_req, res) => {
      res.statusMessage = 'Fine Thanks';
      send(res, 200, { headers: { 'x-request-id': 'req_123' }, body: 'plain' });
    });

    const response = await retrying()(get(target));

    expect(response.statusText).toBe('Fine Thanks');
    expect(response.headers.get('x-request-id')).toBe('req_123');
    expect(await response.text()).toBe('plain');
  });

  it('times out each attempt of a server that never answers and throws TimeoutError', async () => {
    const target = await serve(() => neverAnswer());
    const started = Date.now();

    const error = await rejection(retrying({ timeoutMs: 200, maxRetries: 1 })(get(target)));

    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
    expect(target.requests).toHaveLength(2);
    // Each attempt has its own 200 ms: a single timer for the whole call would end after about 200 ms.
    expect(elapsed).toBeGreaterThanOrEqual(2 * 200 - 20);
    expect(elapsed).toBeLessThan(2 * 200 + 1_500);
  });

  it('retries a slow answer that arrives after the timeout and succeeds when a later one is in time', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt === 1 ? sendAfter(res, 1_000, 200, { body: { late: true } }) : send(res, 200, { body: { late: false } }),
    );

    const response = await retrying({ timeoutMs: 200 })(get(target));

    expect(await response.json()).toEqual({ late: false });
    expect(target.requests).toHaveLength(2);
  });

  it('throws ConnectionError after 3 attempts when the server resets the socket', async () => {
    const target = await serve((req) => resetSocket(req));

    const error = await rejection(retrying()(get(target)));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect(target.requests).toHaveLength(3);
  });

  it('throws TimeoutError when the server sends headers and then stalls the body', async () => {
    const target = await serve((_req, res) => sendHeadersThenStall(res, 200));
    const started = Date.now();

    const error = await rejection(retrying({ timeoutMs: 200, maxRetries: 0 })(get(target)));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(200 + 1_500);
  });

  it('throws ConnectionError when the server drops the connection mid-body', async () => {
    const target = await serve((_req, res) => resetMidBody(res, 200));

    const error = await rejection(retrying({ maxRetries: 1 })(get(target)));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(target.requests).toHaveLength(2);
  });

  it('throws UserAbortError at once when the user aborts during an attempt, without retrying', async () => {
    const target = await serve(() => neverAnswer());
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);

    const { sleep, waits } = recordingSleep();

    const error = await rejection(retrying({ signal: controller.signal, sleep })(get(target)));

    expect(error).toBeInstanceOf(UserAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(waits).toEqual([]);
    await settle();
    expect(target.requests).toHaveLength(1);
  });

  it('throws UserAbortError, not a connection error, when the user aborts the last attempt', async () => {
    const target = await serve(() => neverAnswer());
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 100);

    const error = await rejection(retrying({ signal: controller.signal, maxRetries: 0 })(get(target)));

    expect(error).toBeInstanceOf(UserAbortError);
    expect((error as UserAbortError).cause).toEqual(new Error('user gave up'));
  });

  it('honours an abort signal carried by the request itself', async () => {
    const target = await serve(() => neverAnswer());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(retrying()(get(target, { signal: controller.signal })));

    expect(error).toBeInstanceOf(UserAbortError);
    await settle();
    expect(target.requests).toHaveLength(1);
  });

  it('throws UserAbortError at once when the user aborts during the wait between attempts', async () => {
    const target = await serve((_req, res) => send(res, 503, { headers: { 'Retry-After': '10' } }));
    const controller = new AbortController();
    const waits: number[] = [];
    const started = Date.now();

    const pending = retrying({
      sleep: (ms, signal) => {
        waits.push(ms);
        setTimeout(() => controller.abort(), 100);
        return realSleep(ms, signal);
      },
      signal: controller.signal,
    })(get(target));
    const error = await rejection(pending);

    expect(error).toBeInstanceOf(UserAbortError);
    expect(waits).toEqual([10_000]);
    expect(Date.now() - started).toBeLessThan(2_000);
    await settle();
    expect(target.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const target = await serve((_req, res) => send(res, 200));

    const error = await rejection(retrying({ signal: AbortSignal.abort() })(get(target)));

    expect(error).toBeInstanceOf(UserAbortError);
    await settle();
    expect(target.requests).toHaveLength(0);
  });

  it('re-sends the same PATCH body and headers on each attempt', async () => {
    const target = await serve((_req, res, attempt) => (attempt < 3 ? send(res, 503) : send(res, 200, { body: {} })));
    const body = JSON.stringify({ name: 'Soporte ñ', enabled: true });

    await retrying()(
      new Request(`${target.url}${PATH}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body }),
    );

    expect(target.requests).toHaveLength(3);
    for (const request of target.requests) {
      expect(request.method).toBe('PATCH');
      expect(request.body).toBe(body);
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('sends the path exactly as encoded', async () => {
    const target = await serve((_req, res) => send(res, 200));

    await retrying()(new Request(`${target.url}/v1/external-support/a%2Fb%3Fc%23d`));

    expect(target.requests[0]?.url).toBe('/v1/external-support/a%2Fb%3Fc%23d');
  });
});

describe('send of an operation that is not idempotent', () => {
  const post = (target: TestServer): Request =>
    new Request(`${target.url}${PATH}`, { method: 'POST', body: '{"create":true}' });

  it.each([500, 502, 504, 409])('does not retry %i: the server may have acted', async (status) => {
    const target = await serve((_req, res) => send(res, status));
    const response = await retrying({ idempotent: false })(post(target));
    expect(response.status).toBe(status);
    expect(target.requests).toHaveLength(1);
  });

  it.each([408, 429, 503])('retries %i, which says the server did not act', async (status) => {
    const target = await serve((_req, res, attempt) => (attempt === 1 ? send(res, status) : send(res, 200)));
    const response = await retrying({ idempotent: false })(post(target));
    expect(response.status).toBe(200);
    expect(target.requests).toHaveLength(2);
  });

  it('does not retry a 500 even when the server marks it x-should-retry: true (it may have acted)', async () => {
    const target = await serve((_req, res, attempt) =>
      attempt === 1 ? send(res, 500, { headers: { 'x-should-retry': 'true' } }) : send(res, 200),
    );
    await retrying({ idempotent: false })(post(target));
    expect(target.requests).toHaveLength(1);
  });

  it('does not retry a reset after the request was sent', async () => {
    const target = await serve((req) => resetSocket(req));
    const error = await rejection(retrying({ idempotent: false })(post(target)));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(target.requests).toHaveLength(1);
  });

  it('does not retry a timeout once the request was sent', async () => {
    const target = await serve(() => neverAnswer());
    const error = await rejection(retrying({ idempotent: false, timeoutMs: 100 })(post(target)));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(target.requests).toHaveLength(1);
  });

  it('retries a connection that was refused, as nothing reached a server', async () => {
    const closed = await serve((_req, res) => send(res, 200));
    const url = closed.url;
    await closed.close();
    const { sleep, waits } = recordingSleep();
    const error = await rejection(
      retrying({ idempotent: false, sleep })(new Request(`${url}${PATH}`, { method: 'POST', body: '{}' })),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe('ECONNREFUSED');
    expect(waits).toHaveLength(2);
    expect((error as ConnectionError).message).toContain('(after 3 attempts)');
  });
});

describe('send with an injected fetch', () => {
  it('wraps what fetch threw in a ConnectionError and retries it', async () => {
    const cause = new TypeError('fetch failed');
    let calls = 0;
    const { sleep, waits } = recordingSleep();

    const error = await rejection(
      retrying({
        sleep,
        fetch: async () => {
          calls++;
          throw cause;
        },
      })(new Request('https://api.example.test/v1/external-support/abc')),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(cause);
    expect(calls).toBe(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('times out a fetch that ignores its abort signal', async () => {
    const error = await rejection(
      retrying({ timeoutMs: 50, maxRetries: 0, fetch: () => new Promise<Response>(() => undefined) })(
        new Request('https://api.example.test/v1/external-support/abc'),
      ),
    );

    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('types a header an injected fetch cannot be given as ValidationError, sending nothing and not retrying', async () => {
    const fetch = jest.fn(async () => new Response(null, { status: 204 }));
    const refused = await sendRequest(
      {
        method: 'GET',
        url: 'https://api.example.test/x',
        path: '/x',
        headers: { 'x-a': 'caf☕' },
        body: undefined,
        idempotent: true,
      },
      {
        fetch: requestSender(fetch),
        credentials: undefined,
        timeoutMs: 1_000,
        maxRetries: 2,
        maxResponseBytes: 1_000,
        signal: undefined,
      },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe('headers');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives each attempt a fresh request whose body can be read', async () => {
    const bodies: string[] = [];
    const response = await retrying({
      fetch: async (request) => {
        bodies.push(await request.text());
        return new Response(null, { status: bodies.length < 2 ? 502 : 204 });
      },
    })(new Request('https://api.example.test/x', { method: 'PATCH', body: '{"a":1}' }));

    expect(response.status).toBe(204);
    expect(bodies).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('waits the backoff before each retry of a failed status: 500 ms, then 1000 ms', async () => {
    const { sleep, waits } = recordingSleep();
    const statuses = [503, 429, 200];
    let call = 0;

    const response = await retrying({
      sleep,
      fetch: async () => new Response(null, { status: statuses[call++] ?? 200 }),
    })(new Request('https://api.example.test/x', { headers: { authorization: `Bearer ${SECRET}` } }));

    expect(response.status).toBe(200);
    expect(waits).toEqual([500, 1000]);
  });

  it('retries after a timeout and after a connection failure', async () => {
    const { sleep, waits } = recordingSleep();
    let call = 0;

    const error = await rejection(
      retrying({
        sleep,
        timeoutMs: 50,
        maxRetries: 2,
        fetch: () => (call++ === 0 ? new Promise<Response>(() => undefined) : Promise.reject(new TypeError('reset'))),
      })(new Request('https://api.example.test/x')),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect(call).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('keeps request headers out of the errors it throws', async () => {
    const error = await rejection(
      retrying({ maxRetries: 0, fetch: () => Promise.reject(new TypeError('fetch failed')) })(
        new Request('https://api.example.test/v1/external-support/abc', {
          method: 'PATCH',
          headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET },
          body: '{}',
        }),
      ),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect(String((error as Error).message)).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(JSON.stringify(Object.entries(error as object))).not.toContain(SECRET);
  });
});

describe('sleep', () => {
  it('resolves after about the time asked for', async () => {
    const started = Date.now();
    await realSleep(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('rejects with the reason at once when the signal is already aborted', async () => {
    const reason = new Error('stop');
    await expect(realSleep(10_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const started = Date.now();
    setTimeout(() => controller.abort(reason), 50);

    await expect(realSleep(10_000, controller.signal)).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('resolves normally with a signal that never aborts', async () => {
    await expect(realSleep(10, new AbortController().signal)).resolves.toBeUndefined();
  });
});

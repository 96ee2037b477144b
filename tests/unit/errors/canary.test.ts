// The canary suite: every error path of the client, driven with every kind of credential, each credential a
// canary the fake server echoes back in bodies, messages and response headers. No canary may appear in any
// rendering of the error or of its cause chain, and no message may be garbled by the scrubbing.
import { inspect } from 'node:util';
import { createExternalSupportClient, JelouError, type ClientOptions, type RequestOptions } from '../../../src/index';

const BASE = 'https://api.example.test/jelouapi';
const MESSAGES = 'https://messages.example.test';
const TEXT = { type: 'text', body: 'Hello from the agent' } as const;

interface Kind {
  name: string;
  options: ClientOptions;
  requestOptions?: RequestOptions;
  /** The webhook credential sent by updateIntegration. */
  authorization?: string;
  /** Credentials of 8 characters or more: absent from every rendering. */
  long: string[];
  /** Shorter credentials: absent wherever they stand as a whole token. */
  short?: string[];
  /**
   * Secrets that never travel (the signing secret: only its HMAC is sent): the fake server echoes them anyway, as a
   * server that knows the secret might, and `sendMessage` is driven too.
   */
  echoed?: string[];
}

const kinds: Kind[] = [
  { name: 'a fixed api key', options: { auth: { apiKey: 'cnry-api-key-1a2b' } }, long: ['cnry-api-key-1a2b'] },
  { name: 'a 1-character api key', options: { auth: { apiKey: 'e' } }, long: [], short: ['e'] },
  { name: 'a 2-character api key', options: { auth: { apiKey: 'v1' } }, long: [], short: ['v1'] },
  {
    name: 'an api key function',
    options: { auth: { apiKey: async () => 'cnry-rotated-key-3c4d' } },
    long: ['cnry-rotated-key-3c4d'],
  },
  {
    name: 'fixed client credentials',
    options: { auth: { clientId: 'cnry-client-id', clientSecret: 'cnry-client-secret-5e6f' } },
    long: [
      'cnry-client-id',
      'cnry-client-secret-5e6f',
      btoa('cnry-client-id:cnry-client-secret-5e6f'),
      'cnry-client-id:cnry-client-secret-5e6f',
    ],
  },
  {
    name: 'client credential functions',
    options: { auth: { clientId: () => 'cnry-fn-id', clientSecret: () => 'cnry-fn-secret-7a8b' } },
    long: ['cnry-fn-id', 'cnry-fn-secret-7a8b', btoa('cnry-fn-id:cnry-fn-secret-7a8b')],
  },
  {
    name: 'a client header Authorization: Bearer T',
    options: { auth: { apiKey: 'cnry-api-key-1a2b' }, headers: { Authorization: 'Bearer cnry-bearer-9c0d' } },
    long: ['cnry-api-key-1a2b', 'cnry-bearer-9c0d'],
  },
  {
    name: 'a per-call x-client-secret header',
    options: { auth: { apiKey: 'cnry-api-key-1a2b' } },
    requestOptions: { headers: { 'x-client-secret': 'cnry-custom-secret-1e2f' } },
    long: ['cnry-api-key-1a2b', 'cnry-custom-secret-1e2f'],
  },
  {
    name: "a request body's webhook authorization",
    options: { auth: { apiKey: 'cnry-api-key-1a2b' } },
    authorization: 'cnry-webhook-token-3a4b',
    long: ['cnry-api-key-1a2b', 'cnry-webhook-token-3a4b'],
  },
  {
    name: 'a signing secret',
    options: { auth: { apiKey: 'cnry-api-key-1a2b' }, signingSecret: 'cnry-signing-secret-5c6d' },
    long: ['cnry-api-key-1a2b', 'cnry-signing-secret-5c6d'],
    echoed: ['cnry-signing-secret-5c6d'],
  },
  {
    name: 'a signing secret function',
    options: { auth: { apiKey: 'cnry-api-key-1a2b' }, signingSecret: async () => 'cnry-signing-fn-secret-7e8f' },
    long: ['cnry-api-key-1a2b', 'cnry-signing-fn-secret-7e8f'],
    echoed: ['cnry-signing-fn-secret-7e8f'],
  },
];

type Answer = (seen: { request: Request; body: string; echo: string }) => Response | Promise<Response>;

// Each way a call can fail; the fake server echoes every credential it received.
const paths: [string, Answer, Partial<ClientOptions>?][] = [
  ['a 401 echoing them in a JSON message', ({ echo }) => jsonResponse(401, { message: `saw: ${echo}` })],
  ['a 404 echoing them in a hybrid error body', ({ echo }) => jsonResponse(404, hybrid(echo))],
  ['a 500 echoing them in a text body', ({ echo }) => new Response(`saw: ${echo}`, { status: 500 })],
  [
    'a 403 echoing them in response headers',
    ({ echo }) =>
      jsonResponse(403, { message: 'no' }, [
        ['x-echo', `saw: ${echo}`],
        ['set-cookie', `s=${echo}`],
        ['x-upstream-token', echo],
        ['x-seen-signature', echo],
      ]),
  ],
  ['a 200 of the wrong shape echoing them', ({ echo }) => jsonResponse(200, { token: echo, id: 5 })],
  ['a 200 that is not JSON echoing them', ({ echo }) => new Response(`<p>saw: ${echo}</p>`, { status: 200 })],
  [
    'a redirect to another origin whose Location carries them',
    ({ echo }) =>
      new Response(null, {
        status: 307,
        headers: { location: `https://other.example/steal?token=${encodeURIComponent(echo.split(' ')[0] ?? '')}` },
      }),
  ],
  [
    'a fetch that throws with the request attached and them in its message and cause',
    ({ request, echo }) => {
      throw Object.assign(new TypeError(`fetch failed: saw: ${echo}`, { cause: new Error(`socket: ${echo}`) }), {
        request,
        code: 'ECONNRESET',
      });
    },
  ],
  ['a timeout', () => new Promise<Response>(() => undefined), { timeout: 30 }],
];

function jsonResponse(status: number, body: unknown, headers: [string, string][] = []): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: [['content-type', 'application/json'], ...headers],
  });
}

// Jelou's documented error style (docs/jelou-api.md, "Error response bodies").
function hybrid(echo: string): unknown {
  return {
    message: [`saw: ${echo}`],
    statusMessage: 'failed',
    status: 0,
    error: { code: 'E1019', key: 'NOT_FOUND', description: echo, developerMessages: { en: echo } },
  };
}

async function echoFetch(request: Request, answer: Answer, echoed: string[] = []): Promise<Response> {
  const body = await request.text();
  const sent: string[] = [];
  request.headers.forEach((value) => sent.push(value));
  const token = /^Bearer (.*)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const echo = [...sent, ...(token ? [token] : []), body, ...echoed].join(' ');
  return answer({ request, body, echo });
}

function renderings(error: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  for (let current: unknown = error; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    const e = current as Error & { body?: unknown; headers?: unknown; requestHeaders?: unknown; cause?: unknown };
    out.push(String(e), String(e?.message), String(e?.stack), inspect(e, { depth: 10 }));
    out.push(inspect(e, { depth: 10, showHidden: true }));
    try {
      out.push(JSON.stringify(e) ?? '');
    } catch {
      // A cycle in a cause: inspect above covers it.
    }
    if (typeof e === 'object' && e !== null) {
      out.push(inspect(e.body, { depth: 10 }), inspect(e.requestHeaders, { depth: 10 }));
      if (e.headers instanceof Headers) out.push(JSON.stringify([...e.headers]));
      current = e.cause;
    } else current = undefined;
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let errorsChecked = 0;
let renderingsChecked = 0;

function leaks(error: unknown, kind: Kind): string[] {
  const found: string[] = [];
  for (const text of renderings(error)) {
    renderingsChecked++;
    for (const secret of kind.long) if (text.includes(secret)) found.push(secret);
    for (const secret of kind.short ?? []) {
      if (new RegExp(`(?:saw: |token=|"|s=)${escape(secret)}(?=$|[\\s",;&])`).test(text)) found.push(secret);
    }
  }
  return found;
}

// Garbled: a replacement inside a word, or the API path not intact in a message about a request.
function garbled(error: JelouError): boolean {
  const { message } = error;
  if (/[A-Za-z0-9]\*\*\*|\*\*\*[A-Za-z0-9]/.test(message)) return true;
  return 'path' in error && !message.includes('/v1/external-support/');
}

async function call(kind: Kind, answer: Answer, extra: Partial<ClientOptions>, how: string): Promise<unknown> {
  const client = createExternalSupportClient({
    ...kind.options,
    baseUrl: BASE,
    env: {},
    maxRetries: 0,
    messagesBaseUrl: MESSAGES,
    fetch: (request) => echoFetch(request, answer, kind.echoed),
    ...extra,
  });
  const perCall = kind.requestOptions;
  try {
    if (how === 'raw') {
      const { error } = await client.raw.GET('/v1/external-support/{projectId}', {
        params: { path: { projectId: 'P1' } },
        ...(perCall?.headers ? { headers: perCall.headers as Record<string, string> } : {}),
      });
      return error === undefined ? undefined : new JelouError('raw answered with an error body');
    }
    if (how === 'send') {
      await client.sendMessage('P1', { roomId: 'R1', botId: 'B1', userId: 'U1', message: TEXT }, perCall);
    } else if (how === 'update' || kind.authorization !== undefined) {
      await client.updateIntegration(
        'P1',
        { webhookUrl: 'https://my-system.com/h', authType: 'bearer', authorization: kind.authorization ?? 'tok' },
        perCall,
      );
    } else await client.getIntegration('P1', perCall);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the canary suite', () => {
  afterAll(() => {
    if (process.env.CANARY_REPORT) {
      console.log(`canary: ${errorsChecked} errors, ${renderingsChecked} renderings checked`);
    }
  });

  describe.each(kinds.map((kind) => [kind.name, kind] as const))('with %s', (_name, kind) => {
    it.each(paths.map(([name, answer, extra]) => [name, answer, extra ?? {}] as const))(
      'leaks nothing and garbles no message through %s',
      async (_path, answer, extra) => {
        const found: { how: string; leaks: string[] }[] = [];
        const hows = kind.echoed ? ['get', 'update', 'send'] : ['get', 'update'];
        for (const how of hows) {
          const error = await call(kind, answer, extra, how);
          // The messages host's answer is undocumented: sendMessage keeps any 2xx JSON body, so no error there.
          if (how === 'send' && _path === 'a 200 of the wrong shape echoing them') {
            expect(error).toBeUndefined();
            continue;
          }
          expect(error).toBeInstanceOf(JelouError);
          errorsChecked++;
          const leaked = leaks(error, kind);
          if (leaked.length > 0) found.push({ how, leaks: [...new Set(leaked)] });
          expect(garbled(error as JelouError)).toBe(false);
        }
        expect(found).toEqual([]);
      },
    );

    it('leaks nothing through client.raw', async () => {
      const raw = await call(kind, paths[7]?.[1] as Answer, {}, 'raw');
      expect(raw).toBeInstanceOf(JelouError);
      errorsChecked++;
      expect(leaks(raw, kind)).toEqual([]);
    });

    it('leaks nothing through a real connection error, and a ValidationError reads the same before and after the first request', async () => {
      const client = createExternalSupportClient({
        ...kind.options,
        baseUrl: 'http://127.0.0.1:1',
        env: {},
        maxRetries: 0,
      });
      const before = await client.getIntegration('\ud800').catch((e: unknown) => e);
      const refused = await client.getIntegration('P1', kind.requestOptions).catch((e: unknown) => e);
      const after = await client.getIntegration('\ud800').catch((e: unknown) => e);
      for (const error of [before, refused, after]) {
        expect(error).toBeInstanceOf(JelouError);
        errorsChecked++;
        expect(leaks(error, kind)).toEqual([]);
        expect(garbled(error as JelouError)).toBe(false);
      }
      expect((before as Error).message).toBe((after as Error).message);
      expect((refused as Error).message).toMatch(
        /^Connection error: GET http:\/\/127\.0\.0\.1:1\/v1\/external-support\/P1/,
      );
    });
  });

  describe.each(kinds.filter((k) => k.echoed).map((kind) => [kind.name, kind] as const))(
    'sendMessage with %s',
    (_name, kind) => {
      it('leaks nothing through a real connection error and through validation errors that hold the secret', async () => {
        const secret = kind.echoed?.[0] ?? '';
        const client = createExternalSupportClient({
          ...kind.options,
          messagesBaseUrl: 'http://127.0.0.1:1',
          env: {},
          maxRetries: 0,
        });
        const send = (input: Parameters<typeof client.sendMessage>[1]) =>
          client.sendMessage('P1', input).catch((e: unknown) => e);
        const party = { roomId: 'R1', botId: 'B1', userId: 'U1' };
        const errors = [
          await send({ ...party, message: TEXT }),
          await send({ ...party, roomId: '\ud800', message: TEXT }),
          await send({ ...party, roomId: `R1\n${secret}`, message: TEXT }),
          await send({
            ...party,
            message: { type: 'image', url: `http://example.com/${secret}.jpg`, mimeType: 'image/jpeg' },
          }),
          await send({ ...party, message: { type: 'text', body: 'hi', id: `${secret}\u0001` } }),
        ];
        expect((errors[0] as Error).message).toMatch(/^Connection error: POST http:\/\/127\.0\.0\.1:1\//);
        for (const error of errors) {
          expect(error).toBeInstanceOf(JelouError);
          errorsChecked++;
          expect(leaks(error, kind)).toEqual([]);
          expect(garbled(error as JelouError)).toBe(false);
        }
      });
    },
  );

  it('learns a function-form signing secret before scrubbing a gateway error that comes before any sendMessage', async () => {
    const kind = kinds.find((k) => k.name === 'a signing secret function') as Kind;
    const found: string[] = [];
    for (const [name, answer, extra] of paths) {
      for (const how of ['get', 'update', 'raw']) {
        // A new client each time: its secret function has never been called.
        const error = await call(kind, answer, extra ?? {}, how);
        if (error !== undefined && leaks(error, kind).length > 0) found.push(`${how} through ${name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('waits at most a bounded time for a signing secret function that never settles, and calls it once', async () => {
    let calls = 0;
    const client = createExternalSupportClient({
      auth: { apiKey: 'cnry-api-key-1a2b' },
      signingSecret: () => {
        calls++;
        return new Promise<string>(() => undefined);
      },
      baseUrl: BASE,
      env: {},
      maxRetries: 0,
      fetch: async () => jsonResponse(404, { message: 'Integration not found' }),
    });
    const started = Date.now();
    const error = await client.getIntegration('P1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JelouError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(calls).toBe(1);
  });

  it('leaves /v1/external-support/ intact with a 1-character key', async () => {
    const error = await call(kinds[1] as Kind, paths[1]?.[1] as Answer, {}, 'get');
    // The hybrid body's description echoes every header the server got: only the key is replaced.
    expect((error as Error).message).toBe(
      '404 Not Found: GET https://api.example.test/jelouapi/v1/external-support/P1 — ' +
        'application/json jelou-external-support/0.1.0 ***',
    );
  });

  it('redacts a credential echoed in a response header from util.inspect and JSON.stringify', async () => {
    const error = (await call(kinds[0] as Kind, paths[3]?.[1] as Answer, {}, 'get')) as JelouError & {
      headers: Headers;
    };
    expect(inspect(error, { depth: 10 })).not.toContain('cnry-api-key-1a2b');
    expect(JSON.stringify(error)).not.toContain('cnry-api-key-1a2b');
    expect(error.headers.get('x-echo')).toMatch(/^saw: .* \*\*\*$/);
    expect(error.headers.get('set-cookie')).toBe('***');
  });

  it('leaks nothing when a credential function throws with the credential in its message', async () => {
    const client = createExternalSupportClient({
      auth: { apiKey: () => Promise.reject(new Error('vault said cnry-api-key-1a2b')) },
      headers: { 'x-api-secret': 'cnry-api-key-1a2b' },
      baseUrl: BASE,
      env: {},
      fetch: () => Promise.reject(new Error('never')),
    });
    const error = await client.getIntegration('P1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JelouError);
    expect(renderings(error).join('\n')).not.toContain('cnry-api-key-1a2b');
  });
});

// Property-based inputs: generated options, arguments and request options for createExternalSupportClient, every
// method of the client (found through the operation table, so operations added later are covered) and client.raw.
// Whatever the input: every throw is a JelouError subclass, and a ValidationError means no request was sent.
// Fixed seed; FC_RUNS sets the total number of inputs (default 10,000), e.g. `FC_RUNS=100000 npx jest inputs`.
import fc from 'fast-check';
import { createExternalSupportClient, JelouError, NotFoundError, ValidationError } from '../../../src/index';
import { operationTable } from '../../../src/spec/operations';
import { fakeFetch, FLAT, json } from '../../support/fake-fetch';

const TOTAL_RUNS = Number(process.env.FC_RUNS ?? 10_000);
// Thousands of generated inputs per test: seconds alone, more than jest's default 5 s on a busy machine.
jest.setTimeout(30_000);
const SEED = Number(process.env.FC_SEED ?? 20261122);
const runs = (share: number): number => Math.max(1, Math.round(TOTAL_RUNS * share));
let inputsRun = 0;
let methodCalls = 0;
let callsSent = 0;

// Characters that break naive code: controls, CR/LF, lone surrogates, non-Latin-1, URL and path punctuation.
const nastyChar = fc.constantFrom(
  '\ud800',
  '\udfff',
  '\r',
  '\n',
  '\0',
  '\x01',
  '\t',
  '\x7f',
  '\u0085',
  'ü',
  '✓',
  'ключ',
  '😀',
  ' ',
  '.',
  '/',
  '%',
  '?',
  '#',
  ':',
  '@',
  '\\',
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.oneof(nastyChar, fc.string({ minLength: 1, maxLength: 1 })), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('.', '..', '', ' ', 'PROJECT_ID', 'e'),
);
const anything = fc.oneof(
  text,
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);
const headerName = fc.oneof(fc.constantFrom('x-trace', 'Authorization', 'x-client-secret', 'x y', 'ü', ''), text);
const headerValue = fc.oneof(text, fc.constant(null), fc.constant(undefined), fc.constantFrom('Bearer T', 'ok'));
const headers = fc.oneof(fc.dictionary(headerName, headerValue, { maxKeys: 3 }), anything);
const credential = fc.oneof(
  text,
  fc.constantFrom('key-123', 'ключ', 'e'),
  text.map((value) => () => value),
  text.map((value) => async () => value),
  fc.constant(() => {
    throw new Error('vault down');
  }),
  anything,
);
const auth = fc.oneof(
  fc.record({ apiKey: credential }),
  fc.record({ clientId: credential, clientSecret: credential }),
  fc.record({ apiKey: credential, clientId: credential }),
  anything,
);
const baseUrl = fc.oneof(
  fc.constantFrom(undefined, 'https://api.example.test', 'http://127.0.0.1:9', 'http://mock:4010', null),
  text,
  text.map((path) => `https://api.example.test/${path}`),
);
const number = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(undefined), anything);
const clientOptions = fc.record(
  {
    auth,
    baseUrl,
    allowInsecureHttp: fc.oneof(fc.boolean(), fc.constant(undefined), anything),
    timeout: fc.oneof(fc.constant(5_000), number),
    maxRetries: fc.oneof(fc.integer({ min: 0, max: 2 }), number),
    maxResponseBytes: fc.oneof(fc.constant(1_000_000), number),
    headers,
    env: fc.oneof(fc.constant({}), anything),
  },
  { requiredKeys: [] },
);
const requestOptions = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      headers,
      timeout: fc.oneof(fc.constant(5_000), number),
      maxRetries: fc.oneof(fc.integer({ min: 0, max: 2 }), number),
      signal: fc.oneof(fc.constant(undefined), anything),
    },
    { requiredKeys: [] },
  ),
  anything,
);
const body = fc.oneof(
  fc.record(
    {
      webhookUrl: fc.oneof(
        fc.constantFrom(
          'https://my-system.com/h',
          'https://user:pass@example.com/h',
          'https://[64:ff9b::7f00:1]/h',
          'https://example.com\\@127.0.0.1/h',
        ),
        text,
      ),
      authType: fc.oneof(fc.constantFrom('bearer', 'none', 'api_key', 'basic'), text),
      authorization: fc.oneof(fc.constantFrom('token'), text),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(text, anything, { maxKeys: 3 }),
  anything,
);

// Mostly valid clients, so that the method inputs themselves are what the property explores.
const goodClient = fc.record(
  {
    auth: fc.oneof(
      fc.record({ apiKey: fc.constantFrom('key-123', 'e', 'v1') }),
      fc.record({ clientId: fc.constant('id'), clientSecret: fc.constant('secret-456') }),
      fc.record({ apiKey: fc.constant(() => 'rotated-key') }),
    ),
    baseUrl: fc.constantFrom(undefined, 'https://api.example.test', 'http://127.0.0.1:9'),
    maxRetries: fc.integer({ min: 0, max: 2 }),
    headers: fc.option(
      fc.dictionary(
        fc.constantFrom('x-trace', 'x-client-secret', 'Authorization'),
        fc.oneof(fc.constantFrom('ok', 'Bearer T'), text),
        { maxKeys: 2 },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['auth'] },
);
const someClient = fc.oneof({ weight: 4, arbitrary: goodClient }, { weight: 1, arbitrary: clientOptions });
const pathParam = fc.oneof(fc.constantFrom('P1', 'PROJECT_ID', 'a/b', 'x y', 'ü'), text);
const someBody = fc.oneof(
  fc.constantFrom(
    { webhookUrl: 'https://my-system.com/h' },
    { authType: 'none' },
    { authType: 'bearer', authorization: 'tok-789' },
    { webhookUrl: 'https://[::ffff:0:7f00:1]/h' },
  ),
  body,
);
const someRequestOptions = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: requestOptions },
);

/** The client's methods: every operation of the table the client has a method for. */
const operationIds = Object.keys(operationTable()).filter(
  (id) => typeof (createExternalSupportClient({ auth: { apiKey: 'k' }, env: {} }) as never)[id] === 'function',
);

/** Calls `run`; returns what it threw (sync or async), or undefined. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** A check inside a property: a plain throw (each jest `expect()` costs ~60 µs; the properties run 10,000 times). */
function check(ok: boolean, failure: () => string): void {
  if (!ok) throw new Error(failure());
}

function expectTyped(error: unknown, requests: number): void {
  if (error === undefined) return;
  if (!(error instanceof JelouError)) throw new Error(`untyped throw: ${String(error)}`);
  if (error instanceof ValidationError && requests !== 0) {
    throw new Error(`a ValidationError after ${requests} request(s): ${error.message}`);
  }
}

function notFound() {
  return fakeFetch(() => json(404, { message: 'Integration not found' }));
}

describe('generated inputs', () => {
  afterAll(() => {
    if (process.env.FC_REPORT) {
      console.log(`property inputs: ${inputsRun}; method calls on a valid client: ${methodCalls}, sent: ${callsSent}`);
    }
  });

  it('drives every method of the client the operation table names, the two integration ones at least', () => {
    expect(operationIds).toEqual(expect.arrayContaining(['getIntegration', 'updateIntegration']));
  });

  it('createExternalSupportClient throws only ValidationError, and sends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(clientOptions, anything, async (options, fetchOption) => {
        inputsRun++;
        const fake = notFound();
        const useFake = fetchOption === undefined || typeof fetchOption === 'string';
        const error = await outcome(() =>
          createExternalSupportClient({ ...(options as object), fetch: useFake ? fake.fetch : fetchOption } as never),
        );
        expectTyped(error, fake.requests.length);
        if (error !== undefined && !(error instanceof ValidationError)) throw new Error('not a ValidationError');
        // Only undefined means "the default": a null option is always refused.
        if (Object.values(options).includes(null))
          check(error instanceof ValidationError, () => 'a null option passed');
        check(fake.requests.length === 0, () => `${fake.requests.length} request(s) sent`);
      }),
      { seed: SEED, numRuns: runs(0.25) },
    );
  });

  it('every method throws only JelouError subclasses, and a ValidationError sends no request', async () => {
    await fc.assert(
      fc.asyncProperty(
        someClient,
        fc.constantFrom(...operationIds),
        fc.array(pathParam, { minLength: 2, maxLength: 2 }),
        someBody,
        someRequestOptions,
        async (options, operationId, params, given, perCall) => {
          inputsRun++;
          const fake = notFound();
          const made = await outcome(() => createExternalSupportClient({ ...options, fetch: fake.fetch } as never));
          if (made !== undefined) return expectTyped(made, fake.requests.length);
          const client = createExternalSupportClient({ ...options, fetch: fake.fetch } as never);
          const operation = operationTable()[operationId as keyof ReturnType<typeof operationTable>];
          const args = [
            ...params.slice(0, operation.pathParams.length),
            ...(operation.body === undefined ? [] : [given]),
            perCall,
          ];
          const method = (client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[operationId];
          const error = await outcome(() => method?.(...args));
          methodCalls++;
          if (fake.requests.length > 0) callsSent++;
          expectTyped(error, fake.requests.length);
          check(fake.requests.length <= 3, () => `${fake.requests.length} requests for one call`);
        },
      ),
      { seed: SEED, numRuns: runs(0.45) },
    );
  });

  it('client.raw refuses bad path parameters and headers before sending, and never resolves `..`', async () => {
    const fake = notFound();
    const client = createExternalSupportClient({
      auth: { apiKey: 'key-123' },
      baseUrl: 'https://api.example.test/jelouapi',
      fetch: fake.fetch,
      maxRetries: 0,
      env: {},
    });
    await fc.assert(
      fc.asyncProperty(text, fc.oneof(fc.constant(undefined), headers), async (projectId, extra) => {
        inputsRun++;
        fake.requests.length = 0;
        const error = await outcome(() =>
          client.raw.GET('/v1/external-support/{projectId}', {
            params: { path: { projectId } },
            ...(extra === undefined ? {} : { headers: extra as never }),
          }),
        );
        expectTyped(error, fake.requests.length);
        for (const seen of fake.requests) {
          const pathname = new URL(seen.url).pathname;
          const wanted = `/jelouapi/v1/external-support/${encodeURIComponent(projectId)}`;
          check(pathname === wanted, () => `sent to ${pathname}, not ${wanted}`);
        }
      }),
      { seed: SEED, numRuns: runs(0.2) },
    );
  });

  it('valid inputs are sent exactly once', async () => {
    const id = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
      .filter((s) => s.trim() !== '' && !/^\.\.?$/.test(s));
    await fc.assert(
      fc.asyncProperty(id, fc.constantFrom('key-123', 'e', 'k'), async (projectId, apiKey) => {
        inputsRun++;
        const fake = fakeFetch(() => json(200, FLAT));
        const client = createExternalSupportClient({ auth: { apiKey }, fetch: fake.fetch, maxRetries: 0, env: {} });
        const integration = await client.getIntegration(projectId);
        check(integration.id === FLAT.id, () => `resolved to ${JSON.stringify(integration)}`);
        check(fake.requests.length === 1, () => `${fake.requests.length} requests sent`);
        const pathname = new URL(fake.requests[0]?.url ?? '').pathname;
        const wanted = `/jelouapi/v1/external-support/${encodeURIComponent(projectId)}`;
        check(pathname === wanted, () => `sent to ${pathname}, not ${wanted}`);
      }),
      { seed: SEED, numRuns: runs(0.1) },
    );
  });

  it('an invalid input of each kind named in issue 8 is a ValidationError with no request', async () => {
    const fake = notFound();
    const make = (extra: object) =>
      createExternalSupportClient({ auth: { apiKey: 'key-123' }, fetch: fake.fetch, env: {}, ...extra } as never);
    const client = make({});
    const cases: [string, () => unknown][] = [
      ['projectId', () => client.getIntegration('\ud800')],
      ['auth.apiKey', () => make({ auth: { apiKey: 'ключ' } })],
      ['headers.x-trace', () => make({ headers: { 'x-trace': '✓' } })],
      ['headers.x y', () => make({ headers: { 'x y': 'v' } })],
      ['headers.ü', () => make({ headers: { ü: 'v' } })],
      ['requestOptions.headers.x-trace', () => client.getIntegration('p', { headers: { 'x-trace': 'a\x01b' } })],
      ['baseUrl', () => make({ baseUrl: null })],
      ['env', () => make({ env: null })],
      ['allowInsecureHttp', () => make({ allowInsecureHttp: 'yes' })],
      [
        'params.path.projectId',
        () => client.raw.GET('/v1/external-support/{projectId}', { params: { path: { projectId: '..' } } }),
      ],
      ['webhookUrl', () => client.updateIntegration('p', { webhookUrl: 'https://user:pass@example.com/h' })],
      ['webhookUrl', () => client.updateIntegration('p', { webhookUrl: 'https://[2002:7f00:1::]/h' })],
      ['auth.apiKey', () => make({ auth: { apiKey: () => 'ключ' } }).getIntegration('p')],
      [
        'auth.apiKey',
        () => make({ auth: { apiKey: () => Promise.reject(new Error('vault down')) } }).getIntegration('p'),
      ],
    ];
    for (const [field, run] of cases) {
      const error = await outcome(run);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }
    expect(fake.requests).toHaveLength(0);
    await expect(client.getIntegration('p')).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.requests).toHaveLength(1);
  });
});

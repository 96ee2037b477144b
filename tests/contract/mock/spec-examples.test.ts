// The spec against Prism, without the client: every operation × documented status × named example is served as
// written (so each example is valid against its schema and answerable without a 500), Prism enforces each
// operation's security and request schema, and the two overlapping paths land on the right operation.
import { createHmac } from 'node:crypto';
import { loadSpec, operationsOf, responseExamplesOf, type OperationEntry } from '../../support/spec';
import { prismUrl } from '../support/prism-url';
import { record, violationsOf } from '../support/record';

const spec = loadSpec();
const operations = operationsOf(spec);
const PATH_VALUES: Record<string, string> = { projectId: 'PROJECT_ID', conversationId: 'CONVERSATION_ID' };
/** A signing secret for these requests only (Prism checks the header's presence, not the HMAC). */
const SIGNING_SECRET = 'spec-examples-signing-secret';
const BASIC = `Basic ${Buffer.from('my_client_id:my_client_secret').toString('base64')}`;

interface OperationExtras {
  security?: Record<string, string[]>[];
  'x-jelou-idempotent'?: boolean;
}
const extras = (entry: OperationEntry): OperationExtras => entry.operation as unknown as OperationExtras;

/** Whether the operation is authenticated by X-Jelou-Signature instead of the gateway credentials. */
const isSigned = (entry: OperationEntry): boolean =>
  extras(entry).security?.some((requirement) => 'jelouSignature' in requirement) ?? false;

function byId(operationId: string): OperationEntry {
  const entry = operations.find((candidate) => candidate.operation.operationId === operationId);
  if (!entry) throw new Error(`${operationId} is not in the spec`);
  return entry;
}

function requestExamplesOf(entry: OperationEntry): [string, unknown][] {
  const examples = entry.operation.requestBody?.content['application/json']?.examples ?? {};
  return Object.entries(examples).map(([name, example]) => [name, example.value]);
}

function pathOf(entry: OperationEntry): string {
  return entry.path.replace(/\{(\w+)\}/g, (_match, name: string) => PATH_VALUES[name] ?? name);
}

const signatureOf = (bytes: string): string =>
  `sha256=${createHmac('sha256', SIGNING_SECRET).update(bytes).digest('hex')}`;

/** Sends one request to the mock: by default the first request example, with the operation's own credentials. */
function send(
  entry: OperationEntry,
  init: { headers?: Record<string, string>; extraHeaders?: Record<string, string>; body?: unknown; path?: string } = {},
) {
  const body = 'body' in init ? init.body : requestExamplesOf(entry)[0]?.[1];
  const bytes = body === undefined ? undefined : JSON.stringify(body);
  const credentials = isSigned(entry) ? { 'x-jelou-signature': signatureOf(bytes ?? '') } : { 'x-api-key': 'test-key' };
  return fetch(`${prismUrl()}${init.path ?? pathOf(entry)}`, {
    method: entry.method,
    headers: {
      ...(bytes === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.headers ?? credentials),
      ...init.extraHeaders,
    },
    ...(bytes === undefined ? {} : { body: bytes }),
  });
}

const cases = operations.flatMap((entry) =>
  responseExamplesOf(entry.operation).map((example) => ({ ...example, entry, id: entry.operation.operationId })),
);

describe('every documented response', () => {
  it('is covered: each operation documents at least one named example per status', () => {
    for (const entry of operations) {
      const statuses = Object.keys(entry.operation.responses).map(Number);
      const withExamples = new Set(responseExamplesOf(entry.operation).map((e) => e.status));
      expect({ id: entry.operation.operationId, missing: statuses.filter((s) => !withExamples.has(s)) }).toEqual({
        id: entry.operation.operationId,
        missing: [],
      });
    }
    expect(operations.map((entry) => entry.operation.operationId).sort()).toEqual([
      'closeConversation',
      'createIntegration',
      'deleteIntegration',
      'getConversation',
      'getIntegration',
      'regenerateSigningSecret',
      'sendMessage',
      'startConversation',
      'updateIntegration',
    ]);
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('$id answers $status with example "$name" as documented', async ({ entry, status, name, value }) => {
    const response = await send(entry, { extraHeaders: { Prefer: `code=${status}, example=${name}` } });
    const violations = violationsOf(response.headers);
    const body: unknown = await response.json();
    const same = JSON.stringify(body) === JSON.stringify(value);
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: `spec example ${status} ${name}`,
      expected: `Prism serves ${status} "${name}" as written, no violations`,
      got: `${response.status}, ${same ? 'as written' : 'a different body'}, ${violations.length} violation(s)`,
      status: response.status,
      violations,
    });
    expect(violations).toEqual([]);
    expect(response.status).toBe(status);
    expect(body).toEqual(value);
  });
});

describe('every documented request example', () => {
  const requests = operations.flatMap((entry) =>
    requestExamplesOf(entry).map(([name, value]) => ({ entry, name, value, id: entry.operation.operationId })),
  );

  it.each(requests)('$id accepts its request example "$name" without violations', async ({ entry, name, value }) => {
    const response = await send(entry, { body: value });
    const violations = violationsOf(response.headers);
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: `Prism: request example ${name}`,
      expected: '2xx, no violations',
      got: `${response.status}, ${violations.length} violation(s)`,
      status: response.status,
      violations,
    });
    expect(violations).toEqual([]);
    expect(response.status).toBe(200);
  });
});

describe.each(operations.filter((entry) => !isSigned(entry)))('$operation.operationId (gateway)', (entry) => {
  const check = async (label: string, headers: Record<string, string>, expected: number): Promise<void> => {
    const response = await send(entry, { headers });
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: `Prism: ${label}`,
      expected: String(expected),
      got: String(response.status),
    });
    expect(response.status).toBe(expected);
    if (expected === 200) expect(response.headers.get('sl-violations')).toBeNull();
  };

  it('accepts an API key in x-api-key', () => check('x-api-key', { 'x-api-key': 'test-key' }, 200));
  it('accepts HTTP Basic clientId:clientSecret', () => check('HTTP Basic', { authorization: BASIC }, 200));
  it('answers 401 to a request without credentials', () => check('no credentials', {}, 401));
  it('answers 401 to a signature alone, which only sendMessage takes', () =>
    check('X-Jelou-Signature alone', { 'x-jelou-signature': signatureOf('{}') }, 401));
  it('declares whether repeating it is harmless (x-jelou-idempotent)', () => {
    expect(typeof extras(entry)['x-jelou-idempotent']).toBe('boolean');
  });
});

describe('sendMessage (messages host, signed)', () => {
  const entry = byId('sendMessage');
  const check = async (label: string, headers: Record<string, string>, expected: number): Promise<void> => {
    const response = await send(entry, { headers });
    record({
      kind: 'spec',
      operation: 'sendMessage',
      case: `Prism: ${label}`,
      expected: String(expected),
      got: String(response.status),
    });
    expect(response.status).toBe(expected);
  };

  it('is authenticated by X-Jelou-Signature only, on its own server', () => {
    expect(extras(entry).security).toEqual([{ jelouSignature: [] }]);
    expect(spec.paths['/v1/external-support/webhook']?.servers).toEqual([
      expect.objectContaining({ url: 'https://chatbot.jelou.ai' }),
    ]);
    expect(extras(entry)['x-jelou-idempotent']).toBe(false);
  });

  it('accepts a request carrying X-Jelou-Signature', async () => {
    const body = requestExamplesOf(entry)[0]?.[1];
    await check('X-Jelou-Signature', { 'x-jelou-signature': signatureOf(JSON.stringify(body)) }, 200);
  });
  it('answers 401 to a request without the signature', () => check('no signature', {}, 401));
  it('answers 401 to an API key alone: gateway credentials are no authentication here', () =>
    check('x-api-key alone', { 'x-api-key': 'test-key' }, 401));
  it('answers 401 to HTTP Basic alone', () => check('HTTP Basic alone', { authorization: BASIC }, 401));

  it('refuses a media URL that is not https', async () => {
    const [, example] = requestExamplesOf(entry).find(([name]) => name === 'image') ?? [];
    const body = structuredClone(example) as { value: { content: { url: string } } };
    body.value.content.url = 'http://storage.example.com/media/image.jpg';
    const response = await send(entry, { body });
    const text = await response.text();
    record({
      kind: 'spec',
      operation: 'sendMessage',
      case: 'Prism on a raw body: media URL over http',
      expected: '422 naming the pattern',
      got: String(response.status),
      status: response.status,
    });
    expect(response.status).toBe(422);
    expect(text).toMatch(/url must match pattern/);
  });
});

describe('the overlapping paths POST /v1/external-support/webhook and POST /v1/external-support/{projectId}', () => {
  const sendMessage = byId('sendMessage');
  const create = byId('createIntegration');
  const exampleOf = (entry: OperationEntry, status: number, name: string): unknown =>
    responseExamplesOf(entry.operation).find((e) => e.status === status && e.name === name)?.value;

  async function observe(label: string, response: Response, operation: string): Promise<unknown> {
    const body: unknown = await response.json();
    record({
      kind: 'spec',
      operation,
      case: `routing: ${label}`,
      expected: `answered by ${operation}`,
      got: `${response.status} ${JSON.stringify(body).slice(0, 60)}`,
      status: response.status,
    });
    return body;
  }

  it('are not ambiguous: the webhook path is concrete, on the messages host', () => {
    expect(sendMessage.path).toBe('/v1/external-support/webhook');
    expect(create.path).toBe('/v1/external-support/{projectId}');
    expect(create.method).toBe('POST');
    expect(spec['x-jelou-routing']).toEqual(
      expect.objectContaining({ rule: expect.any(String), prism: expect.any(String), client: expect.any(String) }),
    );
  });

  it('/v1/external-support/webhook lands on sendMessage and answers its example', async () => {
    const response = await send(sendMessage, { extraHeaders: { Prefer: 'example=envelope' } });
    const body = await observe('webhook path → sendMessage', response, 'sendMessage');
    expect(response.status).toBe(200);
    expect(body).toEqual(exampleOf(sendMessage, 200, 'envelope'));
  });

  it('/v1/external-support/webhook with an API key and a create body is still sendMessage: 401 for the signature', async () => {
    const body = requestExamplesOf(create)[0]?.[1];
    const response = await send(sendMessage, { body, headers: { 'x-api-key': 'test-key' } });
    const answer = await observe('webhook path with an API key → sendMessage 401', response, 'sendMessage');
    expect(response.status).toBe(401);
    expect(answer).toEqual(exampleOf(sendMessage, 401, 'jelouStyle'));
  });

  it('/v1/external-support/PROJECT_ID lands on createIntegration and answers its example with the signingSecret', async () => {
    const response = await send(create, { extraHeaders: { Prefer: 'example=flat' } });
    const body = await observe('project path → createIntegration', response, 'createIntegration');
    expect(response.status).toBe(200);
    expect(body).toEqual(exampleOf(create, 200, 'flat'));
    expect(body).toHaveProperty('signingSecret');
  });

  it('a GET of /v1/external-support/{projectId}/conversations/start falls through to getConversation (the concrete path has no GET)', async () => {
    const entry = byId('getConversation');
    const response = await send(entry, { path: '/v1/external-support/PROJECT_ID/conversations/start' });
    const body = await observe(
      'GET /v1/external-support/P/conversations/start → getConversation',
      response,
      'getConversation',
    );
    expect(response.status).toBe(200);
    expect(body).toEqual(responseExamplesOf(entry.operation).find((e) => e.status === 200)?.value);
  });
});

describe('request validation by the mock', () => {
  async function violations(entry: OperationEntry, body: unknown): Promise<{ status: number; messages: string[] }> {
    const response = await send(entry, { body });
    const header = response.headers.get('sl-violations');
    const parsed = header ? (JSON.parse(header) as { message: string }[]) : [];
    const messages = parsed.map((v) => v.message);
    const testCase = expect.getState().currentTestName?.replace(/^.*request validation by the mock /, '') ?? '';
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: `Prism on a raw body: ${testCase}`,
      expected: testCase.includes('accepts') ? '200, no violations' : '4xx with sl-violations',
      got: `${response.status}, ${messages.length} violation(s)`,
      status: response.status,
      violations: violationsOf(response.headers),
    });
    return { status: response.status, messages };
  }

  const patch = byId('updateIntegration');
  const create = byId('createIntegration');
  const start = byId('startConversation');
  const close = byId('closeConversation');

  it('updateIntegration rejects an authType outside the enum', async () => {
    const result = await violations(patch, { authType: 'oauth2', authorization: 'x' });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.messages.join('\n')).toMatch(/authType.*must be equal to one of the allowed values/);
  });

  it('updateIntegration rejects a webhookUrl that is not a URI', async () => {
    const result = await violations(patch, { webhookUrl: 'not a url' });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.messages.join('\n')).toMatch(/webhookUrl.*must match format "uri"/);
  });

  it.each([
    ['updateIntegration', patch],
    ['createIntegration', create],
  ])('%s answers a bad webhookUrl with a 422 body about the webhook URL', async (_id, entry) => {
    const response = await send(entry, { body: { webhookUrl: 'http://my-system.com/webhook' } });
    const body = (await response.json()) as { message?: unknown; error?: { key?: string } };
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: 'Prism on a raw body: a bad webhookUrl gets a 422 about the webhook URL',
      expected: '422, body about webhookUrl',
      got: `${response.status}, ${JSON.stringify(body.message)}`,
      status: response.status,
      violations: violationsOf(response.headers),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(body.message)).toMatch(/webhookUrl/);
    expect(body.error?.key).toBe('INVALID_WEBHOOK_URL');
  });

  it('updateIntegration rejects a webhookUrl that is not https', async () => {
    const result = await violations(patch, { webhookUrl: 'http://my-system.com/webhook' });
    expect(result.messages.join('\n')).toMatch(/webhookUrl.*must match pattern/);
  });

  it('updateIntegration rejects an empty body', async () => {
    const result = await violations(patch, {});
    expect(result.messages.join('\n')).toMatch(/must NOT have fewer than 1 properties/);
  });

  it('updateIntegration rejects bearer without authorization', async () => {
    const result = await violations(patch, { authType: 'bearer' });
    expect(result.messages.join('\n')).toMatch(/required property 'authorization'/);
  });

  it('createIntegration rejects a body without webhookUrl', async () => {
    const result = await violations(create, { authType: 'no_auth' });
    expect(result.status).toBe(422);
    expect(result.messages.join('\n')).toMatch(/required property 'webhookUrl'/);
  });

  it('startConversation rejects a body without userId, answering its 422 about the ids', async () => {
    const result = await violations(start, { botId: 'BOT_ID' });
    expect(result.status).toBe(422);
    expect(result.messages.join('\n')).toMatch(/required property 'userId'/);
  });

  it('startConversation rejects an assignment type outside queue, operator and team', async () => {
    const result = await violations(start, { botId: 'B', userId: 'U', assignment: { type: 'robot', target: 'X' } });
    expect(result.messages.join('\n')).toMatch(/type.*must be equal to one of the allowed values/);
  });

  it('closeConversation rejects a redirectPayload type outside text and edge', async () => {
    const result = await violations(close, { botId: 'B', userId: 'U', redirectPayload: { type: 'mail' } });
    expect(result.messages.join('\n')).toMatch(/type.*must be equal to one of the allowed values/);
  });

  it('closeConversation rejects a text redirect without its text', async () => {
    const result = await violations(close, { botId: 'B', userId: 'U', redirectPayload: { type: 'text' } });
    expect(result.messages.join('\n')).toMatch(/required property 'text'/);
  });
});

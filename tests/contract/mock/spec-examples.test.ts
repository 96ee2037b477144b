// The spec against Prism, without the client: every documented status and named example is served as
// written (so each example is valid against its schema), and Prism enforces auth and the request schema.
import { loadSpec, operationsOf, responseExamplesOf, type OperationEntry } from '../../support/spec';
import { prismUrl } from '../support/prism-url';
import { record, violationsOf } from '../support/record';

const spec = loadSpec();
const operations = operationsOf(spec);
const PROJECT_ID = 'PROJECT_ID';

function firstRequestExample(entry: OperationEntry): unknown {
  const examples = entry.operation.requestBody?.content['application/json']?.examples ?? {};
  return Object.values(examples)[0]?.value;
}

function send(entry: OperationEntry, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const body = init.body ?? firstRequestExample(entry);
  return fetch(`${prismUrl()}${entry.path.replace('{projectId}', PROJECT_ID)}`, {
    method: entry.method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.headers ?? { 'x-api-key': 'test-key' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const cases = operations.flatMap((entry) =>
  responseExamplesOf(entry.operation).map((example) => ({ ...example, entry, id: entry.operation.operationId })),
);

describe('every documented response', () => {
  it('is covered: each operation documents at least one example per status', () => {
    for (const entry of operations) {
      const statuses = Object.keys(entry.operation.responses).map(Number);
      const withExamples = new Set(responseExamplesOf(entry.operation).map((e) => e.status));
      expect(statuses.filter((s) => !withExamples.has(s))).toEqual([]);
    }
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('$id answers $status with example "$name" as documented', async ({ entry, status, name, value }) => {
    const response = await send(entry, {
      headers: { 'x-api-key': 'test-key', Prefer: `code=${status}, example=${name}` },
    });
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

describe.each(operations)('$operation.operationId', (entry) => {
  it('accepts an API key in x-api-key', async () => {
    const response = await send(entry, { headers: { 'x-api-key': 'test-key' } });
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: 'Prism: x-api-key',
      expected: '200',
      got: String(response.status),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
  });

  it('accepts HTTP Basic clientId:clientSecret', async () => {
    const basic = Buffer.from('my_client_id:my_client_secret').toString('base64');
    const response = await send(entry, { headers: { authorization: `Basic ${basic}` } });
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: 'Prism: HTTP Basic',
      expected: '200',
      got: String(response.status),
    });
    expect(response.status).toBe(200);
  });

  it('answers 401 to a request without credentials', async () => {
    const response = await send(entry, { headers: {} });
    record({
      kind: 'spec',
      operation: entry.operation.operationId,
      case: 'Prism: no credentials',
      expected: '401',
      got: String(response.status),
    });
    expect(response.status).toBe(401);
  });
});

describe('updateIntegration request validation', () => {
  const patch = operations.find((entry) => entry.operation.operationId === 'updateIntegration');
  if (!patch) throw new Error('updateIntegration is not in the spec');

  async function violations(body: unknown): Promise<{ status: number; messages: string[] }> {
    const response = await send(patch as OperationEntry, { body });
    const header = response.headers.get('sl-violations');
    const parsed = header ? (JSON.parse(header) as { message: string }[]) : [];
    const messages = parsed.map((v) => v.message);
    const testCase = expect.getState().currentTestName?.replace(/^.*request validation /, '') ?? '';
    record({
      kind: 'spec',
      operation: 'updateIntegration',
      case: `Prism on a raw body: ${testCase}`,
      expected: testCase.startsWith('accepts') ? '200, no violations' : '4xx with sl-violations',
      got: `${response.status}, ${messages.length} violation(s)`,
      status: response.status,
      violations: violationsOf(response.headers),
    });
    return { status: response.status, messages };
  }

  it('rejects an authType outside the enum', async () => {
    const result = await violations({ authType: 'oauth2', authorization: 'x' });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.messages.join('\n')).toMatch(/authType.*must be equal to one of the allowed values/);
  });

  it('rejects a webhookUrl that is not a URI', async () => {
    const result = await violations({ webhookUrl: 'not a url' });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.messages.join('\n')).toMatch(/webhookUrl.*must match format "uri"/);
  });

  it('answers a bad webhookUrl with a 422 body about the webhook URL', async () => {
    const response = await send(patch as OperationEntry, { body: { webhookUrl: 'http://my-system.com/webhook' } });
    const body = (await response.json()) as { message?: unknown; error?: { key?: string } };
    record({
      kind: 'spec',
      operation: 'updateIntegration',
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

  it('rejects a webhookUrl that is not https', async () => {
    const result = await violations({ webhookUrl: 'http://my-system.com/webhook' });
    expect(result.messages.join('\n')).toMatch(/webhookUrl.*must match pattern/);
  });

  it('rejects an empty body', async () => {
    const result = await violations({});
    expect(result.messages.join('\n')).toMatch(/must NOT have fewer than 1 properties/);
  });

  it('rejects bearer without authorization', async () => {
    const result = await violations({ authType: 'bearer' });
    expect(result.messages.join('\n')).toMatch(/required property 'authorization'/);
  });

  it('accepts each documented request example', async () => {
    const examples = patch.operation.requestBody?.content['application/json']?.examples ?? {};
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    for (const example of Object.values(examples)) {
      expect(await violations(example.value)).toEqual({ status: 200, messages: [] });
    }
  });
});

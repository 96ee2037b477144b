import path from 'node:path';
import { readSpecYaml } from '../../support/spec-yaml';
import type { SchemaIssue } from '../../../src/spec/check-schema';
import { operationTable } from '../../../src/spec/operations';
import type { OperationId } from '../../../src/spec/types';

type Checked = { ok: true; value: unknown } | { ok: false; issues: SchemaIssue[] };

// Each operation's 200 check, as { ok, value } / { ok, issues }.
const responseValidators = Object.fromEntries(
  Object.values(operationTable()).map((operation) => [
    operation.operationId,
    (body: unknown): Checked => {
      const issues = operation.responses['200']?.(body);
      return issues === undefined ? { ok: true, value: body } : { ok: false, issues };
    },
  ]),
) as Record<OperationId, (body: unknown) => Checked>;
import { FLAT } from '../../support/fake-fetch';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;
}

// Read from the spec itself: the 200 examples sit inline under paths, so no $ref needs resolving.
const spec = readSpecYaml(path.resolve(__dirname, '..', '..', '..', 'openapi', 'openapi.yaml')) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).filter((value): value is Operation => typeof value?.operationId === 'string'),
);
const examples200 = operations.flatMap((operation) =>
  Object.entries(operation.responses['200']?.content?.['application/json']?.examples ?? {}).map(
    ([name, example]) => [operation.operationId, name, example.value] as const,
  ),
);

const ALL_OPERATION_IDS = Object.keys(responseValidators) as OperationId[];
/** The operations whose 200 body is the integration, flat or enveloped (the cases below are about that shape). */
const OPERATION_IDS: OperationId[] = ['getIntegration', 'updateIntegration'];

const DATA = {
  brainId: 'PROJECT_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou',
  createdAt: '2026-01-15T10:30:00.000Z',
};
const ENVELOPE = { message: ['Integration retrieved successfully'], statusMessage: 'success', status: 1, data: DATA };

/** The issues the validator of `operationId` reports for `body`, failing the test if it accepts the body. */
function issuesOf(operationId: OperationId, body: unknown): SchemaIssue[] {
  const result = responseValidators[operationId](body);
  if (result.ok) throw new Error(`${operationId} accepted ${JSON.stringify(body)}`);
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toMatch(/^\//);
    expect(typeof issue.message).toBe('string');
    expect(issue.message).not.toBe('');
  }
  return result.issues;
}

describe('the generated 200 checks', () => {
  it('has a validator for each operation of the spec, and no other', () => {
    expect([...ALL_OPERATION_IDS].sort()).toEqual(operations.map((operation) => operation.operationId).sort());
  });

  it('finds both documented 200 shapes for each operation', () => {
    for (const operationId of OPERATION_IDS) {
      expect(examples200.filter(([id]) => id === operationId).map(([, name]) => name)).toEqual(['flat', 'envelope']);
    }
  });

  it.each(examples200)(
    '%s accepts its documented 200 example %s, giving it back as is',
    (operationId, _name, value) => {
      const result = responseValidators[operationId as OperationId](value);
      expect(result).toStrictEqual({ ok: true, value });
      if (result.ok) expect(result.value).toBe(value);
    },
  );

  describe.each(OPERATION_IDS)('%s', (operationId) => {
    it('accepts a minimal flat body and a minimal envelope', () => {
      const flat = { brainId: 'B', webhookUrl: 'https://a.example/h', createdAt: '2024-01-01T00:00:00Z' };
      expect(responseValidators[operationId](flat).ok).toBe(true);
      expect(responseValidators[operationId]({ data: DATA }).ok).toBe(true);
    });

    it('accepts a flat body with extra unknown fields, for tolerance of server additions', () => {
      const body = { ...FLAT, tenant: 'acme', flags: { beta: true } };
      expect(responseValidators[operationId](body)).toStrictEqual({ ok: true, value: body });
    });

    it('accepts an envelope with extra unknown fields in it and in data', () => {
      const body = { ...ENVELOPE, traceId: 't-1', data: { ...DATA, tenant: 'acme' } };
      expect(responseValidators[operationId](body).ok).toBe(true);
    });

    it('accepts a createdAt that is not a date-time at run time, as formats are only annotations in the client', () => {
      expect(responseValidators[operationId]({ ...FLAT, createdAt: 'yesterday', updatedAt: '' }).ok).toBe(true);
      expect(responseValidators[operationId]({ data: { ...DATA, createdAt: 'not a date' } }).ok).toBe(true);
    });

    it('refuses a third shape', () => {
      const issues = issuesOf(operationId, { integration: FLAT });
      expect(issues).toContainEqual({ path: '/', message: "must have required property 'brainId'" });
      expect(issues).toContainEqual({ path: '/', message: "must have required property 'data'" });
    });

    it('refuses JSON null', () => {
      expect(issuesOf(operationId, null)).toContainEqual({ path: '/', message: 'must be object' });
    });

    it('refuses an array', () => {
      expect(issuesOf(operationId, [FLAT])).toContainEqual({ path: '/', message: 'must be object' });
    });

    it.each([
      ['null', null],
      ['an empty object', {}],
      ['a string', 'x'],
    ])('refuses a flat object that also carries data that is %s', (_label, data) => {
      const issues = issuesOf(operationId, { ...FLAT, data });
      expect(issues).toContainEqual({ path: '/', message: "must NOT have property 'data'" });
      expect(issues).toContainEqual({ path: '/', message: 'must match exactly one schema in oneOf' });
    });

    // The spec tells the shapes apart by `data` alone: with a valid integration in it, the body is an envelope.
    it('accepts a flat object whose data is a whole integration, as an envelope with extra fields', () => {
      expect(responseValidators[operationId]({ ...FLAT, data: DATA }).ok).toBe(true);
    });

    it('refuses an envelope without data', () => {
      const { message, statusMessage, status } = ENVELOPE;
      expect(issuesOf(operationId, { message, statusMessage, status })).toContainEqual({
        path: '/',
        message: "must have required property 'data'",
      });
    });

    it('refuses an envelope whose data lacks brainId, pointing at data', () => {
      const withoutBrainId = { webhookUrl: DATA.webhookUrl, createdAt: DATA.createdAt };
      expect(issuesOf(operationId, { ...ENVELOPE, data: withoutBrainId })).toContainEqual({
        path: '/data',
        message: "must have required property 'brainId'",
      });
    });

    it('refuses a flat body whose brainId is not a string, pointing at brainId', () => {
      expect(issuesOf(operationId, { ...FLAT, brainId: 42 })).toContainEqual({
        path: '/brainId',
        message: 'must be string',
      });
    });

    it('refuses an envelope whose status is not an integer', () => {
      expect(issuesOf(operationId, { ...ENVELOPE, status: 'success' })).toContainEqual({
        path: '/status',
        message: 'must be integer',
      });
    });
  });
});

// What the run-time check leaves out of responses (formats, patterns, enums, lengths) the contract suite still checks
// with ajv over openapi/ (tests/contract): here, the client only tells the shape and the JSON types it relies on.
describe('the generated 200 checks, as a tolerant reader', () => {
  const CONVERSATION = { _id: 'c1', roomId: 'r1', state: 'active', startAt: '2026-01-01T00:00:00Z', User: { id: 'u' } };

  it('accepts a value the spec does not list for an enum (Jelou may add states)', () => {
    expect(responseValidators.getConversation({ data: { ...CONVERSATION, state: 'transferred' } }).ok).toBe(true);
  });

  it('still refuses a body of neither documented shape, and a required field of the wrong JSON type', () => {
    expect(issuesOf('getConversation', { conversation: CONVERSATION })).toContainEqual({
      path: '/',
      message: "must have required property 'data'",
    });
    expect(issuesOf('getConversation', { data: { ...CONVERSATION, _id: 7 } })).toContainEqual({
      path: '/data/_id',
      message: 'must be string',
    });
    expect(issuesOf('getConversation', { data: { ...CONVERSATION, User: { id: 1 } } })).toContainEqual({
      path: '/data/User/id',
      message: 'must be string',
    });
    expect(issuesOf('createIntegration', { ...FLAT, signingSecret: undefined })).toContainEqual({
      path: '/',
      message: "must have required property 'signingSecret'",
    });
  });
});

describe('the generated request-body checks, strict', () => {
  const bodyIssues = (operationId: OperationId, body: unknown) => operationTable()[operationId].body?.(body);

  it('keeps patterns, enums, closed objects, minimum lengths and conditional requirements', () => {
    expect(bodyIssues('createIntegration', { webhookUrl: 'http://a.example' })).toContainEqual({
      path: '/webhookUrl',
      message: 'must match pattern "^https://"',
    });
    expect(bodyIssues('createIntegration', { webhookUrl: 'https://a.example', authType: 'bearer' })).toContainEqual({
      path: '/',
      message: "must have required property 'authorization'",
    });
    expect(bodyIssues('updateIntegration', {})).toContainEqual({
      path: '/',
      message: 'must NOT have fewer than 1 properties',
    });
    expect(
      bodyIssues('startConversation', { botId: 'b', userId: 'u', assignment: { type: 'desk', target: 't' } }),
    ).toContainEqual({ path: '/assignment/type', message: 'must be equal to one of the allowed values' });
    expect(bodyIssues('closeConversation', { botId: '', userId: 'u', extra: 1 })).toEqual([
      { path: '/botId', message: 'must NOT have fewer than 1 characters' },
      { path: '/extra', message: 'must NOT be an additional property' },
    ]);
    expect(bodyIssues('startConversation', { botId: 'b', userId: 'u' })).toBeUndefined();
  });

  it('only checks that a body the client builds itself (sendMessage) is an object', () => {
    expect(bodyIssues('sendMessage', { anything: 1 })).toBeUndefined();
    expect(bodyIssues('sendMessage', 'text')).toEqual([{ path: '/', message: 'must be object' }]);
  });
});

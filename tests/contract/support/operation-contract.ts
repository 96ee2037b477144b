// The contract every operation keeps with the spec, checked through the real client against the Prism mock.
// Each tests/contract/mock/<operationId>.test.ts runs it for its operation.
import { ResponseValidationError, type Integration, type IntegrationResult } from '../../../src/index';
import { responseExamplesOf } from '../../support/spec';
import { callOperation, contractClient, describeOutcome, errorClassFor, operationEntry } from './contract-client';
import { record, violationsOf } from './record';
import { problemsAgainstSchema, shapeOf } from './spec-validator';

/** The seeds of `Prefer: dynamic=true` responses: fixed, so a failure can be replayed. */
export const DYNAMIC_SEEDS = ['1', '2', '3', '7', '42', '1234', '8080', '65535'];

function integrationFrom(example: Record<string, unknown>): Integration {
  const source = (example.data ?? example) as Record<string, string>;
  const integration: Integration = {
    brainId: source.brainId ?? '',
    webhookUrl: source.webhookUrl ?? '',
    createdAt: source.createdAt ?? '',
  };
  for (const key of ['updatedAt', 'id', 'authType'] as const) {
    if (source[key] !== undefined) integration[key] = source[key];
  }
  return integration;
}

async function outcomeOf(promise: Promise<IntegrationResult>): Promise<IntegrationResult | Error> {
  const started = performance.now();
  const outcome = await promise.catch((error: unknown) => error as Error);
  Object.assign(outcome, { latencyMs: Math.round(performance.now() - started) });
  return outcome;
}

const latency = (outcome: object): number => (outcome as { latencyMs: number }).latencyMs;

/** The response headers of a result, or of an error that carries them (ApiError, ResponseValidationError). */
function headersOf(outcome: IntegrationResult | Error): Headers {
  if (!(outcome instanceof Error)) return outcome.response.headers;
  const { headers } = outcome as { headers?: unknown };
  return headers instanceof Headers ? headers : new Headers();
}

/** Declares the standard contract cases of one operation. */
export function describeOperationContract(operationId: string): void {
  const { operation } = operationEntry(operationId);
  const successSchema = operation.responses['200']?.content?.['application/json']?.schema;
  const examples = responseExamplesOf(operation);
  const successes = examples.filter((e) => e.status >= 200 && e.status < 300);
  const failures = examples.filter((e) => e.status >= 400);

  describe(`${operationId} happy path`, () => {
    it.each(successes)('decodes the "$name" example into the normalized Integration', async ({ name, value }) => {
      const { client } = contractClient();
      const outcome = await outcomeOf(
        callOperation(client, operationId, 'PROJECT_ID', { headers: { Prefer: `example=${name}` } }),
      );
      const body = outcome instanceof Error ? undefined : outcome.body;
      const problems = problemsAgainstSchema(successSchema, body);
      const violations = violationsOf(headersOf(outcome));
      record({
        operation: operationId,
        case: `happy path, ${name} shape`,
        expected: `200 ${name}, valid against the spec`,
        got:
          outcome instanceof Error
            ? describeOutcome(outcome)
            : `${describeOutcome(outcome)}${problems.length ? `; ${problems.join('; ')}` : ''}`,
        ...(outcome instanceof Error ? {} : { status: outcome.response.status, shape: shapeOf(body) }),
        violations,
        latencyMs: latency(outcome),
      });
      if (outcome instanceof Error) throw outcome;
      expect(outcome.shape).toBe(name);
      expect(outcome.data).toEqual(integrationFrom(value as Record<string, unknown>));
      expect(problems).toEqual([]);
      expect(violations).toEqual([]);
    });
  });

  describe(`${operationId} documented errors`, () => {
    it.each(failures)(
      'maps $status ("$name") to its error class with the parsed body',
      async ({ status, name, value }) => {
        const { client } = contractClient();
        const outcome = await outcomeOf(
          callOperation(client, operationId, 'PROJECT_ID', { headers: { Prefer: `code=${status}, example=${name}` } }),
        );
        const expectedClass = errorClassFor(status);
        record({
          operation: operationId,
          case: `${status} ${name}`,
          expected: `${expectedClass.name} (${status}) with the documented body`,
          got: describeOutcome(outcome),
          status,
          violations: violationsOf(headersOf(outcome)),
          latencyMs: latency(outcome),
        });
        expect(outcome).toBeInstanceOf(expectedClass);
        expect(outcome).toMatchObject({ status, body: value });
      },
    );
  });

  describe(`${operationId} authentication`, () => {
    it('answers 401, mapped to AuthenticationError, when no credentials are sent', async () => {
      const { client } = contractClient({ strip: ['x-api-key', 'authorization'] });
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID'));
      record({
        operation: operationId,
        case: 'no credentials',
        expected: 'AuthenticationError (401)',
        got: describeOutcome(outcome),
        latencyMs: latency(outcome),
      });
      expect(outcome).toBeInstanceOf(errorClassFor(401));
    });

    it.each([
      ['an API key in x-api-key', { apiKey: 'contract-test-key' }, 'x-api-key'],
      [
        'HTTP Basic clientId:clientSecret',
        { clientId: 'contract-id', clientSecret: 'contract-secret' },
        'authorization',
      ],
    ] as const)('accepts %s', async (label, auth, header) => {
      const { client, sent } = contractClient({ auth });
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID'));
      record({
        operation: operationId,
        case: `auth: ${label}`,
        expected: '200, no violations',
        got: describeOutcome(outcome),
        violations: violationsOf(headersOf(outcome)),
        latencyMs: latency(outcome),
      });
      if (outcome instanceof Error) throw outcome;
      expect(sent[0]?.headers.has(header)).toBe(true);
      expect(outcome.response.status).toBe(200);
      expect(violationsOf(outcome.response.headers)).toEqual([]);
    });
  });

  describe(`${operationId} protocol`, () => {
    it('sends Accept: application/json (and a JSON body as application/json) and gets JSON back', async () => {
      const { client, sent } = contractClient();
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID'));
      const request = sent[0];
      const contentType = outcome instanceof Error ? '' : (outcome.response.headers.get('content-type') ?? '');
      record({
        operation: operationId,
        case: 'content type and accept',
        expected: 'application/json both ways',
        got: `accept ${request?.headers.get('accept')}, response ${contentType}`,
      });
      expect(request?.headers.get('accept')).toBe('application/json');
      if (request?.method !== 'GET') expect(request?.headers.get('content-type')).toBe('application/json');
      expect(contentType).toMatch(/^application\/json/);
    });
  });

  describe(`${operationId} dynamic responses`, () => {
    it.each(DYNAMIC_SEEDS)('decodes or rejects with a typed error the body generated from seed %s', async (seed) => {
      const { client } = contractClient();
      const headers = { Prefer: `dynamic=true, seed=${seed}` };
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID', { headers }));
      const body =
        outcome instanceof ResponseValidationError ? outcome.body : outcome instanceof Error ? undefined : outcome.body;
      const problems = problemsAgainstSchema(successSchema, body);
      record({
        operation: operationId,
        case: `dynamic, seed ${seed}`,
        expected: 'decoded if valid, else ResponseValidationError',
        got: `${describeOutcome(outcome)}${problems.length ? `; spec: ${problems.join('; ')}` : ''}`,
        shape: shapeOf(body),
        latencyMs: latency(outcome),
      });
      if (outcome instanceof ResponseValidationError) {
        // A body the spec accepts must never be refused by the client.
        expect(problems).not.toEqual([]);
        return;
      }
      if (outcome instanceof Error) throw outcome;
      expect(['flat', 'envelope']).toContain(outcome.shape);
      expect(typeof outcome.data.brainId).toBe('string');
    });
  });
}

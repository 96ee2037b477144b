// The contract every operation keeps with the spec, checked through the real client against the Prism mock.
// Each tests/contract/mock/<operationId>.test.ts runs it for its operation.
import { createHmac } from 'node:crypto';
import { ResponseValidationError } from '../../../src/index';
import { operationTable } from '../../../src/spec/operations';
import type { OperationId } from '../../../src/spec/types';
import { responseExamplesOf } from '../../support/spec';
import {
  callOperation,
  CONTRACT_SIGNING_SECRET,
  contractClient,
  describeOutcome,
  errorClassFor,
  operationEntry,
  type AnyResult,
} from './contract-client';
import { record, violationsOf } from './record';
import { problemsAgainstSchema, shapeOf } from './spec-validator';

/** The seeds of `Prefer: dynamic=true` responses: fixed, so a failure can be replayed. */
export const DYNAMIC_SEEDS = ['1', '2', '3', '7', '42', '1234', '8080', '65535'];

/**
 * What the client must resolve to for a documented 2xx example, computed here independently of src/spec/normalize:
 * an envelope's `data` when the operation may answer an envelope and the body has one, else the body itself.
 */
function expectedFrom(operationId: string, example: unknown): { data: unknown; shape: 'flat' | 'envelope' } {
  const { envelope } = operationTable()[operationId as OperationId];
  const body = example as Record<string, unknown>;
  if (envelope && typeof body === 'object' && body !== null && 'data' in body) {
    return { data: body.data, shape: 'envelope' };
  }
  const data = operationId === 'sendMessage' ? { ...body, id: expect.any(String) as unknown } : body;
  return { data, shape: 'flat' };
}

/** `sha256=<hex>` of `body` with the contract's signing secret, with node:crypto (not the client's WebCrypto). */
export function expectedSignature(body: string): string {
  return `sha256=${createHmac('sha256', CONTRACT_SIGNING_SECRET).update(body).digest('hex')}`;
}

async function outcomeOf(promise: Promise<AnyResult>): Promise<AnyResult | Error> {
  const started = performance.now();
  const outcome = await promise.catch((error: unknown) => error as Error);
  Object.assign(outcome, { latencyMs: Math.round(performance.now() - started) });
  return outcome;
}

const latency = (outcome: object): number => (outcome as { latencyMs: number }).latencyMs;

/** The response headers of a result, or of an error that carries them (ApiError, ResponseValidationError). */
function headersOf(outcome: AnyResult | Error): Headers {
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
    it.each(successes)('decodes the "$name" example into the normalized result', async ({ name, value }) => {
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
      const expected = expectedFrom(operationId, value);
      expect(outcome.shape).toBe(expected.shape);
      expect(outcome.data).toEqual(expected.data);
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

  if (operationTable()[operationId as OperationId].security === 'signature') describeSignature(operationId);
  else describeGatewayAuth(operationId);

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
      if (operation.requestBody !== undefined) expect(request?.headers.get('content-type')).toBe('application/json');
      else expect(request?.headers.has('content-type')).toBe(false);
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
      expect(problems).toEqual([]);
      expect(typeof outcome.data).toBe('object');
    });
  });
}

function describeGatewayAuth(operationId: string): void {
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
      expect(sent[0]?.headers.has('x-jelou-signature')).toBe(false);
      expect(outcome.response.status).toBe(200);
      expect(violationsOf(outcome.response.headers)).toEqual([]);
    });
  });
}

function describeSignature(operationId: string): void {
  describe(`${operationId} signature`, () => {
    it('signs the exact body bytes sent (recomputed here with node:crypto), with no gateway credentials', async () => {
      const { client, sent } = contractClient();
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID'));
      const request = sent[0];
      const body = (await request?.text()) ?? '';
      const signature = request?.headers.get('x-jelou-signature');
      record({
        operation: operationId,
        case: 'signature over the raw body',
        expected: 'X-Jelou-Signature = sha256=HMAC(secret, body bytes); no x-api-key; 200',
        got: `${signature === expectedSignature(body) ? 'signature matches' : 'signature differs'}; ${describeOutcome(outcome)}`,
        violations: violationsOf(headersOf(outcome)),
        latencyMs: latency(outcome),
      });
      expect(signature).toBe(expectedSignature(body));
      expect(request?.headers.has('x-api-key')).toBe(false);
      expect(request?.headers.has('authorization')).toBe(false);
      if (outcome instanceof Error) throw outcome;
      expect((outcome.data as { id: string }).id).toBe((JSON.parse(body) as { value: { id: string } }).value.id);
      expect(violationsOf(outcome.response.headers)).toEqual([]);
    });

    it('answers 401, mapped to AuthenticationError, when the signature is not sent', async () => {
      const { client } = contractClient({ strip: ['x-jelou-signature'] });
      const outcome = await outcomeOf(callOperation(client, operationId, 'PROJECT_ID'));
      record({
        operation: operationId,
        case: 'no signature',
        expected: 'AuthenticationError (401)',
        got: describeOutcome(outcome),
        latencyMs: latency(outcome),
      });
      expect(outcome).toBeInstanceOf(errorClassFor(401));
    });
  });
}

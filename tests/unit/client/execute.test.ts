// The generic executor with rows shaped like the operations the next issue adds: a second path parameter, a POST
// body that is not idempotent, an envelope without data, another host. No per-operation code is involved.
import { execute, type ExecuteContext } from '../../../src/client/execute';
import { requestSender } from '../../../src/client/transport';
import { NotFoundError, ValidationError } from '../../../src/index';
import type { Check, Operation } from '../../../src/spec/operations';
import type { OperationId } from '../../../src/spec/types';
import { fakeFetch, json } from '../../support/fake-fetch';

const ok: Check = () => undefined;
const requireName: Check = (value) =>
  typeof value === 'object' && value !== null && 'name' in value
    ? undefined
    : [{ path: '/', message: "must have required property 'name'" }];

function row(overrides: Partial<Operation>): Operation {
  const path = overrides.path ?? '/v1/external-support/{projectId}';
  return {
    pathParts: path.split(/\{[^}]+\}/),
    operationId: 'getIntegration' as OperationId,
    method: 'GET',
    path: '/v1/external-support/{projectId}',
    pathParams: ['projectId'],
    server: 'gateway',
    security: 'gateway',
    idempotent: true,
    body: undefined,
    bodyRequired: false,
    responses: { '200': ok },
    envelope: true,
    ...overrides,
  };
}

function context(fetch: (request: Request) => Promise<Response>): ExecuteContext {
  const defaults = { timeoutMs: 5_000, maxRetries: 2, maxResponseBytes: 1_000_000, headers: {} };
  return {
    baseUrls: { gateway: 'https://gateway.test/api', messages: 'https://messages.test' },
    fetch: requestSender(fetch),
    credentials: () => ({ 'x-api-key': 'KEY' }),
    signingSecret: undefined,
    secrets: () => ['KEY'],
    defaults,
    headers: { accept: 'application/json' },
    call: { ...defaults, signal: undefined },
  };
}

describe('execute', () => {
  it('fills every path parameter in order, each encoded as one segment', async () => {
    const fake = fakeFetch(() => json(200, { data: { _id: 'c' } }));
    const conversation = row({
      path: '/v1/external-support/{projectId}/conversations/{conversationId}',
      pathParams: ['projectId', 'conversationId'],
    });
    const result = await execute(context(fake.fetch), conversation, undefined, ['p/1', 'c?2'], undefined, undefined);
    expect(fake.requests[0]?.url).toBe('https://gateway.test/api/v1/external-support/p%2F1/conversations/c%3F2');
    expect(result).toMatchObject({ data: { _id: 'c' }, shape: 'envelope' });
  });

  it('names the parameter at fault, second one included, and sends nothing', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const conversation = row({
      path: '/x/{projectId}/c/{conversationId}',
      pathParams: ['projectId', 'conversationId'],
    });
    const error = await execute(context(fake.fetch), conversation, undefined, ['p', ''], undefined, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('conversationId');
    expect(fake.requests).toHaveLength(0);
  });

  it('sends a POST body as JSON once, and does not retry a 500 of an operation that is not idempotent', async () => {
    const fake = fakeFetch(() => json(500, { message: 'boom' }));
    const create = row({ method: 'POST', idempotent: false, body: requireName, bodyRequired: true });
    const error = await execute(context(fake.fetch), create, undefined, ['p'], { name: 'n' }, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body).toBe('{"name":"n"}');
    expect(fake.requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('checks a body against the spec before sending, naming the field', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const create = row({ method: 'POST', body: requireName, bodyRequired: true });
    const run = (body: unknown) =>
      execute(context(fake.fetch), create, undefined, ['p'], body, undefined).catch((e: unknown) => e);
    expect(await run({})).toMatchObject({ field: 'name', problem: 'is required' });
    expect(await run(undefined)).toMatchObject({ field: 'body', problem: 'is required' });
    expect(fake.requests).toHaveLength(0);
  });

  it('runs the hand-written rule first and sends what it returns', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const create = row({ method: 'POST', body: ok, bodyRequired: true });
    const rule = { body: (value: unknown) => ({ ...(value as object), filled: true }) };
    await execute(context(fake.fetch), create, rule, ['p'], { name: 'n' }, undefined);
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ name: 'n', filled: true });
  });

  it('sends an operation of the messages server to its host without gateway credentials', async () => {
    const fake = fakeFetch(() => json(200, { ok: true }));
    const send = row({
      method: 'POST',
      path: '/v1/external-support/webhook',
      pathParams: [],
      server: 'messages',
      security: 'none',
    });
    await execute(context(fake.fetch), send, undefined, [], undefined, undefined);
    expect(fake.requests[0]?.url).toBe('https://messages.test/v1/external-support/webhook');
    expect(fake.requests[0]?.headers.has('x-api-key')).toBe(false);
  });

  it('refuses a signed operation when the client has no signing secret, sending nothing', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const signed = row({ security: 'signature', pathParams: [], path: '/hook' });
    const error = await execute(context(fake.fetch), signed, undefined, [], undefined, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ field: 'signingSecret' });
    expect(fake.requests).toHaveLength(0);
  });

  it('signs a signed operation over the exact body bytes, without gateway credentials', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const signed = row({
      method: 'POST',
      security: 'signature',
      server: 'messages',
      pathParams: [],
      path: '/hook',
      body: () => undefined,
      bodyRequired: true,
    });
    const withSecret = { ...context(fake.fetch), signingSecret: () => Promise.resolve('s3cret') };
    await execute(withSecret, signed, undefined, [], { a: 1 }, undefined);
    const { createHmac } = await import('node:crypto');
    const expected = `sha256=${createHmac('sha256', 's3cret').update('{"a":1}').digest('hex')}`;
    expect(fake.requests[0]?.headers.get('x-jelou-signature')).toBe(expected);
    expect(fake.requests[0]?.headers.has('x-api-key')).toBe(false);
  });

  it('reads an envelope without data as flat, with every field kept', async () => {
    const body = { message: ['Integration deleted'], statusMessage: 'success', status: 1 };
    const fake = fakeFetch(() => json(200, body));
    const result = await execute(
      context(fake.fetch),
      row({ method: 'DELETE' }),
      undefined,
      ['p'],
      undefined,
      undefined,
    );
    expect(result).toMatchObject({ data: body, shape: 'flat', body });
  });

  it('accepts an empty 2xx the spec documents no body for', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await execute(context(fake.fetch), row({ responses: {} }), undefined, ['p'], undefined, undefined);
    expect(result).toMatchObject({ data: undefined, shape: 'flat' });
  });

  it('maps an error status to its class, scrubbing the secrets', async () => {
    const fake = fakeFetch(() => json(404, { message: 'no project KEY' }));
    const error = await execute(context(fake.fetch), row({}), undefined, ['p'], undefined, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      '404 Not Found: GET https://gateway.test/api/v1/external-support/p — no project ***',
    );
  });
});

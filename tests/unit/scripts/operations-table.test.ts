// The generator of the operation table (scripts/lib/operations-table.mjs), fed a small spec shaped like the next
// issue's operations. Run in a child process: the generator is an ES module.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const MODULE = path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'operations-table.mjs');

const SPEC = {
  security: [{ apiKey: [] }, { basicAuth: [] }],
  paths: {
    '/v1/external-support/{projectId}': {
      get: {
        operationId: 'getIntegration',
        responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Response' } } } } },
      },
      post: {
        operationId: 'createIntegration',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } },
      },
      delete: { operationId: 'deleteIntegration', responses: { 200: { description: 'no content' } } },
      patch: { operationId: 'updateIntegration', 'x-jelou-idempotent': false, responses: {} },
    },
    '/v1/external-support/{projectId}/conversations/close': {
      post: { operationId: 'closeConversation', 'x-jelou-idempotent': true, responses: {} },
    },
    '/v1/external-support/{projectId}/conversations/{conversationId}': {
      get: { operationId: 'getConversation', responses: {} },
    },
    '/v1/external-support/webhook': {
      servers: [{ url: 'https://chatbot.jelou.ai' }],
      post: { operationId: 'sendMessage', security: [{ jelouSignature: [] }], responses: {} },
    },
  },
  components: {
    schemas: {
      Response: { oneOf: [{ $ref: '#/components/schemas/Flat' }, { $ref: '#/components/schemas/Envelope' }] },
      Flat: { type: 'object' },
      Envelope: { type: 'object', required: ['data'] },
    },
  },
};

function rows(spec: unknown): Record<string, Record<string, unknown>> {
  const script = `import(${JSON.stringify(MODULE)}).then(({ operationRows }) =>
    console.log(JSON.stringify(Object.fromEntries(operationRows(${JSON.stringify(spec)}).map((r) => [r.operationId, r.row])))))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
}

describe('operationRows', () => {
  const table = rows(SPEC);

  it('gives method, path and the path parameters in order', () => {
    expect(table['getConversation']).toMatchObject({
      method: 'GET',
      path: '/v1/external-support/{projectId}/conversations/{conversationId}',
      pathParams: ['projectId', 'conversationId'],
    });
  });

  it('reads idempotency from x-jelou-idempotent, else from the method', () => {
    expect(table['getIntegration']?.['idempotent']).toBe(true);
    expect(table['deleteIntegration']?.['idempotent']).toBe(true);
    expect(table['createIntegration']?.['idempotent']).toBe(false);
    expect(table['closeConversation']?.['idempotent']).toBe(true);
    expect(table['updateIntegration']?.['idempotent']).toBe(false);
  });

  it('sends an operation under a path with its own servers to the messages host, signed', () => {
    expect(table['sendMessage']).toMatchObject({ server: 'messages', security: 'signature' });
    expect(table['getIntegration']).toMatchObject({ server: 'gateway', security: 'gateway' });
  });

  it('holds the body and response schema nodes, and whether the body is required', () => {
    expect(table['createIntegration']).toMatchObject({
      body: 'object',
      bodyRequired: true,
      responses: { 200: 'object' },
    });
    expect(table['getIntegration']).toMatchObject({
      body: null,
      responses: { 200: { o: ['object', { t: 'object', r: ['data'] }] } },
    });
    expect(table['deleteIntegration']).toMatchObject({ body: null, responses: {} });
  });

  it('leaves the schema of a body the client builds itself (sendMessage) to the tests: the row asks for an object', () => {
    const schema = { type: 'object', required: ['field'], properties: { field: { const: 'messages' } } };
    const built = rows({
      paths: {
        '/v1/external-support/webhook': {
          post: {
            operationId: 'sendMessage',
            requestBody: { required: true, content: { 'application/json': { schema } } },
            responses: {},
          },
        },
      },
    });
    expect(built['sendMessage']).toMatchObject({ body: 'object', bodyRequired: true });
  });

  it('marks a response that may be an envelope, through $refs, oneOf and allOf, data optional or not', () => {
    const composed = rows({
      paths: {
        '/a': {
          get: {
            operationId: 'a',
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: { allOf: [{ type: 'object' }, { properties: { data: { type: 'object' } } }] },
                  },
                },
              },
            },
          },
        },
      },
    });
    expect(composed['a']?.['envelope']).toBe(true);
    expect(table['getIntegration']?.['envelope']).toBe(true);
    expect(table['createIntegration']?.['envelope']).toBe(false);
  });

  it('refuses an x-jelou-idempotent that is not a boolean', () => {
    const bad = { paths: { '/x': { post: { operationId: 'x', 'x-jelou-idempotent': 'yes', responses: {} } } } };
    expect(() => rows(bad)).toThrow('x-jelou-idempotent must be true or false');
  });
});

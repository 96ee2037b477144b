// The compiler of the compact schema nodes (scripts/lib/validators.mjs). Run in a child process: it is an ES module.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const MODULE = path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'validators.mjs');

interface Compiled {
  nodes: Record<string, { body?: unknown; responses: Record<string, unknown> }>;
  defs: Record<string, unknown>;
}

// Compiles `schema` as both a 200 response (tolerant) and a request body (strict) of one spec.
function compile(schema: unknown, schemas: Record<string, unknown> = {}): { ok: boolean; output: string } {
  const spec = {
    paths: {
      '/x': {
        get: { operationId: 'getX', responses: { 200: { content: { 'application/json': { schema } } } } },
        post: { operationId: 'postX', requestBody: { content: { 'application/json': { schema } } }, responses: {} },
      },
    },
    components: {
      schemas: { Used: { type: 'string', description: 'dropped' }, Unused: { type: 'number' }, ...schemas },
    },
  };
  const script = `import(${JSON.stringify(MODULE)}).then(({ compileOperations, validatorsSource }) =>
    console.log(JSON.stringify({ ...compileOperations(${JSON.stringify(spec)}), source: validatorsSource(${JSON.stringify(spec)}) })))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function compiled(schema: unknown, schemas?: Record<string, unknown>): Compiled & { source: string } {
  const { ok, output } = compile(schema, schemas);
  if (!ok) throw new Error(output);
  return JSON.parse(output) as Compiled & { source: string };
}

describe('compileOperations and validatorsSource', () => {
  it('compiles each 2xx response and request body, writes bare types in place, and only the defs they name', () => {
    const result = compiled({ type: 'object', properties: { a: { $ref: '#/components/schemas/Used' } }, example: {} });
    expect(result.nodes['getX']?.responses['200']).toEqual({ t: 'object', p: { a: 'string' } });
    expect(result.nodes['postX']?.body).toEqual({ t: 'object', p: { a: 'string' } });
    expect(result.defs).toEqual({});
    expect(result.source).toContain('export const defs = () => ({});');
  });

  it('writes a shared component once in defs, named by the nodes that use it', () => {
    const schemas = { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } };
    const result = compiled({ $ref: '#/components/schemas/Thing' }, schemas);
    expect(result.nodes['getX']?.responses['200']).toBe('Thing');
    expect(result.nodes['postX']?.body).toBe('Thing');
    expect(result.source).toContain('export const defs = () => ({"Thing":');
    expect(result.defs).toEqual({ Thing: { t: 'object', r: ['id'], p: { id: 'string' } } });
    expect(result.source).not.toContain('Unused');
  });

  it('keeps every check in a request body, and only the shape and types in a response (tolerant reader)', () => {
    const schema = {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      minProperties: 1,
      properties: {
        kind: { type: 'string', enum: ['a', 'b'] },
        url: { type: 'string', format: 'uri', pattern: '^https://', minLength: 9 },
        fixed: { const: 'x' },
        data: {},
      },
      if: { required: ['kind'], properties: { kind: { const: 'a' } } },
      then: { required: ['url'] },
      not: { required: ['data'], properties: { data: {} } },
    };
    const result = compiled(schema);
    expect(result.nodes['postX']?.body).toEqual({
      t: 'object',
      r: ['kind'],
      x: 1,
      m: 1,
      p: {
        kind: { t: 'string', e: ['a', 'b'] },
        url: { t: 'string', g: '^https://', m: 9 },
        fixed: { e: ['x'] },
        data: {},
      },
      w: ['kind', ['a'], 'url'],
      n: ['data'],
    });
    expect(result.nodes['getX']?.responses['200']).toEqual({
      t: 'object',
      r: ['kind'],
      p: { kind: 'string', url: 'string' },
      n: ['data'],
    });
  });

  it('names the request form of a shared component apart when it differs from the response form', () => {
    const schemas = { Kind: { type: 'object', properties: { k: { type: 'string', enum: ['a'] } } } };
    const kind = { $ref: '#/components/schemas/Kind' };
    const result = compiled({ type: 'object', properties: { one: kind, two: kind } }, schemas);
    expect(result.defs).toEqual({
      Kind: { t: 'object', p: { k: 'string' } },
      KindIn: { t: 'object', p: { k: { t: 'string', e: ['a'] } } },
    });
    expect(result.nodes['getX']?.responses['200']).toEqual({ t: 'object', p: { one: 'Kind', two: 'Kind' } });
    expect(result.nodes['postX']?.body).toEqual({ t: 'object', p: { one: 'KindIn', two: 'KindIn' } });
  });

  // The test spec uses one schema as both the response and the body: a component they both name is named twice.
  it('writes a component named once where it is named, and one named twice in defs', () => {
    const nested = compiled(
      { type: 'object', properties: { one: { $ref: '#/components/schemas/Outer' } } },
      {
        Outer: { type: 'object', properties: { inner: { $ref: '#/components/schemas/Inner' } } },
        Inner: { type: 'array', items: { type: 'number' } },
      },
    );
    expect(nested.nodes['getX']?.responses['200']).toEqual({ t: 'object', p: { one: 'Outer' } });
    expect(nested.defs).toEqual({ Outer: { t: 'object', p: { inner: { t: 'array', i: 'number' } } } });
  });

  it('keeps a property named like an annotation', () => {
    expect(
      compiled({ type: 'object', properties: { description: { type: 'string' } } }).nodes['getX']?.responses['200'],
    ).toEqual({
      t: 'object',
      p: { description: 'string' },
    });
  });

  it.each([
    [{ type: 'array', uniqueItems: true }, 'schema keyword "uniqueItems" is not supported by the run-time checker'],
    [{ anyOf: [{ type: 'string' }] }, 'schema keyword "anyOf" is not supported by the run-time checker'],
    [{ type: 'object', additionalProperties: { type: 'string' } }, 'only true, false or {} are supported'],
    [{ not: { type: 'string' } }, '"type" is not supported by the run-time checker here'],
    [{ if: { required: ['a', 'b'] }, then: { required: ['c'] } }, 'only "if required [A] with A in values'],
    [{ enum: [{ a: 1 }] }, 'only strings, numbers, booleans and null are supported'],
    [{ $ref: '#/components/schemas/Missing' }, '$ref to missing schema Missing'],
  ])('stops on what the run-time checker does not implement, rather than checking loosely: %j', (schema, message) => {
    const { ok, output } = compile(schema);
    expect(ok).toBe(false);
    expect(output).toContain(message);
  });
});

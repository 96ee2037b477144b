// The generator of the compact schema data (scripts/lib/validators.mjs). Run in a child process: it is an ES module.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const MODULE = path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'validators.mjs');

function source(schema: unknown): { ok: boolean; output: string } {
  const spec = {
    paths: {
      '/x': {
        get: { operationId: 'getX', responses: { 200: { content: { 'application/json': { schema } } } } },
        post: { operationId: 'postX', requestBody: { content: { 'application/json': { schema } } }, responses: {} },
      },
    },
    components: { schemas: { Used: { type: 'string', description: 'dropped' }, Unused: { type: 'number' } } },
  };
  const script = `import(${JSON.stringify(MODULE)}).then(({ validatorsSource }) =>
    console.log(validatorsSource(${JSON.stringify(spec)})))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('validatorsSource', () => {
  it('writes one validator per 2xx response and request body, and only the schemas they reach', () => {
    const { ok, output } = source({
      type: 'object',
      properties: { a: { $ref: '#/components/schemas/Used' } },
      example: { a: 'x' },
    });
    expect(ok).toBe(true);
    expect(output).toContain('export const defs = {"Used":{"type":"string"}};');
    expect(output).toContain('export const validateGetX200 = {"type":"object","properties":{"a":{"$ref":"Used"}}};');
    expect(output).toContain('export const validatePostXBody = ');
    expect(output).not.toContain('Unused');
    expect(output).not.toContain('example');
  });

  it('keeps a property named like an annotation', () => {
    expect(source({ type: 'object', properties: { description: { type: 'string' } } }).output).toContain(
      '"properties":{"description":{"type":"string"}}',
    );
  });

  it('stops on a keyword the run-time checker does not implement, rather than checking loosely', () => {
    const { ok, output } = source({ type: 'array', uniqueItems: true });
    expect(ok).toBe(false);
    expect(output).toContain('schema keyword "uniqueItems" is not supported by the run-time checker');
  });
});

// "Change the spec, run generate, and the SDK follows" end to end, on a copy of the spec with one more optional
// property on the flat integration schema: the generated types, the exported result type (a TypeScript consumer
// compiled against the regenerated sources) and the run-time result all carry it, with no edit in src/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv } from '../../support/child-env';
import { addPropertyToFlatIntegration, consumerSource, PROPERTY } from '../../support/spec-driven';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORK = path.join(ROOT, '.tmp', 'spec-driven-test');
/** Where tsc writes the regenerated sources and the consumer as JavaScript (ESM: the repository is "type": "module"). */
const OUT = path.join(WORK, 'out');

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd = ROOT): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnv() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** tsc over the regenerated src/ and the consumer: its type errors, and the JavaScript it emits into OUT. */
let compiled: Run;

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // The spec (every file of openapi/), with one more optional string property on the flat integration.
  cpSync(path.join(ROOT, 'openapi'), path.join(WORK, 'openapi'), { recursive: true });
  addPropertyToFlatIntegration(path.join(WORK, 'openapi', 'openapi.yaml'));
  // src/ unchanged, then regenerated from the changed spec.
  cpSync(path.join(ROOT, 'src'), path.join(WORK, 'src'), { recursive: true });
  const generated = run(process.execPath, [
    path.join(ROOT, 'scripts', 'generate.mjs'),
    '--spec',
    path.join(WORK, 'openapi', 'openapi.yaml'),
    '--out',
    path.join(WORK, 'src', 'generated'),
  ]);
  if (generated.status !== 0) throw new Error(`generate failed:\n${generated.output}`);
  // One tsc run type-checks the consumer against the regenerated sources and emits both for the run-time check.
  writeFileSync(path.join(WORK, 'consumer.ts'), consumerSource('./src/index.js'));
  writeFileSync(
    path.join(WORK, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.json'),
      compilerOptions: { noEmit: false, outDir: OUT, skipLibCheck: true },
      include: ['consumer.ts', 'src'],
    }),
  );
  compiled = run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', WORK]);
}, 60_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

it('generates the added property into the schema types', () => {
  const schema = readFileSync(path.join(WORK, 'src', 'generated', 'schema.ts'), 'utf8');
  const start = schema.indexOf('IntegrationFlat: {');
  const block = schema.slice(start, schema.indexOf('\n        };', start));
  expect(start).toBeGreaterThan(-1);
  expect(block).toContain(`${PROPERTY}?: string;`);
});

it('leaves every hand-written file of src/ as it was', () => {
  const handWritten = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return name === 'generated' ? [] : handWritten(file);
      return [file];
    });
  for (const file of handWritten(path.join(ROOT, 'src'))) {
    const copy = path.join(WORK, path.relative(ROOT, file));
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
  }
});

it('types the added property on the exported Integration for a TypeScript consumer', () => {
  expect(compiled.output).toBe('');
  expect(compiled.status).toBe(0);
});

it('carries the value the server sent in the run-time result', () => {
  // The regenerated sources as tsc emitted them (openapi-fetch resolves from the repository).
  const script = `
    import { createExternalSupportClient } from ${JSON.stringify(path.join(OUT, 'src', 'index.js'))};
    const body = { brainId: 'B', webhookUrl: 'https://panel.example.com/h', createdAt: '2024-01-01T00:00:00Z',
      ${PROPERTY}: 'sent by the server' };
    const client = createExternalSupportClient({ auth: { apiKey: 'k' }, env: {},
      fetch: async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }) });
    const integration = await client.getIntegration('PROJECT_ID');
    console.log(JSON.stringify(integration.${PROPERTY}));`;
  const result = run(process.execPath, ['--input-type=module', '-e', script]);
  expect(result.output.trim()).toBe('"sent by the server"');
});

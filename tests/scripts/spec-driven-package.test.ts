// Issue 7's acceptance point on the built package: on a throwaway copy of the repository whose flat integration
// schema has one more optional string property, `npm run generate && npm run build` (the same scripts, run in the
// copy), then a TypeScript consumer of the built package (resolved through its package.json "exports", as a user
// installs it) reads `integration.newProperty` without a type error, and the built client, run against a local
// HTTP server, returns the value the server sent, from both the ESM and the CommonJS bundle. On the way, the
// generated schema types carry the property, and no hand-written file of src/ changed.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { addPropertyToFlatIntegration, consumerSource, PROPERTY } from '../support/spec-driven';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const COPIED = ['openapi', 'src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'redocly.yaml'];

let copy: string;
let server: Server;
let baseUrl: string;
const seen: string[] = [];

async function node(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd, encoding: 'utf8' });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`node ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

beforeAll(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'jelou-spec-driven-'));
  for (const entry of COPIED) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

  // The one change: an optional string property on the flat integration schema.
  addPropertyToFlatIntegration(path.join(copy, 'openapi', 'openapi.yaml'));

  // npm run generate && npm run build, in the copy; the build bundles only the root entry, the one read here (the
  // declarations are all written).
  await node(['scripts/generate.mjs'], copy);
  await node(['scripts/build.mjs', '--entry', '.'], copy);

  // A consumer project with the built package installed under its name (a link to the copy, as `npm link` does).
  const consumer = path.join(copy, 'consumer');
  mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
  symlinkSync(copy, path.join(consumer, 'node_modules', 'jelou-external-support'), 'dir');

  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        brainId: 'B',
        webhookUrl: 'https://panel.example.com/h',
        createdAt: '2024-01-01T00:00:00Z',
        [PROPERTY]: 'sent by the server',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jelouapi`;
}, 240_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('generate writes the added property into the schema types of the copy', () => {
  const schema = readFileSync(path.join(copy, 'src', 'generated', 'schema.ts'), 'utf8');
  const start = schema.indexOf('IntegrationFlat: {');
  expect(start).toBeGreaterThan(-1);
  expect(schema.slice(start, schema.indexOf('\n        };', start))).toContain(`${PROPERTY}?: string;`);
});

test('generate leaves every hand-written file of src/ as it was: the SDK follows with no edit', () => {
  const handWritten = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return name === 'generated' ? [] : handWritten(file);
      return [file];
    });
  const files = handWritten(path.join(ROOT, 'src'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(readFileSync(path.join(copy, path.relative(ROOT, file)), 'utf8')).toBe(readFileSync(file, 'utf8'));
  }
});

test('the regenerated, built declarations type the added property for a consumer of the package', async () => {
  const consumer = path.join(copy, 'consumer');
  writeFileSync(path.join(consumer, 'consumer.ts'), consumerSource('jelou-external-support'));
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(
    path.join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        types: [],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        // The consumer's code is checked in full; the declaration files themselves (the DOM library's, the
        // package's) are the package check's to type-check (its consumer does, on the real dist/): three quarters
        // of this run's time otherwise.
        skipLibCheck: true,
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // One check that also lists the files it read: a type error would fail it (node() throws on a non-zero exit) and
  // print a diagnostic among the file names.
  const listed = (await node([tsc, '-p', consumer, '--listFiles'], consumer)).trim().split('\n');
  expect(listed.filter((line) => !path.isAbsolute(line) || !existsSync(line))).toEqual([]);
  // The declarations it reads are the built ones, from dist/ of the copy.
  expect(listed.some((file) => file.startsWith(path.join(copy, 'dist')))).toBe(true);
  expect(listed.filter((file) => file.startsWith(path.join(copy, 'src')))).toEqual([]);
}, 120_000);

test.each([
  ['ESM', 'import', "const { createExternalSupportClient } = await import('jelou-external-support');"],
  ['CommonJS', 'require', "const { createExternalSupportClient } = require('jelou-external-support');"],
])(
  'the built %s client returns the value the server sent (%s)',
  async (format, _how, load) => {
    const consumer = path.join(copy, 'consumer');
    const file = path.join(consumer, format === 'ESM' ? 'read.mjs' : 'read.cjs');
    const body = `
      const client = createExternalSupportClient({ auth: { apiKey: 'k' }, env: {}, baseUrl: ${JSON.stringify(baseUrl)} });
      const integration = await client.getIntegration('PROJECT_ID');
      console.log(JSON.stringify(integration.${PROPERTY}));`;
    writeFileSync(file, format === 'ESM' ? `${load}\n${body}` : `(async () => {\n${load}\n${body}\n})();`);
    const before = seen.length;
    expect((await node([file], consumer)).trim()).toBe('"sent by the server"');
    expect(seen.slice(before)).toEqual(['GET /jelouapi/v1/external-support/PROJECT_ID']);
  },
  60_000,
);

// `instanceof` across copies of the package: the ESM and CommonJS builds each define their own classes, so an error
// thrown by one must still be recognized by the other's classes (a brand checked in Symbol.hasInstance).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type * as Sdk from '../../../src/index';
import { esbuild } from '../../support/esbuild';

// Bundling src/ twice and running Node takes seconds: more than jest's default 5 s on a busy machine.
jest.setTimeout(30_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');

type ErrorModule = typeof Sdk;

/** Two copies of the package's modules, as two bundles or the ESM and CJS builds would give. */
function twoCopies(): [ErrorModule, ErrorModule] {
  let first: ErrorModule | undefined;
  let second: ErrorModule | undefined;
  jest.isolateModules(() => {
    first = jest.requireActual<ErrorModule>('../../../src/index');
  });
  jest.isolateModules(() => {
    second = jest.requireActual<ErrorModule>('../../../src/index');
  });
  if (first === undefined || second === undefined) throw new Error('modules not loaded');
  return [first, second];
}

const REQUEST = { method: 'GET', url: 'https://gateway.jelou.ai/jelouapi/v1/external-support/abc', path: '/x' };

describe('error brands across two copies of the package', () => {
  const [a, b] = twoCopies();

  it('loads two distinct class copies', () => {
    expect(a.NotFoundError).not.toBe(b.NotFoundError);
  });

  it('recognizes an error of one copy as an instance of the same class and its ancestors in the other', () => {
    const error = a.ApiError.from({ ...REQUEST, status: 404, headers: new Headers(), body: undefined });
    expect(error).toBeInstanceOf(b.NotFoundError);
    expect(error).toBeInstanceOf(b.ApiError);
    expect(error).toBeInstanceOf(b.JelouError);
    expect(error instanceof Error).toBe(true);
  });

  it('does not mistake an error for a sibling or a subclass it is not', () => {
    const error = new a.ApiError({ ...REQUEST, status: 418, headers: new Headers(), body: undefined });
    expect(error).not.toBeInstanceOf(b.NotFoundError);
    expect(error).not.toBeInstanceOf(b.ValidationError);
    expect(new a.ConnectionError(REQUEST)).not.toBeInstanceOf(b.TimeoutError);
    expect(new a.TimeoutError({ ...REQUEST, timeoutMs: 1 })).toBeInstanceOf(b.ConnectionError);
  });

  it('gives every exported error class its own brand', () => {
    const classes = Object.entries(a).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof Error,
    ) as [string, { brand?: unknown }][];
    expect(classes.length).toBeGreaterThanOrEqual(16);
    for (const [name, type] of classes) expect(Object.hasOwn(type, 'brand') && type.brand).toBe(name);
  });

  it('refuses plain objects and errors of other libraries', () => {
    expect({}).not.toBeInstanceOf(b.JelouError);
    expect(new Error('x')).not.toBeInstanceOf(b.JelouError);
    expect(null).not.toBeInstanceOf(b.JelouError);
  });
});

/** src/index.ts bundled as the build bundles each entry, in the module format given, into `file`. */
function bundle(file: string, format: 'cjs' | 'esm'): void {
  esbuild([
    'src/index.ts',
    '--bundle',
    `--format=${format}`,
    '--platform=node',
    '--target=node20',
    `--outfile=${file}`,
  ]);
}

describe('error brands across the CommonJS and ESM builds', () => {
  const dir = path.join(ROOT, '.tmp', 'brand-test');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an error thrown by the CommonJS copy is instanceof the ESM class of the same name, and back', () => {
    rmSync(dir, { recursive: true, force: true });
    bundle(path.join(dir, 'index.cjs'), 'cjs');
    bundle(path.join(dir, 'index.mjs'), 'esm');
    const script = `
      const cjs = require(${JSON.stringify(path.join(dir, 'index.cjs'))});
      import(${JSON.stringify(path.join(dir, 'index.mjs'))}).then(async (esm) => {
        const client = cjs.createExternalSupportClient({
          auth: { apiKey: 'k' }, maxRetries: 0, env: {},
          fetch: async () => new Response('{"message":"Integration not found"}', { status: 404 }),
        });
        const thrown = await client.getIntegration('abc').catch((e) => e);
        const back = new esm.ValidationError('x', 'y');
        console.log(JSON.stringify({
          cjsThrew: thrown instanceof cjs.NotFoundError,
          esmNotFound: thrown instanceof esm.NotFoundError,
          esmApiError: thrown instanceof esm.ApiError,
          esmBase: thrown instanceof esm.JelouError,
          esmSibling: thrown instanceof esm.ValidationError,
          backToCjs: back instanceof cjs.ValidationError && back instanceof cjs.JelouError,
          distinct: cjs.NotFoundError !== esm.NotFoundError,
        }));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      cjsThrew: true,
      esmNotFound: true,
      esmApiError: true,
      esmBase: true,
      esmSibling: false,
      backToCjs: true,
      distinct: true,
    });
  });
});

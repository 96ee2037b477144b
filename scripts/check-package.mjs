#!/usr/bin/env node
// After `npm run build`: the package resolves by its own name from ESM and CommonJS, at run time and for
// TypeScript (node16 resolution, both module kinds), exports the same names both ways, and ships no run-time
// dependency beyond openapi-fetch.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './lib/spec.mjs';

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '✔' : '✘'} ${what}`);
  if (!ok) failures.push(what);
};

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
check(
  JSON.stringify(Object.keys(pkg.dependencies ?? {})) === JSON.stringify(['openapi-fetch']),
  'the only run-time dependency is openapi-fetch',
);

const required = createRequire(path.join(repoRoot, 'package.json'))(pkg.name);
const imported = await import(pkg.name);
const names = (module) =>
  Object.keys(module)
    .filter((k) => k !== 'default' && k !== '__esModule')
    .sort();
check(typeof required.createExternalSupportClient === 'function', `require('${pkg.name}') gives the client factory`);
check(typeof imported.createExternalSupportClient === 'function', `import '${pkg.name}' gives the client factory`);
check(JSON.stringify(names(required)) === JSON.stringify(names(imported)), 'require and import export the same names');
check(
  new required.NotFoundError({
    status: 404,
    headers: new Headers(),
    body: undefined,
    method: 'GET',
    url: 'https://x/v1',
    path: '/v1',
  }) instanceof required.ApiError,
  'CommonJS error classes keep their hierarchy',
);

const generated = readFileSync(path.join(repoRoot, 'dist', 'esm', 'generated', 'validators.js'), 'utf8');
check(!/\bfrom\s+['"]|require\(/.test(generated), 'generated validators import nothing');

// TypeScript consumers, ESM and CommonJS, resolving the package by name through its exports map.
const dir = path.join(repoRoot, '.tmp', 'package-check');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const usage = `const client = createExternalSupportClient({ auth: { apiKey: 'k' } });
const integration: Integration = await client.getIntegration('p');
export const url: string = integration.webhookUrl;`;
writeFileSync(
  path.join(dir, 'esm.mts'),
  `import { createExternalSupportClient, type Integration } from '${pkg.name}';\n${usage}\n`,
);
writeFileSync(
  path.join(dir, 'cjs.cts'),
  `import { createExternalSupportClient, type Integration } from '${pkg.name}';\nexport async function run() {\n${usage.replace('export const', 'const')}\n  return url;\n}\n`,
);
try {
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--noEmit',
      '--strict',
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
      '--target',
      'es2022',
      '--types',
      'node',
      path.join(dir, 'esm.mts'),
      path.join(dir, 'cjs.cts'),
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  check(true, 'TypeScript resolves the types from ESM and CommonJS consumers');
} catch (error) {
  console.error(String(error.stdout ?? error));
  check(false, 'TypeScript resolves the types from ESM and CommonJS consumers');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n${failures.length} package check(s) failed`);
  process.exit(1);
}

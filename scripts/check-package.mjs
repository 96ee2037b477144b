#!/usr/bin/env node
// The package as it would be published: `npm pack` (prepack builds dist/), then checks on the tarball itself:
//   - what it ships: every build of the entry table (scripts/lib/entries.mjs) with its declarations, LICENSE,
//     README, CHANGELOG, the spec; no source maps, no src/ or tests/; bundles import only their dependencies;
//   - `attw` (node16 profile: Node's ESM and CommonJS resolution and bundlers) and `publint`, on the tarball;
//   - installed into a scratch project in a temp dir (offline from npm's cache when it can): `import` and
//     `require` by the package name work and export the same names, `./openapi.yaml` resolves both ways, a `.mts`
//     and a `.cts` TypeScript consumer typecheck, and an error thrown by the CommonJS copy is `instanceof` the
//     ESM class of the same name (and the reverse).
// Prints ✔/✘ per check; exits 1 if any failed. `--keep` leaves the temp dir for a look.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builds, entries, packageFields, staticExports } from './lib/entries.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(repoRoot, 'node_modules', pkg, file);
const failures = [];
const check = (ok, what, detail) => {
  console.log(`${ok ? '✔' : '✘'} ${what}`);
  if (!ok) {
    failures.push(what);
    if (detail) console.log(String(detail).replace(/^/gm, '    '));
  }
  return ok;
};
const startedAt = Date.now();
const runAsync = (cmd, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
const run = (cmd, args, options = {}) =>
  spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
let packSeconds = '?';
let lintersDone = () => Promise.resolve();
const work = mkdtempSync(path.join(tmpdir(), 'jelou-package-check-'));
try {
  // ── the tarball ────────────────────────────────────────────────────────────────────────────────────────────
  check(
    JSON.stringify(Object.keys(pkg.dependencies ?? {})) === JSON.stringify(['openapi-fetch']),
    'the only run-time dependency is openapi-fetch',
  );
  const wanted = packageFields();
  check(
    Object.entries(wanted).every(([k, v]) => JSON.stringify(pkg[k]) === JSON.stringify(v)),
    'package.json exports/bin/main/types follow the entry table',
    'run `npm run build -- --sync-package`',
  );

  const packed = run('npm', ['pack', '--pack-destination', work, '--loglevel', 'error'], { cwd: repoRoot });
  packSeconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const tarballName = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!check(packed.status === 0 && tarballName, 'npm pack (prepack builds dist/) makes a tarball', packed.stderr)) {
    throw new Error('no tarball');
  }
  const tarball = path.join(work, tarballName);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  const has = (f) => files.includes(f.replace(/^\.\//, ''));
  const missing = builds()
    .flatMap((b) => (b.entry.bin ? [b.js] : [b.js, b.types]))
    .filter((f) => !has(f));
  check(missing.length === 0, 'the tarball ships every build of the entry table and its declarations', missing);
  const wantedFiles = ['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'openapi/openapi.yaml'];
  check(
    wantedFiles.every(has),
    `the tarball ships ${wantedFiles.join(', ')}`,
    wantedFiles.filter((f) => !has(f)),
  );
  const unwanted = files.filter((f) => f.endsWith('.map') || /^(src|tests|scripts|bench|\.tmp)\//.test(f));
  check(unwanted.length === 0, 'no source maps, src/, tests/, scripts/ or bench/ in the tarball', unwanted);
  console.log(`  (${files.length} files in ${tarballName})`);

  execFileSync('tar', ['-xzf', tarball, '-C', work]);
  const unpacked = path.join(work, 'package');
  const externals = new Set(Object.keys(pkg.dependencies ?? {}));
  for (const b of builds()) {
    const code = readFileSync(path.join(unpacked, b.js), 'utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map(
      (m) => m[1],
    );
    const stray = specifiers.filter((s) => !s.startsWith('node:') && !externals.has(s.split('/')[0]));
    check(
      stray.length === 0,
      `${b.js} is one bundle: it imports nothing but ${[...externals].join(', ')} and node: built-ins`,
      stray,
    );
    if (b.entry.bin) check(code.startsWith('#!/usr/bin/env node\n'), `${b.js} starts with a shebang`);
    if (b.platform === 'neutral') {
      const nodeOnly = [
        ...specifiers.filter((s) => s.startsWith('node:')),
        ...(/\bBuffer\b/.test(code) ? ['Buffer'] : []),
      ];
      check(nodeOnly.length === 0, `${b.js} is web-standard: no node: import, no Buffer`, nodeOnly);
    }
  }

  // attw and publint, on the tarball: started now, awaited after the scratch project's checks (they run meanwhile).
  const attwRun = runAsync(
    process.execPath,
    [
      bin('@arethetypeswrong/cli', 'dist/index.js'),
      tarball,
      '--profile',
      'node16',
      '--exclude-entrypoints',
      ...Object.keys(staticExports),
      '--format',
      'table-flipped',
      '--no-color',
      '--no-emoji',
    ],
    { cwd: work },
  );
  const publintRun = (async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const bytes = readFileSync(tarball);
    const linted = await publint({
      level: 'suggestion',
      strict: true,
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) },
    });
    return linted.messages.map((m) => `${m.type}: ${formatMessage(m, linted.pkg) ?? m.code}`);
  })();
  lintersDone = async () => {
    const attw = await attwRun;
    check(
      attw.status === 0,
      'attw: no type resolution problem (node16 ESM and CommonJS, bundler)',
      attw.stdout + attw.stderr,
    );
    const messages = await publintRun;
    check(messages.length === 0, 'publint (strict, suggestions included): no message', messages.join('\n'));
  };

  // ── installed into a scratch project ───────────────────────────────────────────────────────────────────────
  const app = path.join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), '{ "name": "scratch-app", "private": true }\n');
  const npmInstall = (mode) =>
    run('npm', ['install', mode, '--no-audit', '--no-fund', '--loglevel', 'error', tarball], { cwd: app });
  let installed = npmInstall('--offline');
  if (installed.status !== 0) installed = npmInstall('--prefer-offline');
  if (!check(installed.status === 0, 'the tarball installs into a scratch project', installed.stderr)) {
    throw new Error('not installed');
  }

  const name = pkg.name;
  const exportsToCheck = entries.filter((e) => e.subpath).map((e) => name + e.subpath.slice(1));
  writeFileSync(
    path.join(app, 'check.mjs'),
    `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const results = [];
const check = (ok, what, detail) => results.push({ ok: Boolean(ok), what, detail });
const names = (m) => Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort();
for (const id of ${JSON.stringify(exportsToCheck)}) {
  let esm, cjs;
  try { esm = await import(id); } catch (e) { check(false, \`import '\${id}' works\`, e.stack); continue; }
  try { cjs = require(id); } catch (e) { check(false, \`require('\${id}') works\`, e.stack); continue; }
  check(names(esm).length > 0, \`import '\${id}' works and exports names\`);
  check(JSON.stringify(names(esm)) === JSON.stringify(names(cjs)), \`import and require of '\${id}' export the same names\`,
    JSON.stringify({ esm: names(esm), cjs: names(cjs) }));
}
for (const id of ${JSON.stringify(Object.keys(staticExports).map((s) => name + s.slice(1)))}) {
  const viaRequire = require.resolve(id);
  const viaImport = fileURLToPath(import.meta.resolve(id));
  const text = readFileSync(viaImport, 'utf8');
  check(viaRequire === viaImport && text.length > 0, \`'\${id}' resolves from import and require\`, viaRequire + ' / ' + viaImport);
}
{
  const text = readFileSync(require.resolve('${name}/openapi.yaml'), 'utf8');
  check(/^openapi: 3\\.1/m.test(text), "'${name}/openapi.yaml' is the OpenAPI 3.1 spec");
}

// Errors across the two copies: thrown by one, recognized by the other's classes of the same name.
const esm = await import('${name}');
const cjs = require('${name}');
const errorNames = names(esm).filter((k) => typeof esm[k] === 'function' && esm[k].prototype instanceof Error || k === 'JelouError');
const notFound = async () => new Response(JSON.stringify({ message: 'Integration not found' }), { status: 404, headers: { 'content-type': 'application/json' } });
async function thrownBy(copy) {
  const thrown = [];
  const client = copy.createExternalSupportClient({ auth: { apiKey: 'package-check-key' }, baseUrl: 'https://gateway.jelou.ai/jelouapi', fetch: notFound, maxRetries: 0 });
  try { await client.getIntegration('PROJECT_ID'); } catch (e) { thrown.push(e); }
  try { await client.getIntegration(''); } catch (e) { thrown.push(e); }
  try { copy.createExternalSupportClient({ auth: { apiKey: 'k' }, timeout: -1 }); } catch (e) { thrown.push(e); }
  return thrown;
}
for (const [from, to, fromCopy, toCopy] of [['CommonJS', 'ESM', cjs, esm], ['ESM', 'CommonJS', esm, cjs]]) {
  const thrown = await thrownBy(fromCopy);
  check(thrown.length >= 2, \`the \${from} copy throws typed errors to compare (\${thrown.map((e) => e?.constructor?.name).join(', ')})\`);
  const wrong = [];
  for (const error of thrown) {
    for (const n of errorNames) {
      const own = error instanceof fromCopy[n];
      const other = error instanceof toCopy[n];
      if (own !== other) wrong.push(\`a \${error.constructor.name} from the \${from} copy: instanceof \${from} \${n} is \${own}, instanceof \${to} \${n} is \${other}\`);
    }
  }
  check(wrong.length === 0, \`an error thrown by the \${from} build is instanceof the \${to} class of the same name (and its ancestors)\`,
    wrong.join('\\n') + (wrong.length ? '\\nThe error classes need a brand shared by both copies (Symbol.for + Symbol.hasInstance, issue 7).' : ''));
}
console.log(JSON.stringify(results));
`,
  );
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JELOU_')));
  const consumer = run(process.execPath, ['check.mjs'], { cwd: app, env: cleanEnv });
  const lastLine = consumer.stdout.trim().split('\n').at(-1) ?? '';
  let results = [];
  try {
    results = JSON.parse(lastLine);
  } catch {
    check(false, 'the scratch project runs its checks', consumer.stdout + consumer.stderr);
  }
  for (const r of results) check(r.ok, r.what, r.detail);

  // Under Node, an export with a `node` condition resolves to its Node build, from import and require.
  for (const b of builds().filter((x) => x.condition === 'node')) {
    const id = name + b.entry.subpath.slice(1);
    const resolved = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module'; console.log(import.meta.resolve('${id}')); console.log(createRequire(import.meta.url).resolve('${id}'));`,
      ],
      { cwd: app },
    );
    const [viaImport = '', viaRequire = ''] = resolved.stdout.trim().split('\n');
    const fromEsm = b.format === 'esm' ? viaImport : viaRequire;
    check(
      fromEsm.endsWith(b.js.slice(1)),
      `'${id}' resolves to its node build (${b.js}) from ${b.format === 'esm' ? 'import' : 'require'}`,
      resolved.stdout + resolved.stderr,
    );
  }
  // Each bin is linked into node_modules/.bin, executable.
  for (const b of builds().filter((x) => x.entry.bin)) {
    const link = path.join(app, 'node_modules', '.bin', b.entry.bin);
    let executable = false;
    try {
      executable = (statSync(link).mode & 0o111) !== 0;
    } catch {
      executable = false;
    }
    check(executable, `the bin '${b.entry.bin}' is installed, executable`);
  }

  // A plain CommonJS process (no ESM loader involved) requires the package.
  const plainCjs = run(
    process.execPath,
    ['-e', `const m = require('${name}'); if (typeof m.createExternalSupportClient !== 'function') process.exit(3);`],
    { cwd: app, env: cleanEnv },
  );
  check(plainCjs.status === 0, `a CommonJS program require('${name}') gets the client factory`, plainCjs.stderr);

  // TypeScript consumers, ESM and CommonJS, resolving the installed package by name through its exports map.
  const usage = `const client = createExternalSupportClient({ auth: { apiKey: 'k' } });
const integration: Integration = await client.getIntegration('p');
export const url: string = integration.webhookUrl;`;
  writeFileSync(
    path.join(app, 'esm.mts'),
    `import { createExternalSupportClient, type Integration } from '${name}';\n${usage}\n`,
  );
  writeFileSync(
    path.join(app, 'cjs.cts'),
    `import { createExternalSupportClient, type Integration } from '${name}';\nexport async function run() {\n${usage.replace('export const', 'const')}\n  return url;\n}\n`,
  );
  // Every declaration file of the package the consumer reads is checked (no skipLibCheck), under `strict`.
  // `types: []`: the package's declarations need no Node types (they import no `node:` module and declare no
  // global), so the consumer loads none; checking all of @types/node's own declarations took most of this run.
  // TypeScript's default lib files (lib.*.d.ts, lib.dom.d.ts the largest) are TypeScript's, not the package's:
  // skipDefaultLibCheck leaves them out.
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          noEmit: true,
          strict: true,
          skipDefaultLibCheck: true,
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          types: [],
        },
        files: ['esm.mts', 'cjs.cts'],
      },
      null,
      2,
    )}\n`,
  );
  const tsc = run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], { cwd: app });
  check(
    tsc.status === 0,
    'a .mts and a .cts TypeScript consumer of the installed package typecheck',
    tsc.stdout + tsc.stderr,
  );
  await lintersDone();
  console.log(
    `  (package check: ${((Date.now() - startedAt) / 1000).toFixed(1)} s, of which npm pack and its build ${packSeconds} s)`,
  );
} catch (error) {
  if (failures.length === 0) check(false, 'the package check ran to its end', error.stack);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n${failures.length} package check(s) failed`);
  process.exit(1);
}
console.log('package check: all passed');

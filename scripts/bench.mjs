#!/usr/bin/env node
// npm run bench: size and speed, measured (never asserted in tests), written to bench/results.json.
//   size      bytes of dist/esm's JavaScript (raw and gzip), next to openapi-fetch's own
//   overhead  µs per getIntegration through the client vs a bare openapi-fetch GET, same in-memory fetch
//   validate  µs per run-time check of a 200 body (generated validators)
//   contract  wall time of `npm run contract` (mock), Prism start included, median of 3
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './lib/spec.mjs';

const skipContract = process.argv.includes('--no-contract');
execFileSync('bash', [path.join(repoRoot, 'scripts', 'build.sh')], { stdio: 'inherit' });

const { createExternalSupportClient } = await import(path.join(repoRoot, 'dist', 'esm', 'index.js'));
const { default: createClient } = await import('openapi-fetch');
const { responseValidators } = await import(path.join(repoRoot, 'dist', 'esm', 'spec-types.js'));

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return jsFiles(file);
    return file.endsWith('.js') ? [file] : [];
  });
}
function sizeOf(files) {
  const all = Buffer.concat(files.map((f) => readFileSync(f)));
  return { files: files.length, bytes: all.length, gzipBytes: gzipSync(all, { level: 9 }).length };
}

const FLAT = {
  id: 'INTEGRATION_ID',
  brainId: 'BRAIN_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou',
  authType: 'bearer',
  createdAt: '2023-11-07T05:31:56Z',
  updatedAt: '2023-11-07T05:31:56Z',
};
const text = JSON.stringify(FLAT);
const fetch = async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });

async function perCall(label, call, iterations = 5000) {
  for (let i = 0; i < 500; i++) await call(); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await call();
  const micros = Number(process.hrtime.bigint() - started) / 1000 / iterations;
  console.log(`${label}: ${micros.toFixed(1)} µs/call`);
  return Number(micros.toFixed(2));
}

const client = createExternalSupportClient({ auth: { apiKey: 'bench-key' }, fetch, env: {} });
const bare = createClient({ baseUrl: 'https://gateway.jelou.ai/jelouapi', fetch });
const clientMicros = await perCall('client.getIntegration', () => client.getIntegration('PROJECT_ID'));
const bareMicros = await perCall('bare openapi-fetch GET', () =>
  bare.GET('/v1/external-support/{projectId}', { params: { path: { projectId: 'PROJECT_ID' } } }),
);

let validateMicros;
{
  const iterations = 200_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) responseValidators.getIntegration(FLAT);
  validateMicros = Number((Number(process.hrtime.bigint() - started) / 1000 / iterations).toFixed(3));
  console.log(`validate a 200 body: ${validateMicros} µs`);
}

let contract;
if (!skipContract) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'contract.mjs')], {
      cwd: repoRoot,
      stdio: 'ignore',
      env: { ...process.env, JELOU_CONTRACT_TARGET: '' },
    });
    runs.push({ ms: Date.now() - started, exitCode: result.status });
  }
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  contract = { runs, medianMs: sorted[1] };
  console.log(`npm run contract (mock): median ${contract.medianMs} ms over 3 runs`);
}

const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
  size: {
    package: sizeOf(jsFiles(path.join(repoRoot, 'dist', 'esm'))),
    openapiFetch: sizeOf([path.join(repoRoot, 'node_modules', 'openapi-fetch', 'dist', 'index.mjs')]),
  },
  overhead: { clientMicrosPerCall: clientMicros, bareOpenapiFetchMicrosPerCall: bareMicros },
  validate: { microsPerBody: validateMicros },
  ...(contract ? { contract } : {}),
};
mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
writeFileSync(path.join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `size: ${results.size.package.bytes} B (${results.size.package.gzipBytes} B gzip) in ${results.size.package.files} files`,
);
console.log('written to bench/results.json');

#!/usr/bin/env node
// npm run bench: builds dist/, then runs each measurement of the table below in a fresh Node process and writes
// every figure to bench/results.json, with a readable summary on stdout. Figures are measured, never asserted:
// targets are printed beside them, pass or not. Speed is compared interleaved against peers, as ratios with their
// median and range (see bench/lib/stats.mjs).
//
//   npm run bench                      everything (a few minutes)
//   npm run bench -- loopback heap     only those rows (the other rows of bench/results.json are kept)
//   npm run bench -- --no-contract     everything but the contract wall time
//
// Adding a measurement: write bench/<name>.mjs exporting `default async function measure()` that resolves to
// `{ figures, summary }` (figures: JSON for the results file; summary: lines for the terminal), then add one row.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One row per measurement: its key in the results file, its module, a title, Node flags for its process. */
const measurements = [
  { id: 'size', file: 'bench/size.mjs', title: 'Size: bundled + minified + gzip -9, as a user bundler sees it' },
  { id: 'coldImport', file: 'bench/import.mjs', title: 'Cold import(), fresh processes, vs openapi-fetch' },
  { id: 'inMemory', file: 'bench/in-memory.mjs', title: 'In-memory fetch: cost per call vs openapi-fetch + auth' },
  { id: 'loopback', file: 'bench/loopback.mjs', title: 'Loopback HTTP/1.1 keep-alive, server in its own process' },
  {
    id: 'heap',
    file: 'bench/heap.mjs',
    title: 'Heap growth, one long-lived AbortSignal',
    nodeFlags: ['--expose-gc', '--no-warnings'],
  },
  {
    id: 'webhookVerify',
    file: 'bench/webhook-verify.mjs',
    title: 'Webhook verification (1 kB) and the webhooks entry size',
  },
  { id: 'contract', file: 'bench/contract.mjs', title: 'npm run contract wall time (Prism mock)' },
];

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((id) => !measurements.some((m) => m.id === id));
if (unknown.length > 0) {
  console.error(`unknown measurement(s): ${unknown.join(', ')}; known: ${measurements.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const selected = measurements.filter(
  (m) => (only.length === 0 || only.includes(m.id)) && !(m.id === 'contract' && args.includes('--no-contract')),
);

execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });

const resultsFile = path.join(repoRoot, 'bench', 'results.json');
let previous = {};
try {
  previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  previous = {};
}
const results = { ...(previous.results ?? {}) };
const scratch = mkdtempSync(path.join(tmpdir(), 'jelou-bench-'));
let failed = 0;
try {
  for (const m of selected) {
    console.log(`\n▶ ${m.title}`);
    const out = path.join(scratch, `${m.id}.json`);
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      [...(m.nodeFlags ?? []), path.join(repoRoot, 'bench', 'lib', 'child.mjs'), path.join(repoRoot, m.file), out],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: withoutJelouVariables() },
    );
    if (child.status !== 0 || !existsSync(out)) {
      console.log(`  ✘ ${m.file} failed (exit ${child.status})`);
      failed++;
      continue;
    }
    const { figures, summary } = JSON.parse(readFileSync(out, 'utf8'));
    for (const line of summary) console.log(`  ${line}`);
    results[m.id] = {
      title: m.title,
      measuredAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      summary,
      figures,
    };
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const document = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadAverageAtEnd: loadavg() },
  results,
};
writeFileSync(resultsFile, `${JSON.stringify(document, null, 2)}\n`);
console.log(`\nwritten to bench/results.json${failed ? ` (${failed} measurement(s) failed)` : ''}`);
process.exit(failed ? 1 : 0);

function withoutJelouVariables() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JELOU_')));
}

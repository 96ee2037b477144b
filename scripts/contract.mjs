// `npm run contract`: runs the contract suite through the real client against Prism, then prints the report and
// writes it as JSON and JUnit XML.
//   JELOU_CONTRACT_TARGET unset or `mock`: Prism mocks openapi/ (tests/contract/mock/).
//   JELOU_CONTRACT_TARGET=live: Prism validates, as a proxy, the answers of JELOU_BASE_URL (tests/contract/live/);
//     needs JELOU_PROJECT_ID and JELOU_API_KEY (or JELOU_CLIENT_ID + JELOU_CLIENT_SECRET); reads only, unless
//     JELOU_CONTRACT_WRITE=1 (the PATCH, restored), JELOU_CONTRACT_CONVERSATION=1 (start, get, send, close; with
//     JELOU_BOT_ID, JELOU_USER_ID, JELOU_SIGNING_SECRET), JELOU_CONTRACT_DESTRUCTIVE=<project id again> (create,
//     regenerate, delete). The report ends with a verdict on each x-jelou-discrepancies entry the run could test.
//   JELOU_CONTRACT_SPEC: another spec file to test against; JELOU_CONTRACT_REPORTS_DIR: where reports go.
//   `npm run contract -- getIntegration updateIntegration` (mock only): runs only those operations' test files
//     (tests/contract/mock/<operationId>.test.ts); the report calls the other operations not selected.
// Jest (which starts and stops Prism in its global setup/teardown) runs in its own process group, so that on
// Ctrl-C or any failure every process it started, Prism included, is gone before this script exits.
// Exit code: 0 when every row passed, 1 on any failure, 2 on a configuration error (nothing started or sent),
// 128 + signal number when interrupted. Credentials are replaced by *** in everything printed or written.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configProblems, DEFAULT_LIVE_BASE_URL, liveSkipReasons, selectionProblems } from './lib/contract-config.mjs';
import { judgeDiscrepancies, renderVerdicts } from '../src/spec/verdicts.mjs';
import { toJUnit } from './lib/contract-report/junit.mjs';
import { onLines } from './lib/on-lines.mjs';
import { redactDeep, redactorFor } from './lib/contract-report/redact.mjs';
import {
  buildRows,
  operationSummaries,
  operationsOfSpec,
  parseJsonLines,
  totalsOf,
} from './lib/contract-report/rows.mjs';
import { renderFailures, renderNotes, renderOperationSummaries, renderTable } from './lib/contract-report/terminal.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** How long Prism and the rest of jest's processes get to exit after jest itself, before they are killed. */
const GROUP_EXIT_GRACE_MS = 5000;
const EXIT_CONFIG_ERROR = 2;

const env = process.env;
const startedAt = new Date();
const startedMs = performance.now();
const redact = redactorFor(env);
const out = (text = '') => process.stdout.write(`${redact(text)}\n`);
const err = (text = '') => process.stderr.write(`${redact(text)}\n`);
const useColor = Boolean(process.stdout.isTTY) && !env.NO_COLOR;

const problems = configProblems(env);
if (problems.length > 0) {
  err(
    [
      `Cannot run the live contract suite; nothing was started and nothing was sent. Missing or invalid:`,
      ...problems.map((p) => `  - ${p}`),
      '',
      'Set them and run again, e.g.:',
      '  JELOU_CONTRACT_TARGET=live JELOU_PROJECT_ID=<project id> JELOU_API_KEY=<api key> npm run contract',
      `Optional: JELOU_BASE_URL (default ${DEFAULT_LIVE_BASE_URL}), JELOU_CONTRACT_WRITE=1 to also run the PATCH`,
      'test (it restores the original webhookUrl afterwards).',
    ].join('\n'),
  );
  process.exit(EXIT_CONFIG_ERROR);
}
// The operations named on the command line, if any: only their test files run.
const selected = process.argv.slice(2);
const badSelection = selectionProblems(selected, env);
if (badSelection.length > 0) {
  err(
    [
      'Cannot run the contract suite; nothing was started:',
      ...badSelection.map((p) => `  - ${p}`),
      '',
      'Name operations of the spec to run only their tests against the mock, e.g.:',
      '  npm run contract -- getIntegration updateIntegration',
    ].join('\n'),
  );
  process.exit(EXIT_CONFIG_ERROR);
}

const live = env.JELOU_CONTRACT_TARGET === 'live';
const write = live && env.JELOU_CONTRACT_WRITE === '1';
const baseUrl = live ? (env.JELOU_BASE_URL?.trim() || DEFAULT_LIVE_BASE_URL).replace(/\/+$/, '') : undefined;
const specFile = env.JELOU_CONTRACT_SPEC ? path.resolve(env.JELOU_CONTRACT_SPEC) : undefined;
const reportsDir = path.resolve(env.JELOU_CONTRACT_REPORTS_DIR || path.join(repoRoot, 'reports'));
const recordsFile = path.join(reportsDir, '.records.jsonl');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'jelou-contract-'));
const resultsFile = path.join(scratch, 'results.jsonl');
// A signing secret issued by the destructive run: written here by the test, printed once below, then deleted.
const secretFile = path.join(scratch, 'signing-secret.json');
mkdirSync(reportsDir, { recursive: true });
writeFileSync(recordsFile, '');
writeFileSync(resultsFile, '');

// The spec's operations (for the coverage rows), read while jest runs.
const specOperations = (async () => {
  // Imported here, not at the top: a configuration error should not wait for the YAML parser to load.
  const { readContractSpec } = await import('./lib/contract-spec.mjs');
  const { spec, root } = await readContractSpec(repoRoot, specFile);
  return {
    operations: operationsOfSpec(spec),
    discrepancies: spec.parsed?.['x-jelou-discrepancies'] ?? spec['x-jelou-discrepancies'] ?? [],
    root,
  };
})().catch((error) => ({ error }));

// ---------------------------------------------------------------------------------------------------------------
// Jest, in its own process group.

function redactingPipe(source, target) {
  onLines(source, (lines) => target.write(redact(lines)));
}

/** Pids of the live (non-zombie) processes of a process group, from /proc; undefined where there is no /proc. */
function livePidsOfGroup(pgid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  return entries.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may contain spaces and parentheses, so parse after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  });
}

function groupAlive(pgid) {
  const pids = livePidsOfGroup(pgid);
  if (pids !== undefined) return pids.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/** Waits until no process of the group is left, killing what remains after the grace period. */
async function reapGroup(pgid) {
  const deadline = Date.now() + GROUP_EXIT_GRACE_MS;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!groupAlive(pgid)) return true;
  killGroup(pgid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  return false;
}

function runJest() {
  const jestBin = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  const args = [
    jestBin,
    '--selectProjects',
    'contract',
    '--testPathPattern',
    live
      ? 'tests/contract/live/'
      : selected.length > 0
        ? `tests/contract/mock/(${selected.join('|')})\\.test\\.ts$`
        : 'tests/contract/mock/',
    '--ci',
    '--reporters',
    'summary',
    '--reporters',
    path.join(repoRoot, 'scripts', 'lib', 'contract-reporter.cjs'),
    // One request at a time against the real API, the files in a fixed order (destructive last).
    ...(live ? ['--runInBand', '--testSequencer', path.join(repoRoot, 'scripts', 'lib', 'live-sequencer.cjs')] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      JELOU_CONTRACT_TARGET: live ? 'live' : 'mock',
      ...(baseUrl ? { JELOU_BASE_URL: baseUrl } : {}),
      ...(specFile ? { JELOU_CONTRACT_SPEC: specFile } : {}),
      JELOU_CONTRACT_RECORDS: recordsFile,
      JELOU_CONTRACT_RESULTS: resultsFile,
      JELOU_CONTRACT_SECRET_FILE: secretFile,
      FORCE_COLOR: useColor ? '1' : '0',
    },
  });
  redactingPipe(child.stdout, process.stdout);
  redactingPipe(child.stderr, process.stderr);

  let interrupted;
  let hardKill;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = signal;
    err(`\n${signal}: stopping the contract run (Prism included)…`);
    killGroup(child.pid, signal);
    hardKill = setTimeout(() => killGroup(child.pid, 'SIGKILL'), GROUP_EXIT_GRACE_MS);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, spawnError: error, interrupted }));
    child.once('close', async (code, signal) => {
      const clean = await reapGroup(child.pid);
      clearTimeout(hardKill);
      resolve({ code, signal, interrupted, clean });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

function readLines(file) {
  try {
    return parseJsonLines(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}

function runRows(run, results, spec) {
  const rows = [];
  const fail = (what, expected, got) =>
    rows.push({ operation: '(run)', case: what, expected, got, result: 'fail', failure: got });
  if (spec.error) fail('spec', 'the spec bundles', `cannot read the spec: ${spec.error.message}`);
  if (run.spawnError) fail('jest', 'jest starts', `could not start jest: ${run.spawnError.message}`);
  if (run.interrupted) fail('interrupted', 'the run completes', `stopped by ${run.interrupted}; the report is partial`);
  const complete = results.find((entry) => entry.type === 'complete');
  const files = results.filter((entry) => entry.type === 'file');
  if (!run.spawnError && !run.interrupted) {
    const ended = run.signal ?? `exit ${run.code}`;
    const anyFailure = files.some((f) => f.error || f.tests.some((t) => t.status === 'failed'));
    if (!complete) {
      fail('jest', 'jest completes the run', `jest ended (${ended}) without results; see its output above`);
    } else if (complete.numTotalTests === 0) {
      fail('jest', 'at least one contract test', 'jest found no tests');
    } else if (run.code !== 0 && !anyFailure) {
      fail('jest', 'jest exits 0', `jest ended (${ended}) with no failing test; see its output above`);
    }
  }
  for (const name of spec.error ? [] : selected) {
    if (!spec.operations.some((op) => op.operationId === name)) {
      fail('selection', 'operations of the spec', `${name} is not an operation of the spec`);
    }
  }
  if (run.clean === false) {
    fail(
      'cleanup',
      'Prism and jest exit by themselves',
      `some processes were still running ${GROUP_EXIT_GRACE_MS} ms after jest and were killed`,
    );
  }
  return rows;
}

const run = await runJest();
const spec = await specOperations;
const results = readLines(resultsFile);
const records = readLines(recordsFile);
let issuedSecret;
try {
  issuedSecret = JSON.parse(readFileSync(secretFile, 'utf8'));
} catch {
  issuedSecret = undefined;
}
rmSync(scratch, { recursive: true, force: true });

// Which docs are true: what each live request showed, judged per discrepancy. The bodies are read here only and
// dropped from the records before anything is written (they may carry a signing secret).
const observations = records.flatMap((entry) =>
  (entry.evidence ?? []).map((evidence) => ({ operation: entry.operation, ...evidence })),
);
for (const entry of records) {
  if (entry.evidence) {
    entry.evidence = entry.evidence.map((evidence) => {
      const kept = { ...evidence };
      delete kept.body;
      return kept;
    });
  }
}
const verdicts = live && !spec.error ? judgeDiscrepancies(spec.discrepancies ?? [], observations) : undefined;

const operations = spec.error ? [] : spec.operations;
const files = results.filter((entry) => entry.type === 'file');
const rows = [
  ...runRows(run, results, spec),
  ...buildRows({
    files,
    records,
    operations,
    readOnly: live && !write,
    root: repoRoot,
    ...(live ? { skipReasons: liveSkipReasons(env) } : {}),
    ...(selected.length > 0 ? { selected } : {}),
  }),
].map((row) => (row.file ? { ...row, file: path.relative(repoRoot, row.file) } : row));
const totals = totalsOf(rows);

/** How the closing count relates to jest's and to the table's rows (one or two short lines). */
function describeCount(t) {
  const testCount = t.tests.passed + t.tests.failed + t.tests.skipped;
  const checkCount = t.checks.passed + t.checks.failed + t.checks.skipped;
  const extraRows = t.rows - testCount - checkCount;
  const lines = [`Counted as jest counts: ${testCount} test(s). The table has ${t.rows} rows:`];
  if (extraRows > 0) lines[0] += ` +${extraRows} case(s) from tests that record several;`;
  lines[0] += ` +${checkCount} report check(s)`;
  if (checkCount > 0) {
    const skipped = t.checks.skipped > 0 ? `, ${t.checks.skipped} skipped` : '';
    lines.push(
      `  (coverage, run problems: ${t.checks.passed} passed, ${t.checks.failed} failed${skipped}; a failed check counts as failed below)`,
    );
  }
  return lines.join('\n');
}
const durationMs = Math.round(performance.now() - startedMs);
const specLabel = path.relative(repoRoot, spec.root ?? specFile ?? path.join(repoRoot, 'openapi', 'openapi.yaml'));
const report = redactDeep(
  {
    target: live ? 'live' : 'mock',
    ...(live ? { baseUrl, write } : {}),
    spec: specLabel.startsWith('..') ? (spec.root ?? specFile) : specLabel,
    ...(selected.length > 0 ? { selected } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs,
    jest: { exitCode: run.code, signal: run.signal ?? null, interrupted: run.interrupted ?? null },
    totals,
    operations: operationSummaries(rows, operations),
    notes: rows.filter((row) => row.note).map((row) => ({ operation: row.operation, case: row.case, note: row.note })),
    rows,
    ...(verdicts ? { verdicts } : {}),
  },
  redact,
);
writeFileSync(path.join(reportsDir, 'contract.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(reportsDir, 'contract.junit.xml'), toJUnit(report));
// The raw records stay for debugging, redacted like everything else.
writeFileSync(recordsFile, records.map((entry) => `${JSON.stringify(redactDeep(entry, redact))}\n`).join(''));

const where = live
  ? `live: ${baseUrl} through a validating Prism proxy (${write ? 'reads and writes' : 'read-only'})`
  : `mock: Prism mock of the spec${selected.length > 0 ? ` (only ${selected.join(', ')})` : ''}`;
out('');
out(`Contract report — ${where}; spec ${report.spec}`);
out('');
// On a terminal the table fits its width (long cells wrap); into a pipe or a file every cell is printed whole.
out(renderTable(report.rows, process.stdout.isTTY ? { width: process.stdout.columns, color: useColor } : {}));
const failures = renderFailures(report.rows);
if (failures) out(`\n${failures}`);
if (live) out(`\n${renderOperationSummaries(report.operations)}`);
const notes = renderNotes(report.rows);
if (notes) out(`\n${notes}`);
if (report.verdicts) out(`\n${renderVerdicts(report.verdicts)}`);
if (issuedSecret?.secret) {
  // Once, on stdout only (never in a report or on stderr), and not through the redactor (it is not a credential of
  // the environment): the previous secret no longer works.
  process.stdout.write(
    `\nNEW SIGNING SECRET (from ${issuedSecret.issuedBy}); store it now, it is shown only this once and the ` +
      `previous one no longer works:\n  ${issuedSecret.secret}\n`,
  );
}
out('');
const shownDir = path.relative(process.cwd(), reportsDir);
const dirLabel = shownDir.startsWith('..') || path.isAbsolute(shownDir) ? reportsDir : shownDir || '.';
out(`Reports: ${path.join(dirLabel, 'contract.json')}`);
out(`         ${path.join(dirLabel, 'contract.junit.xml')}`);
out(describeCount(totals));
out(`Wall time ${(durationMs / 1000).toFixed(1)} s`);
out(`${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);

const signalExit = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
process.exitCode = run.interrupted ? (signalExit[run.interrupted] ?? 1) : totals.failed > 0 || run.code !== 0 ? 1 : 0;

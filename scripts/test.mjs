// `npm test`: everything a change must pass. Spec lint, TS lint/format, generated-code drift, typecheck, unit and
// spec tests, build and package checks on the packed tarball, the contract suite (Prism mock), the contract runner
// itself, the jelou CLI (the built bin against the stand-in), and the scripts a user runs by hand (npm run mock;
// npm run docs, opened in headless Chromium; the example panel). Ends with one total line.
//
// The stages are independent but for dist/: the package check builds it once (npm pack's prepack), and the CLI and
// script tests, which run the built package, start after it. They run side by side, longest first, as many at a
// time as there are CPUs, and one more while a CPU sits idle (several stages spend much of their time waiting on
// timers, servers or a browser); JELOU_TEST_JOBS=N runs exactly N at a time. Each stage's output is printed whole
// when it ends.
//   node scripts/test.mjs [stage id …]   only the stages named (ids: see `stages` below)
import os from 'node:os';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idleCpuSampler } from './lib/idle-cpus.mjs';
import { runStages, signalExitCode } from './lib/stages.mjs';
import { testTotals } from './lib/test-totals.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(repoRoot, '.tmp', 'test-results');
const logDir = path.join(results, 'logs');
const scripts = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts;

// Colour only on a terminal, and never under NO_COLOR (https://no-color.org). Off a terminal NO_COLOR=1 reaches
// every tool (Prettier's colours switch on at the mere presence of FORCE_COLOR, even FORCE_COLOR=0); jest reads
// FORCE_COLOR=0 instead, given to it alone. On a terminal jest is told to colour its output (which goes to a log
// file first); the other tools print in colour only what a failure shows, and plain text is enough there.
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const env = {
  ...process.env,
  PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
};
if (!color) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}
// Every stage but the package check talks only to loopback servers (or to no one), so its Node processes start
// without NODE_EXTRA_CA_CERTS: Node 20 parses every certificate of that file at each start, TLS or not (~50 ms of CPU
// per process with a system bundle of ~140 certificates), and the stages start several hundred processes (jest and
// its workers, Prism, the CLI runs). The package check keeps it: its scratch install may reach the registry.
const extraCaCerts = env.NODE_EXTRA_CA_CERTS;
delete env.NODE_EXTRA_CA_CERTS;
const header = (text) => (color ? `\u001b[1m${text}\u001b[0m` : text);

/** The package.json scripts named, run by the shell one after the other (as `npm run` would, without npm). */
const npmScripts = (...names) => ['sh', '-c', names.map((name) => scripts[name]).join(' && ')];
/** One jest project, its results written as JSON for the closing count; `args` go to jest as they are. */
const jestProject = (project, ...args) => ({
  command: [
    process.execPath,
    path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    project,
    '--json',
    '--outputFile',
    path.join(results, `${project}.json`),
    ...(color ? ['--color'] : []),
    ...args,
  ],
  ...(color ? {} : { env: { FORCE_COLOR: '0' } }),
  resultFile: path.join(results, `${project}.json`),
});

// In order of priority: the longest first, and the package check early, since two stages wait for its build.
const stages = [
  {
    id: 'runner',
    title: 'runner tests (contract runner, live mode against a local stand-in)',
    ...jestProject('runner'),
  },
  {
    id: 'package',
    title:
      'package: npm pack (prepack builds dist/), attw, publint, the tarball installed and used from ESM, CommonJS, TS',
    command: [process.execPath, path.join(repoRoot, 'scripts', 'check-package.mjs')],
    env: { NODE_EXTRA_CA_CERTS: extraCaCerts },
  },
  { id: 'unit', title: 'unit tests', ...jestProject('unit') },
  { id: 'typecheck', title: 'typecheck', command: npmScripts('typecheck') },
  {
    id: 'scripts',
    title: 'script tests (npm run mock, npm run docs in headless Chromium, the example panel)',
    after: ['package'],
    // Its five files mostly wait (on Prism, Chromium, child processes): three side by side, not jest's one worker
    // per spare CPU (one here), which ran them one after the other.
    ...jestProject('scripts', '--maxWorkers', '3'),
  },
  { id: 'lint', title: 'lint (spec + TypeScript)', command: npmScripts('lint:spec', 'lint:ts') },
  {
    id: 'cli',
    title: 'CLI tests (the built jelou bin as a child process against the stand-in Jelou)',
    after: ['package'],
    ...jestProject('cli'),
  },
  {
    id: 'contract',
    title: 'contract tests (Prism mock)',
    command: npmScripts('contract'),
    env: { JELOU_CONTRACT_REPORTS_DIR: path.join(results, 'contract') },
    resultFile: path.join(results, 'contract', 'contract.json'),
  },
  { id: 'spec', title: 'spec tests (openapi/ against the copies of the documentation pages)', ...jestProject('spec') },
  { id: 'generate', title: 'generate:check (src/generated/ matches openapi/)', command: npmScripts('generate:check') },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !stages.some((stage) => stage.id === id));
if (unknown.length > 0) {
  console.error(`unknown stage(s): ${unknown.join(', ')}; the stages are: ${stages.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? stages.filter((stage) => wanted.includes(stage.id)) : stages;
const cpus = os.availableParallelism();
const slots = Number(process.env.JELOU_TEST_JOBS) || cpus;

rmSync(results, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });
const startedAt = performance.now();
console.log(
  `npm test: ${selected.length} stages, ${slots} at a time${process.env.JELOU_TEST_JOBS ? '' : ' (one more while a CPU is idle)'}; each prints its output when it ends`,
);
const { results: outcomes, interrupted } = await runStages(selected, {
  slots,
  cwd: repoRoot,
  logDir,
  env,
  print: (text) => console.log(text),
  header,
  ...(process.env.JELOU_TEST_JOBS ? {} : { idleCpus: idleCpuSampler(cpus) }),
});

const width = Math.max(...outcomes.map((r) => r.stage.id.length));
console.log(`\n${header('Stages')} (wall time; ${((performance.now() - startedAt) / 1000).toFixed(1)} s in all)`);
for (const { stage, status, reason, seconds } of outcomes) {
  const mark = { passed: '✔', failed: '✘', skipped: '-' }[status];
  console.log(`  ${mark} ${stage.id.padEnd(width)} ${status === 'passed' ? `${seconds.toFixed(1)} s` : reason}`);
}
const totals = testTotals(selected.flatMap((stage) => (stage.resultFile ? [stage.resultFile] : [])));
for (const file of totals.missing) console.log(`  (no results in ${path.relative(repoRoot, file)})`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);

const failed = outcomes.filter((r) => r.status !== 'passed').map((r) => r.stage.id);
if (interrupted) process.exit(signalExitCode(interrupted));
if (failed.length > 0) {
  console.log(`✘ npm test failed: ${failed.join(', ')} (output above)`);
  process.exit(1);
}

// Runs scripts/contract.mjs (`npm run contract`) as a child process with a chosen environment and its own
// reports directory, and collects what it printed and wrote.
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(REPO_ROOT, 'scripts', 'contract.mjs');
/** jest's limit for one test that runs the whole contract suite (a run takes a few seconds). */
export const RUN_TEST_TIMEOUT_MS = 60_000;

/** A row of reports/contract.json. */
export interface ReportRow {
  operation: string;
  case: string;
  expected: string;
  got: string;
  result: 'pass' | 'fail' | 'skip';
  status?: number;
  shape?: string;
  violations?: string[];
  latencyMs?: number;
  note?: string;
  failure?: string;
  /** The test file the row comes from, relative to the repository; absent on the report's own checks. */
  file?: string;
}

/** The per-operation summary of reports/contract.json. */
export interface ReportOperation {
  operationId: string;
  coverage: 'covered' | 'skipped' | 'missing';
  shapes: string[];
  cases: { case: string; status?: number; shape?: string; violations: string[]; latencyMs?: number }[];
}

/** Passed, failed and skipped. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** reports/contract.json, as far as the tests read it. */
export interface Report {
  target: string;
  durationMs: number;
  /** One count per jest test; `checks` are the report's own (coverage, run problems), `rows` the table's length. */
  totals: Counts & { tests: Counts; checks: Counts; rows: number };
  operations: ReportOperation[];
  notes: { operation: string; case: string; note: string }[];
  rows: ReportRow[];
  /** Live runs: a verdict per `x-jelou-discrepancies` entry (src/spec/verdicts.mjs). */
  verdicts?: {
    id: string;
    verdict: 'A' | 'B' | 'both' | 'neither' | 'untested';
    evidence: { request: string; status?: number; shape: string; violationKinds: string[]; saw: string }[];
    suggestion?: string;
  }[];
}

/** What one run printed, wrote and returned. */
export interface ContractRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** reports/contract.json, when it was written. */
  report: Report | undefined;
  /** Every file of the reports directory (dotfiles included), by name. */
  files: Record<string, string>;
}

/** The environment of a run: only what is given (plus PATH and HOME), never the caller's JELOU_* variables. */
function runEnv(env: Record<string, string>, reportsDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    NO_COLOR: '1',
    JELOU_CONTRACT_REPORTS_DIR: reportsDir,
    ...env,
  };
}

/** How to start a run: its command-line arguments (operations to select), and a hook that gets the child. */
export interface RunOptions {
  /** `npm run contract -- <args>`: the operations to run alone. */
  args?: string[];
  /** Gets the child as soon as it started (to signal it, for instance). */
  onStart?: (child: ChildProcess) => void;
}

/** Runs the contract runner to its end. */
export async function runContract(
  env: Record<string, string>,
  { args = [], onStart }: RunOptions = {},
): Promise<ContractRun> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'jelou-runner-test-'));
  try {
    const child = spawn(process.execPath, [RUNNER, ...args], {
      cwd: REPO_ROOT,
      env: runEnv(env, reportsDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    onStart?.(child);
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    const files = Object.fromEntries(
      readdirSync(reportsDir).map((name) => [name, readFileSync(path.join(reportsDir, name), 'utf8')]),
    );
    const reportFile = path.join(reportsDir, 'contract.json');
    const report = existsSync(reportFile) ? (JSON.parse(files['contract.json'] ?? '') as Report) : undefined;
    return { code, stdout, stderr, report, files };
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** Command lines of running processes that match `pattern` (a pgrep -f regex), e.g. a Prism on a given upstream. */
export function processesMatching(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch (error) {
    // pgrep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

/** The Prism (and its guard) started for a given upstream or spec file: `prism-cli` / `prism-guard` + that text. */
export function prismProcessesFor(unique: string): string[] {
  return processesMatching(`prism.*${unique.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** The last non-empty line of a text. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

/** The rows of a report for one operation and case. */
export function rowsOf(report: Report | undefined, operation: string, caseName?: string): ReportRow[] {
  return (report?.rows ?? []).filter(
    (row) => row.operation === operation && (caseName === undefined || row.case === caseName),
  );
}

/** The summary of one operation. */
export function operationOf(report: Report | undefined, operationId: string): ReportOperation | undefined {
  return report?.operations.find((op) => op.operationId === operationId);
}

/** A random value to pass as a credential and then look for in everything a run printed or wrote. */
export function canary(): string {
  return `canary-${randomBytes(12).toString('hex')}`;
}

/** Every place a credential could leak to: terminal output and every file the run wrote. */
export function everything(run: ContractRun): string {
  return [run.stdout, run.stderr, ...Object.entries(run.files).map(([name, text]) => `${name}\n${text}`)].join('\n');
}

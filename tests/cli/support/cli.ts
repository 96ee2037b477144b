// Runs the built `jelou` bin (dist/esm/cli/main.js) as a child process, the way a user's shell does. The bin is
// built first when it is missing or older than src/. Every run checks that no canary secret reached stdout or
// stderr, whatever the command did.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'dist', 'esm', 'cli', 'main.js');

/** Secrets that must never be printed: every run's output is searched for each. */
export const CANARY = {
  apiKey: `canary-api-key-${randomBytes(8).toString('hex')}`,
  clientId: `canary-client-id-${randomBytes(8).toString('hex')}`,
  clientSecret: `canary-client-secret-${randomBytes(8).toString('hex')}`,
  signingSecret: `canary-signing-secret-${randomBytes(8).toString('hex')}`,
  webhookToken: `canary-webhook-token-${randomBytes(8).toString('hex')}`,
};

/** The value, or a test failure naming what was missing (instead of a `!` assertion). */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds dist/ when the bin is missing or older than src/ (npm test builds it in its package step first). */
export function ensureBuilt(): void {
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newest(path.join(REPO, 'src'))) return;
  const result = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The environment of a run: no JELOU_*, NO_COLOR or FORCE_COLOR from the test process (npm test sets NO_COLOR). */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('JELOU_') && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Fails when any canary secret appears in a text (the message names the canary, not its value). */
export function expectNoCanary(text: string, except: readonly string[] = []): void {
  for (const [name, value] of Object.entries(CANARY)) {
    if (except.includes(value)) continue;
    if (text.includes(value)) throw new Error(`the canary ${name} was printed`);
  }
}

/** Runs the bin to completion. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; stdin?: string | Buffer; cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: cliEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        expectNoCanary(stdout);
        expectNoCanary(stderr);
      } catch (error) {
        reject(new Error(`${(error as Error).message} by jelou ${args.join(' ')}`));
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A long-running bin (listen): its stdout lines as they come, and a way to stop it with a signal. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line (lines already read are not returned again). */
  nextLine(timeoutMs?: number): Promise<string>;
  /** Sends SIGINT (Ctrl-C) and resolves when it exits. */
  interrupt(): Promise<CliRun>;
  stderr(): string;
}

export function startCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const all: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  createInterface({ input: child.stdout }).on('line', (line) => {
    all.push(line);
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => stderr,
    nextLine(timeoutMs = 10_000) {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line from jelou ${args.join(' ')}; stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      });
    },
    async interrupt() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const { code, signal } = await exited;
      const stdout = all.join('\n');
      expectNoCanary(stdout);
      expectNoCanary(stderr);
      return { code, signal, stdout, stderr };
    },
  };
}

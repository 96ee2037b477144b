// Starts and stops Prism (mock or validating proxy) on a free local port for the test suites.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A running Prism server. */
export interface PrismServer {
  /** Base URL, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  readonly url: string;
  readonly pid: number;
  /** Everything Prism printed so far. */
  readonly log: () => string;
  /** Stops Prism and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export type PrismMode = { mode: 'mock'; dynamic?: boolean; seed?: string } | { mode: 'proxy'; upstream: string };

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SPEC_PATH = path.join(REPO_ROOT, 'openapi', 'openapi.yaml');
const GUARD = path.join(__dirname, 'prism-guard.cjs');
const LISTENING = /Prism is listening on (http:\/\/[^\s]+)/;
const START_TIMEOUT_MS = 30_000;

function prismArgs(options: PrismMode, spec: string): string[] {
  const common = ['-h', '127.0.0.1', '-p', '0'];
  // The proxy runs without --errors: with it, Prism replaces a live body that breaks the spec by its own 500, and
  // the report could no longer say which shape the live API sent. Violations still come in `sl-violations`, and
  // the client checks every request before sending, so nothing invalid reaches the live API.
  if (options.mode === 'proxy') return ['proxy', spec, options.upstream, ...common];
  return [
    'mock',
    spec,
    ...common,
    '--errors',
    ...(options.dynamic ? ['--dynamic'] : []),
    ...(options.seed ? ['--seed', options.seed] : []),
  ];
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Prism on a free port and resolves once it listens. */
export function startPrism(options: PrismMode = { mode: 'mock' }, spec = SPEC_PATH): Promise<PrismServer> {
  const child = spawn(process.execPath, [GUARD, ...prismArgs(options, spec)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await waitForExit(child);
  };
  return new Promise<PrismServer>((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`Prism did not start: ${reason}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    let listening = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // Looked for until found only: Prism logs every request, and scanning the whole log again on each of them
      // cost the contract run a third of a CPU-second.
      if (listening) return;
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      listening = true;
      clearTimeout(timer);
      // Keep reading (so Prism never blocks on a full pipe) but let the test process exit without waiting.
      child.unref();
      for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
      resolve({
        url: match[1].replace(/\/$/, ''),
        pid: child.pid ?? -1,
        log: () => output,
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(`exited with code ${String(code)}`));
  });
}

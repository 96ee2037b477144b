// esbuild-wasm's own command line, run as a child Node process with V8's baseline WebAssembly compiler only. Its
// JavaScript API would start `node …/esbuild-wasm/bin/esbuild --service` with no flags, and V8 would then compile
// esbuild's WebAssembly twice (quickly, then optimized on background threads): ~4.5 s of CPU for one small bundle,
// spent in a process that outlives the one that started it, so no parent's CPU count shows it. Under
// --liftoff-only the same bundle takes ~0.5 s, byte for byte the same: the flag changes how V8 compiles esbuild, not
// what esbuild does. (The JavaScript API also fails inside jest: its TextEncoder check meets jest's realm.)
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', 'esbuild-wasm', 'bin', 'esbuild');

/**
 * Runs esbuild with the command-line arguments given, from the repository root; returns what it printed (its stdout
 * is a pipe here: esbuild-wasm's command line aborts when stdout is a regular file, so files go through --outfile).
 */
export function esbuild(args: readonly string[]): string {
  return execFileSync(process.execPath, ['--liftoff-only', BIN, ...args, '--log-level=error'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

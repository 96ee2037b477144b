// Runs Prism as a child and makes sure it never outlives whoever started this guard.
// Prism is killed when this guard is told to stop (SIGTERM/SIGINT) or when its stdin closes, which is what
// happens when the parent dies in any way (failed test run, Ctrl-C, SIGKILL): no Prism is ever left running.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const bin = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
// Faker loads on first use only: see scripts/lib/prism-lazy-faker.cjs.
const lazyFaker = path.join(__dirname, '..', '..', 'scripts', 'lib', 'prism-lazy-faker.cjs');
const prism = spawn(process.execPath, ['--require', lazyFaker, bin, ...process.argv.slice(2)], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, FORCE_COLOR: '0' },
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  prism.kill('SIGTERM');
  // Prism normally exits at once; make sure of it.
  setTimeout(() => prism.kill('SIGKILL'), 2000).unref();
}

prism.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();

// The `jelou` bin: wires the process (argv, streams, environment, Ctrl-C) to run.ts. Nothing imports this file;
// importing the package never loads CLI code.
import { run } from './run.js';

const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    // A second Ctrl-C does not wait for the clean-up (listen's restore) to finish.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
}

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
// Let stdout drain (a pipe may still hold data), then leave with the code.
process.exitCode = code;
if (!process.stdout.writableNeedDrain) process.exit(code);
process.stdout.once('drain', () => process.exit(code));

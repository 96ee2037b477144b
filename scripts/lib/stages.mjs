// Runs stages (commands) as child processes, up to `slots` at a time, each once the stages it comes `after` have
// passed; given a reading of idle CPUs, one more while a CPU sits idle (the running stages wait on timers, servers
// or a browser). A stage's stdout and stderr go to its own log file, printed whole when it ends: stages that run
// side by side never interleave their output. A stage whose prerequisite failed is skipped, and says why.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Stage
 * @property {string} id short name (`unit`), also the log file's name
 * @property {string} title what the stage checks, printed above its output
 * @property {string[]} command program and arguments
 * @property {Record<string, string | undefined>} [env] added to (or, when undefined, removed from) the environment
 * @property {string[]} [after] ids of the stages that must have passed first
 *
 * @typedef {object} StageResult
 * @property {Stage} stage
 * @property {'passed' | 'failed' | 'skipped'} status
 * @property {string} [reason] why it failed or was skipped
 * @property {number} seconds wall time
 */

const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
/** How often idle CPUs are read, and how much of a CPU must have been idle meanwhile for one more stage to start. */
const IDLE_CHECK_MS = 1000;
const IDLE_CPU_TO_START = 0.75;

/**
 * Runs `stages` in their listed order of priority; resolves with one result per stage, in that order.
 * @param {Stage[]} stages
 * @param {{ slots: number, cwd: string, logDir: string, env: NodeJS.ProcessEnv,
 *   print: (text: string) => void, header: (text: string) => string,
 *   idleCpus?: () => number | undefined }} options `idleCpus`: CPUs idle since its previous call
 * @returns {Promise<{ results: StageResult[], interrupted?: NodeJS.Signals }>}
 */
export function runStages(stages, { slots, cwd, logDir, env, print, header, idleCpus }) {
  /** @type {Map<string, StageResult>} */
  const done = new Map();
  /** @type {Map<string, import('node:child_process').ChildProcess>} */
  const running = new Map();
  const waiting = [...stages];
  /** @type {NodeJS.Signals | undefined} */
  let interrupted;

  return new Promise((resolve) => {
    const finish = (result) => {
      done.set(result.stage.id, result);
      const { stage, status, reason, seconds } = result;
      const outcome = status === 'passed' ? `passed in ${seconds.toFixed(1)} s` : `${status}: ${reason}`;
      const log = status === 'skipped' ? '' : readFileSync(path.join(logDir, `${stage.id}.log`), 'utf8');
      print(`\n${header(`▶ ${stage.title} — ${outcome}`)}\n${log}${log && !log.endsWith('\n') ? '\n' : ''}`);
      schedule();
    };

    const start = (stage, why) => {
      const logFile = path.join(logDir, `${stage.id}.log`);
      const fd = openSync(logFile, 'w');
      const started = performance.now();
      const stageEnv = Object.fromEntries(
        Object.entries({ ...env, ...stage.env }).filter(([, value]) => value !== undefined),
      );
      const [program, ...args] = stage.command;
      const child = spawn(program, args, { cwd, env: stageEnv, stdio: ['ignore', fd, fd] });
      running.set(stage.id, child);
      print(`  … ${stage.title}: started${why ? ` (${why})` : ''}`);
      const ended = (status, reason) => {
        if (!running.delete(stage.id)) return;
        closeSync(fd);
        finish({ stage, status, reason, seconds: (performance.now() - started) / 1000 });
      };
      child.once('error', (error) => ended('failed', `could not start ${program}: ${error.message}`));
      child.once('close', (code, signal) =>
        code === 0 ? ended('passed') : ended('failed', signal ? `stopped by ${signal}` : `exit code ${code}`),
      );
    };

    /** Starts what is ready while fewer than `limit` run, and resolves once everything has ended. */
    const schedule = (limit = slots, why = undefined) => {
      for (let i = 0; i < waiting.length; ) {
        const stage = waiting[i];
        const needs = (stage.after ?? []).filter((id) => stages.some((s) => s.id === id));
        const blocker = needs.find((id) => done.has(id) && done.get(id).status !== 'passed');
        if (interrupted || blocker) {
          waiting.splice(i, 1);
          const reason = interrupted ? `not started (${interrupted})` : `needs "${blocker}", which did not pass`;
          done.set(stage.id, { stage, status: 'skipped', reason, seconds: 0 });
          print(`\n${header(`▶ ${stage.title} — skipped: ${reason}`)}`);
          continue;
        }
        if (running.size < limit && needs.every((id) => done.has(id))) {
          waiting.splice(i, 1);
          start(stage, why);
          continue;
        }
        i += 1;
      }
      if (waiting.length === 0 && running.size === 0) {
        clearInterval(idleCheck);
        for (const signal of Object.keys(SIGNAL_EXIT)) process.off(signal, onSignal);
        resolve({ results: stages.map((stage) => done.get(stage.id)), interrupted });
      }
    };

    // Ctrl-C reaches every stage from the terminal; a signal sent to this process alone is passed on. Either way
    // nothing new starts, and the stages that were running still print what they wrote.
    const onSignal = (signal) => {
      if (interrupted) return;
      interrupted = signal;
      print(`\n${signal}: stopping the running stages (${[...running.keys()].join(', ')})…`);
      for (const child of running.values()) child.kill(signal);
      schedule();
    };
    for (const signal of Object.keys(SIGNAL_EXIT)) process.on(signal, onSignal);
    // Read every second (each reading covers the second before it); acted on only when every slot is taken.
    const idleCheck =
      idleCpus &&
      setInterval(() => {
        const idle = idleCpus();
        if (idle !== undefined && idle >= IDLE_CPU_TO_START && running.size === slots && !interrupted) {
          schedule(slots + 1, `${idle.toFixed(1)} CPU idle`);
        }
      }, IDLE_CHECK_MS);
    schedule();
  });
}

/** The exit code of a process interrupted by `signal`. */
export function signalExitCode(signal) {
  return SIGNAL_EXIT[signal] ?? 1;
}

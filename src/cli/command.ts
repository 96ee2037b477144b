// One command of the CLI: its flags (node:util parseArgs), its help text with an example, and what it runs.
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { Output } from './output.js';

/** The flags parseArgs knows, by name. */
export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** The process around a command: its streams, environment and working directory, and the Ctrl-C signal. */
export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}

/** What a command runs with. */
export interface Context {
  readonly positionals: readonly string[];
  /** The parsed flags (strings, booleans, string lists). */
  readonly flags: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly io: Io;
  readonly out: Output;
  readonly debug: boolean;
}

/** A command: `jelou <name…> [args] [flags]`. */
export interface Command {
  /** The words after `jelou`, e.g. `['integration', 'get']`. */
  readonly name: readonly string[];
  /** One line for the command list. */
  readonly summary: string;
  /** Arguments as the usage line shows them, e.g. `[PROJECT_ID]`. */
  readonly usage: string;
  /** More help: flags and what the command does. */
  readonly details: string;
  /** At least one example, shown under `--help`. */
  readonly examples: readonly string[];
  readonly flags: FlagSpec;
  /** How many positionals at most. */
  readonly maxPositionals: number;
  /** Resolves to the exit code; nothing means 0. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a command that just succeeds returns nothing
  run(context: Context): Promise<number | void>;
}

/** Flags every command takes. */
export const GLOBAL_FLAGS = {
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'no-color': { type: 'boolean' },
} as const satisfies FlagSpec;

/** Parses a command's arguments; unknown flags and extra arguments are usage errors. */
export function parseCommandArgs(
  command: Command,
  argv: readonly string[],
): { positionals: string[]; flags: Record<string, string | boolean | string[] | undefined> } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...GLOBAL_FLAGS, ...command.flags },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs' messages are one line and name the flag; they never hold a secret (no credential is a flag).
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const flags = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (!flags.help && parsed.positionals.length > command.maxPositionals) {
    throw new UsageError(`unexpected argument: ${parsed.positionals[command.maxPositionals]}`);
  }
  return { positionals: parsed.positionals, flags };
}

/** The `--help` text of a command. */
export function commandHelp(command: Command): string {
  const lines = [
    `Usage: jelou ${command.name.join(' ')}${command.usage ? ` ${command.usage}` : ''}`,
    '',
    command.summary,
    '',
    command.details.trimEnd(),
    '',
    'Global flags: --json (machine-readable output), --debug (stack traces), --no-color, -h/--help.',
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ];
  return lines.join('\n');
}

/** A string flag's value, or undefined. */
export function stringFlag(context: Context, name: string): string | undefined {
  const value = context.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string flag that must be given. */
export function requiredFlag(context: Context, name: string): string {
  const value = stringFlag(context, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A repeated string flag's values. */
export function listFlag(context: Context, name: string): string[] {
  const value = context.flags[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

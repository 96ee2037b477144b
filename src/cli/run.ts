// The CLI's dispatcher: finds the command from the first words, parses its flags, runs it, and maps what it throws
// onto one line and an exit code (0 success, 1 API or verification failure, 2 usage or configuration, 130
// interrupted). A stack is printed only with --debug; SDK errors already carry no secret, and the output scrubs the
// environment's credentials from every line anyway.
import { JelouError, ValidationError, VERSION } from '../index.js';
import { commandHelp, parseCommandArgs, type Command, type Context, type Io } from './command.js';
import { conversationCommands } from './commands/conversation.js';
import { doctorCommands } from './commands/doctor.js';
import { integrationCommands } from './commands/integration.js';
import { listenCommands } from './commands/listen.js';
import { replayCommands } from './commands/replay.js';
import { sendCommands } from './commands/send.js';
import { signCommands } from './commands/sign.js';
import { triggerCommands } from './commands/trigger.js';
import { registerEnvSecrets } from './env.js';
import { CliFailure, EXIT, Interrupted, UsageError } from './errors.js';
import { Output, useColor } from './output.js';

/** Every command, in the order `jelou --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...integrationCommands,
  ...conversationCommands,
  ...sendCommands,
  ...signCommands,
  ...triggerCommands,
  ...listenCommands,
  ...replayCommands,
  ...doctorCommands,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.join(' ').length));
  return [
    `jelou ${VERSION}: the dev loop for Jelou's External Support API (listen, trigger, send, doctor).`,
    '',
    'Usage: jelou <command> [arguments] [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Credentials come only from the environment, never from flags, and are never printed:',
    '  JELOU_API_KEY (or JELOU_CLIENT_ID + JELOU_CLIENT_SECRET), JELOU_SIGNING_SECRET, JELOU_PROJECT_ID,',
    '  JELOU_BASE_URL, JELOU_MESSAGES_BASE_URL.',
    'Every command takes --json, --debug, --no-color and --help (with an example).',
    'Exit codes: 0 success, 1 API or verification failure, 2 usage or configuration error (nothing sent), 130 interrupted.',
    '',
    'Example:',
    '  JELOU_API_KEY=… jelou integration get PROJECT_ID --json',
  ].join('\n');
}

/** The command named by the first words of argv, and the rest. */
export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const command of COMMANDS) {
    if (command.name.every((word, i) => argv[i] === word) && command.name.length > (best?.name.length ?? 0)) {
      best = command;
    }
  }
  return best && { command: best, rest: argv.slice(best.name.length) };
}

function groupHelp(group: string): string | undefined {
  const members = COMMANDS.filter((c) => c.name[0] === group && c.name.length > 1);
  if (members.length === 0) return undefined;
  return [
    `Usage: jelou ${group} <${members.map((c) => c.name[1]).join('|')}> [arguments] [flags]`,
    '',
    ...members.map((c) => `  ${c.name.join(' ')}  ${c.summary}`),
    '',
    `Run \`jelou ${members[0]?.name.join(' ')} --help\` for flags and an example.`,
  ].join('\n');
}

/** Runs the CLI on argv (without `node` and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  const debug = argv.includes('--debug');
  const out = new Output({
    stdout: io.stdout,
    stderr: io.stderr,
    json,
    color: useColor(io.stdout as { isTTY?: boolean }, io.env, argv.includes('--no-color')),
  });
  registerEnvSecrets({ io, out });
  const fail = (code: number, message: string, error?: unknown): number => {
    if (json) out.info(JSON.stringify({ error: message, exitCode: code }));
    else out.info(`${out.red('error')}: ${message}`);
    if (debug && error instanceof Error && error.stack) out.info(error.stack);
    return code;
  };

  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    out.line(mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    out.line(VERSION);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = groupHelp(first);
    if (group !== undefined && (argv[1] === undefined || argv[1] === '--help' || argv[1] === '-h')) {
      out.line(group);
      return argv[1] === undefined ? EXIT.usage : EXIT.ok;
    }
    const what = group === undefined ? `unknown command: ${first}` : `unknown command: ${first} ${argv[1] ?? ''}`;
    return fail(EXIT.usage, `${what.trim()} (run \`jelou --help\`)`);
  }
  const { command, rest } = found;
  try {
    const { positionals, flags } = parseCommandArgs(command, rest);
    if (flags.help) {
      out.line(commandHelp(command));
      return EXIT.ok;
    }
    const context: Context = { positionals, flags, io, out, debug };
    const code = await command.run(context);
    return typeof code === 'number' ? code : EXIT.ok;
  } catch (error) {
    return fail(exitCodeOf(error, io.signal), messageOf(error), error);
  }
}

/** Which exit code an error means. */
export function exitCodeOf(error: unknown, signal: AbortSignal): number {
  if (error instanceof Interrupted || signal.aborted) return EXIT.interrupted;
  if (error instanceof UsageError || error instanceof ValidationError) return EXIT.usage;
  if (error instanceof CliFailure || error instanceof JelouError) return EXIT.failure;
  return EXIT.failure;
}

/** One line: the SDK's message (already free of secrets), or the CLI's own. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const line = error.message.split('\n')[0] ?? '';
    return error instanceof UsageError || error instanceof CliFailure || error instanceof JelouError
      ? line
      : `${error.name}: ${line}`;
  }
  return String(error);
}

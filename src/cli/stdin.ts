// Reading stdin: a whole body (sign, verify, a webhook credential) or a yes/no confirmation on a terminal.
import { createInterface } from 'node:readline/promises';
import type { Context } from './command.js';
import { Interrupted, UsageError } from './errors.js';

/** The whole of stdin, as bytes. Refuses a terminal: the command wants piped input. */
export async function readStdin(context: Context, what: string): Promise<Buffer> {
  const { stdin } = context.io;
  if (stdin.isTTY) throw new UsageError(`${what} is read from stdin: pipe it in (e.g. \`< body.json\`)`);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Asks a yes/no question on stderr; true only for `y`/`yes`. `--yes` answers for the user; without a terminal and
 * without `--yes` it is a usage error (nothing is done).
 */
export async function confirm(context: Context, question: string): Promise<boolean> {
  if (context.flags.yes === true) return true;
  if (!context.io.stdin.isTTY) {
    throw new UsageError(`${question.replace(/\?$/, '')}: confirm with --yes (stdin is not a terminal)`);
  }
  const rl = createInterface({ input: context.io.stdin, output: context.io.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `, { signal: context.io.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if (context.io.signal.aborted) throw new Interrupted();
    throw error;
  } finally {
    rl.close();
  }
}

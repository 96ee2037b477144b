// jelou conversation start|close|get: the conversation calls.
import type { CloseConversationInput, StartConversationInput } from '../../index.js';
import { listFlag, requiredFlag, stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf } from '../env.js';
import { UsageError } from '../errors.js';

const ASSIGNMENT_TYPES = ['queue', 'operator', 'team'] as const;

function printResult(context: Context, value: unknown): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    context.out.record(value as Record<string, unknown>);
  } else if (context.out.json) context.out.jsonLine(value ?? null);
  else context.out.line(value === undefined ? 'done' : JSON.stringify(value));
}

/** `--assign queue:SUPPORT` → `{ type: 'queue', target: 'SUPPORT' }`. */
export function assignmentOf(value: string): { type: (typeof ASSIGNMENT_TYPES)[number]; target: string } {
  const colon = value.indexOf(':');
  const type = value.slice(0, colon);
  const target = value.slice(colon + 1);
  if (colon <= 0 || target === '' || !(ASSIGNMENT_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(`--assign takes TYPE:TARGET with TYPE one of ${ASSIGNMENT_TYPES.join(', ')} (not ${value})`);
  }
  return { type: type as (typeof ASSIGNMENT_TYPES)[number], target };
}

/** `--metadata key=value` (repeatable) → an object; values that parse as JSON are kept typed. */
export function metadataOf(pairs: readonly string[]): Record<string, unknown> | undefined {
  if (pairs.length === 0) return undefined;
  const metadata: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--metadata takes key=value, not ${pair}`);
    const key = pair.slice(0, eq);
    if (key === '__proto__') throw new UsageError('--metadata: bad key');
    const raw = pair.slice(eq + 1);
    try {
      metadata[key] = JSON.parse(raw);
    } catch {
      metadata[key] = raw;
    }
  }
  return metadata;
}

const PARTY_FLAGS = { bot: { type: 'string' }, user: { type: 'string' } } as const;

// The bot and the end user of a conversation, both required.
const partyOf = (context: Context): { botId: string; userId: string } => ({
  botId: requiredFlag(context, 'bot'),
  userId: requiredFlag(context, 'user'),
});

const start: Command = {
  name: ['conversation', 'start'],
  summary: 'Start a conversation with an end user (Jelou then emits conversation.start).',
  usage:
    '[PROJECT_ID] --bot BOT_ID --user USER_ID [--assign TYPE:TARGET] [--metadata key=value …] [--initial-message T]',
  details: `  --bot ID, --user ID     the bot and the end user (required)
  --assign TYPE:TARGET    queue | operator | team, e.g. queue:SUPPORT
  --metadata key=value    repeatable; JSON values parse (n=3 is a number)
  --initial-message T     the first message`,
  examples: [
    'jelou conversation start PROJECT_ID --bot BOT_ID --user USER_ID --assign queue:SUPPORT --metadata ticket=42',
  ],
  flags: {
    ...PARTY_FLAGS,
    assign: { type: 'string' },
    metadata: { type: 'string', multiple: true },
    'initial-message': { type: 'string' },
  },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const body: StartConversationInput = partyOf(context);
    const assign = stringFlag(context, 'assign');
    if (assign !== undefined) body.assignment = assignmentOf(assign);
    const metadata = metadataOf(listFlag(context, 'metadata'));
    if (metadata !== undefined) body.metadata = metadata;
    const initialMessage = stringFlag(context, 'initial-message');
    if (initialMessage !== undefined) body.initialMessage = initialMessage;
    const client = clientFromEnv(context);
    printResult(context, await client.startConversation(projectId, body));
  },
};

const close: Command = {
  name: ['conversation', 'close'],
  summary: 'Close the active conversation of a bot and user (Jelou then emits conversation.close).',
  usage: '[PROJECT_ID] --bot BOT_ID --user USER_ID [--close-text T]',
  details: `  --bot ID, --user ID    the bot and the end user (required)
  --close-text T         the text the bot sends the user on closing (redirectPayload type text)`,
  examples: ['jelou conversation close PROJECT_ID --bot BOT_ID --user USER_ID --close-text "Thanks!"'],
  flags: { ...PARTY_FLAGS, 'close-text': { type: 'string' } },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const body: CloseConversationInput = partyOf(context);
    const text = stringFlag(context, 'close-text');
    if (text !== undefined) body.redirectPayload = { type: 'text', text };
    const client = clientFromEnv(context);
    printResult(context, await client.closeConversation(projectId, body));
  },
};

const get: Command = {
  name: ['conversation', 'get'],
  summary: 'Read a conversation (state, room, user, bot, dates).',
  usage: '[PROJECT_ID] CONVERSATION_ID',
  details: 'With one argument it is the conversation id and the project comes from JELOU_PROJECT_ID.',
  examples: ['jelou conversation get PROJECT_ID CONVERSATION_ID --json'],
  flags: {},
  maxPositionals: 2,
  async run(context) {
    const [first, second] = context.positionals;
    if (first === undefined) throw new UsageError('CONVERSATION_ID is required');
    const projectId = second === undefined ? projectIdOf({ ...context, positionals: [] }) : first;
    const conversationId = second ?? first;
    const client = clientFromEnv(context);
    printResult(context, await client.getConversation(projectId, conversationId));
  },
};

export const conversationCommands: readonly Command[] = [start, close, get];

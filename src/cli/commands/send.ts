// jelou send: an agent message to the end user, signed with the integration's signing secret (sendMessage).
import { requiredFlag, stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf, signingSecretFromEnv } from '../env.js';
import { UsageError } from '../errors.js';
import { requireMethod, type CliAgentMessage } from '../pending-methods.js';

const KINDS = ['text', 'image', 'video', 'audio', 'document'] as const;

/** The message the flags describe: exactly one of --text/--image/--video/--audio/--document. */
export function messageOf(context: Context): CliAgentMessage {
  const given = KINDS.filter((k) => stringFlag(context, k) !== undefined);
  if (given.length !== 1) {
    throw new UsageError('give exactly one of --text, --image, --video, --audio, --document');
  }
  const kind = given[0] as (typeof KINDS)[number];
  const value = stringFlag(context, kind) as string;
  if (kind === 'text') return { type: 'text', body: value };
  const caption = stringFlag(context, 'caption');
  const filename = stringFlag(context, 'filename');
  const mimeType = stringFlag(context, 'mime-type');
  if (caption !== undefined && kind !== 'image' && kind !== 'video')
    throw new UsageError('--caption goes with --image or --video');
  if (filename !== undefined && kind !== 'document') throw new UsageError('--filename goes with --document');
  const media = { url: value, ...(mimeType !== undefined ? { mimeType } : {}) };
  switch (kind) {
    case 'image':
    case 'video':
      return { type: kind, ...media, ...(caption !== undefined ? { caption } : {}) };
    case 'audio':
      return { type: 'audio', ...media };
    case 'document':
      return { type: 'document', ...media, ...(filename !== undefined ? { filename } : {}) };
  }
}

const send: Command = {
  name: ['send'],
  summary: 'Send an agent message to the end user (signed with JELOU_SIGNING_SECRET); prints the message id.',
  usage:
    '[PROJECT_ID] --room ROOM_ID --bot BOT_ID --user USER_ID (--text T | --image URL [--caption C] | --video URL [--caption C] | --audio URL | --document URL [--filename F]) [--mime-type M]',
  details: `  --room, --bot, --user   the conversation's room, bot and end user (required)
  --text T                a text message
  --image/--video/--audio/--document URL   a media message (https URL); --caption, --filename, --mime-type
Goes to the messages host (JELOU_MESSAGES_BASE_URL, default https://chatbot.jelou.ai), authenticated only by the
X-Jelou-Signature of the exact body; no API key is sent there.`,
  examples: [
    'JELOU_SIGNING_SECRET=… jelou send PROJECT_ID --room ROOM_ID --bot BOT_ID --user USER_ID --text "Hello from the agent"',
  ],
  flags: {
    room: { type: 'string' },
    bot: { type: 'string' },
    user: { type: 'string' },
    text: { type: 'string' },
    image: { type: 'string' },
    video: { type: 'string' },
    audio: { type: 'string' },
    document: { type: 'string' },
    caption: { type: 'string' },
    filename: { type: 'string' },
    'mime-type': { type: 'string' },
  },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const input = {
      roomId: requiredFlag(context, 'room'),
      botId: requiredFlag(context, 'bot'),
      userId: requiredFlag(context, 'user'),
      message: messageOf(context),
    };
    signingSecretFromEnv(context);
    const client = clientFromEnv(context);
    requireMethod(client, 'sendMessage');
    const sent = (await client.sendMessage(projectId, input)) as unknown as Record<string, unknown>;
    const id = sent.id ?? sent.messageId;
    if (context.out.json) context.out.jsonLine({ ...sent, id });
    else context.out.line(String(id));
  },
};

export const sendCommands: readonly Command[] = [send];

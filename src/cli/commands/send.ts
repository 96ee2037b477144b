// jelou send: an agent message to the end user, signed with the integration's signing secret (sendMessage).
import { requiredFlag, stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf, signingSecretFromEnv } from '../env.js';
import { UsageError } from '../errors.js';
import type { OutgoingMessage, SendMessageInput } from '../../index.js';

const KINDS = ['text', 'image', 'video', 'audio', 'document'] as const;

/** The media type of common file extensions, so that `--mime-type` is needed only for the others. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  amr: 'audio/amr',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `--mime-type`, else the type of the URL's extension, else a usage error. */
export function mimeTypeOf(context: Context, url: string): string {
  const given = stringFlag(context, 'mime-type');
  if (given !== undefined) return given;
  let extension = '';
  try {
    extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    // Not a URL: the SDK says so, with the field.
  }
  const known = MIME_TYPES[extension];
  if (known === undefined)
    throw new UsageError(`--mime-type is needed: the media type of ${url} is not known from its name`);
  return known;
}

/** The message the flags describe: exactly one of --text/--image/--video/--audio/--document. */
export function messageOf(context: Context): OutgoingMessage {
  const given = KINDS.filter((k) => stringFlag(context, k) !== undefined);
  if (given.length !== 1) {
    throw new UsageError('give exactly one of --text, --image, --video, --audio, --document');
  }
  const kind = given[0] as (typeof KINDS)[number];
  const value = stringFlag(context, kind) as string;
  if (kind === 'text') return { type: 'text', body: value };
  const caption = stringFlag(context, 'caption');
  const filename = stringFlag(context, 'filename');
  if (caption !== undefined && kind !== 'image' && kind !== 'video')
    throw new UsageError('--caption goes with --image or --video');
  if (filename !== undefined && kind !== 'document') throw new UsageError('--filename goes with --document');
  const media = { url: value, mimeType: mimeTypeOf(context, value) };
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
  --image/--video/--audio/--document URL   a media message (https URL); --caption (image, video), --filename
                          (document), --mime-type (needed when the URL's extension does not tell it)
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
    const input: SendMessageInput = {
      roomId: requiredFlag(context, 'room'),
      botId: requiredFlag(context, 'bot'),
      userId: requiredFlag(context, 'user'),
      message: messageOf(context),
    };
    signingSecretFromEnv(context);
    const client = clientFromEnv(context);
    const sent = await client.sendMessage(projectId, input);
    if (context.out.json) context.out.jsonLine(sent);
    else context.out.line(sent.id);
  },
};

export const sendCommands: readonly Command[] = [send];

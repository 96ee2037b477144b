// sendMessage's input: the camelCase message union the caller writes, mapped in this one place onto the wire body
// the spec describes (`SendMessageRequest`, snake_case). The SDK fills `field`, `object`, `event_type` and `value.id`.
import { ValidationError } from '../errors/validation-error.js';
import type { MessageEvent } from '../spec/types.js';
import { httpsUrl, validatePathParam } from './validate-input.js';

/** A text message. */
export interface OutgoingText {
  type: 'text';
  /** The text. */
  body: string;
  /** The message's `value.id`; a random UUID when not given. Give your own to correlate it with your records. */
  id?: string | undefined;
}

/** The fields every media message has. */
interface OutgoingMedia {
  /** Where Jelou fetches the media: an absolute `https:` URL. */
  url: string;
  /** The media type, e.g. `image/jpeg`. */
  mimeType: string;
  /** The message's `value.id`; a random UUID when not given. */
  id?: string | undefined;
}

/** An image, with an optional caption. */
export interface OutgoingImage extends OutgoingMedia {
  type: 'image';
  caption?: string | undefined;
}

/** A video, with an optional caption. */
export interface OutgoingVideo extends OutgoingMedia {
  type: 'video';
  caption?: string | undefined;
}

/** An audio clip. */
export interface OutgoingAudio extends OutgoingMedia {
  type: 'audio';
}

/** A document, with an optional file name shown to the user. */
export interface OutgoingDocument extends OutgoingMedia {
  type: 'document';
  filename?: string | undefined;
}

/** A message your agent sends to the end user: one of the five documented types, in camelCase. */
export type OutgoingMessage = OutgoingText | OutgoingImage | OutgoingVideo | OutgoingAudio | OutgoingDocument;

/** The second argument of `sendMessage`: where the message goes and the message itself. */
export interface SendMessageInput {
  /** The conversation's room (`roomId` of `getConversation`). */
  roomId: string;
  /** The bot of the conversation. */
  botId: string;
  /** The end user. */
  userId: string;
  message: OutgoingMessage;
}

/** The message types, in the spec's order. */
export const MESSAGE_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
] as const satisfies readonly MessageEvent['value']['type'][];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
  return value;
}

/**
 * Checks `sendMessage`'s input and builds the wire body: the one mapping from camelCase to the spec's snake_case.
 * @throws {ValidationError} naming the field at fault; values are never quoted.
 */
export function toMessageEvent(projectId: unknown, input: unknown, newId: () => string): MessageEvent {
  const project_id = validatePathParam(projectId, 'projectId');
  if (!isObject(input)) throw new ValidationError('input', 'must be an object { roomId, botId, userId, message }');
  const { message } = input;
  if (!isObject(message)) throw new ValidationError('message', 'must be an object with a type');
  const { type, id } = message;
  if (!(MESSAGE_TYPES as readonly unknown[]).includes(type)) {
    throw new ValidationError('message.type', `must be one of ${MESSAGE_TYPES.join(', ')}`);
  }
  let content: Record<string, string>;
  if (type === 'text') content = { body: text(message.body, 'message.body') };
  else {
    // Never normalized: the URL goes as given, once checked.
    httpsUrl(message.url, 'message.url');
    content = { url: message.url as string, mime_type: text(message.mimeType, 'message.mimeType') };
    // The one optional field each media type may carry besides them.
    const extra = type === 'document' ? 'filename' : type === 'audio' ? undefined : 'caption';
    for (const key of ['caption', 'filename']) {
      const value = message[key];
      if (value === undefined) continue;
      if (key !== extra) throw new ValidationError(`message.${key}`, `is not a field of a ${String(type)} message`);
      if (typeof value !== 'string') throw new ValidationError(`message.${key}`, 'must be a string');
      content[key] = value;
    }
  }
  return {
    field: 'messages',
    object: 'message_event',
    event_type: 'incoming_message',
    project_id,
    room_id: text(input.roomId, 'roomId'),
    bot_id: text(input.botId, 'botId'),
    user_id: text(input.userId, 'userId'),
    value: { id: id === undefined ? newId() : text(id, 'message.id'), type, content } as MessageEvent['value'],
  };
}

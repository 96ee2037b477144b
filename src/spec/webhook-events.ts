// The typed view of the spec's `webhooks:` section, for the webhooks and testing entries: event types from the
// generated schema, and the tolerant run-time check generated from the same section. Like src/spec-types.ts, the
// only kind of file that imports src/generated/.
import type { components } from '../generated/schema.js';
import { webhookEventChecks, webhookEventNames } from '../generated/webhook-events.js';

type Schemas = components['schemas'];

/** The content types a `message` event carries in `value.type`. */
export type MessageType = Schemas['WebhookMessageValue']['type'];
/** A `message` event whose `value` is of one content type: `value.content` is narrowed to that type. */
export type MessageEventOf<T extends MessageType> = Omit<Schemas['WebhookMessageEvent'], 'value'> & {
  value: Extract<Schemas['WebhookMessageValue'], { type: T }>;
};
/** A `message` event: the end user wrote. Narrow on `value.type`. */
export type MessageEvent = { [T in MessageType]: MessageEventOf<T> }[MessageType];
/** A `conversation.start` event (payload partly undocumented: unknown fields pass through). */
export type ConversationStartEvent = Schemas['WebhookConversationStartEvent'];
/** A `conversation.close` event (payload partly undocumented: unknown fields pass through). */
export type ConversationCloseEvent = Schemas['WebhookConversationCloseEvent'];

/** Every event name a handler can subscribe to, with the event it receives. */
export type JelouEventMap = { message: MessageEvent } & { [T in MessageType as `message.${T}`]: MessageEventOf<T> } & {
  'conversation.start': ConversationStartEvent;
  'conversation.close': ConversationCloseEvent;
};
/** `message`, `message.text` … `message.document`, `conversation.start`, `conversation.close`. */
export type JelouEventName = keyof JelouEventMap;
/** Any known Jelou event. */
export type JelouEvent = JelouEventMap[JelouEventName];

/** Every event name, in the spec's order. */
export const JELOU_EVENT_NAMES: readonly JelouEventName[] = webhookEventNames;

/**
 * The problems of `body` as the event `name`: `["value.content.body: expected string"]`, or `[]` when it matches.
 * Only required fields are checked, so extra or missing optional fields never make an event unknown. An unknown
 * name gives one problem.
 */
export const checkEvent = (name: string, body: unknown): string[] =>
  Object.hasOwn(webhookEventChecks, name)
    ? (webhookEventChecks[name] as string).split(' ').flatMap((check) => {
        const [path = '', type = 'string'] = check.split(':');
        const value = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], body);
        return typeof value === type && value !== null && !Array.isArray(value) ? [] : [path + ': expected ' + type];
      })
    : [name + ': not an event the spec defines'];

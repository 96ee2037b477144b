// What the CLI says about an event body: its name (`message.text`, `conversation.start`, …) and a one-line summary.
import { JELOU_EVENT_NAMES } from '../webhooks/node.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed body, or undefined when it is not a JSON object. */
export function parseEvent(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `message.<type>` for a message, the event name otherwise (`event`, else `event_type`); `unknown` without one. */
export function eventName(event: Record<string, unknown> | undefined): string {
  if (!event) return 'unknown';
  const name = event.event ?? event.event_type;
  const value = isObject(event.value) ? event.value : undefined;
  if ((name === 'message' || name === undefined) && typeof value?.type === 'string') return `message.${value.type}`;
  return typeof name === 'string' ? name : 'unknown';
}

/** `room=… msg=…` (or `conversation=…`): what identifies the event in a log line. */
export function eventSummary(event: Record<string, unknown> | undefined): string {
  if (!event) return '';
  const parts: string[] = [];
  if (typeof event.room_id === 'string') parts.push(`room=${event.room_id}`);
  const value = isObject(event.value) ? event.value : undefined;
  if (typeof value?.id === 'string') parts.push(`msg=${value.id}`);
  const conversation = isObject(event.conversation) ? event.conversation : undefined;
  if (typeof conversation?.id === 'string') parts.push(`conversation=${conversation.id}`);
  return parts.join(' ');
}

/** The event names a sample exists for (`jelou trigger`). */
export const EVENT_NAMES: readonly string[] = JELOU_EVENT_NAMES;

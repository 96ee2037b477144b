// Naming an event body: message events name themselves in `event_type`, the close-conversation page shows `event`
// (the spec's `event-envelope-style` discrepancy). `message` events are refined by `value.type`.
import { checkEvent } from '../spec/webhook-events.js';

/** How the router named a body, and whether the body matches that event's schema. */
export interface Naming {
  /** `message.text`, `conversation.close`, … or the raw name for an unknown one; `undefined` when absent. */
  readonly name: string | undefined;
  /** Which field carried the name. */
  readonly nameField: 'event_type' | 'event' | undefined;
  /** Why the body is not a known event (empty when it is one). */
  readonly issues: readonly string[];
}

/** Names a parsed body and checks it against the event schemas generated from the spec. */
export function nameEvent(body: unknown): Naming {
  const b = body as Record<string, unknown> & { value?: { type?: unknown } };
  const nameField = (['event_type', 'event'] as const).find((field) => typeof b?.[field] === 'string');
  if (!nameField) return { name: undefined, nameField, issues: ['no `event_type` or `event` field'] };
  let name = b[nameField] as string;
  if (name === 'message' && typeof b.value?.type === 'string') name += '.' + b.value.type;
  return { name, nameField, issues: checkEvent(name, body) };
}

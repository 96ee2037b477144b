/**
 * The default dedupe key of an event, or undefined when it has none (then it is not deduplicated):
 * - `message` events: `message:<project_id>:<value.id>`, the message id being stable across redeliveries;
 * - conversation events: `<name>:<project_id>:<room_id or conversation.id>:<timestamp>`. **Provisional**: Jelou
 *   documents no id for them (their payloads are cut off), so this key assumes a redelivery repeats the same
 *   `timestamp`, the event time. Pass your own `dedupe.key` once the live payloads are known.
 */
export function defaultDedupeKey(event: unknown, name: string): string | undefined {
  const e = event as {
    project_id?: unknown;
    room_id?: unknown;
    timestamp?: unknown;
    value?: { id?: unknown };
    conversation?: { id?: unknown };
  };
  return name.startsWith('message')
    ? typeof e.value?.id === 'string'
      ? `message:${String(e.project_id)}:${e.value.id}`
      : undefined
    : e.timestamp === undefined
      ? undefined
      : `${name}:${String(e.project_id)}:${String(e.room_id ?? e.conversation?.id ?? '')}:${String(e.timestamp)}`;
}

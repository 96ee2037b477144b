import type { JelouEventMap, JelouEventName } from '../spec/webhook-events.js';
import { webhookExample } from '../spec/webhook-examples.js';

/** A partial event: every field optional, at any depth. */
export type EventOverrides<T> = { [K in keyof T]?: T[K] extends object ? EventOverrides<T[K]> : T[K] };

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, overrides: unknown): unknown {
  if (!isPlain(base) || !isPlain(overrides)) return overrides === undefined ? structuredClone(base) : overrides;
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) out[key] = merge(base[key], value);
  return out;
}

/**
 * A sample event built from the spec's example of `name` (`message` gives the text example), with `overrides`
 * merged in deeply. A fresh object each call.
 * @example sampleEvent('message.text', { value: { content: { body: 'Hi there' } } })
 */
export function sampleEvent<N extends JelouEventName>(
  name: N,
  overrides?: EventOverrides<JelouEventMap[N]>,
): JelouEventMap[N] {
  return merge(webhookExample(name), overrides) as JelouEventMap[N];
}

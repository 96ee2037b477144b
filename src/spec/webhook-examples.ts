// The spec's webhook examples, for the testing entry's `sampleEvent` (kept apart from webhook-events.ts so the
// webhooks entry never bundles them).
import { webhookEventExamples } from '../generated/webhook-examples.js';
import type { JelouEventName } from './webhook-events.js';

/** The spec's example of an event name (a fresh copy). */
export function webhookExample(name: JelouEventName): unknown {
  return structuredClone((webhookEventExamples as Record<string, unknown>)[name]);
}

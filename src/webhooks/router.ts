import type { JelouEvent, JelouEventMap, JelouEventName } from '../spec/webhook-events.js';
import { checkAuthOption, type WebhookAuth } from './auth.js';
import { bodyText, rawBody } from './body.js';
import { defaultDedupeKey } from './dedupe/key.js';
import type { DedupeStore } from './dedupe/store.js';
import { WebhookVerificationError } from './errors.js';
import { nameEvent } from './events.js';
import { header, type HeadersLike } from './headers.js';
import { secretList, type SecretInput } from './secrets.js';
import type { VerifyJelouSignature, VerifyResult } from './verify.js';

/** Dedupe settings: a store, and optionally the key and how long a finished delivery is remembered. */
export interface DedupeOptions {
  readonly store: DedupeStore;
  /** The key of an event; `undefined` skips dedupe for it. @default defaultDedupeKey */
  readonly key?: (event: unknown, name: string) => string | undefined;
  /** How long a finished delivery is remembered. @default 3600 */
  readonly ttlSeconds?: number;
  /** How long a claim lives if its receiver dies mid-handler; redeliveries meanwhile get 409. @default 60 */
  readonly claimTtlSeconds?: number;
}

/** Options of `createJelouWebhooks`. */
export interface JelouWebhooksOptions {
  /** The signing secret, or `[current, previous]` during a rotation; empty entries are ignored. */
  readonly secret: SecretInput;
  /** The auth header the integration's `authType` makes Jelou send; checked on every delivery. */
  readonly auth?: WebhookAuth;
  /** Remember deliveries and skip duplicates. */
  readonly dedupe?: DedupeOptions;
  /** Also accept signatures of the re-serialized body (see `verifyJelouSignature`). @default false */
  readonly reserialized?: boolean;
}

/** What a handler learns about the delivery besides the event. */
export interface EventMeta<N extends string = JelouEventName> {
  /** The event name: `message.text`, `conversation.start`, … */
  readonly name: N;
  /** Which field named it (`event_type` on messages; the pages show `event` on conversation events). */
  readonly nameField: 'event_type' | 'event';
  /** Which secret and which body form verified it; absent for `receive` (no verification). */
  readonly verification?: Extract<VerifyResult, { ok: true }>;
}

/** What an unknown event handler learns: the name if any, and why the body is not a known event. */
export interface UnknownEventInfo {
  readonly name: string | undefined;
  readonly issues: readonly string[];
}

/** The outcome of a delivery: run, skipped as a duplicate, still running elsewhere (409), or unknown (acked). */
export interface ReceiveResult {
  readonly status: 'handled' | 'duplicate' | 'in_progress' | 'unknown';
  readonly name: string | undefined;
}

/** A delivery to verify: its raw body and its headers. */
export interface Delivery {
  readonly body: unknown;
  readonly headers: HeadersLike;
}

/** Handlers failed: `errors` holds each failure, `event` and `eventName` the event. */
export type WebhookHandlerError = AggregateError & { readonly event: unknown; readonly eventName: string | undefined };

type Handler = (event: never, meta: never) => unknown;

/** A webhook receiver: register handlers, then feed it deliveries (or use an adapter). */
export interface JelouWebhooks {
  /** Runs `handler` for one event name or several; `message` catches every `message.<type>`. */
  on<N extends JelouEventName>(
    name: N | readonly N[],
    handler: (event: JelouEventMap[N], meta: EventMeta<N>) => unknown,
  ): JelouWebhooks;
  /** Runs `handler` for every known event. */
  onAny(handler: (event: JelouEvent, meta: EventMeta) => unknown): JelouWebhooks;
  /** Runs `handler` for a body that is not a known event; it is acknowledged, not an error. */
  onUnknown(handler: (body: unknown, info: UnknownEventInfo) => unknown): JelouWebhooks;
  /** Runs `handler` for every failed verification and every handler failure; its own errors are ignored. */
  onError(handler: (error: Error) => unknown): JelouWebhooks;
  /** Verifies a delivery without running anything. */
  verify(delivery: Delivery): Promise<VerifyResult>;
  /** Routes an already-verified, parsed event (queues, tests): dedupe, then the handlers. */
  receive(event: unknown, verification?: EventMeta['verification']): Promise<ReceiveResult>;
  /** Verifies a delivery, parses it and routes it; rejects with `WebhookVerificationError` or the handlers' `AggregateError`. */
  verifyAndReceive(delivery: Delivery): Promise<ReceiveResult>;
}

/** Runs handlers concurrently; resolves to their failures, in the handlers' order. */
const settle = async (handlers: readonly Handler[], args: readonly unknown[]): Promise<unknown[]> =>
  (await Promise.allSettled(handlers.map(async (h) => (h as (...a: unknown[]) => unknown)(...args)))).flatMap((r) =>
    r.status === 'rejected' ? [r.reason] : [],
  );

/** Builds `createJelouWebhooks` over a runtime's verifier. */
export function createRouter(verify: VerifyJelouSignature) {
  return function createJelouWebhooks(options: JelouWebhooksOptions): JelouWebhooks {
    secretList(options.secret); // fail at start-up, not on the first delivery
    checkAuthOption(options.auth);
    const { dedupe } = options;
    // Handlers by event name, plus '*' (onAny), '?' (onUnknown) and '!' (onError): one map keeps the entry small.
    const lists = new Map<string, Handler[]>();
    const get = (key = '') => lists.get(key) ?? [];
    // Tells onError, then hands the error back to be thrown.
    const report = async (error: unknown) => (await settle(get('!'), [error]), error);

    const hooks: JelouWebhooks = {
      on(name: string | readonly string[], handler: unknown) {
        for (const n of [name].flat()) lists.set(n, [...get(n), handler as Handler]);
        return hooks;
      },
      onAny: (handler) => hooks.on('*' as never, handler as never),
      onUnknown: (handler) => hooks.on('?' as never, handler as never),
      onError: (handler) => hooks.on('!' as never, handler as never),
      // The receiver's options carry `auth` and `reserialized` as verifyJelouSignature takes them.
      verify: ({ body, headers }) =>
        verify(body, header(headers, 'x-jelou-signature'), options.secret, { ...options, headers }),
      async receive(event, verification) {
        const { name, nameField, issues } = nameEvent(event);
        const known = !issues.length;
        const key = known && dedupe ? (dedupe.key ?? defaultDedupeKey)(event, name as string) : undefined;
        const store = key !== undefined && dedupe?.store;
        if (store) {
          // A store that fails (Redis down) is reported like a handler failure; the adapters answer 500.
          const state = await store.claim(key, dedupe.claimTtlSeconds ?? 60).catch(async (e: unknown) => {
            throw await report(e);
          });
          if (state !== 'claimed') return { status: state === 'done' ? 'duplicate' : 'in_progress', name };
        }
        const failures = await settle(
          known ? [...get(name), ...(name?.includes('.') ? get(name.replace(/\..*/, '')) : []), ...get('*')] : get('?'),
          [event, known ? { name, nameField, ...(verification && { verification }) } : { name, issues }],
        );
        if (store) await (failures.length ? store.release(key) : store.complete(key, dedupe.ttlSeconds ?? 3600));
        if (failures.length) {
          throw await report(
            Object.assign(new AggregateError(failures, 'Jelou webhook handlers failed: ' + (name ?? 'unknown event')), {
              event,
              eventName: name,
            }),
          );
        }
        return { status: known ? 'handled' : 'unknown', name };
      },
      async verifyAndReceive(delivery) {
        const result = await hooks.verify(delivery);
        if (!result.ok) throw await report(new WebhookVerificationError(result.reason));
        let event: unknown;
        try {
          event = JSON.parse(bodyText(rawBody(delivery.body) ?? ''));
        } catch {
          // not JSON: refused below
        }
        if (typeof event !== 'object' || !event || Array.isArray(event))
          throw await report(new WebhookVerificationError('invalid_json'));
        return hooks.receive(event, result);
      },
    };
    return hooks;
  };
}

// Entry `jelou-external-support/webhooks` under the `node` condition: HMAC on node:crypto (the fastest path on
// Node). Same API as index.ts, the Web-standard build.
import { nodeHmac as hmac } from './hmac-node.js';
import { createRouter } from './router.js';
import { createSign, createVerify } from './verify.js';

/**
 * Verifies a delivery's `X-Jelou-Signature` against the raw body (string, Uint8Array or ArrayBuffer) with one
 * secret or several (current first), in constant time; resolves to `{ ok: true, secretIndex, form }` or
 * `{ ok: false, reason }`. A parsed object is refused with `body_not_raw`.
 * @example const result = await verifyJelouSignature(await request.text(), request.headers.get('x-jelou-signature'), secret);
 */
export const verifyJelouSignature = /* @__PURE__ */ createVerify(hmac);

/**
 * The `X-Jelou-Signature` value (`sha256=<hex>`) for a body: sign the exact string you send.
 * @example const body = JSON.stringify(payload); const signature = await signJelouPayload(body, secret);
 */
export const signJelouPayload = /* @__PURE__ */ createSign(hmac);

/**
 * A webhook receiver: verifies the signature and the auth header, routes typed events to handlers, dedupes.
 * @example
 * const hooks = createJelouWebhooks({ secret: process.env.JELOU_SIGNING_SECRET! });
 * hooks.on('message.text', async (event) => reply(event.room_id, event.value.content.body));
 */
export const createJelouWebhooks = /* @__PURE__ */ createRouter(verifyJelouSignature);

export { toFetchHandler } from './adapters/fetch.js';
export { toNodeHandler } from './adapters/node.js';
export { memoryStore } from './dedupe/memory.js';
export { redisStore } from './dedupe/redis.js';
export { defaultDedupeKey } from './dedupe/key.js';
export { WebhookVerificationError } from './errors.js';
export { JELOU_EVENT_NAMES } from '../spec/webhook-events.js';

export type { AdapterOptions } from './adapters/answer.js';
export type { NodeHandlerOptions, NodeRequestLike, NodeResponseLike } from './adapters/node.js';
export type { WebhookAuth } from './auth.js';
export type { RawBody } from './body.js';
export type { ClaimState, DedupeStore } from './dedupe/store.js';
export type { MemoryStoreOptions } from './dedupe/memory.js';
export type { RedisLike, RedisStoreOptions } from './dedupe/redis.js';
export type { WebhookFailureReason, WebhookInputError } from './errors.js';
export type { HeadersLike } from './headers.js';
export type {
  Delivery,
  DedupeOptions,
  EventMeta,
  JelouWebhooks,
  JelouWebhooksOptions,
  ReceiveResult,
  UnknownEventInfo,
  WebhookHandlerError,
} from './router.js';
export type { SecretInput } from './secrets.js';
export type { SignJelouPayload, VerifyJelouSignature, VerifyOptions, VerifyResult } from './verify.js';
export type {
  ConversationCloseEvent,
  ConversationStartEvent,
  JelouEvent,
  JelouEventMap,
  JelouEventName,
  MessageEvent,
  MessageEventOf,
  MessageType,
} from '../spec/webhook-events.js';

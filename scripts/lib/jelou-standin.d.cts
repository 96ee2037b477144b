// Types of jelou-standin.cjs: a stateful stand-in for Jelou's External Support API (gateway, messages host and
// event deliveries), for tests and local runs. Hand-written; keep in step with the .cjs.
import type { IncomingHttpHeaders } from 'node:http';

/** The operations of the External Support API, by operationId. */
export type StandinOperation =
  | 'createIntegration'
  | 'getIntegration'
  | 'updateIntegration'
  | 'deleteIntegration'
  | 'regenerateSigningSecret'
  | 'startConversation'
  | 'closeConversation'
  | 'getConversation'
  | 'sendMessage';

/**
 * Which documented shape an operation answers: `flat` is the OpenAPI playground sample, `envelope` the prose
 * example (`{message[], statusMessage, status, data}`). For `deleteIntegration` both are envelopes: `flat` gives the
 * OpenAPI sample's message (ending with a period), `envelope` the page's. Conversation and message operations have
 * only the envelope (their success bodies are guesses: cut off on every copy of the pages).
 */
export type StandinShape = 'flat' | 'envelope';
export type StandinShapes = Partial<Record<StandinOperation, StandinShape>>;

/** The integration as the stand-in stores it (the signing secret is read with `signingSecret()`). */
export interface StandinIntegration {
  id: string;
  brainId: string;
  webhookUrl: string;
  /** `bearer` | `api_key` | `basic` | `no_auth`. */
  authType: string;
  /** The webhook credential sent with deliveries, as given on create/update. */
  authorization?: string;
  createdAt: string;
  updatedAt: string;
}

/** A conversation as the stand-in stores it. */
export interface StandinConversation {
  /** `data._id` on the wire. */
  id: string;
  roomId: string;
  botId: string;
  userId: string;
  /** `data.User.names`. */
  userNames: string;
  /** `data.User.referenceId`. */
  userReferenceId: string;
  state: 'active' | 'closed';
  startAt: string;
  /** Set once closed. */
  endAt?: string;
  /** Set once closed: `closed_by_operator` (the one documented value). */
  endedReason?: string;
  initialMessage?: string;
  metadata?: Record<string, unknown>;
  assignment?: { type: string; target: string };
  redirectPayload?: Record<string, unknown>;
}

/** A conversation to exist from the start. */
export interface StandinConversationSeed extends Partial<Omit<StandinConversation, 'botId' | 'userId'>> {
  botId: string;
  userId: string;
}

/** A request as the stand-in received it. */
export interface StandinRequest {
  readonly method: string;
  /** The raw path and query as sent (nothing decoded). */
  readonly url: string;
  /** Lower-cased header names, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text; '' when there was none. */
  readonly body: string;
  /** The exact body bytes. */
  readonly rawBody: Buffer;
  /** `gateway` (under `/jelouapi` or `/platform`), `messages` (`/v1/external-support/webhook`) or neither. */
  readonly host: 'gateway' | 'messages' | 'unknown';
  /** `/jelouapi` or `/platform` for gateway requests. */
  basePath?: string;
  /** The operation the method and path name, when they name one. */
  operation?: StandinOperation;
  /** The status answered (unset while unanswered, e.g. with `hold`). */
  status?: number;
  /**
   * Why the stand-in answered as it did, when it was not a plain success: `bad_credentials`, `no_integration`,
   * `missing_signature`, `malformed_signature`, `mismatch`, `gateway_credentials_sent`, `invalid`, `invalid_json`,
   * `exists`, `bot`, `user`, `unknown_id`, `no_active_conversation`, `room_not_active`, `already_active`,
   * `no_route`, `bad_path_encoding`, `fail_patches_after`, `intercepted`, `dropped_before`, `dropped_after`, `standin_error`.
   */
  reason?: string;
  readonly receivedAt: string;
}

/** An agent message the messages host accepted (signature valid, body valid). */
export interface StandinMessage {
  /** `value.id`. */
  id: string;
  type: string;
  /** `value.content` as sent (snake_case). */
  content: Record<string, unknown>;
  projectId: string;
  roomId: string;
  botId: string;
  userId: string;
  /** The active conversation of that room, bot and user, if any. */
  conversationId?: string;
  /** Whether the room had an active conversation with that bot and user (see `inactiveRooms`). */
  active: boolean;
  /** Whether an earlier accepted message had the same `value.id` (whether Jelou drops those is undocumented). */
  duplicate: boolean;
  /** The parsed body. */
  body: Record<string, unknown>;
  /** The exact bytes received, the ones the signature was checked over. */
  rawBody: Buffer;
  /** The `X-Jelou-Signature` received. */
  signature: string;
  receivedAt: string;
}

/** One event POSTed to a panel. */
export interface StandinDelivery {
  /** `message`, `conversation.start`, `conversation.close`, or `raw` for a body with neither name. */
  event: string;
  url: string;
  /** Headers sent, lower-cased. */
  headers: Record<string, string>;
  /** The body sent, as text. */
  body: string;
  /** The exact bytes sent. */
  rawBody: Buffer;
  /** What the signature was computed over (`none`: no header, or the caller's own `signature`). */
  signedOver: 'raw' | 'reserialized' | 'none';
  /** The receiver's status; unset if it never answered (then `error` says why). */
  status?: number;
  responseBody?: string;
  error?: string;
}

/** What `deliver` / `deliverMessage` resolve to (they reject when the receiver cannot be reached). */
export interface StandinDeliveryResult {
  /** The receiver's HTTP status. */
  status: number;
  /** The receiver's body, as text. */
  body: string;
  headers: IncomingHttpHeaders;
  delivery: StandinDelivery;
}

/** How a delivery is made; every field optional. */
export interface StandinDeliverOptions {
  /** Deliver here instead of the stand-in's `deliverTo` (loopback http only). */
  to?: string;
  /** How an object event is serialized: `compact` (`JSON.stringify`, default) or `pretty` (2-space indent). */
  bodyFormat?: 'compact' | 'pretty';
  /**
   * What the signature covers: `raw` the exact bytes sent (default); `reserialized` `JSON.stringify` of the parsed
   * body, which Jelou's sample verifier checks (the same as `raw` for a compact body: use `bodyFormat: 'pretty'` to
   * tell them apart); `none` no `X-Jelou-Signature` header.
   */
  sign?: 'raw' | 'reserialized' | 'none';
  /** Sign with this secret instead of the integration's current one. */
  secret?: string;
  /** Send this `X-Jelou-Signature` value verbatim (no signing). */
  signature?: string;
  /** Extra or replaced headers (names case-insensitive); `null` removes one (e.g. the auth header). */
  headers?: Record<string, string | null>;
  /** @default 20000 (or the stand-in's `deliveryTimeoutMs`) */
  timeoutMs?: number;
}

/** A `message` event to deliver, camelCase; ids default to the only active conversation's. */
export interface StandinMessageInput {
  type: 'text' | 'image' | 'video' | 'audio' | 'document';
  roomId?: string;
  botId?: string;
  userId?: string;
  conversationId?: string;
  projectId?: string;
  /** `value.id`; a random UUID by default. */
  id?: string;
  /** Unix ms; `Date.now()` by default. */
  timestamp?: number;
  /** Text body. @default 'Hello' */
  body?: string;
  /** Media URL. @default `https://storage.example.com/media/<type>` */
  url?: string;
  /** `mime_type`; the page's example per type by default. */
  mimeType?: string;
  caption?: string;
  filename?: string;
  contactName?: string;
  botName?: string;
  /** Where the event name goes: `event_type` (the message page, default), `event` (the conversation pages), both. */
  eventKey?: 'event_type' | 'event' | 'both';
}

export interface StandinStartInput {
  botId: string;
  userId: string;
  initialMessage?: string;
  metadata?: Record<string, unknown>;
  assignment?: { type: 'queue' | 'operator' | 'team'; target: string };
}

export interface StandinCloseInput {
  botId: string;
  userId: string;
  redirectPayload?: { type: 'text' | 'edge'; text?: string; skillId?: number };
}

/** An answer an `intercept` hook gives instead of the stand-in's own. */
export interface StandinReply {
  status: number;
  /** A string is sent as is; anything else as JSON. Omitted: no body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * What an `intercept` hook returns to kill the connection without an answer: `before` the stand-in acts on the
 * request (nothing happened), or `after` it acted (the state changed, the client cannot know).
 */
export interface StandinDrop {
  drop: 'before' | 'after';
}

export interface StandinOptions {
  /** The only project the stand-in knows; every other id gets 404. @default 'PROJECT_ID' */
  projectId?: string;
  /** The API key accepted in `x-api-key` on the gateway. */
  apiKey?: string;
  /** The client credentials accepted as HTTP Basic on the gateway. */
  basic?: { clientId: string; clientSecret: string };
  /**
   * An integration to exist from the start (`true`: the documented sample values); none by default, until a create.
   */
  integration?: boolean | Partial<StandinIntegration>;
  /** The seeded integration's signing secret; random (64 hex) by default. */
  signingSecret?: string;
  /** The bots and users that exist: start/close with another id get 404. By default any id exists. */
  bots?: readonly string[];
  users?: readonly string[];
  /** Conversations that exist from the start (they emit no event). */
  conversations?: readonly StandinConversationSeed[];
  /** The shape each operation answers (see {@link StandinShape}); defaults in `DEFAULT_SHAPES`. */
  shapes?: StandinShapes;
  /** Answer these operations with a shape no page documents (`GET`/`PATCH` mean get/updateIntegration). */
  undocumentedFor?: readonly (StandinOperation | 'GET' | 'PATCH')[];
  /** Answer 500 to every PATCH after this many have succeeded (e.g. 1: the change works, the restore fails). */
  failPatchesAfter?: number;
  /** Never answer: every request stays open until the client gives up or the stand-in closes. */
  hold?: boolean;
  /**
   * Called before the stand-in handles each request (`attempt` counts requests, from 1): a reply it returns is sent
   * instead, a {@link StandinDrop} kills the connection, `undefined` lets the stand-in answer. A Promise delays.
   */
  intercept?: (
    request: StandinRequest,
    attempt: number,
  ) => StandinReply | StandinDrop | undefined | Promise<StandinReply | StandinDrop | undefined>;
  /**
   * Where events go: a loopback http URL, or `'webhookUrl'` for the integration's current `webhookUrl` (which must
   * then be loopback). Unset: start/close emit nothing and `deliver` needs `{ to }`.
   */
  deliverTo?: string;
  /** `event` (default, as the conversation.close table shows), `event_type` or both, for conversation events. */
  conversationEventKey?: 'event' | 'event_type' | 'both';
  /**
   * `basic` auth header of deliveries: `encode` (default) Base64-encodes the stored `user:password`, `verbatim`
   * sends the stored `authorization` as is (who encodes is open in the docs).
   */
  basicEncoding?: 'encode' | 'verbatim';
  /** @default 20000 */
  deliveryTimeoutMs?: number;
  /**
   * A message to a room with no active conversation of that bot and user: `accept` (default; recorded with
   * `active: false`, since the docs are silent) or `reject` (404, `ROOM_NOT_ACTIVE`).
   */
  inactiveRooms?: 'accept' | 'reject';
  /** Accept messages that carry `x-api-key` or `Authorization` (refused with 401 by default: they must not travel there). */
  acceptGatewayCredentialsOnMessages?: boolean;
  /**
   * Called with one line per request answered (`POST /jelouapi/v1/… -> 200`, with the reason if any) and per
   * delivery settled (`event message -> http://…: 200`). No headers or bodies: they carry credentials.
   */
  log?: (line: string) => void;
  /** Port on 127.0.0.1. @default 0 (picked by the OS) */
  port?: number;
}

/** A running stand-in. */
export interface JelouStandin {
  /** Gateway base URL with `/jelouapi`, e.g. `http://127.0.0.1:40123/jelouapi`. */
  readonly url: string;
  /** Gateway base URL with `/platform`. */
  readonly platformUrl: string;
  /** The messages host: `POST ${messagesUrl}/v1/external-support/webhook` (no base path). */
  readonly messagesUrl: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  readonly projectId: string;
  /** Every request received, in order. */
  readonly requests: StandinRequest[];
  /** Every agent message accepted, in order. */
  readonly messages: StandinMessage[];
  /** Every event POSTed to a panel, in order. */
  readonly deliveries: StandinDelivery[];
  /** The integration as it is now; throws when there is none. */
  integration(): StandinIntegration;
  hasIntegration(): boolean;
  /** The current signing secret; undefined without an integration. */
  signingSecret(): string | undefined;
  conversations(): StandinConversation[];
  conversation(id: string): StandinConversation | undefined;
  /** Changes the shapes answered from now on. */
  setShapes(shapes: StandinShapes): void;
  /** Changes where events go from now on (`undefined`: nowhere). */
  setDeliverTo(target: string | undefined): void;
  /** Starts a conversation as the REST call would (emits `conversation.start`); throws on a non-200. */
  startConversation(input: StandinStartInput): StandinConversation;
  /** Closes the active conversation of that bot and user (emits `conversation.close`); throws on a non-200. */
  closeConversation(input: StandinCloseInput): StandinConversation;
  /** POSTs any event (an object is serialized; a string or bytes are sent as is), signed and with the auth header. */
  deliver(event: unknown, options?: StandinDeliverOptions): Promise<StandinDeliveryResult>;
  /** POSTs a signed `message` event built from camelCase input; resolves with the event sent too. */
  deliverMessage(
    input: StandinMessageInput,
    options?: StandinDeliverOptions,
  ): Promise<StandinDeliveryResult & { event: Record<string, unknown> }>;
  /** The `message` event `deliverMessage` would send, without sending it. */
  messageEvent(input: StandinMessageInput): Record<string, unknown>;
  /**
   * Resolves with the first accepted message that matches (one already received counts), for panels that answer
   * asynchronously; rejects after `timeoutMs` (default 5000).
   */
  waitForMessage(matches?: (message: StandinMessage) => boolean, timeoutMs?: number): Promise<StandinMessage>;
  /** Resolves when every delivery under way (the automatic ones too) has settled. */
  waitForDeliveries(): Promise<void>;
  /** Aborts deliveries under way, closes every connection and the server. */
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1. */
export declare function startJelouStandin(options?: StandinOptions): Promise<JelouStandin>;
/** `sha256=<hex HMAC-SHA256 of the bytes with the secret>`, computed with node:crypto. */
export declare function signJelouBody(bytes: string | Uint8Array, secret: string): string;
export declare const STANDIN_BASE_PATH: '/jelouapi';
export declare const STANDIN_PLATFORM_PATH: '/platform';
export declare const MESSAGES_PATH: '/v1/external-support/webhook';
export declare const DEFAULT_SHAPES: Readonly<Record<StandinOperation, StandinShape>>;

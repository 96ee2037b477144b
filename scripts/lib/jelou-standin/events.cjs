// @ts-check
// What the stand-in Jelou sends to a panel's webhook: event payloads (jelou-api.md §9, §10, §12), the
// `X-Jelou-Signature` header (§5) and the auth header of the integration's `authType` (§2c), POSTed with node:http
// to loopback only (a test double never reaches another host).
'use strict';
const nodeCrypto = require('node:crypto');
const http = require('node:http');

/** Default MIME type per media type, from the receive-messages page's table. */
const DEFAULT_MIME = /** @type {const} */ ({
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/mpeg',
  document: 'application/pdf',
});
const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document'];

/**
 * `sha256=<hex HMAC-SHA256 of the bytes>` with the secret used directly as the key string (§5).
 * @param {string | Uint8Array} bytes
 * @param {string} secret
 */
function signJelouBody(bytes, secret) {
  return `sha256=${nodeCrypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;
}

const SIGNATURE_FORMAT = /^sha256=[0-9a-f]{64}$/;

/**
 * Checks a signature header over the raw bytes, in constant time.
 * @param {Buffer} raw
 * @param {string | string[] | undefined} header
 * @param {string} secret
 * @returns {'ok' | 'missing_signature' | 'malformed_signature' | 'mismatch'}
 */
function checkSignature(raw, header, secret) {
  if (header === undefined || header === '') return 'missing_signature';
  if (Array.isArray(header) || !SIGNATURE_FORMAT.test(header)) return 'malformed_signature';
  const expected = Buffer.from(signJelouBody(raw, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && nodeCrypto.timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}

/**
 * The `value.content` of a message event, snake_case as on the wire.
 * @param {import('../jelou-standin.cjs').StandinMessageInput} input
 */
function messageContent(input) {
  if (!MESSAGE_TYPES.includes(input.type)) throw new TypeError(`unknown message type ${JSON.stringify(input.type)}`);
  if (input.type === 'text') return { body: input.body ?? 'Hello' };
  const type = /** @type {keyof typeof DEFAULT_MIME} */ (input.type);
  /** @type {Record<string, unknown>} */
  const content = {
    url: input.url ?? `https://storage.example.com/media/${type}`,
    mime_type: input.mimeType ?? DEFAULT_MIME[type],
  };
  if (input.caption !== undefined) content.caption = input.caption;
  if (input.filename !== undefined) content.filename = input.filename;
  return content;
}

/**
 * Adds the event name under `event_type` (message events), `event` (conversation events) or both.
 * @param {'event' | 'event_type' | 'both'} key
 * @param {string} name
 */
function eventName(key, name) {
  if (key === 'both') return { event: name, event_type: name };
  return { [key]: name };
}

/**
 * The headers Jelou sends for the integration's authType (§2c). `basic` is open in the docs (who encodes?):
 * `encode` Base64-encodes the stored `user:password`, `verbatim` sends the stored value as is.
 * @param {{ authType: string, authorization?: string | undefined }} integration
 * @param {'encode' | 'verbatim'} basicEncoding
 * @returns {Record<string, string>}
 */
function authHeaders(integration, basicEncoding) {
  const credential = integration.authorization ?? '';
  switch (integration.authType) {
    case 'bearer':
      return { authorization: `Bearer ${credential}` };
    case 'api_key':
      return { 'x-api-key': credential };
    case 'basic':
      return {
        authorization: `Basic ${basicEncoding === 'encode' ? Buffer.from(credential).toString('base64') : credential}`,
      };
    default:
      return {};
  }
}

/** @param {string} url */
function loopbackUrl(url) {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'http:' || !loopback) {
    throw new Error(`the stand-in delivers only to loopback http URLs (127.0.0.1, ::1, localhost), not ${url}`);
  }
  return parsed;
}

/**
 * POSTs bytes to a loopback URL and reads the answer.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {Buffer} body
 * @param {number} timeoutMs
 * @param {AbortSignal} [signal] aborts the delivery (the stand-in is closing)
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }>}
 */
function post(url, headers, body, timeoutMs, signal) {
  const target = loopbackUrl(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
        timeout: timeoutMs,
        ...(signal ? { signal } : {}),
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A `conversation.start` / `conversation.close` event. Guess: only `event`, `timestamp` (ms) and `project_id` are on
 * the pages (cut off after them); the rest mirrors message events and the conversation's fields.
 * @param {'conversation.start' | 'conversation.close'} name
 * @param {import('../jelou-standin.cjs').StandinConversation} c
 * @param {string} projectId
 * @param {'event' | 'event_type' | 'both'} key
 */
function conversationEventPayload(name, c, projectId, key) {
  /** @type {Record<string, unknown>} */
  const payload = {
    ...eventName(key, name),
    timestamp: Date.now(),
    project_id: projectId,
    room_id: c.roomId,
    conversation: { id: c.id, state: c.state },
    contact: { id: c.userId, name: c.userNames },
    bot: { id: c.botId },
  };
  if (name === 'conversation.start') {
    if (c.initialMessage !== undefined) payload.initial_message = c.initialMessage;
    if (c.metadata !== undefined) payload.metadata = c.metadata;
    if (c.assignment !== undefined) payload.assignment = c.assignment;
  } else {
    payload.reason = c.endedReason;
    if (c.redirectPayload !== undefined) payload.redirect_payload = c.redirectPayload;
  }
  return payload;
}

/**
 * A `message` event in the receive-messages page's shape and key order (§12).
 * @param {import('../jelou-standin.cjs').StandinMessageInput} input
 * @param {{ projectId: string, roomId: string, botId: string, userId: string, conversationId?: string | undefined,
 *   contactName?: string | undefined }} ids
 */
function messageEventPayload(input, ids) {
  /** @type {Record<string, unknown>} */
  const payload = {
    field: 'messages',
    object: 'message_event',
    ...eventName(input.eventKey ?? 'event_type', 'message'),
    timestamp: input.timestamp ?? Date.now(),
    project_id: input.projectId ?? ids.projectId,
    room_id: ids.roomId,
    contact: { id: ids.userId, name: input.contactName ?? ids.contactName ?? 'USER_NAME' },
  };
  if (ids.conversationId !== undefined) payload.conversation = { id: ids.conversationId };
  payload.bot = { id: ids.botId, name: input.botName ?? 'BOT_NAME' };
  payload.value = { id: input.id ?? nodeCrypto.randomUUID(), type: input.type, content: messageContent(input) };
  return payload;
}

module.exports = {
  conversationEventPayload,
  messageEventPayload,
  MESSAGE_TYPES,
  authHeaders,
  checkSignature,
  eventName,
  loopbackUrl,
  messageContent,
  post,
  signJelouBody,
};

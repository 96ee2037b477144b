// @ts-check
// The bodies the stand-in Jelou answers with: both documented shapes of each operation where the pages show two
// (flat = the OpenAPI playground sample, envelope = the prose example), an undocumented shape on demand, and error
// bodies in Jelou's hybrid error style (../../../../shared/docs/jelou-api.md §14, "Error response bodies").
'use strict';

/**
 * Error codes. Only `E1019` / `BOT_NOT_FOUND` is documented (sibling Chat History API); the other codes are the
 * general Jelou API's lower-case codes (docs.jelou.ai/en/api/introduction) or, where none exists, a plain name.
 */
const ERRORS = {
  BAD_REQUEST: { code: 'bad_request', key: 'BAD_REQUEST', description: 'The request body is not valid.' },
  UNPROCESSABLE_ENTITY: {
    code: 'unprocessable_entity',
    key: 'UNPROCESSABLE_ENTITY',
    description: 'The fields sent are invalid or fail validation.',
  },
  INTEGRATION_NOT_FOUND: {
    code: 'not_found',
    key: 'INTEGRATION_NOT_FOUND',
    description: 'No integration exists for this projectId.',
  },
  INTEGRATION_EXISTS: {
    code: 'conflict',
    key: 'INTEGRATION_ALREADY_EXISTS',
    description: 'The project already has an integration; delete it first.',
  },
  BOT_NOT_FOUND: { code: 'E1019', key: 'BOT_NOT_FOUND', description: 'Error to be thrown when trying to get a Bot.' },
  USER_NOT_FOUND: { code: 'not_found', key: 'USER_NOT_FOUND', description: 'The userId is not found.' },
  CONVERSATION_NOT_FOUND: {
    code: 'not_found',
    key: 'CONVERSATION_NOT_FOUND',
    description: 'No conversation matches these ids.',
  },
  ROOM_NOT_ACTIVE: {
    code: 'not_found',
    key: 'ROOM_NOT_ACTIVE',
    description: 'No active conversation for this room, bot and user.',
  },
  ROUTE_NOT_FOUND: { code: 'not_found', key: 'ROUTE_NOT_FOUND', description: 'No such route.' },
  INTERNAL: {
    code: 'internal_server_error',
    key: 'INTERNAL_SERVER_ERROR',
    description: 'Internal server error.',
  },
};

/**
 * A hybrid Jelou error body: the success envelope's `message[]`/`statusMessage`/`status` plus an `error` object.
 * @param {keyof typeof ERRORS} name
 * @param {string} message
 * @param {Record<string, string[]>} [validationError]
 */
function errorBody(name, message, validationError) {
  const { code, key, description } = ERRORS[name];
  /** @type {Record<string, unknown>} */
  const body = {
    message: [message],
    statusMessage: 'failed',
    status: 0,
    error: { code, key, description, developerMessages: { en: message }, clientMessages: {} },
  };
  if (validationError) body.validationError = validationError;
  return body;
}

/** The sibling API's documented 401 body: bare, no envelope. */
const AUTHENTICATION_FAILED = Object.freeze({ message: 'Authentication failed' });

/** @param {string[]} message @param {unknown} [data] */
function envelope(message, data) {
  /** @type {Record<string, unknown>} */
  const body = { message, statusMessage: 'success', status: 1 };
  if (data !== undefined) body.data = data;
  return body;
}

/**
 * @typedef {import('../jelou-standin.cjs').StandinIntegration} Integration
 * @typedef {import('../jelou-standin.cjs').StandinConversation} Conversation
 */

/** @param {Integration} i */
const integrationData = (i) => ({
  brainId: i.brainId,
  webhookUrl: i.webhookUrl,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

/** @param {Integration} i */
const integrationFlat = (i) => ({
  id: i.id,
  brainId: i.brainId,
  webhookUrl: i.webhookUrl,
  authType: i.authType,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

/** A shape no page documents, for tests of what happens when Jelou answers something else. */
const undocumentedIntegration = (/** @type {Integration} */ i) => ({
  integration: { hook: i.webhookUrl, created: i.createdAt },
});

/**
 * Success bodies per operation and shape.
 * @type {Record<string, (shape: string, ...args: any[]) => unknown>}
 */
const SUCCESS = {
  /** @param {Integration} i @param {string} secret */
  createIntegration(shape, i, secret) {
    if (shape === 'undocumented') return { integration: { hook: i.webhookUrl, secret } };
    if (shape === 'envelope') {
      // Guess: the create page's prose example is cut off in every copy; by analogy with GET/regenerate.
      return envelope(['Integration created successfully'], { ...integrationData(i), signingSecret: secret });
    }
    const { id, brainId, webhookUrl, authType, createdAt } = i;
    return { id, brainId, webhookUrl, authType, signingSecret: secret, createdAt };
  },
  /** @param {Integration} i */
  getIntegration(shape, i) {
    if (shape === 'undocumented') return undocumentedIntegration(i);
    if (shape === 'flat') return integrationFlat(i);
    return envelope(['Integration retrieved successfully'], integrationData(i));
  },
  /** @param {Integration} i */
  updateIntegration(shape, i) {
    if (shape === 'undocumented') return undocumentedIntegration(i);
    if (shape === 'envelope') return envelope(['Integration updated successfully'], integrationData(i));
    return integrationFlat(i);
  },
  /** `flat` here is the OpenAPI sample: the same envelope, its message ending with a period. */
  deleteIntegration(shape) {
    if (shape === 'undocumented') return { deleted: true };
    return envelope([shape === 'flat' ? 'Integration deleted successfully.' : 'Integration deleted successfully']);
  },
  /** @param {Integration} i @param {string} secret @param {string} at */
  regenerateSigningSecret(shape, i, secret, at) {
    if (shape === 'undocumented') return { secret: { value: secret } };
    if (shape === 'flat') return { signingSecret: secret, regeneratedAt: at };
    return envelope(['Signing secret regenerated successfully'], { brainId: i.brainId, signingSecret: secret });
  },
  /** Guess: the success body of start is cut off in every copy; the conversation in the envelope. */
  startConversation(shape, /** @type {Conversation} */ c) {
    if (shape === 'undocumented') return { conversation: { id: c.id, room: c.roomId } };
    return envelope(['Conversation started successfully'], conversationData(c));
  },
  /** Guess, as for start. */
  closeConversation(shape, /** @type {Conversation} */ c) {
    if (shape === 'undocumented') return { conversation: { id: c.id, room: c.roomId } };
    return envelope(['Conversation closed successfully'], conversationData(c));
  },
  getConversation(shape, /** @type {Conversation} */ c) {
    if (shape === 'undocumented') return { conversation: { id: c.id, room: c.roomId } };
    return envelope(['Conversation retrieved successfully'], conversationData(c));
  },
  /** Guess: the send page shows no response body. */
  sendMessage(shape, /** @type {string} */ messageId) {
    if (shape === 'undocumented') return { ok: true };
    return envelope(['Message received successfully'], { id: messageId });
  },
};

/** The conversation as the get-conversation page's structure table shows it (`endAt`/`endedReason` once closed). */
function conversationData(/** @type {Conversation} */ c) {
  /** @type {Record<string, unknown>} */
  const data = { _id: c.id, roomId: c.roomId, state: c.state, startAt: c.startAt };
  if (c.endAt !== undefined) data.endAt = c.endAt;
  if (c.endedReason !== undefined) data.endedReason = c.endedReason;
  data.User = { id: c.userId, names: c.userNames, referenceId: c.userReferenceId };
  data.Bot = { id: c.botId };
  return data;
}

module.exports = { AUTHENTICATION_FAILED, SUCCESS, errorBody, conversationData };

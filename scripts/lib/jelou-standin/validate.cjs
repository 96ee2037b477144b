// @ts-check
// What the stand-in Jelou accepts in request bodies: the fields, enums and formats the pages document (jelou-api.md
// §3, §6, §9, §10, §13). Each check answers field → messages, in the style of Jelou's `validationError`.
'use strict';
const { MESSAGE_TYPES } = require('./events.cjs');

const AUTH_TYPES = ['bearer', 'api_key', 'basic', 'no_auth'];
const ASSIGNMENT_TYPES = ['queue', 'operator', 'team'];
const REDIRECT_TYPES = ['text', 'edge'];
/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v @returns {v is string} */
const nonEmpty = (v) => typeof v === 'string' && v.length > 0;

/** A webhook URL Jelou would take: https, or http on loopback (the stand-in is a test double). */
function acceptableWebhookUrl(/** @type {unknown} */ value) {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * @param {unknown} body
 * @param {boolean} create
 * @returns {Record<string, string[]> | undefined}
 */
function integrationFieldErrors(body, create) {
  if (!isObject(body)) return { body: ['body must be a JSON object'] };
  /** @type {Record<string, string[]>} */
  const errors = {};
  if (body.webhookUrl === undefined) {
    if (create) errors.webhookUrl = ['webhookUrl should not be empty'];
  } else if (!acceptableWebhookUrl(body.webhookUrl)) {
    errors.webhookUrl = ['webhookUrl must be an https URL'];
  }
  if (body.authType !== undefined && !AUTH_TYPES.includes(/** @type {string} */ (body.authType))) {
    errors.authType = [`authType must be one of: ${AUTH_TYPES.join(', ')}`];
  }
  if (body.authorization !== undefined && typeof body.authorization !== 'string') {
    errors.authorization = ['authorization must be a string'];
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** @param {unknown} body @param {'start' | 'close'} kind */
function conversationFieldErrors(body, kind) {
  if (!isObject(body)) return { body: ['body must be a JSON object'] };
  /** @type {Record<string, string[]>} */
  const errors = {};
  if (!nonEmpty(body.botId)) errors.botId = ['botId must be a non-empty string'];
  if (!nonEmpty(body.userId)) errors.userId = ['userId must be a non-empty string'];
  if (kind === 'start') {
    if (body.initialMessage !== undefined && typeof body.initialMessage !== 'string') {
      errors.initialMessage = ['initialMessage must be a string'];
    }
    if (body.metadata !== undefined && !isObject(body.metadata)) errors.metadata = ['metadata must be an object'];
    const a = body.assignment;
    if (a !== undefined && (!isObject(a) || !ASSIGNMENT_TYPES.includes(/** @type {string} */ (a.type)))) {
      errors.assignment = [`assignment.type must be one of: ${ASSIGNMENT_TYPES.join(', ')}`];
    } else if (isObject(a) && !nonEmpty(a.target)) {
      errors.assignment = ['assignment.target must be a non-empty string'];
    }
  } else {
    const r = body.redirectPayload;
    if (r !== undefined && (!isObject(r) || !REDIRECT_TYPES.includes(/** @type {string} */ (r.type)))) {
      errors.redirectPayload = [`redirectPayload.type must be one of: ${REDIRECT_TYPES.join(', ')}`];
    } else if (isObject(r) && r.text !== undefined && typeof r.text !== 'string') {
      errors.redirectPayload = ['redirectPayload.text must be a string'];
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** The `incoming_message` body of the send-messages page (§13); every field is required there. */
function messageFieldErrors(/** @type {unknown} */ body) {
  if (!isObject(body)) return { body: ['body must be a JSON object'] };
  /** @type {Record<string, string[]>} */
  const errors = {};
  const constants = { field: 'messages', object: 'message_event', event_type: 'incoming_message' };
  for (const [name, expected] of Object.entries(constants)) {
    if (body[name] !== expected) errors[name] = [`${name} must be ${JSON.stringify(expected)}`];
  }
  for (const name of ['project_id', 'room_id', 'bot_id', 'user_id']) {
    if (!nonEmpty(body[name])) errors[name] = [`${name} must be a non-empty string`];
  }
  const value = body.value;
  if (!isObject(value)) {
    errors.value = ['value must be an object'];
  } else {
    if (!nonEmpty(value.id)) errors['value.id'] = ['value.id must be a non-empty string'];
    if (!MESSAGE_TYPES.includes(/** @type {string} */ (value.type))) {
      errors['value.type'] = [`value.type must be one of: ${MESSAGE_TYPES.join(', ')}`];
    }
    const content = value.content;
    if (!isObject(content)) {
      errors['value.content'] = ['value.content must be an object'];
    } else if (value.type === 'text') {
      if (typeof content.body !== 'string') errors['value.content.body'] = ['value.content.body must be a string'];
    } else if (!(typeof content.url === 'string' && /^https:\/\/[^/]/.test(content.url))) {
      errors['value.content.url'] = ['media URLs must be reachable over HTTPS'];
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}

module.exports = { conversationFieldErrors, integrationFieldErrors, isObject, messageFieldErrors };

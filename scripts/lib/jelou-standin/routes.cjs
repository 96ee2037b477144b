// @ts-check
// Where a request to the stand-in Jelou goes: the gateway's operations under `/jelouapi` or `/platform`, or the
// messages host's one path at the root (jelou-api.md §1: two hosts; the stand-in serves both on one port).
'use strict';

/** Base path of the gateway as the rendered docs show it. */
const STANDIN_BASE_PATH = '/jelouapi';
/** Base path of the gateway as the `.md` pages show it; served too. */
const STANDIN_PLATFORM_PATH = '/platform';
/** The messages host's only path (the panel → Jelou direction), at the root of `messagesUrl`. */
const MESSAGES_PATH = '/v1/external-support/webhook';
const API_PREFIX = '/v1/external-support/';

/** Tells the host and operation of a request from its method and raw path. */
function classify(/** @type {string} */ method, /** @type {string} */ url) {
  const path = url.split('?')[0] ?? '';
  if (path === MESSAGES_PATH) return { host: 'messages', operation: method === 'POST' ? 'sendMessage' : undefined };
  const base = [STANDIN_BASE_PATH, STANDIN_PLATFORM_PATH].find((b) => path.startsWith(`${b}${API_PREFIX}`));
  if (base === undefined) return { host: 'unknown' };
  const segments = path.slice(base.length + API_PREFIX.length).split('/');
  /** @type {string | undefined} */
  let operation;
  if (segments.length === 1) {
    operation = { GET: 'getIntegration', PATCH: 'updateIntegration', POST: 'createIntegration' }[method];
    if (method === 'DELETE') operation = 'deleteIntegration';
  } else if (segments.length === 3 && segments[1] === 'secret' && segments[2] === 'regenerate') {
    if (method === 'POST') operation = 'regenerateSigningSecret';
  } else if (segments.length === 3 && segments[1] === 'conversations') {
    if (method === 'POST' && segments[2] === 'start') operation = 'startConversation';
    else if (method === 'POST' && segments[2] === 'close') operation = 'closeConversation';
    else if (method === 'GET') operation = 'getConversation';
  }
  return { host: 'gateway', basePath: base, operation, segments };
}

module.exports = { API_PREFIX, MESSAGES_PATH, STANDIN_BASE_PATH, STANDIN_PLATFORM_PATH, classify };

// @ts-check
// One delivery of the stand-in Jelou to a panel: the exact bytes, `X-Jelou-Signature` over them (or over their
// re-serialization, or none, on demand), the auth header of the integration's authType, POSTed to loopback.
'use strict';
const events = require('./events.cjs');
const { isObject } = require('./validate.cjs');

/**
 * @typedef {object} DeliveryContext
 * @property {string} to
 * @property {(import('../jelou-standin.cjs').StandinIntegration & { signingSecret: string }) | undefined} integration
 * @property {'encode' | 'verbatim'} basicEncoding
 * @property {number} timeoutMs
 * @property {AbortSignal} signal
 * @property {(delivery: import('../jelou-standin.cjs').StandinDelivery) => void} record
 */

/** @param {unknown} event @param {'compact' | 'pretty' | undefined} format */
function bytesOf(event, format) {
  if (typeof event === 'string') return Buffer.from(event, 'utf8');
  if (event instanceof Uint8Array) return Buffer.from(event);
  return Buffer.from(format === 'pretty' ? JSON.stringify(event, null, 2) : JSON.stringify(event));
}

/** The event name a body carries (`event`, else `event_type`), or `raw`. */
function nameOf(/** @type {Buffer} */ bytes) {
  try {
    const parsed = JSON.parse(bytes.toString('utf8'));
    if (isObject(parsed)) return String(parsed.event ?? parsed.event_type ?? 'raw');
  } catch {
    // Not JSON: a raw delivery, on purpose.
  }
  return 'raw';
}

/**
 * @param {unknown} event
 * @param {import('../jelou-standin.cjs').StandinDeliverOptions} opts
 * @param {DeliveryContext} context
 * @returns {Promise<import('../jelou-standin.cjs').StandinDeliveryResult>}
 */
async function deliver(event, opts, context) {
  const { to, integration } = context;
  const bytes = bytesOf(event, opts.bodyFormat);
  const form = opts.sign ?? 'raw';
  /** @type {string | undefined} */
  let signature = opts.signature;
  if (signature === undefined && form !== 'none') {
    const secret = opts.secret ?? integration?.signingSecret;
    if (secret === undefined) throw new Error('no signing secret: the stand-in has no integration; pass { secret }');
    const input = form === 'reserialized' ? JSON.stringify(JSON.parse(bytes.toString('utf8'))) : bytes;
    signature = events.signJelouBody(input, secret);
  }
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'jelou-standin',
    ...(integration ? events.authHeaders(integration, context.basicEncoding) : {}),
  };
  if (signature !== undefined) headers['x-jelou-signature'] = signature;
  const overrides = new Map(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const sent = Object.fromEntries(
    [...Object.entries(headers).filter(([k]) => !overrides.has(k)), ...overrides].filter(
      /** @returns {entry is [string, string]} */ (entry) => entry[1] !== null,
    ),
  );
  /** @type {import('../jelou-standin.cjs').StandinDelivery} */
  const delivery = {
    event: nameOf(bytes),
    url: to,
    headers: sent,
    body: bytes.toString('utf8'),
    rawBody: bytes,
    signedOver: opts.signature === undefined ? form : 'none',
  };
  context.record(delivery);
  try {
    events.loopbackUrl(to);
    const answer = await events.post(to, sent, bytes, opts.timeoutMs ?? context.timeoutMs, context.signal);
    delivery.status = answer.status;
    delivery.responseBody = answer.body;
    return { status: answer.status, body: answer.body, headers: answer.headers, delivery };
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

module.exports = { deliver };

// node:crypto: within a few percent of a bare createHmac + timingSafeEqual (see bench/webhook-verify.mjs).
import { createHmac } from 'node:crypto';
import type { Hmac } from './hmac.js';

/** HMAC-SHA256 on `node:crypto`, hex. */
export const nodeHmac: Hmac = (secret, data) => createHmac('sha256', secret).update(data).digest('hex');

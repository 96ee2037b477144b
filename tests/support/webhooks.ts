// Shared by the webhooks tests: both entries (node:crypto and WebCrypto), a secret, and the docs' own signer and
// verifier (jelou-api.md §5, reconstructed from the firma-hmac page's samples).
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as nodeEntry from '../../src/webhooks/node';
import * as webEntry from '../../src/webhooks/index';
import { sampleEvent } from '../../src/testing/index';

export const SECRET = 'canary-signing-secret-3b9d0c';
export const PREVIOUS = 'canary-previous-secret-77aa1e';
export const ENTRIES = [
  ['node', nodeEntry],
  ['web', webEntry],
] as const;

/** The docs' signer: HMAC of `JSON.stringify(payload)`, `sha256=` + hex. */
export const docsSign = (payload: unknown, secret = SECRET): { body: string; signature: string } => {
  const body = JSON.stringify(payload);
  return { body, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
};

/** The docs' sample verifier, as the page writes it (it re-serializes the parsed payload). */
export const docsVerify = (payload: unknown, signature: string, secret = SECRET): boolean => {
  const expected = 'sha256=' + createHmac('sha256', secret).update(JSON.stringify(payload)).digest('hex');
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
};

export const textEvent = () => sampleEvent('message.text', { value: { id: `msg-${Math.random()}` } });

import { createHmac } from 'node:crypto';
import { ENTRIES, PREVIOUS, SECRET, docsSign, docsVerify } from '../../support/webhooks';
import { sampleEvent } from '../../../src/testing/index';

describe.each(ENTRIES)('verifyJelouSignature (%s entry)', (_runtime, { verifyJelouSignature, signJelouPayload }) => {
  const event = sampleEvent('message.text');

  it('accepts an event signed the way the docs say (HMAC of the JSON.stringify-ed payload, sent as the body)', async () => {
    const { body, signature } = docsSign(event);
    await expect(verifyJelouSignature(body, signature, SECRET)).resolves.toEqual({
      ok: true,
      secretIndex: 0,
      form: 'raw',
    });
  });

  it('makes a header that passes the docs own verifier sample', async () => {
    const signature = await signJelouPayload(JSON.stringify(event), SECRET);
    expect(docsVerify(event, signature)).toBe(true);
  });

  it('takes the body as a string, a Uint8Array, a Buffer or an ArrayBuffer', async () => {
    const { body, signature } = docsSign(event);
    const bytes = new TextEncoder().encode(body);
    for (const form of [body, bytes, Buffer.from(body), bytes.buffer.slice(0)]) {
      await expect(verifyJelouSignature(form, signature, SECRET)).resolves.toMatchObject({ ok: true });
    }
  });

  it('refuses an already-parsed body at once with body_not_raw, whose message names the fix', async () => {
    const { signature } = docsSign(event);
    await expect(verifyJelouSignature(event, signature, SECRET)).resolves.toEqual({
      ok: false,
      reason: 'body_not_raw',
    });
    const { WebhookVerificationError } = await import('../../../src/webhooks/index');
    expect(new WebhookVerificationError('body_not_raw').message).toMatch(
      /express\.raw\(\{ type: 'application\/json' \}\)/,
    );
  });

  it('names each failure', async () => {
    const { body, signature } = docsSign(event);
    const cases: [unknown, string | undefined, string][] = [
      [body, undefined, 'missing_signature'],
      [body, '', 'missing_signature'],
      [body, signature.toUpperCase(), 'malformed_signature'],
      [body, signature.slice(0, -1), 'malformed_signature'],
      [body, `sha1=${signature.slice(7)}`, 'malformed_signature'],
      [body + ' ', signature, 'mismatch'],
      ['', signature, 'empty_body'],
    ];
    for (const [b, s, reason] of cases)
      await expect(verifyJelouSignature(b, s, SECRET)).resolves.toEqual({ ok: false, reason });
  });

  it('tries every secret, current first, ignores empty entries, and says which one matched', async () => {
    const { body, signature } = docsSign(event, PREVIOUS);
    await expect(verifyJelouSignature(body, signature, [SECRET, '', undefined, PREVIOUS])).resolves.toEqual({
      ok: true,
      secretIndex: 1,
      form: 'raw',
    });
    await expect(verifyJelouSignature(body, signature, [SECRET])).resolves.toEqual({ ok: false, reason: 'mismatch' });
  });

  it('throws a TypeError that names no value when no secret is usable', async () => {
    await expect(verifyJelouSignature('{}', 'sha256=' + '0'.repeat(64), ['', null])).rejects.toThrow(TypeError);
  });

  it('accepts the re-serialized form only when asked, and reports it', async () => {
    const pretty = JSON.stringify(event, null, 2); // a body whose bytes differ from JSON.stringify's
    const signature = 'sha256=' + createHmac('sha256', SECRET).update(JSON.stringify(event)).digest('hex');
    await expect(verifyJelouSignature(pretty, signature, SECRET)).resolves.toEqual({ ok: false, reason: 'mismatch' });
    await expect(verifyJelouSignature(pretty, signature, SECRET, { reserialized: true })).resolves.toEqual({
      ok: true,
      secretIndex: 0,
      form: 'reserialized',
    });
  });

  it('signs bytes and text alike, and refuses to sign an object', async () => {
    const body = JSON.stringify(event);
    expect(await signJelouPayload(new TextEncoder().encode(body), SECRET)).toBe(docsSign(event).signature);
    await expect(signJelouPayload(event as never, SECRET)).rejects.toThrow(TypeError);
  });
});

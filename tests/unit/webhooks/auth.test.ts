import { ENTRIES, SECRET, docsSign } from '../../support/webhooks';
import { sampleEvent } from '../../../src/testing/index';
import type { WebhookAuth } from '../../../src/webhooks/index';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe.each(ENTRIES)('auth header check (%s entry)', (_runtime, { verifyJelouSignature }) => {
  const { body, signature } = docsSign(sampleEvent('message.text'));
  const verify = (auth: WebhookAuth, headers: Record<string, string>) =>
    verifyJelouSignature(body, signature, SECRET, { auth, headers });

  const cases: [string, WebhookAuth, Record<string, string>, Record<string, string>][] = [
    [
      'bearer',
      { type: 'bearer', token: 'tok-1' },
      { authorization: 'Bearer tok-1' },
      { authorization: 'Bearer tok-2' },
    ],
    [
      'bearer, scheme in any case',
      { type: 'bearer', token: 'tok-1' },
      { Authorization: 'bearer tok-1' },
      { authorization: 'Bearer TOK-1' },
    ],
    ['api_key, default X-API-Key', { type: 'api_key', key: 'k-1' }, { 'x-api-key': 'k-1' }, { 'x-api-key': 'k-1 ' }],
    [
      'api_key, own header',
      { type: 'api_key', key: 'k-1', header: 'X-Webhook-Key' },
      { 'x-webhook-key': 'k-1' },
      { 'x-webhook-key': 'k' },
    ],
    [
      'basic, username and password',
      { type: 'basic', username: 'ana', password: 'pw' },
      { authorization: basic('ana:pw') },
      { authorization: basic('ana:pW') },
    ],
    [
      'basic, credentials as Jelou stores them (base64)',
      { type: 'basic', credentials: 'YW5hOnB3' },
      { authorization: 'Basic YW5hOnB3' },
      { authorization: 'Basic YW5hOnB4' },
    ],
    [
      'basic, credentials as user:pass, Jelou encoding them',
      { type: 'basic', credentials: 'ana:pw' },
      { authorization: basic('ana:pw') },
      { authorization: basic('ana:px') },
    ],
  ];

  it.each(cases)(
    '%s: accepts the right header and refuses a wrong one with bad_auth',
    async (_name, auth, good, bad) => {
      await expect(verify(auth, good)).resolves.toMatchObject({ ok: true });
      await expect(verify(auth, bad)).resolves.toEqual({ ok: false, reason: 'bad_auth' });
      await expect(verify(auth, {})).resolves.toEqual({ ok: false, reason: 'missing_auth' });
    },
  );

  it('reads a Headers object as well as Node header records', async () => {
    await expect(
      verify({ type: 'bearer', token: 't' }, new Headers({ Authorization: 'Bearer t' }) as never),
    ).resolves.toMatchObject({ ok: true });
  });

  it('checks nothing for { type: none }', async () => {
    await expect(verify({ type: 'none' }, {})).resolves.toMatchObject({ ok: true });
  });

  it('refuses a right auth header with a wrong signature (both mechanisms must pass)', async () => {
    const wrong = `sha256=${'0'.repeat(64)}`;
    await expect(
      verifyJelouSignature(body, wrong, SECRET, {
        auth: { type: 'bearer', token: 't' },
        headers: { authorization: 'Bearer t' },
      }),
    ).resolves.toEqual({ ok: false, reason: 'mismatch' });
  });
});

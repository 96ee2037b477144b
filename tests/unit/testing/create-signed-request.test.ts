import { createHmac } from 'node:crypto';
import { createSignedRequest, sampleEvent } from '../../../src/testing/index';
import { SECRET, docsVerify } from '../../support/webhooks';

describe('createSignedRequest', () => {
  it('returns a standard POST Request whose body is JSON.stringify(event), signed as the docs verify it', async () => {
    const event = sampleEvent('conversation.start');
    const request = await createSignedRequest(event, { secret: SECRET });
    expect(request).toBeInstanceOf(Request);
    expect([request.method, request.url, request.headers.get('content-type')]).toEqual([
      'POST',
      'http://localhost/webhooks/jelou',
      'application/json',
    ]);
    const body = await request.text();
    expect(body).toBe(JSON.stringify(event));
    expect(docsVerify(JSON.parse(body), request.headers.get('x-jelou-signature') ?? '')).toBe(true);
  });

  it('signs a string body as given, adds the auth header, and lets headers override', async () => {
    const request = await createSignedRequest('{"a": 1}', {
      secret: SECRET,
      auth: { type: 'api_key', key: 'k1' },
      url: 'https://panel.test/hook',
      headers: { 'x-extra': 'yes' },
    });
    expect(request.headers.get('x-jelou-signature')).toBe(
      `sha256=${createHmac('sha256', SECRET).update('{"a": 1}').digest('hex')}`,
    );
    expect([request.headers.get('x-api-key'), request.headers.get('x-extra'), request.url]).toEqual([
      'k1',
      'yes',
      'https://panel.test/hook',
    ]);
    const basic = await createSignedRequest(
      {},
      { secret: SECRET, auth: { type: 'basic', username: 'u', password: 'p' } },
    );
    expect(basic.headers.get('authorization')).toBe(`Basic ${btoa('u:p')}`);
  });
});

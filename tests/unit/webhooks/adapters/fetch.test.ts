import { ENTRIES, SECRET } from '../../../support/webhooks';
import { createSignedRequest, sampleEvent } from '../../../../src/testing/index';

describe.each(ENTRIES)(
  'toFetchHandler (%s entry)',
  (_runtime, { createJelouWebhooks, memoryStore, toFetchHandler }) => {
    const make = (options: Parameters<typeof toFetchHandler>[1] = {}) => {
      const text = jest.fn();
      const hooks = createJelouWebhooks({ secret: SECRET, dedupe: { store: memoryStore() } }).on('message.text', text);
      return { text, hooks, handler: toFetchHandler(hooks, options) };
    };

    it('calls the message.text handler once; the same delivery again calls nothing and answers 2xx; a bad signature answers 401', async () => {
      const { text, handler } = make();
      const event = sampleEvent('message.text');
      const first = await handler(await createSignedRequest(event, { secret: SECRET }));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ ok: true, status: 'handled' });
      expect(text).toHaveBeenCalledTimes(1);
      expect(text.mock.calls[0][0]).toEqual(event);
      const again = await handler(await createSignedRequest(event, { secret: SECRET }));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ok: true, status: 'duplicate' });
      const forged = await handler(
        await createSignedRequest(sampleEvent('message.text', { value: { id: 'other' } }), {
          secret: 'not-the-secret',
        }),
      );
      expect(forged.status).toBe(401);
      expect(await forged.json()).toEqual({ error: 'mismatch' });
      expect(text).toHaveBeenCalledTimes(1);
    });

    it('answers 405 to other methods, 404 off its path, 415 to a non-JSON body, 400 to a malformed one', async () => {
      const { handler } = make({ path: '/webhooks/jelou' });
      const signed = await createSignedRequest(sampleEvent('message.text'), { secret: SECRET });
      const get = await handler(new Request('http://localhost/webhooks/jelou'));
      expect([get.status, get.headers.get('allow'), get.headers.get('content-type')]).toEqual([
        405,
        'POST',
        'application/json',
      ]);
      expect(
        (await handler(await createSignedRequest({}, { secret: SECRET, url: 'http://localhost/other' }))).status,
      ).toBe(404);
      const form = await createSignedRequest('a=1', {
        secret: SECRET,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect((await handler(form)).status).toBe(415);
      expect((await handler(await createSignedRequest('{not json', { secret: SECRET }))).status).toBe(400);
      expect((await handler(await createSignedRequest('', { secret: SECRET }))).status).toBe(400);
      expect((await handler(signed)).status).toBe(200);
    });

    it('answers 500 when a handler fails, releasing the dedupe claim so a redelivery runs again; onHandlerError ack answers 200', async () => {
      let fail = true;
      const hooks = createJelouWebhooks({ secret: SECRET, dedupe: { store: memoryStore() } }).on('message.text', () => {
        if (fail) throw new Error('db down');
      });
      const event = sampleEvent('message.text');
      expect((await toFetchHandler(hooks)(await createSignedRequest(event, { secret: SECRET }))).status).toBe(500);
      fail = false;
      const retry = await toFetchHandler(hooks)(await createSignedRequest(event, { secret: SECRET }));
      expect([retry.status, await retry.json()]).toEqual([200, { ok: true, status: 'handled' }]);
      fail = true;
      const acked = await toFetchHandler(hooks, { onHandlerError: 'ack' })(
        await createSignedRequest(sampleEvent('message.text', { value: { id: 'n2' } }), { secret: SECRET }),
      );
      expect([acked.status, await acked.json()]).toEqual([200, { ok: true, status: 'handler_failed' }]);
    });

    it('answers 202 after timeoutMs while the handler goes on, and 409 to the same delivery meanwhile', async () => {
      let finish!: () => void;
      const done = jest.fn();
      const hooks = createJelouWebhooks({ secret: SECRET, dedupe: { store: memoryStore() } }).on(
        'message.text',
        async () => {
          await new Promise<void>((resolve) => (finish = resolve));
          done();
        },
      );
      const handler = toFetchHandler(hooks, { timeoutMs: 20 });
      // The redeliveries go through a handler of the same hooks with the default time limit: what they check is the
      // dedupe store, and on a loaded machine verifying one could itself take longer than 20 ms.
      const patient = toFetchHandler(hooks);
      const event = sampleEvent('message.text');
      const slow = await handler(await createSignedRequest(event, { secret: SECRET }));
      expect([slow.status, await slow.json()]).toEqual([202, { ok: true, status: 'processing' }]);
      const meanwhile = await patient(await createSignedRequest(event, { secret: SECRET }));
      expect(meanwhile.status).toBe(409);
      finish();
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(done).toHaveBeenCalledTimes(1);
      expect((await patient(await createSignedRequest(event, { secret: SECRET }))).status).toBe(200);
    });

    it('checks the auth header and answers 401 without it', async () => {
      const auth = { type: 'bearer', token: 'tok' } as const;
      const hooks = createJelouWebhooks({ secret: SECRET, auth });
      const handler = toFetchHandler(hooks);
      expect((await handler(await createSignedRequest(sampleEvent('message'), { secret: SECRET, auth }))).status).toBe(
        200,
      );
      const missing = await handler(await createSignedRequest(sampleEvent('message'), { secret: SECRET }));
      expect([missing.status, await missing.json()]).toEqual([401, { error: 'missing_auth' }]);
    });
  },
);

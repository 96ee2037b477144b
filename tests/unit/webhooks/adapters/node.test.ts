import { request as httpRequest } from 'node:http';
import { ENTRIES, SECRET } from '../../../support/webhooks';
import { listen, send } from '../../../support/webhook-server';
import { createSignedRequest, sampleEvent } from '../../../../src/testing/index';

describe.each(ENTRIES)(
  'toNodeHandler through a real node:http server (%s entry)',
  (_runtime, { createJelouWebhooks, memoryStore, toNodeHandler }) => {
    it('calls the message.text handler once; the same delivery again calls nothing and answers 2xx; a bad signature answers 401 and calls nothing', async () => {
      const text = jest.fn();
      const hooks = createJelouWebhooks({ secret: SECRET, dedupe: { store: memoryStore() } }).on('message.text', text);
      const server = await listen(toNodeHandler(hooks, { path: '/webhooks/jelou' }));
      try {
        const event = sampleEvent('message.text');
        const first = await send(await createSignedRequest(event, { secret: SECRET }), server.url);
        expect([first.status, await first.json()]).toEqual([200, { ok: true, status: 'handled' }]);
        expect(text).toHaveBeenCalledTimes(1);
        expect(text.mock.calls[0][0]).toEqual(event);
        const again = await send(await createSignedRequest(event, { secret: SECRET }), server.url);
        expect([again.status, await again.json()]).toEqual([200, { ok: true, status: 'duplicate' }]);
        const other = sampleEvent('message.text', { value: { id: 'another' } });
        const bad = await send(await createSignedRequest(other, { secret: 'wrong' }), server.url);
        expect(bad.status).toBe(401);
        expect(text).toHaveBeenCalledTimes(1);
        expect(
          (await send(await createSignedRequest(event, { secret: SECRET }), server.url, '/elsewhere')).status,
        ).toBe(404);
        expect((await fetch(`${server.url}/webhooks/jelou`)).status).toBe(405);
      } finally {
        await server.close();
      }
    });

    it('answers 500 at once, naming the fix, when a middleware already consumed the body (never hangs)', async () => {
      const hooks = createJelouWebhooks({ secret: SECRET });
      const handler = toNodeHandler(hooks);
      const server = await listen((req, res) => {
        // What express.json() does: read the whole stream, then set req.body to the parsed object.
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()) });
          handler(req, res);
        });
      });
      try {
        const started = Date.now();
        const response = await send(
          await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }),
          server.url,
        );
        expect(response.status).toBe(500);
        expect(((await response.json()) as { message: string }).message).toMatch(/express\.raw/);
        expect(Date.now() - started).toBeLessThan(2000);
      } finally {
        await server.close();
      }
    });

    it('uses req.rawBody or a Buffer req.body when a framework kept the bytes', async () => {
      const text = jest.fn();
      const hooks = createJelouWebhooks({ secret: SECRET }).on('message.text', text);
      const handler = toNodeHandler(hooks);
      let field: 'rawBody' | 'body' = 'rawBody';
      const server = await listen((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          Object.assign(req, { [field]: Buffer.concat(chunks) });
          handler(req, res);
        });
      });
      try {
        for (const f of ['rawBody', 'body'] as const) {
          field = f;
          const response = await send(
            await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }),
            server.url,
          );
          expect(response.status).toBe(200);
        }
        expect(text).toHaveBeenCalledTimes(2);
      } finally {
        await server.close();
      }
    });

    it('answers 413 past maxBodyBytes and passes other paths to next() as middleware', async () => {
      const hooks = createJelouWebhooks({ secret: SECRET });
      const handler = toNodeHandler(hooks, { path: '/webhooks/jelou', maxBodyBytes: 64 });
      const server = await listen((req, res) =>
        handler(req, res, () => {
          res.statusCode = 299;
          res.end('next');
        }),
      );
      try {
        const big = await send(await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }), server.url);
        expect(big.status).toBe(413);
        const other = await send(await createSignedRequest({}, { secret: SECRET }), server.url, '/other');
        expect([other.status, await other.text()]).toEqual([299, 'next']);
      } finally {
        await server.close();
      }
    });

    it('answers 400 when the client aborts mid-body, and keeps serving', async () => {
      const hooks = createJelouWebhooks({ secret: SECRET });
      const server = await listen(toNodeHandler(hooks));
      try {
        await new Promise<void>((resolve) => {
          const req = httpRequest(`${server.url}/x`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': '100' },
          });
          req.on('error', () => resolve());
          req.write('{"partial":');
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 20);
        });
        const ok = await send(await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }), server.url);
        expect(ok.status).toBe(200);
      } finally {
        await server.close();
      }
    });
  },
);

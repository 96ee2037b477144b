// The README recipes for Express and Fastify, run for real (the frameworks are pinned devDependencies).
import express from 'express';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { createJelouWebhooks, toNodeHandler } from '../../../../src/webhooks/node';
import { createSignedRequest, sampleEvent } from '../../../../src/testing/index';
import { SECRET } from '../../../support/webhooks';
import { send } from '../../../support/webhook-server';

describe('Express recipe', () => {
  it('receives a signed delivery with express.raw on the webhook route, even with express.json elsewhere', async () => {
    const text = jest.fn();
    const hooks = createJelouWebhooks({ secret: SECRET }).on('message.text', text);
    const app = express();
    app.post('/webhooks/jelou', express.raw({ type: 'application/json' }), toNodeHandler(hooks));
    app.use(express.json());
    app.post('/other', (req, res) => {
      res.json(req.body);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await send(await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }), url);
      expect(response.status).toBe(200);
      expect(text).toHaveBeenCalledTimes(1);
      const other = await fetch(`${url}/other`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(await other.json()).toEqual({ a: 1 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 500 naming the fix, without hanging, when express.json() ran first', async () => {
    const hooks = createJelouWebhooks({ secret: SECRET });
    const app = express();
    app.use(express.json());
    app.post('/webhooks/jelou', toNodeHandler(hooks));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await send(await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }), url);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: 'body_not_raw' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('Fastify recipe', () => {
  it('receives a signed delivery through a route-scoped raw parser, leaving JSON parsing elsewhere intact', async () => {
    const text = jest.fn();
    const hooks = createJelouWebhooks({ secret: SECRET }).on('message.text', text);
    const handler = toNodeHandler(hooks);
    const app = Fastify();
    await app.register(async (scope) => {
      scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      scope.post('/webhooks/jelou', (request, reply) => {
        reply.hijack();
        handler(Object.assign(request.raw, { rawBody: request.body }), reply.raw);
      });
    });
    app.post('/other', async (request) => request.body);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await send(await createSignedRequest(sampleEvent('message.text'), { secret: SECRET }), url);
      expect([response.status, await response.json()]).toEqual([200, { ok: true, status: 'handled' }]);
      expect(text).toHaveBeenCalledTimes(1);
      const bad = await send(await createSignedRequest(sampleEvent('message.text'), { secret: 'wrong' }), url);
      expect(bad.status).toBe(401);
      const other = await fetch(`${url}/other`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(await other.json()).toEqual({ a: 1 });
    } finally {
      await app.close();
    }
  });
});

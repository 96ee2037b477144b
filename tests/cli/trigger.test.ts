// jelou trigger: a signed sample event POSTed to a handler built with the SDK's own toNodeHandler.
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createJelouWebhooks, memoryStore, toNodeHandler } from '../../src/webhooks/node';
import { listen } from '../support/webhook-server';
import { CANARY, defined, ensureBuilt, runCli } from './support/cli';

beforeAll(() => ensureBuilt(), 120_000);

async function startPanel(auth: Parameters<typeof createJelouWebhooks>[0]['auth']) {
  const hooks = createJelouWebhooks({
    secret: CANARY.signingSecret,
    ...(auth ? { auth } : {}),
    dedupe: { store: memoryStore() },
  });
  const seen: { name: string; event: unknown }[] = [];
  hooks.on('message.text', (event) => void seen.push({ name: 'message.text', event }));
  hooks.on('message.image', (event) => void seen.push({ name: 'message.image', event }));
  hooks.on(['conversation.start', 'conversation.close'], (event) => void seen.push({ name: 'conversation', event }));
  const server = await listen(toNodeHandler(hooks, { path: '/webhooks/jelou' }));
  return { ...server, seen, to: `${server.url}/webhooks/jelou` };
}

test('trigger message.text is accepted by the SDK verifier (signature and bearer auth) and calls the handler once', async () => {
  const panel = await startPanel({ type: 'bearer', token: CANARY.webhookToken });
  try {
    const run = await runCli(
      [
        'trigger',
        'message.text',
        '--to',
        panel.to,
        '--set',
        'value.content.body=Hi there',
        '--set',
        'value.id=m-1',
        '--auth-type',
        'bearer',
        '--auth-token-env',
        'HOOK_TOKEN',
      ],
      { env: { JELOU_SIGNING_SECRET: CANARY.signingSecret, HOOK_TOKEN: CANARY.webhookToken } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^<-- 200 POST ${panel.to} \\d+ ms\\n$`));
    expect(panel.seen).toHaveLength(1);
    expect(panel.seen[0]).toMatchObject({
      name: 'message.text',
      event: { value: { id: 'm-1', content: { body: 'Hi there' } } },
    });
  } finally {
    await panel.close();
  }
});

test.each(['message.image', 'conversation.start', 'conversation.close'])('trigger %s is accepted too', async (name) => {
  const panel = await startPanel(undefined);
  try {
    const run = await runCli(['trigger', name, '--to', panel.to, '--json'], {
      env: { JELOU_SIGNING_SECRET: CANARY.signingSecret },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ event: name, status: 200, url: panel.to });
    expect(panel.seen).toHaveLength(1);
  } finally {
    await panel.close();
  }
});

test('the signature covers the exact bytes sent (recomputed here), with the api_key header named', async () => {
  const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  try {
    const run = await runCli(
      [
        'trigger',
        'message.document',
        '--to',
        `${server.url}/x`,
        '--auth-type',
        'api_key',
        '--auth-token-env',
        'K',
        '--auth-header',
        'X-Panel-Key',
      ],
      { env: { JELOU_SIGNING_SECRET: CANARY.signingSecret, K: CANARY.webhookToken } },
    );
    expect(run.code).toBe(0);
    const delivery = defined(received[0], 'the delivery');
    const expected = createHmac('sha256', CANARY.signingSecret).update(delivery.body).digest('hex');
    expect(delivery.headers['x-jelou-signature']).toBe(`sha256=${expected}`);
    expect(delivery.headers['x-panel-key']).toBe(CANARY.webhookToken);
    expect(JSON.parse(delivery.body.toString())).toMatchObject({ value: { type: 'document' } });
  } finally {
    await server.close();
  }
});

test('a handler that refuses (wrong secret) makes trigger exit 1 with the status', async () => {
  const panel = await startPanel(undefined);
  try {
    const run = await runCli(['trigger', 'message.text', '--to', panel.to], {
      env: { JELOU_SIGNING_SECRET: 'another-secret-entirely' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<-- 401 POST /);
    expect(panel.seen).toHaveLength(0);
  } finally {
    await panel.close();
  }
});

test('bad usage sends nothing: unknown event, missing --to, a --to that is not a URL, an unset token variable', async () => {
  const env = { JELOU_SIGNING_SECRET: CANARY.signingSecret };
  for (const args of [
    ['trigger', 'message.sticker', '--to', 'http://127.0.0.1:9/'],
    ['trigger', 'message.text'],
    ['trigger', 'message.text', '--to', 'nowhere'],
    ['trigger', 'message.text', '--to', 'http://127.0.0.1:9/', '--auth-type', 'bearer', '--auth-token-env', 'UNSET_X'],
  ]) {
    const run = await runCli(args, { env });
    expect({ args, code: run.code }).toEqual({ args, code: 2 });
  }
});

test('a handler that is not there: exit 1 naming the URL', async () => {
  const server = await listen((_req, res) => res.end());
  const url = `${server.url}/gone`;
  await server.close();
  const run = await runCli(['trigger', 'message.text', '--to', url], {
    env: { JELOU_SIGNING_SECRET: CANARY.signingSecret },
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`POST ${url} failed: ECONNREFUSED`);
});

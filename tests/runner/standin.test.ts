// The stand-in Jelou (scripts/lib/jelou-standin.cjs) that the contract runner, the CLI and the example panel are
// tested against: stateful across every operation, checking X-Jelou-Signature on the messages host, and
// delivering signed events to a real node:http receiver. Signatures are recomputed here with node:crypto.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startJelouStandin, type JelouStandin, type StandinOptions } from '../support/jelou-standin';

const PROJECT = 'standin-project';
const API_KEY = `key-${randomBytes(8).toString('hex')}`;
const WEBHOOK_TOKEN = `token-${randomBytes(8).toString('hex')}`;

/** What a panel received. */
interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A panel's webhook on loopback that records every delivery and answers `status`. */
async function startReceiver(status = 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`got ${received.length}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/jelou`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const hmac = (bytes: string | Buffer, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;

let standin: JelouStandin | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

afterEach(async () => {
  await standin?.close();
  await receiver?.close();
  standin = undefined;
  receiver = undefined;
});

async function start(options: Partial<StandinOptions> = {}): Promise<JelouStandin> {
  standin = await startJelouStandin({ projectId: PROJECT, apiKey: API_KEY, integration: false, ...options });
  return standin;
}

/** Calls the gateway with the API key; answers status and parsed body. */
async function call(
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = { 'x-api-key': API_KEY },
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const init: RequestInit = { method, headers: { ...headers, 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${standin?.url}/v1/external-support/${PROJECT}${route}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, text };
}

/** Sends bytes to the messages host with the given headers. */
async function postMessage(raw: string | Buffer, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${standin?.messagesUrl}/v1/external-support/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof raw === 'string' ? raw : new Uint8Array(raw),
  });
  await response.arrayBuffer();
  return response.status;
}

function agentMessage(roomId: string, botId: string, userId: string, text = 'Hello from the agent'): string {
  return JSON.stringify({
    field: 'messages',
    object: 'message_event',
    event_type: 'incoming_message',
    project_id: PROJECT,
    room_id: roomId,
    bot_id: botId,
    user_id: userId,
    value: { id: `msg-${randomBytes(6).toString('hex')}`, type: 'text', content: { body: text } },
  });
}

describe('the stand-in Jelou', () => {
  it('runs create → get → update → regenerate → start → get conversation → send → close → delete → get 404', async () => {
    receiver = await startReceiver();
    const s = await start({ bots: ['BOT_ID'], users: ['USER_ID'], deliverTo: receiver.url });

    expect((await call('GET', '')).status).toBe(404);
    expect(s.hasIntegration()).toBe(false);

    const invalid = await call('POST', '', { webhookUrl: 'http://panel.example.com/jelou', authType: 'oauth' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      statusMessage: 'failed',
      status: 0,
      error: { key: 'UNPROCESSABLE_ENTITY' },
      validationError: { webhookUrl: [expect.any(String)], authType: [expect.any(String)] },
    });
    expect((await call('POST', '', {})).status).toBe(422);

    const created = await call('POST', '', {
      webhookUrl: 'https://panel.example.com/jelou',
      authType: 'bearer',
      authorization: WEBHOOK_TOKEN,
    });
    expect(created.status).toBe(200);
    const first = created.body.signingSecret as string;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body).toMatchObject({ brainId: PROJECT, webhookUrl: 'https://panel.example.com/jelou' });
    expect((await call('POST', '', { webhookUrl: 'https://other.example.com' })).status).toBe(409);

    const read = await call('GET', '');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ statusMessage: 'success', status: 1, data: { brainId: PROJECT } });
    expect(read.text).not.toContain(first);
    expect(read.text).not.toContain(WEBHOOK_TOKEN);

    expect((await call('PATCH', '', { authType: 'oauth' })).status).toBe(400);
    const updated = await call('PATCH', '', { webhookUrl: 'https://panel.example.com/jelou-v2' });
    expect(updated).toMatchObject({ status: 200, body: { webhookUrl: 'https://panel.example.com/jelou-v2' } });
    expect(s.integration()).toMatchObject({ webhookUrl: 'https://panel.example.com/jelou-v2', authType: 'bearer' });

    const regenerated = await call('POST', '/secret/regenerate');
    expect(regenerated.status).toBe(200);
    const second = (regenerated.body.data as { signingSecret: string }).signingSecret;
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
    expect(s.signingSecret()).toBe(second);

    expect((await call('POST', '/conversations/start', { botId: 'NOBODY', userId: 'USER_ID' })).body).toMatchObject({
      error: { code: 'E1019', key: 'BOT_NOT_FOUND' },
    });
    const badAssignment = await call('POST', '/conversations/start', {
      botId: 'BOT_ID',
      userId: 'USER_ID',
      assignment: { type: 'robot', target: 'x' },
    });
    expect(badAssignment.status).toBe(422);
    const started = await call('POST', '/conversations/start', {
      botId: 'BOT_ID',
      userId: 'USER_ID',
      assignment: { type: 'queue', target: 'SUPPORT' },
      metadata: { ticketId: 'T-12345' },
    });
    expect(started.status).toBe(200);
    const conversation = started.body.data as { _id: string; roomId: string; state: string };
    expect(conversation.state).toBe('active');

    const got = await call('GET', `/conversations/${conversation._id}`);
    expect(got.body).toMatchObject({
      status: 1,
      data: { _id: conversation._id, roomId: conversation.roomId, state: 'active', User: { id: 'USER_ID' } },
    });
    expect((await call('GET', '/conversations/unknown-id')).status).toBe(404);

    // The messages host checks the signature over the raw bytes, with the current secret only.
    const raw = agentMessage(conversation.roomId, 'BOT_ID', 'USER_ID');
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, first) })).toBe(401);
    expect(s.requests.at(-1)).toMatchObject({ host: 'messages', status: 401, reason: 'mismatch' });
    const tampered = Buffer.from(raw);
    tampered[tampered.indexOf('Hello')] = 'J'.charCodeAt(0);
    expect(await postMessage(tampered, { 'x-jelou-signature': hmac(raw, second) })).toBe(401);
    expect(await postMessage(raw, {})).toBe(401);
    expect(s.requests.at(-1)?.reason).toBe('missing_signature');
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, second).toUpperCase() })).toBe(401);
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, second), 'x-api-key': API_KEY })).toBe(401);
    expect(s.requests.at(-1)?.reason).toBe('gateway_credentials_sent');
    expect(await postMessage(raw, { 'x-api-key': API_KEY })).toBe(401);
    expect(s.messages).toEqual([]);

    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, second) })).toBe(200);
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]).toMatchObject({
      type: 'text',
      content: { body: 'Hello from the agent' },
      roomId: conversation.roomId,
      conversationId: conversation._id,
      active: true,
      duplicate: false,
    });
    expect(s.messages[0]?.rawBody.equals(Buffer.from(raw))).toBe(true);

    const closed = await call('POST', '/conversations/close', {
      botId: 'BOT_ID',
      userId: 'USER_ID',
      redirectPayload: { type: 'text', text: 'Thanks!' },
    });
    expect(closed.status).toBe(200);
    expect((await call('GET', `/conversations/${conversation._id}`)).body).toMatchObject({
      data: { state: 'closed', endAt: expect.any(String), endedReason: 'closed_by_operator' },
    });
    expect((await call('POST', '/conversations/close', { botId: 'BOT_ID', userId: 'USER_ID' })).status).toBe(404);

    const deleted = await call('DELETE', '');
    expect(deleted).toMatchObject({ status: 200, body: { message: ['Integration deleted successfully'] } });
    expect((await call('GET', '')).status).toBe(404);
    expect((await call('DELETE', '')).status).toBe(404);
    expect((await call('POST', '/secret/regenerate')).status).toBe(404);
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, second) })).toBe(401);
    expect(s.requests.at(-1)?.reason).toBe('no_integration');

    // conversation.start and conversation.close reached the panel, signed with the secret of the time.
    await s.waitForDeliveries();
    expect(receiver.received.map((r) => JSON.parse(r.raw.toString()).event)).toEqual([
      'conversation.start',
      'conversation.close',
    ]);
    for (const delivery of receiver.received) {
      expect(delivery.headers['x-jelou-signature']).toBe(hmac(delivery.raw, second));
      expect(delivery.headers.authorization).toBe(`Bearer ${WEBHOOK_TOKEN}`);
      expect(JSON.parse(delivery.raw.toString())).toMatchObject({
        timestamp: expect.any(Number),
        project_id: PROJECT,
        room_id: conversation.roomId,
        conversation: { id: conversation._id },
      });
    }
    expect(JSON.parse(receiver.received[1]?.raw.toString() ?? '{}')).toMatchObject({
      reason: 'closed_by_operator',
      redirect_payload: { type: 'text', text: 'Thanks!' },
    });
    expect(s.deliveries.map((d) => d.status)).toEqual([200, 200]);
  });

  it('answers the flat or the envelope shape of each operation on demand, and an undocumented one', async () => {
    const s = await start({ integration: true, shapes: { getIntegration: 'flat', regenerateSigningSecret: 'flat' } });
    expect((await call('GET', '')).body).toEqual({
      id: 'INTEGRATION_ID',
      brainId: PROJECT,
      webhookUrl: 'https://my-system.com/webhook/jelou',
      authType: 'bearer',
      createdAt: '2026-01-15T10:30:00.000Z',
      updatedAt: '2026-01-15T10:30:00.000Z',
    });
    const flat = (await call('POST', '/secret/regenerate')).body;
    expect(Object.keys(flat).sort()).toEqual(['regeneratedAt', 'signingSecret']);

    s.setShapes({ getIntegration: 'envelope', updateIntegration: 'envelope', deleteIntegration: 'flat' });
    expect((await call('GET', '')).body).toMatchObject({ message: ['Integration retrieved successfully'] });
    expect((await call('PATCH', '', {})).body).toMatchObject({ message: ['Integration updated successfully'] });
    expect((await call('DELETE', '')).body).toEqual({
      message: ['Integration deleted successfully.'],
      statusMessage: 'success',
      status: 1,
    });
    s.setShapes({ createIntegration: 'envelope' });
    const created = (await call('POST', '', { webhookUrl: 'https://a.example.com/hook' })).body;
    expect(created).toMatchObject({ status: 1, data: { brainId: PROJECT, signingSecret: s.signingSecret() } });

    await s.close();
    const legacy = await start({ integration: true, undocumentedFor: ['GET', 'regenerateSigningSecret'] });
    expect((await call('GET', '')).body).toEqual({
      integration: { hook: legacy.integration().webhookUrl, created: legacy.integration().createdAt },
    });
    expect((await call('POST', '/secret/regenerate')).body).toEqual({ secret: { value: legacy.signingSecret() } });
  });

  it('takes the API key or HTTP Basic on the gateway under /jelouapi and /platform, never a signature', async () => {
    const basic = { clientId: 'client', clientSecret: `secret-${randomBytes(6).toString('hex')}` };
    const s = await start({ integration: true, basic });
    const token = Buffer.from(`${basic.clientId}:${basic.clientSecret}`).toString('base64');
    expect((await call('GET', '', undefined, { authorization: `Basic ${token}` })).status).toBe(200);
    const wrong = await call('GET', '', undefined, { 'x-api-key': 'wrong' });
    expect(wrong).toMatchObject({ status: 401, body: { message: 'Authentication failed' } });
    const signed = await call('GET', '', undefined, { 'x-jelou-signature': hmac('', s.signingSecret() ?? '') });
    expect(signed.status).toBe(401);
    // The messages path on the gateway is createIntegration for a project named "webhook": 401 without a key.
    const raw = agentMessage('r', 'b', 'u');
    const onGateway = await fetch(`${s.url}/v1/external-support/webhook`, {
      method: 'POST',
      headers: { 'x-jelou-signature': hmac(raw, s.signingSecret() ?? '') },
      body: raw,
    });
    expect(onGateway.status).toBe(401);

    const platform = await fetch(`${s.platformUrl}/v1/external-support/${PROJECT}`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(platform.status).toBe(200);
    expect(s.requests.at(-1)).toMatchObject({ basePath: '/platform', operation: 'getIntegration' });
    // The gateway's paths are not on the messages host's root.
    const rootGet = await fetch(`${s.messagesUrl}/v1/external-support/${PROJECT}`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(rootGet.status).toBe(404);
    expect(
      (await fetch(`${s.url}/v1/external-support/other-project`, { headers: { 'x-api-key': API_KEY } })).status,
    ).toBe(404);
  });

  it('delivers a signed message event in the page shape with the auth header, and returns the receiver status', async () => {
    receiver = await startReceiver(202);
    const s = await start({
      integration: { authType: 'basic', authorization: 'panel:pa55' },
      deliverTo: receiver.url,
    });
    const conversation = s.startConversation({ botId: 'BOT_ID', userId: 'USER_ID' });
    const result = await s.deliverMessage({ type: 'image', url: 'https://cdn.example.com/cat.jpg', caption: 'a cat' });

    expect(result.status).toBe(202);
    expect(result.body).toBe(`got ${receiver.received.length}`);
    const last = receiver.received.at(-1);
    const secret = s.signingSecret() ?? '';
    expect(last?.headers['x-jelou-signature']).toBe(hmac(last?.raw ?? '', secret));
    expect(last?.headers.authorization).toBe(`Basic ${Buffer.from('panel:pa55').toString('base64')}`);
    expect(last?.headers['content-type']).toBe('application/json');
    const event = JSON.parse(last?.raw.toString() ?? '{}') as Record<string, unknown>;
    expect(Object.keys(event)).toEqual([
      'field',
      'object',
      'event_type',
      'timestamp',
      'project_id',
      'room_id',
      'contact',
      'conversation',
      'bot',
      'value',
    ]);
    expect(event).toMatchObject({
      field: 'messages',
      object: 'message_event',
      event_type: 'message',
      room_id: conversation.roomId,
      conversation: { id: conversation.id },
      value: {
        id: expect.any(String),
        type: 'image',
        content: { url: 'https://cdn.example.com/cat.jpg', mime_type: 'image/jpeg', caption: 'a cat' },
      },
    });
    expect(Math.abs((event.timestamp as number) - Date.now())).toBeLessThan(60_000);
    expect(result.event).toEqual(event);

    // The auth header follows the integration's authType; the event name can go under `event` instead.
    await call('PATCH', '', { authType: 'api_key', authorization: WEBHOOK_TOKEN });
    await s.deliverMessage({ type: 'text', body: 'hi', eventKey: 'event' });
    const apiKeyed = receiver.received.at(-1);
    expect(apiKeyed?.headers['x-api-key']).toBe(WEBHOOK_TOKEN);
    expect(apiKeyed?.headers.authorization).toBeUndefined();
    expect(JSON.parse(apiKeyed?.raw.toString() ?? '{}')).toMatchObject({ event: 'message', value: { type: 'text' } });
    expect(JSON.parse(apiKeyed?.raw.toString() ?? '{}')).not.toHaveProperty('event_type');

    await call('PATCH', '', { authType: 'no_auth' });
    await s.deliverMessage({ type: 'document', filename: 'a.pdf' }, { headers: { 'x-extra': 'yes' } });
    const none = receiver.received.at(-1);
    expect(none?.headers.authorization).toBeUndefined();
    expect(none?.headers['x-api-key']).toBeUndefined();
    expect(none?.headers['x-extra']).toBe('yes');
    expect(JSON.parse(none?.raw.toString() ?? '{}').value.content).toEqual({
      url: 'https://storage.example.com/media/document',
      mime_type: 'application/pdf',
      filename: 'a.pdf',
    });
  });

  it('returns a refusing receiver status, and removes or replaces headers on demand', async () => {
    receiver = await startReceiver(401);
    const lines: string[] = [];
    const log = (line: string): number => lines.push(line);
    const s = await start({ integration: { authorization: WEBHOOK_TOKEN }, deliverTo: receiver.url, log });
    const input = { type: 'text', roomId: 'ROOM', botId: 'BOT', userId: 'USER' } as const;
    const refused = await s.deliverMessage(input, { headers: { Authorization: null } });
    expect(refused.status).toBe(401);
    expect(receiver.received.at(-1)?.headers.authorization).toBeUndefined();
    expect(s.deliveries.at(-1)).toMatchObject({ event: 'message', status: 401, signedOver: 'raw' });

    await s.deliverMessage(input, { sign: 'none' });
    expect(receiver.received.at(-1)?.headers).not.toHaveProperty('x-jelou-signature');
    await s.deliverMessage(input, { signature: 'sha256=00' });
    expect(receiver.received.at(-1)?.headers['x-jelou-signature']).toBe('sha256=00');
    await s.deliverMessage(input, { secret: 'another-secret' });
    const other = receiver.received.at(-1);
    expect(other?.headers['x-jelou-signature']).toBe(hmac(other?.raw ?? '', 'another-secret'));
    expect(lines).toContain(`event message -> ${receiver.url}: 401`);
    expect(lines.join('\n')).not.toContain(WEBHOOK_TOKEN);
  });

  it('signs the raw bytes or the re-serialized body on demand, so a test can tell which form a verifier takes', async () => {
    receiver = await startReceiver();
    const s = await start({ integration: true, deliverTo: receiver.url });
    const secret = s.signingSecret() ?? '';
    const event = s.messageEvent({ type: 'text', body: 'héllo', roomId: 'ROOM', botId: 'BOT', userId: 'USER' });
    const reserialize = (raw: Buffer): string => JSON.stringify(JSON.parse(raw.toString('utf8')));

    await s.deliver(event, { bodyFormat: 'pretty' });
    const rawSigned = receiver.received.at(-1);
    expect(rawSigned?.raw.toString()).toBe(JSON.stringify(event, null, 2));
    expect(rawSigned?.headers['x-jelou-signature']).toBe(hmac(rawSigned?.raw ?? '', secret));
    expect(rawSigned?.headers['x-jelou-signature']).not.toBe(
      hmac(reserialize(rawSigned?.raw ?? Buffer.from('')), secret),
    );

    await s.deliver(event, { bodyFormat: 'pretty', sign: 'reserialized' });
    const reSigned = receiver.received.at(-1);
    expect(reSigned?.headers['x-jelou-signature']).toBe(hmac(reserialize(reSigned?.raw ?? Buffer.from('')), secret));
    expect(reSigned?.headers['x-jelou-signature']).not.toBe(hmac(reSigned?.raw ?? '', secret));

    // A compact body is its own re-serialization: both forms give the same header.
    await s.deliver(event);
    await s.deliver(event, { sign: 'reserialized' });
    const [compactRaw, compactRe] = receiver.received.slice(-2);
    expect(compactRaw?.raw.equals(compactRe?.raw ?? Buffer.from(''))).toBe(true);
    expect(compactRaw?.headers['x-jelou-signature']).toBe(compactRe?.headers['x-jelou-signature']);

    // A string goes out byte for byte.
    const text = '{"event_type":"message", "value":{"id":"x"}}';
    await s.deliver(text);
    expect(receiver.received.at(-1)?.raw.toString()).toBe(text);
    expect(s.deliveries.at(-1)).toMatchObject({ event: 'message', body: text });
  });

  it('flags a message to a room with no active conversation, or refuses it when told to, and flags duplicates', async () => {
    const s = await start({ integration: true });
    const secret = s.signingSecret() ?? '';
    const raw = agentMessage('NO_ROOM', 'BOT', 'USER');
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, secret) })).toBe(200);
    expect(await postMessage(raw, { 'x-jelou-signature': hmac(raw, secret) })).toBe(200);
    expect(s.messages.map((m) => [m.active, m.duplicate])).toEqual([
      [false, false],
      [false, true],
    ]);
    const media = JSON.stringify({
      ...JSON.parse(raw),
      value: { id: 'm2', type: 'image', content: { url: 'http://insecure.example.com/a.jpg' } },
    });
    expect(await postMessage(media, { 'x-jelou-signature': hmac(media, secret) })).toBe(400);
    await s.close();

    const strict = await start({ integration: true, inactiveRooms: 'reject' });
    const conversation = strict.startConversation({ botId: 'BOT', userId: 'USER' });
    const strictSecret = strict.signingSecret() ?? '';
    const wrongUser = agentMessage(conversation.roomId, 'BOT', 'SOMEONE_ELSE');
    expect(await postMessage(wrongUser, { 'x-jelou-signature': hmac(wrongUser, strictSecret) })).toBe(404);
    expect(strict.requests.at(-1)?.reason).toBe('room_not_active');
    const right = agentMessage(conversation.roomId, 'BOT', 'USER');
    expect(await postMessage(right, { 'x-jelou-signature': hmac(right, strictSecret) })).toBe(200);
    strict.closeConversation({ botId: 'BOT', userId: 'USER' });
    expect(await postMessage(right, { 'x-jelou-signature': hmac(right, strictSecret) })).toBe(404);
  });

  it('follows the integration webhookUrl when deliverTo is "webhookUrl", and delivers to loopback only', async () => {
    receiver = await startReceiver();
    const s = await start({ deliverTo: 'webhookUrl' });
    expect((await call('POST', '', { webhookUrl: receiver.url, authType: 'no_auth' })).status).toBe(200);
    s.startConversation({ botId: 'BOT', userId: 'USER' });
    await s.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['x-jelou-signature']).toBe(
      hmac(receiver.received[0]?.raw ?? '', s.signingSecret() ?? ''),
    );

    await expect(s.deliver({ event: 'x' }, { to: 'http://192.0.2.1/hook' })).rejects.toThrow(/loopback/);
    expect(() => s.setDeliverTo('https://panel.example.com/jelou')).toThrow(/loopback/);
    await expect(start({ deliverTo: 'http://example.com/' })).rejects.toThrow(/loopback/);
  });

  it('waits for the reply of a panel that answers after acknowledging, and records a delivery that failed', async () => {
    const s = await start({ integration: true });
    const secret = s.signingSecret() ?? '';
    // A tiny echo panel: acknowledges the event, then answers through the messages host, signed.
    const panel = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(200).end();
        const event = JSON.parse(Buffer.concat(chunks).toString()) as {
          project_id: string;
          room_id: string;
          bot: { id: string };
          contact: { id: string };
          value: { content: { body: string } };
        };
        const reply = JSON.stringify({
          field: 'messages',
          object: 'message_event',
          event_type: 'incoming_message',
          project_id: event.project_id,
          room_id: event.room_id,
          bot_id: event.bot.id,
          user_id: event.contact.id,
          value: { id: 'echo-1', type: 'text', content: { body: `echo: ${event.value.content.body}` } },
        });
        setTimeout(() => void postMessage(reply, { 'x-jelou-signature': hmac(reply, secret) }), 20);
      });
    });
    await new Promise<void>((resolve) => panel.listen(0, '127.0.0.1', resolve));
    const { port } = panel.address() as AddressInfo;
    try {
      s.startConversation({ botId: 'BOT', userId: 'USER' });
      const sent = await s.deliverMessage({ type: 'text', body: 'ping' }, { to: `http://127.0.0.1:${port}/` });
      expect(sent.status).toBe(200);
      const echoed = await s.waitForMessage((m) => m.id === 'echo-1');
      expect(echoed).toMatchObject({ active: true, content: { body: 'echo: ping' }, userId: 'USER' });
    } finally {
      await new Promise<void>((resolve) => panel.close(() => resolve()));
    }
    await expect(s.waitForMessage((m) => m.id === 'never', 50)).rejects.toThrow(/within 50 ms/);

    // Nothing listens on the panel's port any more: the automatic delivery fails and says so.
    s.setDeliverTo(`http://127.0.0.1:${port}/gone`);
    s.closeConversation({ botId: 'BOT', userId: 'USER' });
    await s.waitForDeliveries();
    expect(s.deliveries.at(-1)).toMatchObject({ event: 'conversation.close', error: expect.any(String) });
    expect(s.deliveries.at(-1)?.status).toBeUndefined();
  });

  it('lets a test answer instead of it through intercept, e.g. a 503 before the real answer', async () => {
    await start({
      integration: true,
      intercept: (_request, attempt) => (attempt === 1 ? { status: 503, body: { message: 'busy' } } : undefined),
    });
    expect((await call('GET', '')).status).toBe(503);
    expect((await call('GET', '')).status).toBe(200);
    expect(standin?.requests.map((r) => [r.status, r.reason ?? null])).toEqual([
      [503, 'intercepted'],
      [200, null],
    ]);
  });
});

describe('the stand-in Jelou, for retry tests', () => {
  it('drops the connection before or after acting on a request, as a lost answer would', async () => {
    const s = await start({
      integration: true,
      intercept: (_request, attempt) =>
        attempt === 1 ? { drop: 'after' } : attempt === 2 ? { drop: 'before' } : undefined,
    });
    await expect(call('DELETE', '')).rejects.toThrow();
    expect(s.hasIntegration()).toBe(false);
    await expect(call('POST', '', { webhookUrl: 'https://panel.example.com/jelou' })).rejects.toThrow();
    expect(s.hasIntegration()).toBe(false);
    expect((await call('GET', '')).status).toBe(404);
    expect(s.requests.map((r) => [r.operation, r.status ?? null, r.reason])).toEqual([
      ['deleteIntegration', 200, 'dropped_after'],
      ['createIntegration', null, 'dropped_before'],
      ['getIntegration', 404, 'no_integration'],
    ]);
  });
});

describe('node scripts/standin.mjs', () => {
  const launcher = path.join(__dirname, '../../scripts/standin.mjs');
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it('prints its URLs as one JSON line, serves a seeded integration, and exits 0 on SIGTERM', async () => {
    const secret = `secret-${randomBytes(8).toString('hex')}`;
    const proc = spawn(process.execPath, [launcher, '--project', PROJECT, '--signing-secret-env', 'SECRET', '--log'], {
      env: { ...process.env, JELOU_API_KEY: API_KEY, SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: proc.stdout }).once('line', resolve);
      proc.once('exit', (code) => reject(new Error(`standin.mjs exited with ${code}: ${output}`)));
    });
    output += first;
    const info = JSON.parse(first) as { url: string; platformUrl: string; messagesUrl: string; projectId: string };
    expect(info).toMatchObject({ projectId: PROJECT, integration: true });
    expect(info.messagesUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.url).toBe(`${info.messagesUrl}/jelouapi`);
    expect(info.platformUrl).toBe(`${info.messagesUrl}/platform`);

    const read = await fetch(`${info.url}/v1/external-support/${PROJECT}`, { headers: { 'x-api-key': API_KEY } });
    expect(read.status).toBe(200);
    const raw = agentMessage('ROOM', 'BOT', 'USER');
    const sent = await fetch(`${info.messagesUrl}/v1/external-support/webhook`, {
      method: 'POST',
      headers: { 'x-jelou-signature': hmac(raw, secret) },
      body: raw,
    });
    expect(sent.status).toBe(200);

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain(`standin: GET /jelouapi/v1/external-support/${PROJECT} -> 200\n`);
    expect(output).toContain('standin: POST /v1/external-support/webhook -> 200\n');
    expect(output).not.toContain(secret);
    expect(output).not.toContain(API_KEY);
  });

  it('loads from an ES module by name, as plain node scripts import it', () => {
    const module = path.join(__dirname, '../../scripts/lib/jelou-standin.cjs');
    const script = `import { startJelouStandin, signJelouBody, MESSAGES_PATH } from ${JSON.stringify(module)};
      const s = await startJelouStandin({ apiKey: 'k', integration: true });
      console.log(JSON.stringify([s.url.endsWith('/jelouapi'), signJelouBody('{}', 'x'), MESSAGES_PATH]));
      await s.close();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, hmac('{}', 'x'), '/v1/external-support/webhook']);
  });

  it('exits 2 and names the fix when no gateway credential is set', () => {
    const env = { ...process.env };
    delete env.JELOU_API_KEY;
    const run = spawnSync(process.execPath, [launcher], { env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('set JELOU_API_KEY');
    expect(run.stdout).toBe('');
  });
});

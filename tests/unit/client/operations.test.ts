// The seven operations of issue 9 through the real client with an injected fetch: routing, bodies, signatures,
// retries by idempotency, the inferred delete, and refusals before anything is sent.
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import {
  createExternalSupportClient,
  InternalServerError,
  NotFoundError,
  rotateSigningSecret,
  TimeoutError,
  UserAbortError,
  ValidationError,
  type ClientOptions,
} from '../../../src/index';
import { problemsAgainst } from '../../contract/support/spec-validator';
import { ENVELOPE, fakeFetch, json, type FakeFetch } from '../../support/fake-fetch';
import { rejection } from '../../support/refusal';

const KEY = 'gateway-api-key-1234';
const SECRET = 'signing-secret-abcdef';
const OK = { message: ['ok'], statusMessage: 'success', status: 1 };
const CREATED = { ...ENVELOPE, data: { ...ENVELOPE.data, signingSecret: 's' } };
const TEXT = { roomId: 'ROOM_ID', botId: 'BOT_ID', userId: 'USER_ID', message: { type: 'text', body: 'Hi' } } as const;

function clientWith(fake: FakeFetch, extra: ClientOptions = {}) {
  return createExternalSupportClient({
    auth: { apiKey: KEY },
    signingSecret: SECRET,
    baseUrl: 'https://gateway.test/jelouapi',
    messagesBaseUrl: 'https://messages.test',
    fetch: fake.fetch,
    env: {},
    ...extra,
  });
}

// Retries without waiting: the backoff sleeps are the transport's, so a tiny timeout-free policy is enough here.
const noWait = { maxRetries: 2 };

const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('the gateway operations', () => {
  it('sends each to its method and path, with the body given and the API key', async () => {
    const fake = fakeFetch((r) =>
      json(200, r.url.endsWith('/p1') ? CREATED : { ...OK, data: { signingSecret: 's', _id: 'c', state: 'active' } }),
    );
    const client = clientWith(fake);
    await client.createIntegration('p1', { webhookUrl: 'https://panel.example.com/jelou', authType: 'no_auth' });
    await client.regenerateSigningSecret('p1');
    await client.startConversation('p1', { botId: 'b', userId: 'u', assignment: { type: 'queue', target: 'Q' } });
    await client.closeConversation('p1', { botId: 'b', userId: 'u', redirectPayload: { type: 'text', text: 'Bye' } });
    await client.getConversation('p1', 'a/b');
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://gateway.test/jelouapi/v1/external-support/p1',
      'POST https://gateway.test/jelouapi/v1/external-support/p1/secret/regenerate',
      'POST https://gateway.test/jelouapi/v1/external-support/p1/conversations/start',
      'POST https://gateway.test/jelouapi/v1/external-support/p1/conversations/close',
      'GET https://gateway.test/jelouapi/v1/external-support/p1/conversations/a%2Fb',
    ]);
    expect(fake.requests.every((r) => r.headers.get('x-api-key') === KEY)).toBe(true);
    expect(fake.requests.some((r) => r.headers.has('x-jelou-signature'))).toBe(false);
    expect(JSON.parse(fake.requests[2]?.body ?? '')).toEqual({
      botId: 'b',
      userId: 'u',
      assignment: { type: 'queue', target: 'Q' },
    });
  });

  it('normalizes the flat and the envelope regenerate answers to the same signingSecret', async () => {
    const bodies = [
      { signingSecret: 'new-1', regeneratedAt: '2024-01-01T00:00:00Z' },
      { ...OK, data: { brainId: 'p1', signingSecret: 'new-1' } },
    ];
    const fake = fakeFetch((_r, attempt) => json(200, bodies[attempt - 1]));
    const client = clientWith(fake);
    const flat = await client.regenerateSigningSecret('p1').withResponse();
    const envelope = await client.regenerateSigningSecret('p1').withResponse();
    expect([flat.shape, flat.data.signingSecret]).toEqual(['flat', 'new-1']);
    expect([envelope.shape, envelope.data.signingSecret, envelope.envelope?.statusMessage]).toEqual([
      'envelope',
      'new-1',
      'success',
    ]);
  });
});

describe('sendMessage', () => {
  it('goes to the messages host, signed over the exact bytes sent, without gateway credentials', async () => {
    const fake = fakeFetch(() => json(200, OK));
    const sent = await clientWith(fake).sendMessage('p1', TEXT);
    const [request] = fake.requests;
    expect(request?.url).toBe('https://messages.test/v1/external-support/webhook');
    expect(request?.headers.get('x-jelou-signature')).toBe(hmac(SECRET, request?.body ?? ''));
    expect(request?.headers.has('x-api-key')).toBe(false);
    expect(request?.headers.has('authorization')).toBe(false);
    const body = JSON.parse(request?.body ?? '') as { value: { id: string } };
    expect(body).toEqual({
      field: 'messages',
      object: 'message_event',
      event_type: 'incoming_message',
      project_id: 'p1',
      room_id: 'ROOM_ID',
      bot_id: 'BOT_ID',
      user_id: 'USER_ID',
      value: { id: body.value.id, type: 'text', content: { body: 'Hi' } },
    });
    expect(body.value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent.id).toBe(body.value.id);
  });

  it('maps each media type onto the wire body in snake_case, keeping the id given', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const client = clientWith(fake);
    const url = 'https://cdn.example.com/f?sig=x';
    await client.sendMessage('p', {
      ...TEXT,
      message: { type: 'image', url, mimeType: 'image/png', caption: 'c', id: 'm1' },
    });
    await client.sendMessage('p', {
      ...TEXT,
      message: { type: 'document', url, mimeType: 'application/pdf', filename: 'a.pdf' },
    });
    await client.sendMessage('p', { ...TEXT, message: { type: 'audio', url, mimeType: 'audio/mpeg' } });
    const values = fake.requests.map((r) => (JSON.parse(r.body) as { value: unknown }).value);
    expect(values[0]).toEqual({ id: 'm1', type: 'image', content: { url, mime_type: 'image/png', caption: 'c' } });
    expect(values[1]).toMatchObject({
      type: 'document',
      content: { url, mime_type: 'application/pdf', filename: 'a.pdf' },
    });
    expect(values[2]).toMatchObject({ type: 'audio', content: { url, mime_type: 'audio/mpeg' } });
  });

  // The client builds this body itself, so its run-time check only asks for an object (scripts/lib/validators.mjs,
  // CLIENT_BUILT_BODIES): every body it builds must pass the spec's own schema, checked independently with ajv.
  it('builds wire bodies the spec accepts for every message type', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const client = clientWith(fake);
    const url = 'https://cdn.example.com/f?sig=x';
    const messages = [
      { type: 'text', body: 'Hi', id: 'given-id' },
      { type: 'image', url, mimeType: 'image/png', caption: 'c' },
      { type: 'video', url, mimeType: 'video/mp4' },
      { type: 'audio', url, mimeType: 'audio/mpeg' },
      { type: 'document', url, mimeType: 'application/pdf', filename: 'a.pdf' },
    ] as const;
    for (const message of messages) await client.sendMessage('p', { ...TEXT, message });
    expect(fake.requests).toHaveLength(messages.length);
    for (const request of fake.requests) {
      expect(problemsAgainst('SendMessageRequest', JSON.parse(request.body))).toEqual([]);
    }
  });

  it('retries a 503 with the same bytes, id and signature, and resolves with that id', async () => {
    const fake = fakeFetch((_r, attempt) => (attempt === 1 ? json(503, {}, { 'retry-after-ms': '1' }) : json(200, OK)));
    const sent = await clientWith(fake, noWait).sendMessage('p1', TEXT).withResponse();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.body).toBe(fake.requests[0]?.body);
    expect(fake.requests[1]?.headers.get('x-jelou-signature')).toBe(fake.requests[0]?.headers.get('x-jelou-signature'));
    expect(sent.data.id).toBe((JSON.parse(fake.requests[0]?.body ?? '') as { value: { id: string } }).value.id);
  });

  it('does not retry a 500: the message may have been delivered', async () => {
    const fake = fakeFetch(() => json(500, { message: 'boom' }));
    await expect(clientWith(fake, noWait).sendMessage('p1', TEXT)).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.requests).toHaveLength(1);
  });

  it('calls a signingSecret function once per message, and never shows the secret in an error', async () => {
    const provider = jest.fn(() => Promise.resolve('rotated-secret-xyz'));
    const fake = fakeFetch(() => json(500, { message: 'bad signature rotated-secret-xyz' }));
    const error = await clientWith(fake, { signingSecret: provider, maxRetries: 0 })
      .sendMessage('p1', TEXT)
      .catch((e: unknown) => e);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(fake.requests[0]?.headers.get('x-jelou-signature')).toBe(
      hmac('rotated-secret-xyz', fake.requests[0]?.body ?? ''),
    );
    const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
    expect(shown).toContain('bad signature');
    expect(shown).not.toContain('rotated-secret-xyz');
  });

  it('works from a client with only a signing secret, whose gateway calls reject naming auth', async () => {
    const fake = fakeFetch(() => json(200, OK));
    const client = createExternalSupportClient({ signingSecret: SECRET, fetch: fake.fetch, env: {} });
    await client.sendMessage('p1', TEXT);
    const refused = await rejection(client.getIntegration('p1'));
    expect(refused.field).toBe('auth');
    expect(fake.requests).toHaveLength(1);
  });

  it('reads JELOU_SIGNING_SECRET and JELOU_MESSAGES_BASE_URL', async () => {
    const fake = fakeFetch(() => json(200, OK));
    const env = { JELOU_SIGNING_SECRET: 'env-secret', JELOU_MESSAGES_BASE_URL: 'http://127.0.0.1:9' };
    await createExternalSupportClient({ fetch: fake.fetch, env }).sendMessage('p1', TEXT);
    expect(fake.requests[0]?.url).toBe('http://127.0.0.1:9/v1/external-support/webhook');
    expect(fake.requests[0]?.headers.get('x-jelou-signature')).toBe(hmac('env-secret', fake.requests[0]?.body ?? ''));
  });

  it('rejects naming signingSecret when the client has none, before sending', async () => {
    const fake = fakeFetch(() => json(200, OK));
    const refused = await rejection(clientWith(fake, { signingSecret: undefined }).sendMessage('p1', TEXT));
    expect(refused.field).toBe('signingSecret');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('refusals before sending', () => {
  const cases: [string, (c: ReturnType<typeof clientWith>) => Promise<unknown>, string][] = [
    [
      'an http: media URL',
      (c) =>
        c.sendMessage('p', { ...TEXT, message: { type: 'image', url: 'http://x.io/a.png', mimeType: 'image/png' } }),
      'message.url',
    ],
    [
      'a relative media URL',
      (c) => c.sendMessage('p', { ...TEXT, message: { type: 'video', url: '/a.mp4', mimeType: 'video/mp4' } }),
      'message.url',
    ],
    [
      'an unknown message type',
      (c) => c.sendMessage('p', { ...TEXT, message: { type: 'sticker' } as never }),
      'message.type',
    ],
    ['an empty roomId', (c) => c.sendMessage('p', { ...TEXT, roomId: '' }), 'roomId'],
    [
      'an empty message body',
      (c) => c.sendMessage('p', { ...TEXT, message: { type: 'text', body: ' ' } }),
      'message.body',
    ],
    [
      'a caption on a document',
      (c) =>
        c.sendMessage('p', {
          ...TEXT,
          message: { type: 'document', url: 'https://x.io/a', mimeType: 'a/b', caption: 'c' } as never,
        }),
      'message.caption',
    ],
    ['an empty projectId on send', (c) => c.sendMessage('', TEXT), 'projectId'],
    ['a create without webhookUrl', (c) => c.createIntegration('p', {} as never), 'webhookUrl'],
    [
      'a loopback webhookUrl on create',
      (c) => c.createIntegration('p', { webhookUrl: 'https://127.0.0.1/x' }),
      'webhookUrl',
    ],
    [
      'an unknown assignment type',
      (c) => c.startConversation('p', { botId: 'b', userId: 'u', assignment: { type: 'desk', target: 'x' } as never }),
      'assignment.type',
    ],
    ['an empty botId on start', (c) => c.startConversation('p', { botId: '', userId: 'u' }), 'botId'],
    [
      'an unknown redirect type',
      (c) => c.closeConversation('p', { botId: 'b', userId: 'u', redirectPayload: { type: 'bot' } as never }),
      'redirectPayload.type',
    ],
    [
      'a text redirect without text',
      (c) => c.closeConversation('p', { botId: 'b', userId: 'u', redirectPayload: { type: 'text' } }),
      'redirectPayload.text',
    ],
    ['a conversationId of ..', (c) => c.getConversation('p', '..'), 'conversationId'],
    ['an empty conversationId', (c) => c.getConversation('p', ''), 'conversationId'],
    [
      'an unknown field on close',
      (c) => c.closeConversation('p', { botId: 'b', userId: 'u', reason: 'x' } as never),
      'reason',
    ],
  ];
  it.each(cases)('refuses %s, naming the field', async (_name, run, field) => {
    const fake = fakeFetch(() => json(200, OK));
    const refused = await rejection(run(clientWith(fake)));
    expect(refused.field).toBe(field);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('retries by idempotency', () => {
  it('does not retry createIntegration after a 500, but does after a 503', async () => {
    const fail = fakeFetch(() => json(500, {}));
    const body = { webhookUrl: 'https://p.example.com/h' };
    await expect(clientWith(fail, noWait).createIntegration('p', body)).rejects.toBeInstanceOf(InternalServerError);
    expect(fail.requests).toHaveLength(1);
    const busy = fakeFetch((_r, n) => (n === 1 ? json(503, {}, { 'retry-after-ms': '1' }) : json(200, CREATED)));
    await expect(clientWith(busy, noWait).createIntegration('p', body)).resolves.toMatchObject({ signingSecret: 's' });
    expect(busy.requests).toHaveLength(2);
  });

  it('retries closeConversation after a 500 (closing twice leaves it closed)', async () => {
    const fake = fakeFetch((_r, n) => (n === 1 ? json(500, {}, { 'retry-after-ms': '1' }) : json(200, OK)));
    await clientWith(fake, noWait).closeConversation('p', { botId: 'b', userId: 'u' });
    expect(fake.requests).toHaveLength(2);
  });

  it('resolves deleteIntegration as deleted when a retry meets 404 after a 500, and says so', async () => {
    const fake = fakeFetch((_r, n) =>
      n === 1 ? json(500, {}, { 'retry-after-ms': '1' }) : json(404, { message: 'Integration not found' }),
    );
    const result = await clientWith(fake, noWait).deleteIntegration('p').withResponse();
    expect(result.inferred).toBe('deleted-by-earlier-attempt');
    expect(result.response.status).toBe(404);
    expect(fake.requests).toHaveLength(2);
  });

  it('rejects deleteIntegration with NotFoundError when the first attempt meets 404', async () => {
    const fake = fakeFetch(() => json(404, { message: 'Integration not found' }));
    await expect(clientWith(fake, noWait).deleteIntegration('p')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects deleteIntegration with NotFoundError when the earlier attempt never connected', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      return json(404, { message: 'Integration not found' });
    };
    const client = clientWith(
      fakeFetch(() => json(200, {})),
      { ...noWait, fetch },
    );
    await expect(client.deleteIntegration('p')).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toBe(2);
  });
});

describe('rotateSigningSecret', () => {
  it('persists the new secret before returning it with the previous one', async () => {
    const fake = fakeFetch(() => json(200, { signingSecret: 'next-secret', regeneratedAt: '2024-01-01T00:00:00Z' }));
    const order: string[] = [];
    const persist = jest.fn(async (secret: string) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`persisted ${secret}`);
    });
    const rotation = rotateSigningSecret(clientWith(fake), 'p1', { persist }).then((r) => {
      order.push('returned');
      return r;
    });
    await expect(rotation).resolves.toEqual({ secret: 'next-secret', previous: SECRET });
    expect(order).toEqual(['persisted next-secret', 'returned']);
    expect(fake.requests[0]?.url).toBe('https://gateway.test/jelouapi/v1/external-support/p1/secret/regenerate');
  });

  it('rejects with the persist error, the new secret hidden on it', async () => {
    const fake = fakeFetch(() => json(200, { signingSecret: 'next-secret' }));
    const failure = new Error('vault down');
    const error = await rotateSigningSecret(clientWith(fake), 'p1', {
      persist: () => Promise.reject(failure),
    }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect((error as { signingSecret?: string }).signingSecret).toBe('next-secret');
    expect(`${JSON.stringify(error)} ${inspect(error)}`).not.toContain('next-secret');
  });

  it('refuses a missing persist before regenerating', async () => {
    const fake = fakeFetch(() => json(200, { signingSecret: 'x' }));
    await expect(rotateSigningSecret(clientWith(fake), 'p1', {} as never)).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('a signingSecret function that never settles', () => {
  it('ends in TimeoutError under the attempt timeout, and in UserAbortError at once on abort', async () => {
    const fake = fakeFetch(() => json(200, OK));
    const hanging = () => new Promise<string>(() => undefined);
    const client = clientWith(fake, { signingSecret: hanging, timeout: 300, maxRetries: 0 });
    const started = Date.now();
    await expect(client.sendMessage('p1', TEXT)).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    const controller = new AbortController();
    const pending = clientWith(fake, { signingSecret: hanging, timeout: 60_000 }).sendMessage('p1', TEXT, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(UserAbortError);
    expect(fake.requests).toHaveLength(0);
  });
});

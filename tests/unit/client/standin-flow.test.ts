// Issue 9's stand-in run, through the real client: create → get → update → regenerate → start → get conversation →
// send (the stand-in checks the signature over the raw bytes) → close → delete → get rejects NotFoundError. Once
// with every operation answering its flat shape, once with envelopes.
import { createHmac } from 'node:crypto';
import { createExternalSupportClient, NotFoundError, rotateSigningSecret } from '../../../src/index';
import { startJelouStandin, type JelouStandin, type StandinShape } from '../../support/jelou-standin';

const PROJECT = 'PROJECT_FLOW';
const API_KEY = 'flow-api-key';

let standin: JelouStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe.each<StandinShape>(['flat', 'envelope'])('the whole API against the stand-in (%s answers)', (shape) => {
  it('creates, reads, changes, rotates, converses, sends signed, closes and deletes', async () => {
    const server = await startJelouStandin({ projectId: PROJECT, apiKey: API_KEY, integration: false });
    standin = server;
    server.setShapes(
      Object.fromEntries(
        [
          'createIntegration',
          'getIntegration',
          'updateIntegration',
          'deleteIntegration',
          'regenerateSigningSecret',
        ].map((op) => [op, shape]),
      ),
    );
    let secret: string | undefined;
    const client = createExternalSupportClient({
      auth: { apiKey: API_KEY },
      baseUrl: server.url,
      messagesBaseUrl: server.messagesUrl,
      signingSecret: () => secret ?? '',
      maxRetries: 0,
      env: {},
    });

    const created = await client.createIntegration(PROJECT, {
      webhookUrl: 'https://panel.example.com/jelou',
      authType: 'bearer',
      authorization: 'panel-token',
    });
    expect(created.signingSecret).toBe(server.signingSecret());
    secret = created.signingSecret;

    expect(await client.getIntegration(PROJECT)).toMatchObject({ webhookUrl: 'https://panel.example.com/jelou' });
    const updated = await client.updateIntegration(PROJECT, { webhookUrl: 'https://panel.example.com/jelou-v2' });
    expect(updated.webhookUrl).toBe('https://panel.example.com/jelou-v2');

    const stored: string[] = [];
    const rotated = await rotateSigningSecret(client, PROJECT, { persist: (next) => void stored.push(next) });
    expect(rotated.secret).not.toBe(created.signingSecret);
    expect(rotated).toEqual({ secret: server.signingSecret(), previous: created.signingSecret });
    expect(stored).toEqual([rotated.secret]);
    secret = rotated.secret;

    await client.startConversation(PROJECT, {
      botId: 'BOT_ID',
      userId: 'USER_ID',
      assignment: { type: 'queue', target: 'SUPPORT' },
    });
    const [started] = server.conversations();
    const conversation = await client.getConversation(PROJECT, started?.id ?? '');
    expect(conversation).toMatchObject({ _id: started?.id, state: 'active', roomId: started?.roomId });

    const sent = await client.sendMessage(PROJECT, {
      roomId: conversation.roomId ?? '',
      botId: 'BOT_ID',
      userId: 'USER_ID',
      message: { type: 'text', body: 'Hello from the agent' },
    });
    const [message] = server.messages;
    expect(message).toMatchObject({ id: sent.id, active: true, conversationId: started?.id, type: 'text' });
    // The stand-in accepted it after checking the signature over the raw bytes; recomputed here too.
    expect(message?.signature).toBe(
      `sha256=${createHmac('sha256', rotated.secret)
        .update(message?.rawBody ?? '')
        .digest('hex')}`,
    );
    const sendRequest = server.requests.find((r) => r.operation === 'sendMessage');
    expect(sendRequest?.headers['x-api-key']).toBeUndefined();

    await client.closeConversation(PROJECT, {
      botId: 'BOT_ID',
      userId: 'USER_ID',
      redirectPayload: { type: 'text', text: 'Thanks!' },
    });
    expect(await client.getConversation(PROJECT, started?.id ?? '')).toMatchObject({ state: 'closed' });

    await client.deleteIntegration(PROJECT);
    await expect(client.getIntegration(PROJECT)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      'createIntegration 200',
      'getIntegration 200',
      'updateIntegration 200',
      'regenerateSigningSecret 200',
      'startConversation 200',
      'getConversation 200',
      'sendMessage 200',
      'closeConversation 200',
      'getConversation 200',
      'deleteIntegration 200',
      'getIntegration 404',
    ]);
  });
});

describe('sendMessage against the stand-in', () => {
  it('sends a message signed with an old secret to a 401 AuthenticationError, not retried', async () => {
    const server = await startJelouStandin({ projectId: PROJECT, apiKey: API_KEY, signingSecret: 'current-secret' });
    standin = server;
    server.startConversation({ botId: 'BOT_ID', userId: 'USER_ID' });
    const client = createExternalSupportClient({
      signingSecret: 'old-secret',
      messagesBaseUrl: server.messagesUrl,
      env: {},
    });
    const input = { roomId: server.conversations()[0]?.roomId ?? '', botId: 'BOT_ID', userId: 'USER_ID' };
    await expect(client.sendMessage(PROJECT, { ...input, message: { type: 'text', body: 'x' } })).rejects.toMatchObject(
      { status: 401 },
    );
    expect(server.requests.filter((r) => r.operation === 'sendMessage')).toHaveLength(1);
    expect(server.requests[0]?.reason).toBe('mismatch');
  });
});

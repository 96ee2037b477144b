// Requests the client refuses before sending (ValidationError, nothing on the wire), and that the mock rejects
// when the same body is sent past the client: the client's checks and the spec agree.
import { ValidationError, type ExternalSupportClient } from '../../../src/index';
import { CONTRACT_MESSAGE, contractClient } from '../support/contract-client';
import { expectedSignature } from '../support/operation-contract';
import { prismUrl } from '../support/prism-url';
import { record, violationsOf } from '../support/record';

const wire = (content: Record<string, unknown>, type = 'image') => ({
  field: 'messages',
  object: 'message_event',
  event_type: 'incoming_message',
  project_id: 'PROJECT_ID',
  room_id: 'ROOM_ID',
  bot_id: 'BOT_ID',
  user_id: 'USER_ID',
  value: { id: 'MESSAGE_ID', type, content },
});

interface Refusal {
  operation: string;
  label: string;
  call: (client: ExternalSupportClient) => Promise<unknown>;
  /** The same request sent past the client, or none where no raw request can carry it. */
  raw?: { path: string; body: unknown };
}

const start = '/v1/external-support/PROJECT_ID/conversations/start';
const close = '/v1/external-support/PROJECT_ID/conversations/close';
const cases: Refusal[] = [
  {
    operation: 'createIntegration',
    label: 'a body without webhookUrl',
    call: (c) => c.createIntegration('PROJECT_ID', { authType: 'no_auth' } as never),
    raw: { path: '/v1/external-support/PROJECT_ID', body: { authType: 'no_auth' } },
  },
  {
    operation: 'createIntegration',
    label: 'a webhookUrl that is not https',
    call: (c) => c.createIntegration('PROJECT_ID', { webhookUrl: 'http://my-system.com/webhook' }),
    raw: { path: '/v1/external-support/PROJECT_ID', body: { webhookUrl: 'http://my-system.com/webhook' } },
  },
  {
    operation: 'startConversation',
    label: 'an assignment type outside queue, operator and team',
    call: (c) =>
      c.startConversation('PROJECT_ID', {
        botId: 'B',
        userId: 'U',
        assignment: { type: 'desk', target: 'x' } as never,
      }),
    raw: { path: start, body: { botId: 'B', userId: 'U', assignment: { type: 'desk', target: 'x' } } },
  },
  {
    operation: 'startConversation',
    label: 'an empty botId',
    call: (c) => c.startConversation('PROJECT_ID', { botId: '', userId: 'U' }),
    raw: { path: start, body: { botId: '', userId: 'U' } },
  },
  {
    operation: 'closeConversation',
    label: 'a redirectPayload type outside text and edge',
    call: (c) =>
      c.closeConversation('PROJECT_ID', { botId: 'B', userId: 'U', redirectPayload: { type: 'bot' } as never }),
    raw: { path: close, body: { botId: 'B', userId: 'U', redirectPayload: { type: 'bot' } } },
  },
  {
    operation: 'closeConversation',
    label: 'a text redirect without its text',
    call: (c) => c.closeConversation('PROJECT_ID', { botId: 'B', userId: 'U', redirectPayload: { type: 'text' } }),
    raw: { path: close, body: { botId: 'B', userId: 'U', redirectPayload: { type: 'text' } } },
  },
  {
    operation: 'sendMessage',
    label: 'a media URL that is not https',
    call: (c) =>
      c.sendMessage('PROJECT_ID', {
        ...CONTRACT_MESSAGE,
        message: { type: 'image', url: 'http://storage.example.com/a.jpg', mimeType: 'image/jpeg' },
      }),
    raw: {
      path: '/v1/external-support/webhook',
      body: wire({ url: 'http://storage.example.com/a.jpg', mime_type: 'image/jpeg' }),
    },
  },
  {
    operation: 'sendMessage',
    label: 'a message type outside the five',
    call: (c) => c.sendMessage('PROJECT_ID', { ...CONTRACT_MESSAGE, message: { type: 'sticker' } as never }),
    raw: { path: '/v1/external-support/webhook', body: wire({ url: 'https://x.io/s.webp' }, 'sticker') },
  },
  {
    operation: 'getConversation',
    label: 'a conversationId of ".." (URLs would resolve it away)',
    call: (c) => c.getConversation('PROJECT_ID', '..'),
  },
  {
    operation: 'deleteIntegration',
    label: 'an empty projectId',
    call: (c) => c.deleteIntegration(' '),
  },
  {
    operation: 'regenerateSigningSecret',
    label: 'a projectId with a control character',
    call: (c) => c.regenerateSigningSecret('PRO\nJECT'),
  },
];

describe('requests the client refuses before sending', () => {
  it.each(cases.map((c) => [`${c.operation}: ${c.label}`, c] as const))('%s', async (_name, refusal) => {
    const { client, sent } = contractClient();
    const refused = await refusal.call(client).then(
      () => undefined,
      (error: unknown) => error,
    );
    let raw: Response | undefined;
    if (refusal.raw !== undefined) {
      const body = JSON.stringify(refusal.raw.body);
      raw = await fetch(`${prismUrl()}${refusal.raw.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': 'contract-test-key',
          'x-jelou-signature': expectedSignature(body),
        },
        body,
      });
    }
    // Prism reports a request it rejects in `sl-violations`, or (an operation with no documented 4xx, sendMessage)
    // in a 422 problem body that lists the validation errors.
    const problem = raw === undefined ? '' : await raw.text();
    const violations =
      raw === undefined
        ? []
        : violationsOf(raw.headers).length > 0
          ? violationsOf(raw.headers)
          : raw.status === 422 && /"validation"/.test(problem)
            ? [`request.body: ${problem.slice(0, 200)}`]
            : [];
    record({
      operation: refusal.operation,
      case: `refuses ${refusal.label}`,
      expected: `ValidationError, nothing sent${raw === undefined ? '' : '; Prism: request.body violations'}`,
      got: `${refused instanceof ValidationError ? `ValidationError (${refused.field})` : 'sent'}${
        raw === undefined ? '' : `; Prism ${raw.status}, ${violations.length} violation(s)`
      }`,
      ...(raw === undefined ? {} : { status: raw.status }),
      violations,
    });
    expect(refused).toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
    if (raw !== undefined) {
      expect(raw.status).toBeGreaterThanOrEqual(400);
      expect(violations.some((v) => v.startsWith('request.body'))).toBe(true);
    }
  });
});

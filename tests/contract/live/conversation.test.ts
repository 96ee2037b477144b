// A conversation against the live API, only with JELOU_CONTRACT_CONVERSATION=1 and the ids of a test bot and a test
// user the caller owns (JELOU_BOT_ID, JELOU_USER_ID) plus JELOU_SIGNING_SECRET: start, get, send one text message,
// close, and read it back closed. It messages a real user: the runner refuses it without those variables.
import { record } from '../support/record';
import {
  conversationEnabled,
  describeLive,
  describeObservation,
  evidenceOf,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
  observed,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS * 2);

const BASE = '/v1/external-support/{projectId}';

/** The conversation id in a start answer, where Jelou's undocumented body may put it. */
function idIn(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  for (const key of ['_id', 'conversationId', 'id']) if (typeof record[key] === 'string') return record[key];
  return undefined;
}

describeLive('a conversation against the live API', () => {
  (conversationEnabled() ? it : it.skip)(
    'starts, reads, sends one signed text, closes and reads it closed',
    async () => {
      const { projectId, auth } = liveConfig();
      const botId = process.env.JELOU_BOT_ID?.trim() ?? '';
      const userId = process.env.JELOU_USER_ID?.trim() ?? '';
      const client = liveClient(auth);

      const start = await observe(() =>
        client.startConversation(projectId, { botId, userId, initialMessage: 'Contract test: conversation started' }),
      );
      record({
        operation: 'startConversation',
        case: 'start a conversation with the test user',
        expected: '200, no sl-violations',
        got: describeObservation(start),
        ...observed(start),
        evidence: [evidenceOf(start, `POST ${BASE}/conversations/start`)],
      });
      if (start.error) throw start.error;

      let closed = false;
      try {
        const conversationId = idIn(start.result?.data) ?? process.env.JELOU_CONVERSATION_ID?.trim();
        if (conversationId === undefined)
          throw new Error('the start answer names no conversation id; set JELOU_CONVERSATION_ID');
        const read = await observe(() => client.getConversation(projectId, conversationId));
        record({
          operation: 'getConversation',
          case: 'read the started conversation',
          expected: '200, state active, no sl-violations',
          got: describeObservation(read),
          ...observed(read),
          evidence: [evidenceOf(read, `GET ${BASE}/conversations/{conversationId}`)],
        });
        if (read.error) throw read.error;
        const roomId = (read.result?.data as { roomId?: string }).roomId ?? '';

        const sent = await observe(() =>
          client.sendMessage(projectId, {
            roomId,
            botId,
            userId,
            message: { type: 'text', body: 'Contract test message' },
          }),
        );
        record({
          operation: 'sendMessage',
          case: 'send one signed text message',
          expected: '200 from the messages host',
          got: describeObservation(sent),
          ...observed(sent),
          evidence: [evidenceOf(sent, 'POST /v1/external-support/webhook')],
        });
        if (sent.error) throw sent.error;

        const close = await observe(() =>
          client.closeConversation(projectId, {
            botId,
            userId,
            redirectPayload: { type: 'text', text: 'Contract test: closed' },
          }),
        );
        closed = close.error === undefined;
        record({
          operation: 'closeConversation',
          case: 'close the conversation',
          expected: '200, no sl-violations',
          got: describeObservation(close),
          ...observed(close),
          evidence: [evidenceOf(close, `POST ${BASE}/conversations/close`)],
        });
        if (close.error) throw close.error;

        const after = await observe(() => client.getConversation(projectId, conversationId));
        record({
          operation: 'getConversation',
          case: 'read the closed conversation',
          expected: '200, state closed',
          got: describeObservation(after),
          ...observed(after),
          evidence: [evidenceOf(after, `GET ${BASE}/conversations/{conversationId}`, { tag: 'afterClose' })],
        });
        if (after.error) throw after.error;
        expect((after.result?.data as { state?: string }).state).toBe('closed');
        expect([start, read, sent, close, after].flatMap((seen) => seen.violations)).toEqual([]);
      } finally {
        // Never leave the test user in a conversation the run opened.
        if (!closed) await observe(() => client.closeConversation(projectId, { botId, userId }));
      }
    },
  );
});

// GET of one conversation against the live API, read-only, when JELOU_CONVERSATION_ID names one.
import { record } from '../support/record';
import {
  describeLive,
  describeObservation,
  evidenceOf,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS);

const conversationId = process.env.JELOU_CONVERSATION_ID?.trim();

describeLive('getConversation against the live API', () => {
  (conversationId ? it : it.skip)('answers 200 with the conversation, no sl-violations', async () => {
    const { projectId, auth } = liveConfig();
    const seen = await observe(() => liveClient(auth).getConversation(projectId, conversationId ?? ''));
    record({
      operation: 'getConversation',
      case: 'read the conversation of JELOU_CONVERSATION_ID',
      expected: '200 envelope, no sl-violations',
      got: describeObservation(seen),
      ...(seen.status === undefined ? {} : { status: seen.status }),
      ...(seen.shape === undefined ? {} : { shape: seen.shape }),
      violations: seen.violations,
      latencyMs: seen.latencyMs,
      evidence: [evidenceOf(seen, 'GET /v1/external-support/{projectId}/conversations/{conversationId}')],
    });
    if (seen.error) throw seen.error;
    expect(seen.status).toBe(200);
    expect(seen.violations).toEqual([]);
  });
});

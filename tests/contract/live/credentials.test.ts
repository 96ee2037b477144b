// Wrong credentials against the live API: Prism only checks that some credential is present, so this case
// belongs to the live run. Read-only.
import { AuthenticationError } from '../../../src/index';
import { record } from '../support/record';
import {
  describeLive,
  describeObservation,
  evidenceOf,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
  WRONG_API_KEY,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS);

describeLive('credentials against the live API', () => {
  it('refuses a wrong API key with 401, mapped to AuthenticationError', async () => {
    const { projectId } = liveConfig();
    const seen = await observe(() => liveClient({ apiKey: WRONG_API_KEY }).getIntegration(projectId));
    record({
      operation: 'getIntegration',
      case: 'wrong API key',
      expected: 'AuthenticationError (401), no sl-violations',
      got: describeObservation(seen),
      ...(seen.status === undefined ? {} : { status: seen.status }),
      violations: seen.violations,
      latencyMs: seen.latencyMs,
      evidence: [evidenceOf(seen, 'GET /v1/external-support/{projectId} (wrong API key)')],
    });
    expect(seen.error).toBeInstanceOf(AuthenticationError);
    expect(seen.status).toBe(401);
    expect(seen.violations).toEqual([]);
  });
});

// GET against the live API, through the validating Prism proxy: read-only. The report shows which documented
// shape the API really returns, and every sl-violations entry Prism found.
import { NotFoundError } from '../../../src/index';
import { record } from '../support/record';
import { problemsAgainst } from '../support/spec-validator';
import {
  basePathTag,
  describeLive,
  evidenceOf,
  describeObservation,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS);

describeLive('getIntegration against the live API', () => {
  it('answers 200 with a documented shape and no sl-violations', async () => {
    const { projectId, auth } = liveConfig();
    const seen = await observe(() => liveClient(auth).getIntegration(projectId));
    // The client skips date formats; the spec's own validator enforces them.
    const problems = seen.result ? problemsAgainst('IntegrationResponse', seen.body) : [];
    record({
      operation: 'getIntegration',
      case: 'read the integration',
      expected: '200, flat or envelope, no sl-violations',
      got: [
        describeObservation(seen),
        ...(seen.result ? [`webhookUrl ${seen.result.data.webhookUrl}`] : []),
        ...(problems.length > 0 ? [`spec: ${problems.join('; ')}`] : []),
      ].join(', '),
      ...(seen.status === undefined ? {} : { status: seen.status }),
      ...(seen.shape === undefined ? {} : { shape: seen.shape }),
      violations: seen.violations,
      latencyMs: seen.latencyMs,
      evidence: [
        evidenceOf(seen, 'GET /v1/external-support/{projectId}', {
          projectId,
          tag: 'apiKey' in auth ? 'apiKey' : 'basic',
        }),
        ...(basePathTag()
          ? [evidenceOf(seen, 'GET /v1/external-support/{projectId}', { tag: basePathTag() ?? '' })]
          : []),
      ],
    });
    if (seen.error) throw seen.error;
    expect(seen.status).toBe(200);
    expect(['flat', 'envelope']).toContain(seen.shape);
    expect(seen.violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('answers 404, mapped to NotFoundError, for a project that does not exist', async () => {
    const { auth } = liveConfig();
    const missing = `jelou-contract-missing-${Date.now()}`;
    const seen = await observe(() => liveClient(auth).getIntegration(missing));
    record({
      operation: 'getIntegration',
      case: 'unknown project',
      expected: 'NotFoundError (404), no sl-violations',
      got: describeObservation(seen),
      ...(seen.status === undefined ? {} : { status: seen.status }),
      violations: seen.violations,
      latencyMs: seen.latencyMs,
      evidence: [evidenceOf(seen, 'GET /v1/external-support/{projectId} (unknown project)')],
    });
    expect(seen.error).toBeInstanceOf(NotFoundError);
    expect(seen.violations).toEqual([]);
  });
});

// PATCH against the live API, only with JELOU_CONTRACT_WRITE=1. It reads the integration, changes webhookUrl
// alone (authType cannot be put back: its credential is write-only and never returned), checks the change, and
// restores the original webhookUrl in a `finally`, even when an assertion failed. A failed restore is recorded
// with the value to set back by hand, and the runner prints it where it cannot be missed.
import { DEFAULT_MAX_RETRIES, type ExternalSupportClient } from '../../../src/index';
import { validateWebhookUrl } from '../../../src/client/validate-input';
import { record } from '../support/record';
import {
  describeLive,
  describeObservation,
  evidenceOf,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
  observed,
  writesEnabled,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS);

const OPERATION = 'updateIntegration';
const CHANGE_CASE = 'change webhookUrl';

/** The same URL with a `jelou-contract=<timestamp>` query parameter: changed, and just as valid. */
function markedUrl(original: string): string {
  const url = new URL(original);
  url.searchParams.set('jelou-contract', String(Date.now()));
  return url.href;
}

/** Puts the original webhookUrl back; returns what went wrong, if anything (never throws). */
async function restore(
  client: ExternalSupportClient,
  projectId: string,
  original: string,
): Promise<string | undefined> {
  const seen = await observe(() => client.updateIntegration(projectId, { webhookUrl: original }));
  const accepted = seen.status !== undefined && seen.status >= 200 && seen.status < 300;
  let current = seen.result?.data.webhookUrl;
  // Read back when the answer does not say (a 2xx in an undocumented shape was still applied; an error may not be).
  if (current === undefined) current = (await observe(() => client.getIntegration(projectId))).result?.data.webhookUrl;
  // Restored when the value reads back as the original, or when the PATCH was accepted and nothing says otherwise.
  const restored = current === original || (accepted && current === undefined);
  const problem = restored
    ? undefined
    : accepted
      ? `webhookUrl is ${JSON.stringify(current)} after the restoring PATCH`
      : `the restoring PATCH failed: ${describeObservation(seen)}`;
  record({
    operation: OPERATION,
    case: 'restore the original webhookUrl',
    expected: 'webhookUrl back to its original value',
    got: problem ? `NOT restored: ${problem}` : `restored (${describeObservation(seen)})`,
    ...observed(seen),
    ...(problem
      ? {
          note:
            `the original webhookUrl of project ${projectId} was NOT restored. Set it back by hand: ` +
            `PATCH /v1/external-support/${projectId} with {"webhookUrl": ${JSON.stringify(original)}} ` +
            `(now: ${current === undefined ? 'unknown' : JSON.stringify(current)}). Cause: ${problem}`,
        }
      : {}),
  });
  return problem;
}

describeLive('updateIntegration against the live API', () => {
  (writesEnabled() ? it : it.skip)(
    'changes webhookUrl, reads the change back, and restores the original in a finally',
    async () => {
      const { projectId, auth } = liveConfig();
      const client = liveClient(auth);
      const notAttempted = (why: string): void =>
        record({
          operation: OPERATION,
          case: CHANGE_CASE,
          expected: 'the current integration can be read and restored',
          got: `not attempted, nothing changed: ${why}`,
        });

      const before = await observe(() => client.getIntegration(projectId));
      if (!before.result) {
        notAttempted(`reading the original failed: ${describeObservation(before)}`);
        throw before.error ?? new Error('reading the original integration failed');
      }
      const original = before.result.data.webhookUrl;
      try {
        // Only change what the client can put back: the original must pass the client's own checks.
        validateWebhookUrl(original);
      } catch (error) {
        notAttempted(`the current webhookUrl could not be sent back (${(error as Error).message})`);
        throw error;
      }
      const changed = markedUrl(original);

      let restoreProblem: string | undefined;
      try {
        const patch = await observe(() => client.updateIntegration(projectId, { webhookUrl: changed }));
        const reread = patch.result ? await observe(() => client.getIntegration(projectId)) : undefined;
        const returned = patch.result?.data.webhookUrl;
        const readBack = reread?.result?.data.webhookUrl;
        const same = (value: string | undefined): string =>
          value === undefined ? 'unknown' : value === changed ? 'the new value' : JSON.stringify(value);
        record({
          operation: OPERATION,
          case: CHANGE_CASE,
          expected: '200, flat or envelope, no sl-violations; the new webhookUrl returned and read back',
          got: `${describeObservation(patch)}; returned ${same(returned)}; read back ${same(readBack)}`,
          ...observed(patch),
          evidence: [evidenceOf(patch, 'PATCH /v1/external-support/{projectId}', { projectId })],
        });
        if (patch.error) throw patch.error;
        expect(patch.status).toBe(200);
        expect(['flat', 'envelope']).toContain(patch.shape);
        expect(patch.violations).toEqual([]);
        expect(returned).toBe(changed);
        expect(readBack).toBe(changed);
      } finally {
        // Whatever happened above (even a PATCH that timed out may have been applied), put the original back.
        // With retries: the PATCH is idempotent, and a transient failure here would lose the user's webhook.
        restoreProblem = await restore(liveClient(auth, DEFAULT_MAX_RETRIES), projectId, original);
      }
      expect(restoreProblem).toBeUndefined();
    },
  );
});

// The destructive run against the live API, only when JELOU_CONTRACT_DESTRUCTIVE repeats JELOU_PROJECT_ID (the
// runner refuses a mismatch before anything starts): create (if there is none), get, regenerate the signing secret,
// delete, get → 404, create again. Every new secret goes to the runner's secret file, never to a report: the runner
// prints the last valid one once, on stdout, with the warning to store it (the previous one no longer works).
import { writeFileSync } from 'node:fs';
import { NotFoundError, type IntegrationCreate } from '../../../src/index';
import { record } from '../support/record';
import {
  describeLive,
  describeObservation,
  destructiveEnabled,
  evidenceOf,
  liveClient,
  liveConfig,
  LIVE_TEST_TIMEOUT_MS,
  observe,
  observed,
  SECRET_FILE_ENV,
  type Observation,
} from './live-support';

jest.setTimeout(LIVE_TEST_TIMEOUT_MS * 2);

const PATH = '/v1/external-support/{projectId}';

/** Hands a new secret to the runner (mode 0600), replacing the one before: only the last is valid. */
function keepSecret(secret: unknown, issuedBy: string): void {
  const file = process.env[SECRET_FILE_ENV];
  if (typeof secret !== 'string' || !file) return;
  writeFileSync(file, JSON.stringify({ secret, issuedBy }), { mode: 0o600 });
}

describeLive('the destructive run against the live API', () => {
  (destructiveEnabled() ? it : it.skip)(
    'creates, reads, regenerates, deletes, reads 404 and creates again',
    async () => {
      const { projectId, auth } = liveConfig();
      const client = liveClient(auth);
      const step = (
        operation: string,
        name: string,
        expected: string,
        seen: Observation,
        request: string,
        note?: string,
      ) =>
        record({
          operation,
          case: name,
          expected,
          got: describeObservation(seen),
          ...observed(seen),
          evidence: [evidenceOf(seen, request, { projectId })],
          ...(note ? { note } : {}),
        });

      const before = await observe(() => client.getIntegration(projectId));
      const existing = before.result?.data as { webhookUrl?: string; authType?: string } | undefined;
      const credential = process.env.JELOU_WEBHOOK_AUTHORIZATION?.trim();
      const webhookUrl = existing?.webhookUrl ?? process.env.JELOU_WEBHOOK_URL?.trim() ?? '';
      const authType = existing?.authType;
      const body: IntegrationCreate =
        authType === undefined || authType === 'no_auth'
          ? { webhookUrl, authType: 'no_auth' }
          : credential
            ? { webhookUrl, authType: authType as IntegrationCreate['authType'] & string, authorization: credential }
            : { webhookUrl, authType: 'no_auth' };
      const lostAuth =
        authType !== undefined && authType !== 'no_auth' && !credential
          ? `the integration used authType ${authType}; it was created again with no_auth (its credential is ` +
            'write-only). Set it back with updateIntegration, or pass JELOU_WEBHOOK_AUTHORIZATION next time.'
          : undefined;

      if (before.error instanceof NotFoundError) {
        const created = await observe(() => client.createIntegration(projectId, body));
        keepSecret(created.result?.data.signingSecret, 'createIntegration (there was no integration)');
        step('createIntegration', 'create (there was none)', '200 with a signingSecret', created, `POST ${PATH}`);
        if (created.error) throw created.error;
      } else if (before.error) {
        throw before.error;
      }

      const read = await observe(() => client.getIntegration(projectId));
      step('getIntegration', 'read before regenerating', '200', read, `GET ${PATH}`);
      if (read.error) throw read.error;

      const regenerated = await observe(() => client.regenerateSigningSecret(projectId));
      keepSecret(regenerated.result?.data.signingSecret, 'regenerateSigningSecret');
      step(
        'regenerateSigningSecret',
        'regenerate the signing secret',
        '200 with a new signingSecret (printed once by the runner)',
        regenerated,
        `POST ${PATH}/secret/regenerate`,
      );
      if (regenerated.error) throw regenerated.error;

      const deleted = await observe(() => client.deleteIntegration(projectId));
      step('deleteIntegration', 'delete the integration', '200', deleted, `DELETE ${PATH}`);
      if (deleted.error) throw deleted.error;

      const gone = await observe(() => client.getIntegration(projectId));
      step('getIntegration', 'read after delete', 'NotFoundError (404)', gone, `GET ${PATH} (deleted)`);
      expect(gone.error).toBeInstanceOf(NotFoundError);

      const again = await observe(() => client.createIntegration(projectId, body));
      keepSecret(again.result?.data.signingSecret, 'createIntegration (created again after the delete)');
      step('createIntegration', 'create again', '200 with a signingSecret', again, `POST ${PATH}`, lostAuth);
      if (again.error) throw again.error;
      expect(typeof again.result?.data.signingSecret).toBe('string');
      expect([read, regenerated, deleted, again].flatMap((seen) => seen.violations)).toEqual([]);
    },
  );
});

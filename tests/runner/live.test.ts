// `npm run contract` in live mode, against a local stand-in for Jelou behind the real validating Prism proxy:
// the report must name the shape each operation returned and every sl-violations entry, writes must be opt-in
// and restored, credentials must never be printed, and no Prism may outlive a run.
import { DEFAULT_MAX_RETRIES } from '../../src/client/retry-policy';
import { startJelouStandin, type JelouStandin, type StandinOptions } from '../support/jelou-standin';
import {
  canary,
  everything,
  lastLine,
  operationOf,
  prismProcessesFor,
  rowsOf,
  runContract,
  RUN_TEST_TIMEOUT_MS,
  type ContractRun,
} from './run-contract';

const PROJECT_ID = 'contract-project';
const ORIGINAL_WEBHOOK = 'https://hooks.example.com/jelou/events';

let standin: JelouStandin | undefined;

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

/** Starts a stand-in, runs the live contract suite against it, and checks no Prism for it is left running. */
async function liveRun(options: Omit<StandinOptions, 'projectId'>, env: Record<string, string>): Promise<ContractRun> {
  const server = await startJelouStandin({ projectId: PROJECT_ID, ...options });
  standin = server;
  const run = await runContract({
    JELOU_CONTRACT_TARGET: 'live',
    JELOU_BASE_URL: server.url,
    JELOU_PROJECT_ID: PROJECT_ID,
    ...env,
  });
  expect(prismProcessesFor(new URL(server.url).host)).toEqual([]);
  return run;
}

function patchesReceived(): { url: string; body: string }[] {
  return (standin?.requests ?? []).filter((r) => r.method === 'PATCH');
}

describe('npm run contract against the live API (a local stand-in)', () => {
  it(
    'reads only by default: GET answers the envelope with no violations, a wrong key gets 401, the PATCH is skipped',
    async () => {
      const apiKey = canary();
      // The webhook carries the key, so an unredacted report would print it.
      const webhookUrl = `${ORIGINAL_WEBHOOK}?token=${apiKey}`;
      const run = await liveRun({ apiKey, integration: { webhookUrl } }, { JELOU_API_KEY: apiKey });

      expect(run.code).toBe(0);
      const get = operationOf(run.report, 'getIntegration');
      expect(get?.shapes).toEqual(['envelope']);
      const [read] = rowsOf(run.report, 'getIntegration', 'read the integration');
      expect(read).toMatchObject({ result: 'pass', status: 200, shape: 'envelope', violations: [] });
      expect(read?.got).toContain('token=***');
      expect(rowsOf(run.report, 'getIntegration', 'wrong API key')[0]).toMatchObject({ result: 'pass', status: 401 });
      expect(rowsOf(run.report, 'getIntegration', 'wrong API key')[0]?.got).toMatch(/^AuthenticationError \(401\)/);
      expect(rowsOf(run.report, 'getIntegration', 'unknown project')[0]).toMatchObject({ result: 'pass', status: 404 });

      expect(operationOf(run.report, 'updateIntegration')?.coverage).toBe('skipped');
      expect(rowsOf(run.report, 'updateIntegration', 'coverage')[0]).toMatchObject({
        result: 'skip',
        got: expect.stringContaining('JELOU_CONTRACT_WRITE=1'),
      });
      expect(patchesReceived()).toEqual([]);
      // Prism forwarded to the stand-in's base path, with the key the client sent.
      expect(standin?.requests.map((r) => r.url)).toContain(`/jelouapi/v1/external-support/${PROJECT_ID}`);

      expect(run.stdout).toMatch(/getIntegration.*\n\s+shape returned: envelope/);
      expect(run.stdout).toMatch(/read the integration — 200, shape envelope, \d+ ms, no sl-violations/);
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed, [1-9]\d* skipped$/);
      expect(run.files['contract.junit.xml']).toContain('<testsuite name="getIntegration"');
      expect(everything(run)).not.toContain(apiKey);
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'with JELOU_CONTRACT_WRITE=1, reports the flat PATCH answer and restores the original webhookUrl',
    async () => {
      const clientSecret = canary();
      const basic = { clientId: 'contract-client', clientSecret };
      const run = await liveRun(
        { basic, integration: { webhookUrl: ORIGINAL_WEBHOOK } },
        { JELOU_CLIENT_ID: basic.clientId, JELOU_CLIENT_SECRET: clientSecret, JELOU_CONTRACT_WRITE: '1' },
      );

      expect(run.code).toBe(0);
      expect(operationOf(run.report, 'updateIntegration')).toMatchObject({ coverage: 'covered', shapes: ['flat'] });
      expect(rowsOf(run.report, 'updateIntegration', 'change webhookUrl')[0]).toMatchObject({
        result: 'pass',
        status: 200,
        shape: 'flat',
        violations: [],
      });
      expect(rowsOf(run.report, 'updateIntegration', 'restore the original webhookUrl')[0]?.result).toBe('pass');
      const patches = patchesReceived();
      expect(patches).toHaveLength(2);
      expect(JSON.parse(patches[0]?.body ?? '{}')).toEqual({ webhookUrl: expect.stringContaining('jelou-contract=') });
      expect(standin?.integration().webhookUrl).toBe(ORIGINAL_WEBHOOK);
      expect(run.report?.notes).toEqual([]);
      // The conversation and destructive cases (and the read of JELOU_CONVERSATION_ID) are skipped at this level.
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/);

      const token = Buffer.from(`${basic.clientId}:${clientSecret}`).toString('base64');
      // The client's own requests carry the Basic credentials (the credentials case also sends wrong or none).
      const patchAuth = (standin?.requests ?? [])
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.headers.authorization);
      expect(patchAuth).toEqual([`Basic ${token}`, `Basic ${token}`]);
      expect(everything(run)).not.toContain(clientSecret);
      expect(everything(run)).not.toContain(token);
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'fails when GET answers an undocumented shape, and the report shows that shape and its sl-violations',
    async () => {
      const apiKey = canary();
      const run = await liveRun({ apiKey, undocumentedFor: ['GET'] }, { JELOU_API_KEY: apiKey });

      expect(run.code).toBe(1);
      const get = operationOf(run.report, 'getIntegration');
      expect(get?.shapes).toEqual(['undocumented']);
      const [read] = rowsOf(run.report, 'getIntegration', 'read the integration');
      expect(read).toMatchObject({ result: 'fail', status: 200, shape: 'undocumented' });
      expect(read?.violations).toEqual(
        expect.arrayContaining([
          "response.body: Response body must have required property 'data'",
          'response.body: Response body must match exactly one schema in oneOf',
        ]),
      );
      // The other cases still pass: only the shape is wrong.
      expect(rowsOf(run.report, 'getIntegration', 'wrong API key')[0]?.result).toBe('pass');

      expect(run.files['contract.junit.xml']).toMatch(/<testsuite name="getIntegration" tests="\d+" failures="1"/);
      // The message names the whole URL, origin included (the stand-in's loopback port).
      expect(run.files['contract.junit.xml']).toMatch(
        /<failure message="ResponseValidationError: 200 response to GET http:\/\/127\.0\.0\.1:\d+\/v1\/external-support\/contract-project /,
      );
      expect(run.stdout).toContain('shape returned: undocumented');
      expect(run.stdout).toContain("- response.body: Response body must have required property 'data'");
      expect(run.stdout).toMatch(/✗ getIntegration › read the integration/);
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/);
      expect(everything(run)).not.toContain(apiKey);
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'restores after a failed PATCH assertion, and prints the value to restore by hand when the restore fails',
    async () => {
      const apiKey = canary();
      // The change is applied but answered in an undocumented shape (the case fails); the restoring PATCH gets 500.
      const run = await liveRun(
        { apiKey, integration: { webhookUrl: ORIGINAL_WEBHOOK }, undocumentedFor: ['PATCH'], failPatchesAfter: 1 },
        { JELOU_API_KEY: apiKey, JELOU_CONTRACT_WRITE: '1' },
      );

      expect(run.code).toBe(1);
      expect(rowsOf(run.report, 'updateIntegration', 'change webhookUrl')[0]).toMatchObject({
        result: 'fail',
        status: 200,
        shape: 'undocumented',
      });
      // The change, then the restore with the client's usual retries: 1 + DEFAULT_MAX_RETRIES attempts.
      const patches = patchesReceived();
      expect(patches).toHaveLength(2 + DEFAULT_MAX_RETRIES);
      for (const restore of patches.slice(1)) {
        expect(JSON.parse(restore.body)).toEqual({ webhookUrl: ORIGINAL_WEBHOOK });
      }
      expect(standin?.integration().webhookUrl).not.toBe(ORIGINAL_WEBHOOK);

      expect(run.report?.notes).toHaveLength(1);
      expect(run.report?.notes[0]?.note).toContain(`{"webhookUrl": "${ORIGINAL_WEBHOOK}"}`);
      expect(run.report?.notes[0]?.note).toContain(`(now: ${JSON.stringify(standin?.integration().webhookUrl)})`);
      expect(run.stdout).toContain('!! ACTION NEEDED');
      expect(run.stdout).toMatch(/!! updateIntegration › restore the original webhookUrl: .*hooks\.example\.com/);
      expect(everything(run)).not.toContain(apiKey);
    },
    RUN_TEST_TIMEOUT_MS,
  );
});

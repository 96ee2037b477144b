// `npm run contract` itself: it refuses to start without what the live run needs, it fails (and says where)
// when the spec breaks, and an interrupted run leaves no Prism behind.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startJelouStandin, type JelouStandin } from '../support/jelou-standin';
import {
  lastLine,
  prismProcessesFor,
  REPO_ROOT,
  rowsOf,
  runContract,
  RUN_TEST_TIMEOUT_MS,
  type ContractRun,
} from './run-contract';

let standin: JelouStandin | undefined;
let tempDir: string | undefined;

afterEach(async () => {
  await standin?.close();
  standin = undefined;
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

describe('npm run contract before anything starts', () => {
  it('lists every missing variable in one message, exits 2, and sends nothing', async () => {
    standin = await startJelouStandin({ projectId: 'p', apiKey: 'k' });
    const run = await runContract({ JELOU_CONTRACT_TARGET: 'live', JELOU_BASE_URL: standin.url });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing was sent');
    expect(run.stderr).toMatch(/^ {2}- JELOU_PROJECT_ID\b/m);
    expect(run.stderr).toMatch(/^ {2}- JELOU_API_KEY\b.*JELOU_CLIENT_ID and JELOU_CLIENT_SECRET/m);
    expect(run.stderr.match(/Missing or invalid/g)).toHaveLength(1);
    expect(standin.requests).toEqual([]);
    expect(run.report).toBeUndefined();
  });

  it('names the missing half of the client credentials, and refuses a base URL that is not https', async () => {
    const run = await runContract({
      JELOU_CONTRACT_TARGET: 'live',
      JELOU_PROJECT_ID: 'p',
      JELOU_CLIENT_ID: 'contract-client',
      JELOU_BASE_URL: 'http://gateway.example.com/jelouapi',
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ {2}- JELOU_CLIENT_SECRET\b/m);
    expect(run.stderr).toMatch(/^ {2}- JELOU_BASE_URL must use https:/m);
    expect(run.stderr).not.toMatch(/^ {2}- JELOU_PROJECT_ID/m);
  });

  it('refuses an unknown target instead of silently running the mock', async () => {
    const run = await runContract({ JELOU_CONTRACT_TARGET: 'production' });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('JELOU_CONTRACT_TARGET must be "live" or "mock"');
  });

  it('refuses an argument that is no operationId, and a selection of operations in a live run', async () => {
    standin = await startJelouStandin({ projectId: 'p', apiKey: 'selection-key' });
    const pattern = await runContract({}, { args: ['getIntegration', 'get.*'] });
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toMatch(/^ {2}- "get\.\*" is not an operationId/m);
    expect(pattern.stderr).not.toContain('"getIntegration"');
    expect(pattern.report).toBeUndefined();

    const live = await runContract(
      {
        JELOU_CONTRACT_TARGET: 'live',
        JELOU_BASE_URL: standin.url,
        JELOU_PROJECT_ID: 'p',
        JELOU_API_KEY: 'selection-key',
      },
      { args: ['getIntegration'] },
    );
    expect(live.code).toBe(2);
    expect(live.stderr).toMatch(/^ {2}- operations can be selected against the mock only/m);
    expect(standin.requests).toEqual([]);
    expect(live.report).toBeUndefined();
  });
});

/** openapi.yaml with `webhookUrl` renamed to `webhookURL` in the IntegrationFlat schema only. */
function specWithRenamedFlatWebhookUrl(yaml: string): string {
  const start = yaml.indexOf('\n    IntegrationFlat:\n');
  const next = /\n {4}\S/.exec(yaml.slice(start + 1));
  if (start === -1 || !next) throw new Error('IntegrationFlat schema not found in openapi.yaml');
  const end = start + 1 + next.index;
  const block = yaml.slice(start, end);
  const broken = block.replace(/^( +- )webhookUrl$/m, '$1webhookURL').replace(/^( +)webhookUrl:$/m, '$1webhookURL:');
  expect(broken.match(/webhookURL/g)).toHaveLength(2);
  return `${yaml.slice(0, start)}${broken}${yaml.slice(end)}`;
}

/** openapi.yaml with `signingSecret` renamed to `signing_secret` in the created integration's envelope `data`. */
function specWithRenamedSigningSecret(yaml: string): string {
  const start = yaml.indexOf('\n    CreatedIntegrationData:\n');
  const next = /\n {4}\S/.exec(yaml.slice(start + 1));
  if (start === -1 || !next) throw new Error('CreatedIntegrationData schema not found in openapi.yaml');
  const end = start + 1 + next.index;
  const block = yaml.slice(start, end);
  const broken = block
    .replace(/^( +- )signingSecret$/m, '$1signing_secret')
    .replace(/^( +)signingSecret:$/m, '$1signing_secret:');
  expect(broken.match(/signing_secret/g)).toHaveLength(2);
  return `${yaml.slice(0, start)}${broken}${yaml.slice(end)}`;
}

describe('npm run contract against a broken spec (mock)', () => {
  it(
    'fails, and the report names the failing cases of each operation, when webhookUrl is renamed in the flat schema',
    async () => {
      // Only the two operations that answer the flat schema: their failures are what this test reads. (And a
      // misspelt third name, which the run must name as no operation of the spec rather than skip in silence.)
      tempDir = mkdtempSync(path.join(os.tmpdir(), 'jelou-broken-spec-'));
      const spec = path.join(tempDir, 'openapi.yaml');
      writeFileSync(
        spec,
        specWithRenamedFlatWebhookUrl(readFileSync(path.join(REPO_ROOT, 'openapi', 'openapi.yaml'), 'utf8')),
      );
      const run = await runContract(
        { JELOU_CONTRACT_SPEC: spec },
        {
          args: ['getIntegration', 'updateIntegration', 'getIntegrations'],
        },
      );

      expect(run.code).toBe(1);
      expect(run.report?.target).toBe('mock');
      for (const operation of ['getIntegration', 'updateIntegration']) {
        expect(rowsOf(run.report, operation).filter((row) => row.result === 'fail').length).toBeGreaterThan(0);
        expect(run.stdout).toMatch(new RegExp(`✗ ${operation} › `));
      }
      expect(JSON.stringify(run.report)).toContain('webhookURL');
      // The terminal says where: Prism's violation names the renamed property under the failing happy path.
      expect(run.stdout).toMatch(/✗ getIntegration › happy path, flat shape[\s\S]*?sl-violation: .*'webhookURL'/);
      expect(rowsOf(run.report, '(run)', 'selection')).toEqual([
        expect.objectContaining({ result: 'fail', got: 'getIntegrations is not an operation of the spec' }),
      ]);
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
      expect(prismProcessesFor(spec)).toEqual([]);
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'fails on createIntegration alone, and says where, when signingSecret is renamed in the create response',
    async () => {
      tempDir = mkdtempSync(path.join(os.tmpdir(), 'jelou-broken-secret-'));
      const spec = path.join(tempDir, 'openapi.yaml');
      writeFileSync(
        spec,
        specWithRenamedSigningSecret(readFileSync(path.join(REPO_ROOT, 'openapi', 'openapi.yaml'), 'utf8')),
      );
      const run = await runContract({ JELOU_CONTRACT_SPEC: spec });

      expect(run.code).toBe(1);
      const failed = (run.report?.rows ?? []).filter((row) => row.result === 'fail');
      expect(new Set(failed.map((row) => row.operation))).toEqual(new Set(['createIntegration']));
      expect(failed.map((row) => row.case)).toContain('happy path, envelope shape');
      // Where: the failing case, the request, and Prism's violations of the create response.
      expect(run.stdout).toMatch(
        /✗ createIntegration › happy path, envelope shape[\s\S]*?POST http:\/\/127\.0\.0\.1:\d+\/v1\/external-support\/PROJECT_ID[\s\S]*?sl-violation: response\.body/,
      );
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
      expect(prismProcessesFor(spec)).toEqual([]);
    },
    RUN_TEST_TIMEOUT_MS,
  );
});

/** openapi.yaml with one more operation (PUT, which the spec does not have) on the integration's path. */
function specWithExtraOperation(yaml: string): string {
  const extended = yaml.replace(
    /\n {4}get:\n {6}operationId: getIntegration\n/,
    (get) =>
      `\n    put:\n      operationId: replaceIntegration\n      summary: Replace integration\n` +
      `      responses:\n        '204':\n          description: Deleted.${get}`,
  );
  expect(extended).toContain('replaceIntegration');
  return extended;
}

/** What the report says of an operation a run was not given (scripts/lib/contract-report/rows.mjs). */
const NOT_SELECTED = 'not selected (the run was given other operations)';

describe('npm run contract -- <operationIds> (mock)', () => {
  // One run of two operations: getIntegration, with its own tests, and a new one that nothing in tests/ exercises.
  const selected = ['getIntegration', 'replaceIntegration'];
  let dir: string;
  let spec: string;
  let run: ContractRun;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jelou-extra-op-'));
    spec = path.join(dir, 'openapi.yaml');
    writeFileSync(spec, specWithExtraOperation(readFileSync(path.join(REPO_ROOT, 'openapi', 'openapi.yaml'), 'utf8')));
    run = await runContract({ JELOU_CONTRACT_SPEC: spec }, { args: selected });
  }, RUN_TEST_TIMEOUT_MS);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the coverage of an operation that no contract test exercises', () => {
    expect(run.code).toBe(1);
    expect(rowsOf(run.report, 'replaceIntegration', 'coverage')[0]).toMatchObject({
      result: 'fail',
      got: 'no recorded case',
    });
    expect(rowsOf(run.report, 'getIntegration', 'coverage')[0]?.result).toBe('pass');
    expect(run.stdout).toContain('no contract case records replaceIntegration (PUT /v1/external-support/{projectId})');
    // The coverage row is the run's only failure: it alone makes the exit code 1.
    expect((run.report?.rows ?? []).filter((row) => row.result === 'fail')).toHaveLength(1);
    expect(prismProcessesFor(spec)).toEqual([]);
  });

  it('runs only the test files of the operations it is given', () => {
    const files = new Set((run.report?.rows ?? []).flatMap((row) => (row.file ? [row.file] : [])));
    expect([...files]).toEqual(['tests/contract/mock/getIntegration.test.ts']);
    expect(run.report?.totals.tests.passed).toBeGreaterThan(0);
    expect(run.stdout).toContain('mock: Prism mock of the spec (only getIntegration, replaceIntegration)');
  });

  it('reports the operations it was not given as not selected, not as missing', () => {
    const others = (run.report?.operations ?? []).filter((op) => !selected.includes(op.operationId));
    expect(others.map((op) => op.operationId)).toContain('deleteIntegration');
    for (const op of others) {
      expect(op.coverage).toBe('skipped');
      expect(rowsOf(run.report, op.operationId, 'coverage')[0]).toMatchObject({ result: 'skip', got: NOT_SELECTED });
      expect(run.stdout).not.toContain(`no contract case records ${op.operationId} `);
    }
  });
});

describe('npm run contract interrupted', () => {
  it(
    'stops jest and Prism on SIGINT, writes a partial report, and exits 130',
    async () => {
      // The stand-in never answers, so the run is surely still going when the signal comes.
      const server = await startJelouStandin({ projectId: 'p', apiKey: 'k', hold: true });
      standin = server;
      const upstream = new URL(server.url).host;
      let prismWhileRunning: string[] = [];
      let signalledAt = 0;
      const run = await runContract(
        { JELOU_CONTRACT_TARGET: 'live', JELOU_BASE_URL: server.url, JELOU_PROJECT_ID: 'p', JELOU_API_KEY: 'k' },
        {
          onStart: (child) => {
            const timer = setInterval(() => {
              if (server.requests.length === 0) return;
              clearInterval(timer);
              prismWhileRunning = prismProcessesFor(upstream);
              signalledAt = Date.now();
              child.kill('SIGINT');
            }, 50);
            child.once('close', () => clearInterval(timer));
          },
        },
      );

      expect(server.requests.length).toBeGreaterThan(0);
      expect(prismWhileRunning.length).toBeGreaterThan(0);
      expect(run.code).toBe(130);
      // At once: not after the runner's 5 s grace period, nor the held request's own 10 s timeout.
      expect(Date.now() - signalledAt).toBeLessThan(3000);
      expect(prismProcessesFor(upstream)).toEqual([]);
      expect(rowsOf(run.report, '(run)', 'interrupted')[0]).toMatchObject({ result: 'fail' });
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed/);
    },
    RUN_TEST_TIMEOUT_MS,
  );
});

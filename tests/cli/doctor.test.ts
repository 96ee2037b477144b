// jelou doctor against the stand-in answering each documented variant: the verdicts follow what the server did, by
// the live contract report's own judge (src/spec/verdicts.mjs, bundled into the bin).
import type { StandinOptions } from '../support/jelou-standin';
import { CANARY, ensureBuilt, runCli } from './support/cli';
import { PROJECT, startStandin, standinEnv } from './support/standin';

beforeAll(() => ensureBuilt(), 120_000);

interface DoctorReport {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  verdicts: { id: string; verdict: string; evidence: string }[];
}

async function doctor(options: StandinOptions, env: Record<string, string | undefined> = {}) {
  const standin = await startStandin(options);
  try {
    const run = await runCli(['doctor', PROJECT, '--json'], { env: standinEnv(standin, env) });
    const report = JSON.parse(run.stdout) as DoctorReport;
    const verdicts = Object.fromEntries(report.verdicts.map((v) => [v.id, v.verdict]));
    const methods = new Set(standin.requests.map((r) => r.method));
    return { run, report, verdicts, methods };
  } finally {
    await standin.close();
  }
}

test('the envelope GET, x-api-key only, both base paths: B, B, A, both; read-only', async () => {
  const { run, report, verdicts, methods } = await doctor({});
  expect(run.code).toBe(0);
  expect(report.checks).toEqual([expect.objectContaining({ name: 'getIntegration', ok: true })]);
  expect(verdicts).toEqual({
    'response-shape': 'B',
    'envelope-missing-fields': 'B',
    'response-auth-type': 'untested',
    'auth-scheme': 'A',
    'base-path': 'both',
    'error-body': 'A',
    'brain-id-value': 'A',
    'time-formats': 'B',
    'conversation-samples': 'untested',
  });
  expect([...methods]).toEqual(['GET']);
});

test('the flat GET with both credential kinds accepted: A, both; authType inside the enum', async () => {
  const { verdicts } = await doctor(
    { shapes: { getIntegration: 'flat' } },
    { JELOU_CLIENT_ID: CANARY.clientId, JELOU_CLIENT_SECRET: CANARY.clientSecret },
  );
  expect(verdicts).toMatchObject({
    'response-shape': 'A',
    'envelope-missing-fields': 'untested',
    'response-auth-type': 'both',
    'auth-scheme': 'both',
  });
});

test('a server that refuses Basic and has no /platform route: auth-scheme A, base-path A', async () => {
  const { verdicts, report } = await doctor(
    {
      basic: { clientId: 'someone-else', clientSecret: 'other-secret' },
      intercept: (request) =>
        request.url.startsWith('/platform/') ? { status: 404, body: `Cannot GET ${request.url}` } : undefined,
    },
    { JELOU_CLIENT_ID: CANARY.clientId, JELOU_CLIENT_SECRET: CANARY.clientSecret },
  );
  expect(verdicts).toMatchObject({ 'auth-scheme': 'A', 'base-path': 'A' });
  expect(report.verdicts.find((v) => v.id === 'auth-scheme')?.evidence).toBe(
    'x-api-key alone accepted; Basic alone refused (401)',
  );
});

test('a body no page documents fails the check: exit 1, named in the table output; response-shape neither', async () => {
  const standin = await startStandin({ undocumentedFor: ['getIntegration'] });
  try {
    const run = await runCli(['doctor', PROJECT], { env: standinEnv(standin) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL +getIntegration +/m);
    expect(run.stdout).toMatch(/^response-shape +neither +neither shape/m);
  } finally {
    await standin.close();
  }
});

// jelou integration get|update|create|delete|regenerate-secret against the stand-in.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JelouStandin } from '../support/jelou-standin';
import { CANARY, ensureBuilt, runCli } from './support/cli';
import { PROJECT, startStandin, standinEnv } from './support/standin';

let standin: JelouStandin;
beforeAll(() => ensureBuilt(), 120_000);
beforeEach(async () => {
  standin = await startStandin();
});
afterEach(() => standin.close());

test('integration get --json prints the normalized integration', async () => {
  const run = await runCli(['integration', 'get', PROJECT, '--json'], { env: standinEnv(standin) });
  expect(run.code).toBe(0);
  const integration = standin.integration();
  expect(JSON.parse(run.stdout)).toEqual({
    brainId: PROJECT,
    webhookUrl: integration.webhookUrl,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  });
});

test('integration get takes the project from JELOU_PROJECT_ID and prints a table without --json', async () => {
  const run = await runCli(['integration', 'get'], { env: standinEnv(standin, { JELOU_PROJECT_ID: PROJECT }) });
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^webhookUrl +https:\/\/my-system\.com\/webhook\/jelou$/m);
});

test('integration get with client credentials (Basic) works too', async () => {
  const run = await runCli(['integration', 'get', PROJECT, '--json'], {
    env: {
      JELOU_BASE_URL: standin.url,
      JELOU_CLIENT_ID: CANARY.clientId,
      JELOU_CLIENT_SECRET: CANARY.clientSecret,
    },
  });
  expect(run.code).toBe(0);
  expect(standin.requests[0]?.headers.authorization).toMatch(/^Basic /);
});

test('a wrong API key is an API failure: exit 1', async () => {
  const run = await runCli(['integration', 'get', PROJECT], {
    env: { ...standinEnv(standin), JELOU_API_KEY: 'not-the-key' },
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('401');
});

test('integration update sends the flags and the credential from the variable named, never printing it', async () => {
  const run = await runCli(
    [
      'integration',
      'update',
      PROJECT,
      '--webhook-url',
      'https://panel.example.com/jelou',
      '--auth-type',
      'api_key',
      '--authorization-env',
      'HOOK_TOKEN',
      '--json',
    ],
    { env: standinEnv(standin, { HOOK_TOKEN: CANARY.webhookToken }) },
  );
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ webhookUrl: 'https://panel.example.com/jelou' });
  expect(standin.integration()).toMatchObject({
    webhookUrl: 'https://panel.example.com/jelou',
    authType: 'api_key',
    authorization: CANARY.webhookToken,
  });
});

test('integration update reads the credential from stdin with --authorization-stdin', async () => {
  const run = await runCli(['integration', 'update', PROJECT, '--authorization-stdin'], {
    env: standinEnv(standin),
    stdin: `${CANARY.webhookToken}\n`,
  });
  expect(run.code).toBe(0);
  expect(standin.integration().authorization).toBe(CANARY.webhookToken);
});

test('integration update refuses bad input before sending anything (exit 2)', async () => {
  const env = standinEnv(standin, { HOOK_TOKEN: CANARY.webhookToken });
  const cases = [
    ['integration', 'update', PROJECT],
    ['integration', 'update', PROJECT, '--auth-type', 'oauth'],
    ['integration', 'update', PROJECT, '--authorization-env', 'UNSET_VARIABLE'],
    ['integration', 'update', PROJECT, '--webhook-url', 'not a url'],
  ];
  for (const args of cases) {
    const run = await runCli(args, { env });
    expect({ args, code: run.code }).toEqual({ args, code: 2 });
  }
  expect(standin.requests).toHaveLength(0);
});

describe('integration create|delete|regenerate-secret', () => {
  test('create prints the signing secret once; regenerate writes a new one to --write-env with mode 600; delete asks', async () => {
    const fresh = await startStandin({ integration: false });
    try {
      const env = standinEnv(fresh);
      const created = await runCli(
        ['integration', 'create', PROJECT, '--webhook-url', 'https://panel.example.com/j', '--json'],
        { env },
      );
      expect(created.code).toBe(0);
      expect(JSON.parse(created.stdout).signingSecret).toBe(fresh.signingSecret());

      const dir = mkdtempSync(path.join(tmpdir(), 'jelou-cli-'));
      const regenerated = await runCli(['integration', 'regenerate-secret', PROJECT, '--write-env', 'secret.env'], {
        env,
        cwd: dir,
      });
      expect(regenerated.code).toBe(0);
      const file = path.join(dir, 'secret.env');
      expect(readFileSync(file, 'utf8')).toBe(`JELOU_SIGNING_SECRET=${fresh.signingSecret()}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(regenerated.stdout).not.toContain(fresh.signingSecret());

      const unconfirmed = await runCli(['integration', 'delete', PROJECT], { env });
      expect(unconfirmed.code).toBe(2);
      expect(fresh.hasIntegration()).toBe(true);
      const deleted = await runCli(['integration', 'delete', PROJECT, '--yes', '--json'], { env });
      expect(deleted.code).toBe(0);
      expect(fresh.hasIntegration()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

// `npm run contract` live, beyond read-only, against the stand-in behind the real Prism proxy: each level only by
// explicit consent, refused before anything is sent when its variables are missing or do not match; the
// conversation run messages the stand-in's user with a valid signature; the destructive run prints the new secret
// once, on stdout only; the report ends with a verdict per documented discrepancy.
import path from 'node:path';
import { readSpecYaml } from '../support/spec-yaml';
import { startJelouStandin, type JelouStandin } from '../support/jelou-standin';
import {
  canary,
  everything,
  lastLine,
  prismProcessesFor,
  REPO_ROOT,
  rowsOf,
  runContract,
  RUN_TEST_TIMEOUT_MS,
} from './run-contract';

const PROJECT_ID = 'contract-project';
const WEBHOOK = 'https://hooks.example.com/jelou/events';

let standin: JelouStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe('npm run contract live, levels refused before anything is sent', () => {
  // A live run against a fresh stand-in with a seeded integration, with `level`'s variables added.
  const liveRun = async (level: Record<string, string>) => {
    const server = await startJelouStandin({ projectId: PROJECT_ID, apiKey: 'k' });
    standin = server;
    const run = await runContract({
      JELOU_CONTRACT_TARGET: 'live',
      JELOU_BASE_URL: server.url,
      JELOU_PROJECT_ID: PROJECT_ID,
      JELOU_API_KEY: 'k',
      ...level,
    });
    return { server, run };
  };

  it('refuses JELOU_CONTRACT_CONVERSATION=1 without the bot, the user and the signing secret', async () => {
    const { server, run } = await liveRun({ JELOU_CONTRACT_CONVERSATION: '1' });
    expect(run.code).toBe(2);
    for (const name of ['JELOU_BOT_ID', 'JELOU_USER_ID', 'JELOU_SIGNING_SECRET']) {
      expect(run.stderr).toMatch(new RegExp(`^ {2}- ${name}\\b`, 'm'));
    }
    expect(server.requests).toEqual([]);
  });

  it('refuses JELOU_CONTRACT_DESTRUCTIVE unless it repeats the project id, deleting nothing', async () => {
    const { server, run } = await liveRun({ JELOU_CONTRACT_DESTRUCTIVE: 'another-project' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('JELOU_CONTRACT_DESTRUCTIVE must repeat JELOU_PROJECT_ID');
    expect(server.requests).toEqual([]);
    expect(server.hasIntegration()).toBe(true);
  });
});

describe('npm run contract live at every level (a local stand-in)', () => {
  it(
    'converses, sends one signed message, regenerates, deletes, creates again, prints the secret once, and judges',
    async () => {
      const apiKey = canary();
      const signingSecret = canary();
      const server = await startJelouStandin({
        projectId: PROJECT_ID,
        apiKey,
        signingSecret,
        integration: { webhookUrl: WEBHOOK, authType: 'no_auth' },
        bots: ['BOT_ID'],
        users: ['USER_ID'],
      });
      standin = server;
      const run = await runContract({
        JELOU_CONTRACT_TARGET: 'live',
        JELOU_BASE_URL: server.url,
        JELOU_MESSAGES_BASE_URL: server.messagesUrl,
        JELOU_PROJECT_ID: PROJECT_ID,
        JELOU_API_KEY: apiKey,
        JELOU_CONTRACT_WRITE: '1',
        JELOU_CONTRACT_CONVERSATION: '1',
        JELOU_BOT_ID: 'BOT_ID',
        JELOU_USER_ID: 'USER_ID',
        JELOU_SIGNING_SECRET: signingSecret,
        JELOU_CONTRACT_DESTRUCTIVE: PROJECT_ID,
      });
      expect(prismProcessesFor(new URL(server.url).host)).toEqual([]);

      // Only getConversation's read-only case (no JELOU_CONVERSATION_ID) is skipped.
      if (run.code !== 0) throw new Error(run.stdout.slice(run.stdout.indexOf('Failures:')));
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed, 1 skipped$/);
      for (const operation of [
        'startConversation',
        'getConversation',
        'sendMessage',
        'closeConversation',
        'createIntegration',
        'regenerateSigningSecret',
        'deleteIntegration',
      ]) {
        expect(rowsOf(run.report, operation, 'coverage')[0]?.result).toBe('pass');
      }
      // The stand-in accepted exactly one message, after checking its signature over the raw bytes.
      expect(server.messages).toHaveLength(1);
      expect(server.messages[0]).toMatchObject({ type: 'text', active: true });
      expect(server.requests.filter((r) => r.operation === 'sendMessage' && r.headers['x-api-key'])).toEqual([]);

      // Delete, 404, create again: the stand-in ends with a new integration and a new secret, printed once.
      const finalSecret = server.signingSecret() ?? '';
      expect(finalSecret).not.toBe(signingSecret);
      expect(run.stdout.split(finalSecret)).toHaveLength(2);
      expect(run.stdout).toMatch(
        /NEW SIGNING SECRET \(from createIntegration \(created again after the delete\)\); store it now/,
      );
      expect(`${run.stderr}${Object.values(run.files).join('\n')}`).not.toContain(finalSecret);
      expect(everything(run)).not.toContain(apiKey);
      expect(everything(run)).not.toContain(signingSecret);
      expect(rowsOf(run.report, 'getIntegration', 'read after delete')[0]).toMatchObject({
        result: 'pass',
        status: 404,
      });

      // Which docs are true: the stand-in's default shapes give known verdicts, each with its evidence.
      const verdict = (id: string) => run.report?.verdicts?.find((v) => v.id === id);
      const documented = (
        readSpecYaml(path.join(REPO_ROOT, 'openapi', 'openapi.yaml')) as {
          'x-jelou-discrepancies': { id: string }[];
        }
      )['x-jelou-discrepancies'];
      expect(run.report?.verdicts?.map((v) => v.id)).toEqual(documented.map((d) => d.id));
      expect(verdict('response-shape')?.verdict).toBe('both'); // envelope GET, flat PATCH and create
      expect(verdict('regenerate-shape')).toMatchObject({
        verdict: 'B',
        suggestion: expect.stringContaining('Envelope'),
      });
      expect(verdict('signing-secret-visibility')?.verdict).toBe('B');
      expect(verdict('delete-message-text')?.verdict).toBe('A');
      expect(verdict('conversation-samples')?.verdict).toBe('B');
      expect(verdict('close-reason')?.verdict).toBe('B');
      expect(verdict('signature-input')?.verdict).toBe('both');
      expect(verdict('event-envelope-style')?.verdict).toBe('untested');
      expect(verdict('regenerate-shape')?.evidence[0]).toMatchObject({
        request: 'POST /v1/external-support/{projectId}/secret/regenerate',
        status: 200,
        shape: 'envelope',
        saw: 'data.signingSecret',
      });
      expect(run.stdout).toContain('Which docs are true (x-jelou-discrepancies):');
      expect(run.stdout).toMatch(/regenerate-shape: B\n.*secret\/regenerate → 200 envelope: data\.signingSecret/);
    },
    RUN_TEST_TIMEOUT_MS * 2,
  );
});

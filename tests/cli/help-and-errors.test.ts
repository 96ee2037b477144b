// The frame every command shares: --help with an example, exit codes, one-line errors, no colours off a terminal.
import { spawnSync } from 'node:child_process';
import { BIN, CANARY, cliEnv, ensureBuilt, runCli } from './support/cli';
import { startStandin, standinEnv, PROJECT } from './support/standin';

const COMMANDS = [
  'integration get',
  'integration create',
  'integration update',
  'integration delete',
  'integration regenerate-secret',
  'conversation start',
  'conversation close',
  'conversation get',
  'send',
  'sign',
  'verify',
  'trigger',
  'listen',
  'replay',
  'doctor',
];

beforeAll(() => ensureBuilt(), 120_000);

test('jelou --help lists every command and exits 0', async () => {
  const run = await runCli(['--help']);
  expect(run.code).toBe(0);
  for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command} `);
});

test.each(COMMANDS)('jelou %s --help shows the usage and an example, and exits 0', async (command) => {
  const run = await runCli([...command.split(' '), '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Usage: jelou ${command}`);
  expect(run.stdout).toMatch(/Examples?:\n {2}.*\bjelou /);
});

test('no command at all prints the help and exits 2', async () => {
  const run = await runCli([]);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('Commands:');
});

test('an unknown command or flag is a usage error: exit 2, one line on stderr', async () => {
  const unknown = await runCli(['frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  const flag = await runCli(['integration', 'get', 'P', '--bogus']);
  expect(flag.code).toBe(2);
  expect(flag.stderr).toContain("Unknown option '--bogus'");
});

test('a group without a sub-command shows its sub-commands', async () => {
  const run = await runCli(['integration', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('integration regenerate-secret');
});

test('no credentials in the environment: exit 2 with the SDK message, one line, nothing sent', async () => {
  const standin = await startStandin();
  try {
    const run = await runCli(['integration', 'get', PROJECT], { env: { JELOU_BASE_URL: standin.url } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('JELOU_API_KEY');
    expect(standin.requests).toHaveLength(0);
  } finally {
    await standin.close();
  }
});

test('errors carry no stack unless --debug', async () => {
  const standin = await startStandin();
  try {
    const env = standinEnv(standin);
    const plain = await runCli(['integration', 'get', 'unknown-project'], { env });
    expect(plain.code).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('404');
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['integration', 'get', 'unknown-project', '--debug'], { env });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  } finally {
    await standin.close();
  }
});

test('--json errors are one JSON line with the exit code', async () => {
  const standin = await startStandin();
  try {
    const run = await runCli(['integration', 'get', 'unknown-project', '--json'], { env: standinEnv(standin) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toEqual({ error: expect.stringContaining('404'), exitCode: 1 });
  } finally {
    await standin.close();
  }
});

test('no colours when the output is not a terminal, even when FORCE_COLOR is set', async () => {
  const run = await runCli(['verify', '--signature', 'sha256=00'], {
    env: { JELOU_SIGNING_SECRET: CANARY.signingSecret, FORCE_COLOR: '1' },
    stdin: '{}',
  });
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toContain('\u001b[');
});

test('a credential that reaches an error message is still never printed', async () => {
  // The project id argument is JELOU_CLIENT_ID, which the client (authenticating with the API key) does not scrub;
  // the 404 message names the path, which holds it: the CLI's own scrubbing catches it.
  const standin = await startStandin();
  try {
    const run = await runCli(['integration', 'get', CANARY.clientId], {
      env: standinEnv(standin, { JELOU_CLIENT_ID: CANARY.clientId }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[redacted]');
  } finally {
    await standin.close();
  }
});

// util-linux `script` gives the bin a terminal (a pty) as stdout.
const hasScript = spawnSync('script', ['--version']).status === 0;
(hasScript || process.env.CI === 'true' ? test : test.skip)(
  'on a terminal: colours, unless NO_COLOR is set or --no-color is given',
  () => {
    const onTerminal = (extra: string, env: Record<string, string> = {}): string =>
      spawnSync(
        'script',
        ['-qec', `${process.execPath} ${BIN} verify --signature sha256=00 ${extra} < /dev/null`, '/dev/null'],
        {
          encoding: 'utf8',
          env: cliEnv({ JELOU_SIGNING_SECRET: CANARY.signingSecret, ...env }),
        },
      ).stdout;
    expect(onTerminal('')).toContain('\u001b[31mno match\u001b[0m');
    expect(onTerminal('', { NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(onTerminal('--no-color')).not.toContain('\u001b[');
  },
);

// `npm run mock` as a user runs it: the docs' URLs (with their `/jelouapi` or `/platform` base path) answer from
// the spec's examples (and dynamic ones), and stopping it, by the pid it prints or by npm's, leaves no Prism behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 8000;
const MOCK_TEST_TIMEOUT_MS = 60_000;
const READY = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*pid (\d+) \(Prism: pid (\d+)\)/;

interface RunningMock {
  npm: ChildProcess;
  url: string;
  mockPid: number;
  prismPid: number;
  output: () => string;
}

function startMock(): Promise<RunningMock> {
  const npm = spawn('npm', ['run', '-s', 'mock'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run mock did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (!match?.[1] || !match[2] || !match[3]) return;
      clearTimeout(timer);
      resolve({ npm, url: match[1], mockPid: Number(match[2]), prismPid: Number(match[3]), output: () => output });
    };
    npm.stdout.on('data', onData);
    npm.stderr.on('data', onData);
    npm.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run mock exited (${String(code)}):\n${output}`));
    });
  });
}

/** Whether a process is running (a zombie counts as gone). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: number[]): Promise<number[]> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pids.some(running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(running);
}

let mock: RunningMock | undefined;

afterEach(async () => {
  // Whatever a failing test left: this test's own processes only, by pid.
  for (const pid of [mock?.mockPid, mock?.prismPid]) {
    if (pid && running(pid)) process.kill(pid, 'SIGKILL');
  }
  mock = undefined;
});

describe('npm run mock', () => {
  // One mock for both: it answers, then gets SIGTERM (one Prism start fewer).
  it(
    "answers the docs' URLs under /jelouapi and /platform, and the bare /v1 paths, from the spec's examples, and stops Prism when the pid it prints gets SIGTERM",
    async () => {
      mock = await startMock();
      const get = (prefix: string): Promise<Response> =>
        fetch(`${mock?.url}${prefix}/v1/external-support/PROJECT_ID`, { headers: { 'x-api-key': 'k' } });

      for (const prefix of ['/jelouapi', '/platform', '']) {
        const answer = await get(prefix);
        expect({ prefix, status: answer.status }).toEqual({ prefix, status: 200 });
        expect(await answer.json()).toHaveProperty('webhookUrl');
      }
      // A dynamic example too, generated from the schema (either documented shape, optional fields or not; faker
      // itself is tested in tests/unit/scripts/prism-lazy-faker.test.ts).
      const dynamic = await fetch(`${mock.url}/jelouapi/v1/external-support/PROJECT_ID`, {
        headers: { 'x-api-key': 'k', prefer: 'dynamic=true' },
      });
      expect(dynamic.status).toBe(200);
      const generated: unknown = await dynamic.json();
      expect(generated !== null && typeof generated === 'object' && !Array.isArray(generated)).toBe(true);
      expect((await get('/elsewhere')).status).toBe(404);
      expect((await get('/jelouapiX')).status).toBe(404);
      const unauthenticated = await fetch(`${mock.url}/jelouapi/v1/external-support/PROJECT_ID`);
      expect(unauthenticated.status).toBe(401);
      // The banner names the front's address, never Prism's private one.
      expect(mock.output()).toContain(`try: curl -H 'x-api-key: k' ${mock.url}/jelouapi/v1/external-support/`);
      expect(mock.output()).not.toMatch(new RegExp(`http://127\\.0\\.0\\.1:(?!${new URL(mock.url).port})\\d+`));

      expect(running(mock.prismPid)).toBe(true);
      process.kill(mock.mockPid, 'SIGTERM');
      expect(await waitUntilGone([mock.mockPid, mock.prismPid])).toEqual([]);
    },
    MOCK_TEST_TIMEOUT_MS,
  );

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'stops Prism when the npm process gets %s',
    async (signal) => {
      mock = await startMock();
      expect(mock.npm.pid).toBeDefined();
      process.kill(mock.npm.pid ?? -1, signal);
      expect(await waitUntilGone([mock.mockPid, mock.prismPid])).toEqual([]);
    },
    MOCK_TEST_TIMEOUT_MS,
  );
});

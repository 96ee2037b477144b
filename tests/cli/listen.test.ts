// jelou listen against the stand-in's signed deliveries: verification (401 and not forwarded on failure), the
// exact bytes and headers forwarded (the signature still verifies at the target, checked by the SDK's verifier),
// the JSON-lines capture and `jelou replay`, --events, Ctrl-C, and --register/--restore on the stand-in's integration.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyJelouSignature } from '../../src/webhooks/node';
import type { JelouStandin } from '../support/jelou-standin';
import { listen } from '../support/webhook-server';
import { CANARY, defined, ensureBuilt, runCli, startCli, type RunningCli } from './support/cli';
import { PROJECT, startStandin, standinEnv } from './support/standin';

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
  verified: Awaited<ReturnType<typeof verifyJelouSignature>>;
}

/** A panel that records what it gets and checks the signature and bearer token with the SDK's verifier (401 if not). */
async function startTarget(status = 200) {
  const received: Received[] = [];
  const server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void verifyJelouSignature(body, req.headers['x-jelou-signature'] as string, CANARY.signingSecret, {
        auth: { type: 'bearer', token: CANARY.webhookToken },
        headers: req.headers as Record<string, string>,
      }).then((verified) => {
        received.push({ headers: req.headers, body, verified });
        res.writeHead(verified.ok ? status : 401, { 'content-type': 'text/plain' }).end(`panel got ${received.length}`);
      });
    });
  });
  return { ...server, received, to: `${server.url}/webhooks/jelou` };
}

let standin: JelouStandin;
let dir: string;
let listener: RunningCli | undefined;
let targets: { close(): Promise<void> }[] = [];

beforeAll(() => ensureBuilt(), 120_000);
beforeEach(async () => {
  standin = await startStandin();
  dir = mkdtempSync(path.join(tmpdir(), 'jelou-listen-'));
});
afterEach(async () => {
  await listener?.interrupt();
  listener = undefined;
  await standin.close();
  for (const t of targets) await t.close();
  targets = [];
});

async function startListen(args: string[], env: Record<string, string> = {}): Promise<string> {
  listener = startCli(['listen', '--port', '0', '--json', '--capture', 'cap.jsonl', ...args], {
    cwd: dir,
    env: { ...standinEnv(standin), HOOK_TOKEN: CANARY.webhookToken, ...env },
  });
  const ready = JSON.parse(await listener.nextLine()) as { listening: string };
  return ready.listening;
}

const running = (): RunningCli => defined(listener, 'the listener');
const BEARER = ['--auth-type', 'bearer', '--auth-token-env', 'HOOK_TOKEN'];
const message = { type: 'text' as const, roomId: 'R1', botId: 'B1', userId: 'U1', id: 'msg-1', body: 'Hola' };

test('a verified delivery is forwarded byte for byte with its headers, and the signature verifies at the target', async () => {
  const target = await startTarget(202);
  targets.push(target);
  const url = await startListen(['--forward-to', target.to, ...BEARER]);
  // Pretty-printed on purpose: a forwarder that re-serialized would change the bytes and break the signature.
  const result = await standin.deliverMessage(message, { to: url, bodyFormat: 'pretty' });
  expect(result.status).toBe(202); // the target's answer goes back to Jelou
  expect(result.body).toBe('panel got 1');
  const got = defined(target.received[0], 'the forwarded delivery');
  expect(got.body.equals(result.delivery.rawBody)).toBe(true);
  expect(got.verified).toEqual({ ok: true, secretIndex: 0, form: 'raw' });
  for (const name of ['x-jelou-signature', 'authorization', 'content-type', 'user-agent']) {
    expect(got.headers[name]).toBe(result.delivery.headers[name]);
  }
  const line = JSON.parse(await running().nextLine());
  expect(line).toMatchObject({
    event: 'message.text',
    verified: true,
    status: 202,
    forward: { url: target.to, status: 202 },
  });
});

test('the table output prints one line per event and the forward answer', async () => {
  const target = await startTarget();
  targets.push(target);
  listener = startCli(['listen', '--port', '0', '--forward-to', target.to, '--no-capture'], {
    cwd: dir,
    env: standinEnv(standin),
  });
  const url = defined(/Listening on (\S+)/.exec(await listener.nextLine())?.[1], 'the listening URL');
  await standin.deliverMessage(message, { to: url });
  expect(await listener.nextLine()).toBe('--> message.text room=R1 msg=msg-1');
  expect(await listener.nextLine()).toMatch(new RegExp(`^<-- 200 POST ${target.to} \\d+ ms$`));
  expect(existsSync(path.join(dir, '.jelou'))).toBe(false);
});

test('a bad signature or a missing auth header is answered 401 with the reason, and not forwarded', async () => {
  const target = await startTarget();
  targets.push(target);
  const url = await startListen(['--forward-to', target.to, ...BEARER]);
  const forged = await standin.deliverMessage(message, { to: url, secret: 'not-the-secret' });
  expect(forged.status).toBe(401);
  expect(JSON.parse(await running().nextLine())).toMatchObject({ verified: false, reason: 'mismatch', status: 401 });
  const noAuth = await standin.deliverMessage(message, { to: url, headers: { authorization: null } });
  expect(noAuth.status).toBe(401);
  expect(JSON.parse(await running().nextLine())).toMatchObject({ verified: false, reason: 'missing_auth' });
  expect(target.received).toHaveLength(0);
});

test('every delivery is captured (mode 600, no auth header) and replay re-sends the exact bytes', async () => {
  const url = await startListen(BEARER);
  const first = await standin.deliverMessage(message, { to: url, bodyFormat: 'pretty' });
  await running().nextLine();
  await standin.deliverMessage({ ...message, id: 'msg-2' }, { to: url, secret: 'forged' });
  await running().nextLine();
  const file = path.join(dir, 'cap.jsonl');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const text = readFileSync(file, 'utf8');
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.messageId, l.verified])).toEqual([
    ['msg-1', true],
    ['msg-2', false],
  ]);
  expect(text).not.toContain(CANARY.webhookToken);
  expect(Buffer.from(lines[0].body, 'base64').equals(first.delivery.rawBody)).toBe(true);

  const target = await startTarget();
  targets.push(target);
  const replay = await runCli(['replay', 'cap.jsonl', '--to', target.to, ...BEARER, '--json'], {
    cwd: dir,
    env: { HOOK_TOKEN: CANARY.webhookToken },
  });
  expect(replay.code).toBe(0);
  expect(target.received).toHaveLength(1); // the rejected one is skipped by default
  expect(defined(target.received[0]).body.equals(first.delivery.rawBody)).toBe(true);
  expect(defined(target.received[0]).verified.ok).toBe(true);
  expect(JSON.parse(replay.stdout)).toMatchObject({ id: lines[0].id, event: 'message.text', status: 200 });

  const only = await runCli(['replay', 'cap.jsonl', '--to', target.to, '--only', 'msg-2'], { cwd: dir });
  expect(only.code).toBe(1); // the forged one, replayed on request: the target's verifier refuses it
  expect(only.stdout).toMatch(/^<-- 401 POST /);
  const unknown = await runCli(['replay', 'cap.jsonl', '--to', target.to, '--only', 'nope'], { cwd: dir });
  expect(unknown.code).toBe(2);
});

test('--events forwards only the events named; the others are answered 200', async () => {
  const target = await startTarget();
  targets.push(target);
  const url = await startListen(['--forward-to', target.to, '--events', 'conversation.start']);
  const skipped = await standin.deliverMessage(message, { to: url });
  expect(skipped.status).toBe(200);
  expect(JSON.parse(await running().nextLine())).toMatchObject({ event: 'message.text', skipped: true });
  standin.setDeliverTo(url);
  standin.startConversation({ botId: 'B2', userId: 'U2' });
  await standin.waitForDeliveries();
  expect(JSON.parse(await running().nextLine())).toMatchObject({ event: 'conversation.start', status: 200 });
  expect(target.received.map((r) => JSON.parse(r.body.toString()).event)).toEqual(['conversation.start']);
});

test('Ctrl-C stops the listener with exit 130', async () => {
  await startListen([]);
  const stopped = await running().interrupt();
  listener = undefined;
  expect(stopped.code).toBe(130);
});

test('--register points webhookUrl at the public URL and restores it on Ctrl-C', async () => {
  const original = standin.integration().webhookUrl;
  await startListen(['--register', '--public-url', 'https://tunnel.example.com/hook', '--yes', PROJECT]);
  expect(standin.integration().webhookUrl).toBe('https://tunnel.example.com/hook');
  expect(existsSync(path.join(dir, '.jelou', 'listen-restore.json'))).toBe(true);
  const stopped = await running().interrupt();
  listener = undefined;
  expect(stopped.code).toBe(130);
  expect(standin.integration().webhookUrl).toBe(original);
  expect(existsSync(path.join(dir, '.jelou', 'listen-restore.json'))).toBe(false);
});

test('after a crash, jelou listen --restore puts the original back from the restore file', async () => {
  const original = standin.integration().webhookUrl;
  await startListen(['--register', '--public-url', 'https://tunnel.example.com/hook', '--yes', PROJECT]);
  running().child.kill('SIGKILL');
  await running().interrupt();
  listener = undefined;
  expect(standin.integration().webhookUrl).toBe('https://tunnel.example.com/hook');
  const again = await runCli(['listen', '--register', '--public-url', 'https://t2.example.com', '--yes', PROJECT], {
    cwd: dir,
    env: standinEnv(standin),
  });
  expect(again.code).toBe(2); // refuses to overwrite the pending restore
  const restored = await runCli(['listen', '--restore', '--json'], { cwd: dir, env: standinEnv(standin) });
  expect(restored.code).toBe(0);
  expect(JSON.parse(restored.stdout)).toEqual({ restored: true, projectId: PROJECT, webhookUrl: original });
  expect(standin.integration().webhookUrl).toBe(original);
});

test('--register asks first: without a terminal and without --yes nothing changes (exit 2)', async () => {
  const original = standin.integration().webhookUrl;
  const run = await runCli(['listen', '--port', '0', '--register', '--public-url', 'https://t.example.com', PROJECT], {
    cwd: dir,
    env: standinEnv(standin),
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--yes');
  expect(standin.integration().webhookUrl).toBe(original);
  const http = await runCli(['listen', '--register', '--public-url', 'http://t.example.com', '--yes', PROJECT], {
    cwd: dir,
    env: standinEnv(standin),
  });
  expect(http.code).toBe(2);
});

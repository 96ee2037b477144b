// jelou sign / jelou verify: the signature of stdin's bytes, checked independently with node:crypto.
import { createHmac } from 'node:crypto';
import { CANARY, ensureBuilt, runCli } from './support/cli';

const env = { JELOU_SIGNING_SECRET: CANARY.signingSecret };
const hmac = (bytes: string): string =>
  `sha256=${createHmac('sha256', CANARY.signingSecret).update(bytes).digest('hex')}`;
const PRETTY = '{\n  "event": "conversation.start",\n  "room_id": "ROOM"\n}';

beforeAll(() => ensureBuilt(), 120_000);

test('sign prints sha256=<hex HMAC> of the exact bytes read', async () => {
  const run = await runCli(['sign'], { env, stdin: PRETTY });
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(`${hmac(PRETTY)}\n`);
  const json = await runCli(['sign', '--json'], { env, stdin: PRETTY });
  expect(JSON.parse(json.stdout)).toEqual({ signature: hmac(PRETTY), bytes: Buffer.byteLength(PRETTY) });
});

test('sign without JELOU_SIGNING_SECRET is a configuration error (exit 2)', async () => {
  const run = await runCli(['sign'], { stdin: '{}' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('JELOU_SIGNING_SECRET');
});

test('verify: a matching raw signature exits 0 and says the form', async () => {
  const run = await runCli(['verify', '--signature', hmac(PRETTY), '--json'], { env, stdin: PRETTY });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({ ok: true, form: 'raw' });
});

test('verify: a signature of the re-serialized body matches only with --reserialized', async () => {
  const compact = JSON.stringify(JSON.parse(PRETTY));
  const without = await runCli(['verify', '--signature', hmac(compact), '--json'], { env, stdin: PRETTY });
  expect(without.code).toBe(1);
  expect(JSON.parse(without.stdout)).toEqual({ ok: false, reason: 'mismatch' });
  const withFlag = await runCli(['verify', '--signature', hmac(compact), '--reserialized'], { env, stdin: PRETTY });
  expect(withFlag.code).toBe(0);
  expect(withFlag.stdout).toBe('match (form: reserialized)\n');
});

test('verify: a malformed or missing signature', async () => {
  const malformed = await runCli(['verify', '--signature', 'sha1=abc'], { env, stdin: PRETTY });
  expect(malformed.code).toBe(1);
  expect(malformed.stdout).toContain('malformed_signature');
  const missing = await runCli(['verify'], { env, stdin: PRETTY });
  expect(missing.code).toBe(2);
});

// examples/echo-panel end to end: the stand-in Jelou posts a signed message.text to the panel (a real process), the
// panel replies through sendMessage, and the stand-in accepts the reply only when its X-Jelou-Signature matches the
// raw body; the reply's signature and content are checked here again. Needs the issue-9 client (sendMessage).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { defined, ensureBuilt, REPO } from '../cli/support/cli';
import { startJelouStandin, type JelouStandin } from '../support/jelou-standin';

const SECRET = randomBytes(32).toString('hex');
const TOKEN = randomBytes(16).toString('hex');
let standin: JelouStandin | undefined;
let panel: ChildProcessWithoutNullStreams | undefined;
const jelou = (): JelouStandin => defined(standin, 'the stand-in');
let panelOutput = '';

beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  panel?.kill('SIGTERM');
  panel = undefined;
  await standin?.close();
  standin = undefined;
});

async function startPanel(): Promise<string> {
  const started = await startJelouStandin({
    projectId: 'PROJECT_ID',
    apiKey: randomBytes(8).toString('hex'),
    integration: { authType: 'bearer', authorization: TOKEN },
    signingSecret: SECRET,
  });
  standin = started;
  panelOutput = '';
  const child = spawn(process.execPath, [path.join(REPO, 'examples', 'echo-panel', 'panel.mjs')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      JELOU_SIGNING_SECRET: SECRET,
      JELOU_WEBHOOK_AUTH_TYPE: 'bearer',
      JELOU_WEBHOOK_TOKEN: TOKEN,
      JELOU_MESSAGES_BASE_URL: started.messagesUrl,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  panel = child;
  child.stderr.on('data', (d: Buffer) => (panelOutput += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the panel did not start: ${panelOutput}`)), 10_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      panelOutput += `${line}\n`;
      const match = /listening on (\S+)/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  started.setDeliverTo(url);
  return url;
}

describe('the echo panel', () => {
  test('a signed message.text gets a signed echo through sendMessage, once', async () => {
    await startPanel();
    const conversation = jelou().startConversation({ botId: 'BOT_ID', userId: 'USER_ID' });
    await jelou().waitForDeliveries();
    const delivered = await jelou().deliverMessage({ type: 'text', body: 'Hola, ¿hay alguien?', id: 'user-msg-1' });
    expect(delivered.status).toBe(200);
    const reply = await jelou().waitForMessage();
    expect(reply).toMatchObject({
      type: 'text',
      content: { body: 'Echo: Hola, ¿hay alguien?' },
      roomId: conversation.roomId,
      botId: 'BOT_ID',
      userId: 'USER_ID',
      projectId: 'PROJECT_ID',
      active: true,
    });
    expect(reply.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(reply.rawBody).digest('hex')}`);
    // No gateway credential travels to the messages host.
    const sent = jelou().requests.find((r) => r.host === 'messages');
    expect(sent?.headers['x-api-key']).toBeUndefined();

    // The same delivery again (a retry) is acknowledged without a second reply.
    const again = await jelou().deliver(delivered.event, { bodyFormat: 'compact' });
    expect(again.status).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jelou().messages).toHaveLength(1);
  });

  test('a forged delivery is refused with 401 and gets no reply', async () => {
    await startPanel();
    jelou().startConversation({ botId: 'BOT_ID', userId: 'USER_ID' });
    await jelou().waitForDeliveries();
    const forged = await jelou().deliverMessage({ type: 'text', body: 'x' }, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jelou().messages).toHaveLength(0);
  });

  test('npm run example:echo-panel -- --once runs the whole exchange and exits 0', () => {
    const run = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'example-echo-panel.mjs'), '--once'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'reply received, signature verified over the raw body: "Echo: Hello, is anyone there?"',
    );
  });
});

#!/usr/bin/env node
// npm run example:echo-panel: runs examples/echo-panel/panel.mjs against the stand-in Jelou, on loopback only.
// Starts the stand-in (an integration with a fresh signing secret and webhook token, never printed), starts the
// panel with them in its environment, points the stand-in's deliveries at the panel, opens a conversation and
// sends one text message as the end user; the stand-in verifies the panel's signed reply. Then every line typed on
// stdin is sent as another message, until Ctrl-C. `--once` stops after the first reply (exit 0, or 1 without one).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { startJelouStandin } = require('./lib/jelou-standin.cjs');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const once = process.argv.includes('--once');
const REPLY_TIMEOUT_MS = 10_000;

// The panel imports the package by name: that resolves to this repository's dist/ (a package may import itself).
if (!existsSync(path.join(repoRoot, 'dist', 'esm', 'index.js'))) {
  console.error('example:echo-panel: dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const secrets = {
  apiKey: randomBytes(16).toString('hex'),
  signingSecret: randomBytes(32).toString('hex'),
  webhookToken: randomBytes(16).toString('hex'),
};
const standin = await startJelouStandin({
  projectId: 'PROJECT_ID',
  apiKey: secrets.apiKey,
  integration: { authType: 'bearer', authorization: secrets.webhookToken },
  signingSecret: secrets.signingSecret,
});

const panel = spawn(process.execPath, [path.join(repoRoot, 'examples', 'echo-panel', 'panel.mjs')], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PORT: '0',
    JELOU_SIGNING_SECRET: secrets.signingSecret,
    JELOU_WEBHOOK_AUTH_TYPE: 'bearer',
    JELOU_WEBHOOK_TOKEN: secrets.webhookToken,
    JELOU_API_KEY: secrets.apiKey,
    JELOU_BASE_URL: standin.url,
    JELOU_MESSAGES_BASE_URL: standin.messagesUrl,
  },
});
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  panel.kill('SIGTERM');
  await standin.close();
  process.exit(code);
}
panel.on('exit', (code) => {
  if (!stopping) {
    console.error(`example:echo-panel: the panel exited (${code})`);
    void stop(1);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));

const panelLines = createInterface({ input: panel.stdout });
const panelUrl = await new Promise((resolve) => {
  panelLines.on('line', (line) => {
    console.log(`panel    | ${line}`);
    const match = /listening on (\S+)/.exec(line);
    if (match) resolve(match[1]);
  });
});
standin.setDeliverTo(panelUrl);
console.log(`stand-in | Jelou stand-in at ${standin.origin}; delivering to ${panelUrl}`);
const conversation = standin.startConversation({ botId: 'BOT_ID', userId: 'USER_ID' });
console.log(`stand-in | conversation.start sent for room ${conversation.roomId}`);

async function say(body) {
  const before = standin.messages.length;
  const sent = await standin.deliverMessage({ type: 'text', body, roomId: conversation.roomId });
  console.log(`user     | "${body}" (delivery answered ${sent.status})`);
  if (sent.status >= 300) throw new Error(`the panel answered ${sent.status}: no reply will come`);
  // The stand-in accepts a message only when its X-Jelou-Signature matches the exact bytes sent.
  const reply = await standin.waitForMessage((m) => standin.messages.indexOf(m) >= before, REPLY_TIMEOUT_MS);
  console.log(`stand-in | reply received, signature verified over the raw body: "${reply.content.body}"`);
  return reply;
}

try {
  await standin.waitForDeliveries();
  await say('Hello, is anyone there?');
} catch (error) {
  console.error(`example:echo-panel: ${error.message}`);
  await stop(1);
}
if (once) await stop(0);
console.log('Type a message as the end user and press Enter; Ctrl-C to stop.');
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== '') say(line.trim()).catch((error) => console.error(`example:echo-panel: ${error.message}`));
});

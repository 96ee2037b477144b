// Webhook verification speed and the webhooks entry's size; one async function, wired into `npm run bench`.
//   speed  verifyJelouSignature (node:crypto build) on a 1 kB body vs a bare createHmac + timingSafeEqual (the
//          docs' own verifier), interleaved A B / B A, ≥ 20 rounds after a warm-up, no forced GC; the ratio of
//          each round, reported as median and min–max. The WebCrypto build (cached CryptoKey) is measured beside.
//   size   dist/esm/webhooks/index.js (the Web-standard build) bundled as a user's bundler would (esbuild-wasm,
//          minified, tree-shaken, ESM) and gzip -9: the whole entry, the edge receiver of the example
//          (createJelouWebhooks with two secrets, bearer auth and memoryStore dedupe, one handler, toFetchHandler),
//          and verifyJelouSignature alone.
// Needs `npm run build` first (it reads dist/esm).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

function body1k() {
  const event = {
    field: 'messages',
    object: 'message_event',
    event_type: 'message',
    timestamp: 1776134278574,
    project_id: 'PROJECT_ID',
    room_id: 'ROOM_ID',
    contact: { id: 'USER_ID', name: 'USER_NAME' },
    conversation: { id: 'CONVERSATION_ID' },
    bot: { id: 'BOT_ID', name: 'BOT_NAME' },
    value: { id: 'MESSAGE_ID', type: 'text', content: { body: '' } },
  };
  const base = JSON.stringify(event).length;
  event.value.content.body = 'x'.repeat(1024 - base);
  return JSON.stringify(event);
}

const stats = (ratios) => {
  const sorted = [...ratios].sort((a, b) => a - b);
  const round = (n) => Number(n.toFixed(3));
  return { median: round(sorted[Math.floor(sorted.length / 2)]), min: round(sorted[0]), max: round(sorted.at(-1)) };
};

async function timeBatch(fn, iterations) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

async function speed({ rounds, iterations }) {
  const node = await import(pathToFileURL(path.join(repoRoot, 'dist', 'esm', 'webhooks', 'node.js')).href);
  const web = await import(pathToFileURL(path.join(repoRoot, 'dist', 'esm', 'webhooks', 'index.js')).href);
  const body = body1k();
  const header = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const contenders = {
    // The docs' verifier, as Jelou's page writes it (on the raw body).
    raw: async () => {
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      if (!(header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected))))
        throw new Error('raw failed');
    },
    node: async () => {
      if (!(await node.verifyJelouSignature(body, header, SECRET)).ok) throw new Error('node failed');
    },
    web: async () => {
      if (!(await web.verifyJelouSignature(body, header, SECRET)).ok) throw new Error('web failed');
    },
  };
  const names = Object.keys(contenders);
  for (const name of names) await timeBatch(contenders[name], iterations); // warm-up
  const per = { raw: [], node: [], web: [] };
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]); // rotate who goes first
    for (const name of order)
      per[name].push(await timeBatch(contenders[name], name === 'web' ? iterations / 4 : iterations));
  }
  const ratio = (name) => stats(per[name].map((micros, i) => micros / per.raw[i]));
  return {
    bodyBytes: body.length,
    rounds,
    iterationsPerBatch: iterations,
    rawMicros: stats(per.raw),
    nodeVsRaw: ratio('node'),
    webVsRaw: ratio('web'),
  };
}

async function size() {
  const { build } = await import('../scripts/lib/esbuild.mjs');
  const entry = path.join(repoRoot, 'dist', 'esm', 'webhooks', 'index.js').replaceAll('\\', '/');
  const dir = mkdtempSync(path.join(tmpdir(), 'webhook-size-'));
  const cases = {
    wholeEntry: `export * from '${entry}';`,
    // The example: two secrets during a rotation, the bearer auth header, dedupe in memory.
    edgeReceiver:
      `import { createJelouWebhooks, toFetchHandler, memoryStore } from '${entry}';\n` +
      `const hooks = createJelouWebhooks({\n` +
      `  secret: [process.env.JELOU_SIGNING_SECRET, process.env.JELOU_SIGNING_SECRET_PREVIOUS],\n` +
      `  auth: { type: 'bearer', token: process.env.JELOU_WEBHOOK_TOKEN },\n` +
      `  dedupe: { store: memoryStore() },\n});\n` +
      `hooks.on('message.text', async (event) => globalThis.reply(event.room_id, event.value.content.body));\n` +
      `export default toFetchHandler(hooks);`,
    verifyOnly: `export { verifyJelouSignature } from '${entry}';`,
  };
  const out = {};
  try {
    for (const [name, source] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.mjs`);
      writeFileSync(file, source);
      const result = await build({
        entryPoints: [file],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        logLevel: 'silent',
      });
      const code = result.outputFiles[0].contents;
      out[name] = { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { budgetGzipBytes: 2048, ...out };
}

/**
 * Measures webhook verification against raw HMAC (interleaved ratios) and the webhooks entry's bundled size.
 * @param {{ rounds?: number, iterations?: number }} [options]
 */
export async function benchWebhookVerify({ rounds = 41, iterations = 2000 } = {}) {
  return { verify: await speed({ rounds, iterations }), size: await size() };
}

/** The `npm run bench` row: figures plus a readable summary. */
export default async function measure() {
  const figures = await benchWebhookVerify();
  const r = (s) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const { verify, size: sizes } = figures;
  const metSpeed = verify.nodeVsRaw.median <= 1.2;
  const metSize = sizes.edgeReceiver.gzipBytes <= sizes.budgetGzipBytes;
  return {
    figures: { ...figures, target: { verifyRatio: 1.2, metSpeed, gzipBytes: sizes.budgetGzipBytes, metSize } },
    summary: [
      `verify 1 kB, node:crypto build vs createHmac + timingSafeEqual: ${r(verify.nodeVsRaw)} (target ≤ 1.2×)`,
      `verify 1 kB, WebCrypto build vs the same:                      ${r(verify.webVsRaw)}`,
      `webhooks entry, whole:            ${sizes.wholeEntry.gzipBytes} B gzip -9`,
      `webhooks entry, edge receiver:    ${sizes.edgeReceiver.gzipBytes} B gzip -9 (target ≤ ${sizes.budgetGzipBytes} B)`,
      `webhooks entry, verify only:      ${sizes.verifyOnly.gzipBytes} B gzip -9`,
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchWebhookVerify(), null, 2));
}

// The CLI is its own entry: only the bin loads it; the package's entries never import src/cli/.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BIN, ensureBuilt, REPO, startCli } from './support/cli';
import { listen } from '../support/webhook-server';

beforeAll(() => ensureBuilt(), 120_000);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

test('no module outside src/cli/ imports from it', () => {
  const outside = sources(path.join(REPO, 'src')).filter((f) => !f.includes(`${path.sep}cli${path.sep}`));
  for (const file of outside)
    expect({ file, imports: /from '[./]*cli\//.test(readFileSync(file, 'utf8')) }).toEqual({ file, imports: false });
});

test('the package entries hold no CLI code; the bin is one ESM bundle with a shebang', () => {
  for (const entry of ['esm/index.js', 'cjs/index.js', 'esm/webhooks/node.js', 'esm/testing/index.js']) {
    const code = readFileSync(path.join(REPO, 'dist', entry), 'utf8');
    expect({ entry, cli: code.includes('jelou listen') || code.includes('parseArgs') }).toEqual({ entry, cli: false });
  }
  expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
});

test('Ctrl-C during a request exits 130', async () => {
  // A handler that never answers: trigger waits until it is interrupted.
  let arrived: () => void = () => undefined;
  const request = new Promise<void>((resolve) => (arrived = resolve));
  const server = await listen(() => arrived());
  try {
    const running = startCli(['trigger', 'message.text', '--to', `${server.url}/hook`], {
      env: { JELOU_SIGNING_SECRET: 'some-signing-secret' },
    });
    await request;
    const stopped = await running.interrupt();
    expect(stopped.code).toBe(130);
  } finally {
    server.server.closeAllConnections();
    await server.close();
  }
});

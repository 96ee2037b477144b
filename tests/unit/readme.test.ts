// Runs the README's quickstart block as written, against a local server standing in for Jelou.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import * as sdk from '../../src/index';
import { ENVELOPE, FLAT } from '../support/fake-fetch';
import { send, startTestServer } from '../support/test-server';

const README = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

function quickstartBlock(): string {
  const match = /<!-- quickstart:[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(README);
  if (!match?.[1]) throw new Error('README has no quickstart ts block');
  return match[1];
}

it('runs the README quickstart against a stand-in server', async () => {
  const server = await startTestServer((req, res) => {
    if (req.url?.endsWith('/UNKNOWN_PROJECT')) return send(res, 404, { body: { message: ['Integration not found'] } });
    return send(res, 200, { body: req.method === 'GET' ? ENVELOPE : FLAT });
  });
  const env = { JELOU_API_KEY: 'readme-key', JELOU_BASE_URL: server.url };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const logs: string[] = [];
  try {
    const js = ts.transpileModule(quickstartBlock(), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const requireSdk = (name: string): unknown => {
      if (name !== 'jelou-external-support') throw new Error(`README imports ${name}`);
      return sdk;
    };
    const fakeConsole = { log: (line: string) => logs.push(line) };
    // The block uses top-level await: run it as the body of an async function.
    const run = new Function('require', 'exports', 'console', 'process', `return (async () => {\n${js}\n})();`) as (
      ...args: unknown[]
    ) => Promise<void>;
    await run(requireSdk, {}, fakeConsole, process);
  } finally {
    process.env = saved;
    await server.close();
  }
  expect(server.requests.map((r) => `${r.method} ${r.url} ${String(r.headers['x-api-key'])}`)).toEqual([
    'GET /v1/external-support/PROJECT_ID readme-key',
    'PATCH /v1/external-support/PROJECT_ID readme-key',
    'GET /v1/external-support/UNKNOWN_PROJECT readme-key',
  ]);
  expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ webhookUrl: 'https://my-system.com/webhook/jelou-v2' });
  expect(logs).toEqual(['no integration yet (404); webhook of PROJECT_ID: https://my-system.com/webhook/jelou']);
});

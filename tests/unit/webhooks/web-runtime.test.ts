// The Web-standard build run where only Web APIs exist: bundled by esbuild (as a user's bundler would), then
// evaluated in a fresh V8 context holding WebCrypto, TextEncoder/Decoder, Request/Response, URL and btoa, but no
// Buffer, no require and no process. This is what Workers, Deno and edge functions give it.
import { createHmac } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import { esbuild } from '../../support/esbuild';

/** The webhooks entry, bundled for a runtime with no Node. */
function bundleWebEntry(): string {
  return esbuild([
    'src/webhooks/index.ts',
    '--bundle',
    '--minify',
    '--format=iife',
    '--global-name=jelouWebhooks',
    '--platform=neutral',
  ]);
}

describe('the Web-standard webhooks build without Node', () => {
  let api: {
    verifyJelouSignature: (body: unknown, signature: string, secret: string) => Promise<{ ok: boolean }>;
    createJelouWebhooks: (options: object) => {
      on: (name: string, fn: (e: { value: { content: { body: string } } }) => void) => unknown;
    };
    toFetchHandler: (hooks: unknown) => (request: Request) => Promise<Response>;
    memoryStore: () => unknown;
  };

  beforeAll(() => {
    const code = bundleWebEntry();
    expect(code).not.toMatch(/\bBuffer\b|require\(|node:/);
    const context = createContext({
      crypto,
      TextEncoder,
      TextDecoder,
      Request,
      Response,
      Headers,
      URL,
      btoa,
      setTimeout,
      clearTimeout,
    });
    runInContext(code, context);
    api = (context as { jelouWebhooks: typeof api }).jelouWebhooks;
  }, 60_000);

  it('verifies, routes and dedupes a signed delivery with WebCrypto only', async () => {
    const secret = 'edge-secret';
    const body = JSON.stringify({
      field: 'messages',
      object: 'message_event',
      event_type: 'message',
      timestamp: 1,
      project_id: 'P',
      room_id: 'R',
      contact: { id: 'U' },
      conversation: { id: 'C' },
      bot: { id: 'B' },
      value: { id: 'M', type: 'text', content: { body: 'hola' } },
    });
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    await expect(api.verifyJelouSignature(body, signature, secret)).resolves.toMatchObject({ ok: true });
    const seen: string[] = [];
    const hooks = api.createJelouWebhooks({ secret, dedupe: { store: api.memoryStore() } });
    hooks.on('message.text', (e) => {
      seen.push(e.value.content.body);
    });
    const handler = api.toFetchHandler(hooks);
    const request = () =>
      new Request('https://edge.test/hook', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-jelou-signature': signature },
      });
    expect((await handler(request())).status).toBe(200);
    expect((await handler(request())).status).toBe(200);
    expect(seen).toEqual(['hola']);
    const forged = new Request('https://edge.test/hook', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-jelou-signature': `sha256=${'0'.repeat(64)}` },
    });
    expect((await handler(forged)).status).toBe(401);
  });
});

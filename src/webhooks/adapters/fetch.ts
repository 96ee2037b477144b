import type { JelouWebhooks } from '../router.js';
import { deliver, precheck, type AdapterOptions } from './answer.js';

/**
 * A `(request: Request) => Promise<Response>` handler: Next.js App Router route handlers, Hono, Bun, Deno,
 * Cloudflare Workers. It reads the body once, as bytes, so nothing re-serializes it.
 * @example export const POST = toFetchHandler(hooks);
 */
export const toFetchHandler =
  (hooks: JelouWebhooks, options: AdapterOptions = {}): ((request: Request) => Promise<Response>) =>
  async (request) => {
    const [status, body] =
      precheck(request.method, new URL(request.url).pathname, request.headers.get('content-type'), options) ??
      (await deliver(hooks, new Uint8Array(await request.arrayBuffer()), request.headers, options));
    return Response.json(body, { status, headers: status === 405 ? { allow: 'POST' } : {} });
  };

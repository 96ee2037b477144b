import { RAW_BODY_HINT } from '../errors.js';
import type { JelouWebhooks } from '../router.js';
import { deliver, failure, precheck, type AdapterOptions, type Answer } from './answer.js';

/** The parts of Node's `IncomingMessage` the handler uses (plus what Express or a framework may have set). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** True once something read the stream (a body parser): the handler then answers 500 at once, never hangs. */
  readonly readableEnded?: boolean;
  /** The raw body kept by a framework (`Buffer` or string). */
  readonly rawBody?: unknown;
  /** The body set by a parser: a `Buffer` from `express.raw` is used; a parsed object is refused. */
  readonly body?: unknown;
}

/** The parts of Node's `ServerResponse` the handler uses. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** Options of `toNodeHandler`. */
export interface NodeHandlerOptions extends AdapterOptions {
  /** The largest body read from the stream; larger ones get 413. @default 1048576 */
  readonly maxBodyBytes?: number;
}

const isRaw = (body: unknown): body is string | Uint8Array => typeof body === 'string' || body instanceof Uint8Array;

/** The request's bytes, or undefined past `limit`. */
async function readStream(req: NodeRequestLike, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    if ((size += bytes.length) > limit) return undefined;
    chunks.push(bytes);
  }
  // Blob concatenates without Buffer (this file is in the Web-standard build too).
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

async function handle(hooks: JelouWebhooks, req: NodeRequestLike, options: NodeHandlerOptions): Promise<Answer> {
  const early = precheck(req.method, req.url?.split('?')[0], req.headers['content-type'] as string, options);
  if (early) return early;
  const body = isRaw(req.rawBody)
    ? req.rawBody
    : isRaw(req.body)
      ? req.body
      : // A body parser already consumed the stream: reading it would wait forever, so answer with the fix at once.
        !req.readableEnded && (await readStream(req, options.maxBodyBytes ?? 1_048_576));
  return body === false
    ? failure(500, 'body_not_raw', RAW_BODY_HINT)
    : body === undefined
      ? failure(413, 'payload_too_large')
      : deliver(hooks, body, req.headers, options);
}

/**
 * A `(req, res, next?)` handler for `node:http`, Express and anything built on them. Reads the raw body itself, or
 * takes `req.rawBody` or the `Buffer` of `express.raw({ type: 'application/json' })`. With `path` set and a `next`
 * given, other paths go to `next()`.
 * @example http.createServer(toNodeHandler(hooks, { path: '/webhooks/jelou' })).listen(3000);
 */
export function toNodeHandler(hooks: JelouWebhooks, options: NodeHandlerOptions = {}) {
  return (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void): void => {
    if (next && options.path !== undefined && req.url?.split('?')[0] !== options.path) return next();
    handle(hooks, req, options).then(
      ([status, body]) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        if (status === 405) res.setHeader('allow', 'POST');
        res.end(JSON.stringify(body));
      },
      (error: unknown) => {
        if (next) return next(error);
        res.statusCode = 400; // the request stream failed (client aborted, bad chunk)
        res.end();
      },
    );
  };
}

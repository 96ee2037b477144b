// A real HTTP server on 127.0.0.1 for tests that need real sockets: slow answers, resets, bodies cut short.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The raw path and query as sent, e.g. `/v1/external-support/a%2Fb%3Fc%23d` (nothing decoded). */
  readonly url: string;
  /** Lower-cased header names, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text; '' when there was none. */
  readonly body: string;
}

/** The request handed to a handler, with its body already read. */
export type TestRequest = IncomingMessage & { body: string };

/** Answers one request; `attempt` counts requests received so far, starting at 1. */
export type TestHandler = (req: TestRequest, res: ServerResponse, attempt: number) => void | Promise<void>;

/** A running test server. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Stops the server, destroying open sockets so handlers that never answer cannot keep jest waiting. */
  close(): Promise<void>;
}

/** What {@link send} writes. */
export interface SendOptions {
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON with `content-type: application/json`. */
  readonly body?: unknown;
}

/** Starts a server on a free port of 127.0.0.1 that answers every request with `handler`. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const testRequest = Object.assign(req, { body });
      Promise.resolve()
        .then(() => handler(testRequest, res, requests.length))
        .catch((error: unknown) => {
          // A broken handler shows up as a 500 naming the error, rather than as a mysterious hang.
          if (res.headersSent) res.destroy();
          else send(res, 500, { body: `test server handler failed: ${String(error)}` });
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // After close(): it stops new connections, this ends the ones open (idle keep-alive and mid-request alike).
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Answers with `status`, `headers` and `body` (JSON unless a string). */
export function send(res: ServerResponse, status: number, options: SendOptions = {}): void {
  const { headers = {}, body } = options;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const json = typeof body !== 'string';
  const text = json ? JSON.stringify(body) : body;
  res.writeHead(status, json ? { 'content-type': 'application/json', ...headers } : headers).end(text);
}

/** Answers like {@link send}, but only after `ms`; nothing is sent if the client has gone by then. */
export function sendAfter(res: ServerResponse, ms: number, status: number, options: SendOptions = {}): void {
  const timer = setTimeout(() => send(res, status, options), ms);
  // A client that gave up (or a closed server) cancels the answer, so no timer outlives the test.
  res.once('close', () => clearTimeout(timer));
}

/** Never answers; the request stays open until the client gives up or the server closes. */
export function neverAnswer(): void {
  // Nothing to do: not calling res.end() is the behaviour.
}

/** Drops the connection without an answer, as a crashing server or a reset by a proxy would. */
export function resetSocket(req: IncomingMessage): void {
  req.socket.destroy();
}

/** Sends the status, the headers and the start of a body, then stalls: the body never ends. */
export function sendHeadersThenStall(res: ServerResponse, status: number, options: SendOptions = {}): void {
  // A content-length larger than what is written makes the body visibly unfinished rather than merely slow.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000', ...options.headers });
  res.write(typeof options.body === 'string' ? options.body : '{"id":');
}

/** Sends the status, the headers and the start of a body, then drops the connection mid-body. */
export function resetMidBody(res: ServerResponse, status: number, options: SendOptions = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000', ...options.headers });
  res.write(typeof options.body === 'string' ? options.body : '{"id":', () => res.destroy());
}

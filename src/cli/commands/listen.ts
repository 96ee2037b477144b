// jelou listen: a local receiver for Jelou's deliveries. Verifies each one (signature and auth header; a failure is
// answered 401, printed with the reason, and not forwarded), prints one line per event, forwards the exact bytes and
// headers to --forward-to and answers with what the target answered, and appends every delivery to a JSON-lines
// capture for `jelou replay`. --register points the integration at the user's tunnel and restores it on exit.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { verifyJelouSignature } from '../../webhooks/node.js';
import { stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf, signingSecretFromEnv, webhookAuthFromFlags, WEBHOOK_AUTH_FLAGS } from '../env.js';
import { Interrupted, UsageError } from '../errors.js';
import { eventName, eventSummary, parseEvent } from '../events.js';
import { HOP_BY_HOP, postBytes, targetUrl } from '../http.js';
import { appendCapture, captureId, type CapturedDelivery } from '../listen/capture.js';
import { DEFAULT_RESTORE_FILE, register, restore } from '../listen/register.js';
import { confirm } from '../stdin.js';

/** The default port, as Stripe's CLI has its own. */
export const DEFAULT_LISTEN_PORT = 8787;
/** Where deliveries are appended unless --capture says otherwise. */
export const DEFAULT_CAPTURE_FILE = '.jelou/deliveries.jsonl';
/** The largest delivery accepted (Jelou documents none; events are small JSON). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Headers that carry a credential: forwarded (the target checks them) but never captured or printed. */
function credentialHeaders(auth: ReturnType<typeof webhookAuthFromFlags>): Set<string> {
  const names = new Set(['authorization', 'x-api-key', 'proxy-authorization', 'cookie']);
  if (auth?.type === 'api_key' && auth.header) names.add(auth.header.toLowerCase());
  return names;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request's headers as sent (names lower-cased), one value each, without hop-by-hop ones. */
function forwardableHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const value = req.rawHeaders[i + 1] ?? '';
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

const listen: Command = {
  name: ['listen'],
  summary: 'Receive, verify and print deliveries locally; forward their exact bytes; capture them for replay.',
  usage:
    '[--port 8787] [--forward-to URL] [--events a,b] [--json] [--register --public-url URL [PROJECT_ID]] | --restore',
  details: `  --port N               port on --host (default ${DEFAULT_LISTEN_PORT}; 0 picks a free one)
  --host H               address to listen on (default 127.0.0.1)
  --forward-to URL       forward each verified delivery, the exact bytes and headers, and answer with its answer
  --events a,b           only these events (e.g. message.text,conversation.start); others are answered 200, not forwarded
  --capture FILE         append every delivery to FILE, JSON lines (default ${DEFAULT_CAPTURE_FILE}); --no-capture: none
  --auth-type TYPE       the auth header the integration makes Jelou send (bearer | api_key | basic | none), checked too
  --auth-token-env VAR   its token (basic: user:password), from the environment variable VAR
  --reserialized         also accept signatures over JSON.stringify(JSON.parse(body)) (Jelou's sample verifier form)
  --register             point the integration's webhookUrl at --public-url (your tunnel), asking first unless --yes;
                         the original is saved to --restore-file and put back on exit, Ctrl-C or crash
  --restore              put back the webhookUrl a crashed --register left in --restore-file, and exit
  --restore-file FILE    where --register saves the original (default ${DEFAULT_RESTORE_FILE})
  -y, --yes              do not ask before --register changes the integration
Verifies with JELOU_SIGNING_SECRET (and JELOU_SIGNING_SECRET_PREVIOUS during a rotation).
No tunnel is bundled: run your own (cloudflared, ngrok, tailscale funnel…) and pass its URL to --public-url.`,
  examples: [
    'JELOU_SIGNING_SECRET=… jelou listen --forward-to http://127.0.0.1:3000/webhooks/jelou',
    'jelou listen --register --public-url https://abc.trycloudflare.com --forward-to http://127.0.0.1:3000/webhooks/jelou',
    'jelou listen --restore',
  ],
  flags: {
    port: { type: 'string' },
    host: { type: 'string' },
    'forward-to': { type: 'string' },
    events: { type: 'string' },
    capture: { type: 'string' },
    'no-capture': { type: 'boolean' },
    reserialized: { type: 'boolean' },
    register: { type: 'boolean' },
    'public-url': { type: 'string' },
    'restore-file': { type: 'string' },
    restore: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    ...WEBHOOK_AUTH_FLAGS,
  },
  maxPositionals: 1,
  async run(context) {
    const restoreFile = path.resolve(context.io.cwd, stringFlag(context, 'restore-file') ?? DEFAULT_RESTORE_FILE);
    if (context.flags.restore === true) {
      const record = await restore(clientFromEnv(context), restoreFile);
      if (context.out.json)
        context.out.jsonLine({ restored: true, projectId: record.projectId, webhookUrl: record.webhookUrl });
      else context.out.line(`Restored webhookUrl of project ${record.projectId} to ${record.webhookUrl}`);
      return 0;
    }
    return listenUntilStopped(context, restoreFile);
  },
};

async function listenUntilStopped(context: Context, restoreFile: string): Promise<number> {
  const { out, io } = context;
  const port = Number(stringFlag(context, 'port') ?? DEFAULT_LISTEN_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
  const host = stringFlag(context, 'host') ?? '127.0.0.1';
  const forwardFlag = stringFlag(context, 'forward-to');
  const forwardTo = forwardFlag === undefined ? undefined : targetUrl(forwardFlag, '--forward-to');
  const only = stringFlag(context, 'events')
    ?.split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const capture =
    context.flags['no-capture'] === true
      ? undefined
      : path.resolve(io.cwd, stringFlag(context, 'capture') ?? DEFAULT_CAPTURE_FILE);
  const secret = signingSecretFromEnv(context);
  const previous = io.env.JELOU_SIGNING_SECRET_PREVIOUS;
  out.secret(previous);
  const secrets = previous ? [secret, previous] : [secret];
  const auth = webhookAuthFromFlags(context);
  const hidden = credentialHeaders(auth);
  const reserialized = context.flags.reserialized === true;
  const registering = context.flags.register === true;
  const publicUrl = stringFlag(context, 'public-url');
  if (registering && publicUrl === undefined) throw new UsageError('--register needs --public-url (your tunnel)');
  if (!registering && publicUrl !== undefined) throw new UsageError('--public-url is used with --register');
  if (publicUrl !== undefined && targetUrl(publicUrl, '--public-url').protocol !== 'https:') {
    throw new UsageError('--public-url must be https (Jelou delivers to https webhooks)');
  }
  const client = registering ? clientFromEnv(context) : undefined;
  const projectId = registering ? projectIdOf(context) : undefined;

  let pendingCount = 0;
  let drained: (() => void) | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
    };
    if (req.method !== 'POST') return answer(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    const bytes = await readBody(req);
    if (bytes === undefined) return answer(413, { error: 'too_large' });
    const headers = forwardableHeaders(req);
    const event = parseEvent(bytes);
    const name = eventName(event);
    const result = await verifyJelouSignature(bytes, headers['x-jelou-signature'], secrets, {
      reserialized,
      ...(auth ? { auth, headers } : {}),
    });
    const record: CapturedDelivery = {
      id: captureId(),
      receivedAt: new Date().toISOString(),
      method: 'POST',
      path: req.url ?? '/',
      headers: Object.fromEntries(Object.entries(headers).filter(([k]) => !hidden.has(k))),
      body: bytes.toString('base64'),
      event: name,
      verified: result.ok,
    };
    const value = event?.value as { id?: unknown } | undefined;
    if (typeof value?.id === 'string') record.messageId = value.id;
    if (!result.ok) record.reason = result.reason;
    const skipped = result.ok && only !== undefined && !only.includes(name) && !only.includes(name.split('.')[0] ?? '');
    if (result.ok && forwardTo && !skipped) record.forwardedTo = forwardTo.href;
    if (capture) await appendCapture(capture, record);
    const line: Record<string, unknown> = { id: record.id, event: name, verified: result.ok };
    if (!result.ok) {
      line.reason = result.reason;
      line.status = 401;
      if (out.json) out.jsonLine(line);
      else
        out.line(`${out.red('--x')} 401 ${name} ${eventSummary(event)} rejected: ${result.reason}`.replace(/ +/g, ' '));
      return answer(401, { error: result.reason });
    }
    if (result.form === 'reserialized') line.form = 'reserialized';
    if (skipped) {
      if (out.json) out.jsonLine({ ...line, skipped: true, status: 200 });
      else out.line(out.dim(`--- ${name} skipped (not in --events)`));
      return answer(200, { received: true, skipped: true });
    }
    if (!out.json)
      out.line(
        `${out.green('-->')} ${name} ${eventSummary(event)}${result.form === 'reserialized' ? ' (reserialized)' : ''}`.trimEnd(),
      );
    if (!forwardTo) {
      if (out.json) out.jsonLine({ ...line, status: 200 });
      return answer(200, { received: true });
    }
    try {
      const forwarded = await postBytes(forwardTo, headers, bytes, io.signal);
      line.forward = { url: forwardTo.href, status: forwarded.status, ms: forwarded.ms };
      if (out.json) out.jsonLine({ ...line, status: forwarded.status });
      else {
        const ok = forwarded.status >= 200 && forwarded.status < 300;
        const status = ok ? out.green(String(forwarded.status)) : out.red(String(forwarded.status));
        out.line(`<-- ${status} POST ${forwardTo.href} ${forwarded.ms} ms`);
      }
      const type = forwarded.headers.get('content-type');
      res.writeHead(forwarded.status, type ? { 'content-type': type } : {}).end(forwarded.text);
    } catch (error) {
      const message = (error as Error).message;
      if (out.json) out.jsonLine({ ...line, status: 502, forward: { url: forwardTo.href, error: message } });
      else out.line(`${out.red('<--')} 502 ${message}`);
      answer(502, { error: 'forward_failed' });
    }
  };

  const server = createServer((req, res) => {
    pendingCount += 1;
    handle(req, res)
      .catch((error: unknown) => {
        out.info(`error: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(500).end();
      })
      .finally(() => {
        pendingCount -= 1;
        if (pendingCount === 0) drained?.();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use: pick another with --port`) : error),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;

  let registered = false;
  const stop = async (): Promise<void> => {
    server.close();
    server.closeAllConnections();
    if (pendingCount > 0) await new Promise<void>((resolve) => (drained = resolve));
    if (registered && client) {
      const record = await restore(client, restoreFile);
      out.info(`Restored webhookUrl of project ${record.projectId} to ${record.webhookUrl}`);
    }
  };
  // A crash must still restore: the restore file is the fallback when even this does not run.
  const onCrash = (error: unknown): void => {
    out.info(`error: ${(error as Error).message}`);
    stop().finally(() => process.exit(1));
  };
  process.once('uncaughtException', onCrash);

  try {
    if (registering && client && projectId && publicUrl) {
      const question = `Point the webhookUrl of project ${projectId} at ${publicUrl} while listening (a project has one integration)?`;
      if (!(await confirm(context, question))) {
        out.info('Not registered.');
        await stop();
        return 1;
      }
      const record = await register(client, projectId, publicUrl, restoreFile);
      registered = true;
      out.info(
        `Registered: webhookUrl ${record.webhookUrl} -> ${publicUrl} (restored on exit; saved in ${restoreFile})`,
      );
    }
    if (out.json) out.jsonLine({ listening: url, forwardTo: forwardTo?.href, capture });
    else {
      out.line(`Listening on ${url}${forwardTo ? ` (forwarding to ${forwardTo.href})` : ''}`);
      if (capture) out.info(`Capturing deliveries to ${capture}; Ctrl-C to stop.`);
    }
    if (!io.signal.aborted) {
      await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
    }
    await stop();
    registered = false;
    throw new Interrupted();
  } catch (error) {
    if (registered) {
      await stop().catch((restoreError: unknown) => out.info(`error: ${(restoreError as Error).message}`));
    } else if (!(error instanceof Interrupted)) {
      await stop();
    }
    throw error;
  } finally {
    process.removeListener('uncaughtException', onCrash);
  }
}

export const listenCommands: readonly Command[] = [listen];

// jelou trigger EVENT --to URL: a signed sample event of the spec POSTed to a local handler. Nothing reaches Jelou.
import { sampleEvent } from '../../testing/index.js';
import type { JelouEventName } from '../../spec/webhook-events.js';
import { expectedAuth } from '../../webhooks/auth.js';
import { signJelouPayload } from '../../webhooks/node.js';
import { listFlag, requiredFlag, type Command, type Context } from '../command.js';
import { signingSecretFromEnv, webhookAuthFromFlags, WEBHOOK_AUTH_FLAGS } from '../env.js';
import { UsageError } from '../errors.js';
import { EVENT_NAMES } from '../events.js';
import { postBytes, targetUrl } from '../http.js';

/** Sets `path=value` (dots for depth) in an object; the value is JSON when it parses, else a string. */
export function setPath(target: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set takes path=value, not ${assignment}`);
  const keys = assignment.slice(0, eq).split('.');
  const raw = assignment.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A plain string.
  }
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      throw new UsageError(`--set: bad key ${key}`);
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  if (last === '' || last === '__proto__') throw new UsageError(`--set: bad path in ${assignment}`);
  node[last] = value;
}

/** The sample body of `name` with the `--set` changes, as the exact bytes to send. */
export function sampleBody(context: Context, name: string): string {
  if (!EVENT_NAMES.includes(name)) {
    throw new UsageError(`unknown event ${name}: one of ${EVENT_NAMES.join(', ')}`);
  }
  const event = sampleEvent(name as JelouEventName) as unknown as Record<string, unknown>;
  if (typeof event.timestamp === 'number') event.timestamp = Date.now();
  for (const assignment of listFlag(context, 'set')) setPath(event, assignment);
  return JSON.stringify(event);
}

const trigger: Command = {
  name: ['trigger'],
  summary: 'Sign a sample event of the spec and POST it to your local handler (nothing reaches Jelou).',
  usage: 'EVENT --to URL [--set path=value …] [--auth-type TYPE --auth-token-env VAR]',
  details: `EVENT is one of: ${EVENT_NAMES.join(', ')}.
  --to URL               your handler (any http(s) URL you run; usually http://127.0.0.1:…)
  --set path=value       change the sample, e.g. --set value.content.body=Hi --set room_id=R1 (JSON values parse)
  --auth-type TYPE       bearer | api_key | basic | none: the auth header Jelou would send
  --auth-token-env VAR   the token (basic: user:password) from the environment variable VAR
  --auth-header NAME     the header of api_key (default X-API-Key)
Signed with JELOU_SIGNING_SECRET over the exact bytes sent. Prints "<-- STATUS POST URL N ms"; exit 1 unless 2xx.`,
  examples: [
    'JELOU_SIGNING_SECRET=… jelou trigger message.text --to http://127.0.0.1:3000/webhooks/jelou --set value.content.body=Hi',
  ],
  flags: { to: { type: 'string' }, set: { type: 'string', multiple: true }, ...WEBHOOK_AUTH_FLAGS },
  maxPositionals: 1,
  async run(context) {
    const name = context.positionals[0];
    if (name === undefined) throw new UsageError(`EVENT is required: one of ${EVENT_NAMES.join(', ')}`);
    const to = targetUrl(requiredFlag(context, 'to'), '--to');
    const secret = signingSecretFromEnv(context);
    const auth = webhookAuthFromFlags(context);
    const body = sampleBody(context, name);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'jelou-cli',
      'x-jelou-signature': await signJelouPayload(body, secret),
    };
    const authHeader = auth && expectedAuth(auth);
    if (authHeader?.[1][0] !== undefined) headers[authHeader[0]] = authHeader[1][0];
    const answer = await postBytes(to, headers, Buffer.from(body), context.io.signal);
    const ok = answer.status >= 200 && answer.status < 300;
    if (context.out.json) {
      context.out.jsonLine({ event: name, status: answer.status, url: to.href, ms: answer.ms, body: answer.text });
    } else {
      const status = ok ? context.out.green(String(answer.status)) : context.out.red(String(answer.status));
      context.out.line(`<-- ${status} POST ${to.href} ${answer.ms} ms`);
      if (!ok && answer.text) context.out.info(answer.text.slice(0, 500));
    }
    return ok ? 0 : 1;
  },
};

export const triggerCommands: readonly Command[] = [trigger];

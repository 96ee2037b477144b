// jelou replay FILE: re-sends deliveries captured by `jelou listen`, byte for byte, with their headers (the auth
// header, never captured, comes from --auth-type/--auth-token-env).
import path from 'node:path';
import { expectedAuth } from '../../webhooks/auth.js';
import { listFlag, stringFlag, type Command } from '../command.js';
import { webhookAuthFromFlags, WEBHOOK_AUTH_FLAGS } from '../env.js';
import { UsageError } from '../errors.js';
import { HOP_BY_HOP, postBytes, targetUrl } from '../http.js';
import { readCapture } from '../listen/capture.js';

const replay: Command = {
  name: ['replay'],
  summary: 'Re-send deliveries captured by `jelou listen`, byte for byte.',
  usage: 'FILE [--to URL] [--only ID …] [--auth-type TYPE --auth-token-env VAR]',
  details: `  --to URL               where to send (default: where listen forwarded each delivery)
  --only ID              only this capture id (d_…) or message id (value.id); repeat for more
  --include-rejected     also re-send deliveries that failed verification (skipped by default)
  --auth-type, --auth-token-env, --auth-header: the auth header to add (it is never captured)
The captured X-Jelou-Signature is sent as is: the bytes are the same, so it still verifies. Exit 1 unless every
answer is 2xx.`,
  examples: ['jelou replay .jelou/deliveries.jsonl --to http://127.0.0.1:3000/webhooks/jelou --only d_1a2b3c4d5e6f'],
  flags: {
    to: { type: 'string' },
    only: { type: 'string', multiple: true },
    'include-rejected': { type: 'boolean' },
    ...WEBHOOK_AUTH_FLAGS,
  },
  maxPositionals: 1,
  async run(context) {
    const file = context.positionals[0];
    if (file === undefined)
      throw new UsageError('FILE is required (the capture of jelou listen, e.g. .jelou/deliveries.jsonl)');
    const toFlag = stringFlag(context, 'to');
    const to = toFlag === undefined ? undefined : targetUrl(toFlag, '--to');
    const only = listFlag(context, 'only');
    const auth = webhookAuthFromFlags(context);
    const authHeader = auth && expectedAuth(auth);
    let deliveries = await readCapture(path.resolve(context.io.cwd, file));
    if (only.length > 0) {
      deliveries = deliveries.filter(
        (d) => only.includes(d.id) || (d.messageId !== undefined && only.includes(d.messageId)),
      );
      if (deliveries.length === 0) throw new UsageError(`no delivery in ${file} has the id ${only.join(', ')}`);
    } else if (context.flags['include-rejected'] !== true) {
      deliveries = deliveries.filter((d) => d.verified);
    }
    let failures = 0;
    for (const delivery of deliveries) {
      const target = to ?? (delivery.forwardedTo === undefined ? undefined : new URL(delivery.forwardedTo));
      if (target === undefined) throw new UsageError(`delivery ${delivery.id} was not forwarded: give --to URL`);
      const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
      if (authHeader?.[1][0] !== undefined) headers[authHeader[0]] = authHeader[1][0];
      const answer = await postBytes(target, headers, Buffer.from(delivery.body, 'base64'), context.io.signal);
      const ok = answer.status >= 200 && answer.status < 300;
      if (!ok) failures += 1;
      if (context.out.json) {
        context.out.jsonLine({
          id: delivery.id,
          event: delivery.event,
          url: target.href,
          status: answer.status,
          ms: answer.ms,
        });
      } else {
        const status = ok ? context.out.green(String(answer.status)) : context.out.red(String(answer.status));
        context.out.line(`<-- ${status} POST ${target.href} ${answer.ms} ms  ${delivery.id} ${delivery.event}`);
      }
    }
    if (!context.out.json) context.out.info(`${deliveries.length} replayed, ${failures} not 2xx`);
    return failures === 0 ? 0 : 1;
  },
};

export const replayCommands: readonly Command[] = [replay];

// jelou sign / jelou verify: the X-Jelou-Signature of a body read on stdin.
import { signJelouPayload, verifyJelouSignature } from '../../webhooks/node.js';
import { requiredFlag, type Command } from '../command.js';
import { signingSecretFromEnv } from '../env.js';
import { readStdin } from '../stdin.js';

const sign: Command = {
  name: ['sign'],
  summary: 'Print the X-Jelou-Signature value of a body read on stdin (signed with JELOU_SIGNING_SECRET).',
  usage: '< BODY',
  details: 'Signs the exact bytes read, as Jelou signs a delivery and as `jelou send` signs a message.',
  examples: ['printf \'%s\' \'{"event":"conversation.start"}\' | JELOU_SIGNING_SECRET=… jelou sign'],
  flags: {},
  maxPositionals: 0,
  async run(context) {
    const secret = signingSecretFromEnv(context);
    const body = await readStdin(context, 'the body to sign');
    const signature = await signJelouPayload(body, secret);
    if (context.out.json) context.out.jsonLine({ signature, bytes: body.length });
    else context.out.line(signature);
  },
};

const verify: Command = {
  name: ['verify'],
  summary: 'Check an X-Jelou-Signature against a body read on stdin; says which form matched.',
  usage: '--signature S [--reserialized] < BODY',
  details: `  --signature S     the X-Jelou-Signature value (sha256=<hex>)
  --reserialized    also accept a signature of JSON.stringify(JSON.parse(body)), the form Jelou's own sample
                    verifier checks; the output says which form matched (raw or reserialized)
Exit 0 when it matches, 1 when it does not (with the reason).`,
  examples: ["JELOU_SIGNING_SECRET=… jelou verify --signature 'sha256=…' --reserialized < delivery.json"],
  flags: { signature: { type: 'string' }, reserialized: { type: 'boolean' } },
  maxPositionals: 0,
  async run(context) {
    const signature = requiredFlag(context, 'signature');
    const secret = signingSecretFromEnv(context);
    const body = await readStdin(context, 'the body to verify');
    const result = await verifyJelouSignature(body, signature, secret, {
      reserialized: context.flags.reserialized === true,
    });
    if (context.out.json) context.out.jsonLine(result.ok ? { ok: true, form: result.form } : result);
    else if (result.ok) context.out.line(`${context.out.green('match')} (form: ${result.form})`);
    else context.out.line(`${context.out.red('no match')}: ${result.reason}`);
    return result.ok ? 0 : 1;
  },
};

export const signCommands: readonly Command[] = [sign, verify];

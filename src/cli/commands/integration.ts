// jelou integration get|create|update|delete|regenerate-secret: the REST calls on a project's integration.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AUTH_TYPES, type AuthType, type IntegrationChanges, type IntegrationCreate } from '../../index.js';
import { requiredFlag, stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf, secretFromEnvFlag } from '../env.js';
import { CliFailure, UsageError } from '../errors.js';
import { confirm, readStdin } from '../stdin.js';

const BODY_FLAGS = {
  'webhook-url': { type: 'string' },
  'auth-type': { type: 'string' },
  'authorization-env': { type: 'string' },
  'authorization-stdin': { type: 'boolean' },
} as const;

const BODY_HELP = `  --webhook-url URL          where Jelou delivers events (https)
  --auth-type TYPE           bearer | api_key | basic | no_auth: the header Jelou sends with each delivery
  --authorization-env VAR    the webhook credential, read from the environment variable VAR
  --authorization-stdin      the webhook credential, read from stdin (one line)
The credential is never taken from a flag (shell history, ps) and never printed.`;

function authTypeOf(context: Context): AuthType | undefined {
  const value = stringFlag(context, 'auth-type');
  if (value === undefined) return undefined;
  if (!(AUTH_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--auth-type must be one of ${AUTH_TYPES.join(', ')} (not ${value})`);
  }
  return value as AuthType;
}

async function authorizationOf(context: Context): Promise<string | undefined> {
  const fromEnv = secretFromEnvFlag(context, 'authorization-env');
  if (context.flags['authorization-stdin'] !== true) return fromEnv;
  if (fromEnv !== undefined) throw new UsageError('give the credential with --authorization-env or stdin, not both');
  const value = (await readStdin(context, 'the webhook credential')).toString('utf8').replace(/\r?\n$/, '');
  if (value === '') throw new UsageError('--authorization-stdin: stdin was empty');
  context.out.secret(value);
  return value;
}

/** Prints a new signing secret once on stdout, or writes it to `--write-env FILE` (mode 600). */
async function revealSigningSecret(context: Context, secret: string, intro: Record<string, unknown>): Promise<void> {
  const file = stringFlag(context, 'write-env');
  if (file !== undefined) {
    const target = path.resolve(context.io.cwd, file);
    await writeFile(target, `JELOU_SIGNING_SECRET=${secret}\n`, { mode: 0o600, flag: 'w' });
    context.out.record({ ...intro, signingSecret: `written to ${file} (JELOU_SIGNING_SECRET, mode 600)` });
    return;
  }
  if (context.out.json) {
    // The one JSON document that holds a secret: asked for, on stdout only.
    context.out.revealSecret(JSON.stringify({ ...intro, signingSecret: secret }));
    return;
  }
  // The rest of the answer goes to stderr, so that stdout holds the secret alone (`… > secret.txt`).
  for (const [key, value] of Object.entries(intro)) {
    context.out.info(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  context.out.info('The new signing secret (shown once: store it now; any previous one no longer verifies):');
  context.out.revealSecret(secret);
}

const get: Command = {
  name: ['integration', 'get'],
  summary: "Read a project's integration (webhook URL, auth type, dates).",
  usage: '[PROJECT_ID]',
  details: 'PROJECT_ID defaults to JELOU_PROJECT_ID. --json prints the normalized integration.',
  examples: ['JELOU_API_KEY=… jelou integration get PROJECT_ID --json'],
  flags: {},
  maxPositionals: 1,
  async run(context) {
    const integration = await clientFromEnv(context).getIntegration(projectIdOf(context));
    context.out.record({ ...integration });
  },
};

const update: Command = {
  name: ['integration', 'update'],
  summary: "Change the integration's webhook URL, auth type or webhook credential.",
  usage: '[PROJECT_ID] [--webhook-url URL] [--auth-type TYPE] [--authorization-env VAR | --authorization-stdin]',
  details: BODY_HELP,
  examples: [
    'jelou integration update PROJECT_ID --webhook-url https://panel.example.com/jelou',
    'WEBHOOK_TOKEN=… jelou integration update --auth-type bearer --authorization-env WEBHOOK_TOKEN',
  ],
  flags: BODY_FLAGS,
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const changes: IntegrationChanges = {};
    const webhookUrl = stringFlag(context, 'webhook-url');
    const authType = authTypeOf(context);
    const authorization = await authorizationOf(context);
    if (webhookUrl !== undefined) changes.webhookUrl = webhookUrl;
    if (authType !== undefined) changes.authType = authType;
    if (authorization !== undefined) changes.authorization = authorization;
    if (Object.keys(changes).length === 0) {
      throw new UsageError('nothing to change: give --webhook-url, --auth-type or a credential');
    }
    const integration = await clientFromEnv(context).updateIntegration(projectId, changes);
    context.out.record({ ...integration });
  },
};

const create: Command = {
  name: ['integration', 'create'],
  summary: 'Create the integration of a project; prints its signing secret once.',
  usage:
    '[PROJECT_ID] --webhook-url URL [--auth-type TYPE] [--authorization-env VAR | --authorization-stdin] [--write-env FILE]',
  details: `${BODY_HELP}
  --write-env FILE           write JELOU_SIGNING_SECRET=… to FILE (mode 600) instead of printing it`,
  examples: [
    'jelou integration create PROJECT_ID --webhook-url https://panel.example.com/jelou --write-env .env.jelou',
  ],
  flags: { ...BODY_FLAGS, 'write-env': { type: 'string' } },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const body: IntegrationCreate = {
      webhookUrl: requiredFlag(context, 'webhook-url'),
    };
    const authType = authTypeOf(context);
    const authorization = await authorizationOf(context);
    if (authType !== undefined) body.authType = authType;
    if (authorization !== undefined) body.authorization = authorization;
    const client = clientFromEnv(context);
    const created = await client.createIntegration(projectId, body);
    const { signingSecret, ...rest } = created;
    if (typeof signingSecret !== 'string') throw new CliFailure('the create response carried no signingSecret');
    await revealSigningSecret(context, signingSecret, rest);
  },
};

const remove: Command = {
  name: ['integration', 'delete'],
  summary: "Delete a project's integration (irreversible); asks first unless --yes.",
  usage: '[PROJECT_ID] [--yes]',
  details: '  --yes    do not ask (needed when stdin is not a terminal)',
  examples: ['jelou integration delete PROJECT_ID --yes'],
  flags: { yes: { type: 'boolean', short: 'y' } },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const client = clientFromEnv(context);
    if (!(await confirm(context, `Delete the integration of project ${projectId}? This cannot be undone`))) {
      context.out.info('Not deleted.');
      return 1;
    }
    await client.deleteIntegration(projectId);
    if (context.out.json) context.out.jsonLine({ deleted: true, projectId });
    else context.out.line(`Deleted the integration of project ${projectId}.`);
    return 0;
  },
};

const regenerate: Command = {
  name: ['integration', 'regenerate-secret'],
  summary: 'Regenerate the signing secret; the old one stops verifying at once. Prints the new one once.',
  usage: '[PROJECT_ID] [--write-env FILE]',
  details: '  --write-env FILE    write JELOU_SIGNING_SECRET=… to FILE (mode 600) instead of printing it',
  examples: ['jelou integration regenerate-secret PROJECT_ID --write-env .env.jelou'],
  flags: { 'write-env': { type: 'string' } },
  maxPositionals: 1,
  async run(context) {
    const projectId = projectIdOf(context);
    const client = clientFromEnv(context);
    const result = await client.regenerateSigningSecret(projectId);
    const { signingSecret, ...rest } = result;
    if (typeof signingSecret !== 'string') throw new CliFailure('the regenerate response carried no signingSecret');
    await revealSigningSecret(context, signingSecret, rest);
  },
};

export const integrationCommands: readonly Command[] = [get, create, update, remove, regenerate];

// Credentials and settings come only from the environment (a flag would end up in shell history and `ps`):
// JELOU_API_KEY or JELOU_CLIENT_ID/JELOU_CLIENT_SECRET, JELOU_SIGNING_SECRET, JELOU_PROJECT_ID, JELOU_BASE_URL,
// JELOU_MESSAGES_BASE_URL. Each value read is registered with the output so it is never printed.
import { createExternalSupportClient, type ClientOptions, type ExternalSupportClient } from '../index.js';
import type { WebhookAuth } from '../webhooks/node.js';
import { stringFlag, type Context } from './command.js';
import { UsageError } from './errors.js';

/** Names of the variables that hold credentials: registered as secrets whenever they are set. */
export const SECRET_VARIABLES = ['JELOU_API_KEY', 'JELOU_CLIENT_ID', 'JELOU_CLIENT_SECRET', 'JELOU_SIGNING_SECRET'];

/** Registers every credential in the environment with the output, before anything is printed. */
export function registerEnvSecrets(context: Pick<Context, 'io' | 'out'>): void {
  for (const name of SECRET_VARIABLES) context.out.secret(context.io.env[name]);
}

/** The project id: the argument, else JELOU_PROJECT_ID. */
export function projectIdOf(context: Context, position = 0): string {
  const id = context.positionals[position] ?? context.io.env.JELOU_PROJECT_ID;
  if (id === undefined || id.trim() === '') {
    throw new UsageError('no project id: pass PROJECT_ID or set JELOU_PROJECT_ID');
  }
  return id;
}

/**
 * A client from the environment. The SDK reads JELOU_API_KEY/JELOU_CLIENT_ID/JELOU_CLIENT_SECRET and JELOU_BASE_URL
 * itself; a missing credential is its ValidationError (exit 2, nothing sent).
 */
export function clientFromEnv(context: Context, extra: ClientOptions = {}): ExternalSupportClient {
  const env = context.io.env;
  const options: ClientOptions = { env, ...extra };
  // The options of the messages host.
  if (env.JELOU_SIGNING_SECRET) options.signingSecret = env.JELOU_SIGNING_SECRET;
  if (env.JELOU_MESSAGES_BASE_URL) options.messagesBaseUrl = env.JELOU_MESSAGES_BASE_URL;
  return createExternalSupportClient(options);
}

/** The signing secret (JELOU_SIGNING_SECRET), required. */
export function signingSecretFromEnv(context: Context): string {
  const secret = context.io.env.JELOU_SIGNING_SECRET;
  if (!secret) throw new UsageError("JELOU_SIGNING_SECRET is not set (the integration's signing secret)");
  context.out.secret(secret);
  return secret;
}

/** Reads a credential from the variable a `--…-env VAR` flag names; registered as a secret. */
export function secretFromEnvFlag(context: Context, flag: string): string | undefined {
  const name = stringFlag(context, flag);
  if (name === undefined) return undefined;
  const value = context.io.env[name];
  if (!value) throw new UsageError(`--${flag} ${name}: the environment variable ${name} is not set`);
  context.out.secret(value);
  return value;
}

export const AUTH_TYPES = ['bearer', 'api_key', 'basic', 'none', 'no_auth'] as const;

/**
 * The webhook auth header described by `--auth-type` and `--auth-token-env VAR` (`--auth-header` for api_key):
 * what Jelou sends (trigger) or must send (listen). `basic` takes `user:password` from the variable.
 */
export function webhookAuthFromFlags(context: Context): WebhookAuth | undefined {
  const type = stringFlag(context, 'auth-type');
  if (type === undefined) {
    if (stringFlag(context, 'auth-token-env') !== undefined) throw new UsageError('--auth-token-env needs --auth-type');
    return undefined;
  }
  if (type === 'none' || type === 'no_auth') return { type: 'none' };
  const token = secretFromEnvFlag(context, 'auth-token-env');
  if (token === undefined) throw new UsageError(`--auth-type ${type} needs --auth-token-env VAR`);
  switch (type) {
    case 'bearer':
      return { type: 'bearer', token };
    case 'api_key': {
      const header = stringFlag(context, 'auth-header');
      return header === undefined ? { type: 'api_key', key: token } : { type: 'api_key', key: token, header };
    }
    case 'basic':
      return { type: 'basic', credentials: token };
    default:
      throw new UsageError(`--auth-type must be one of bearer, api_key, basic, none (not ${type})`);
  }
}

/** The flags of webhookAuthFromFlags, for a command's flag table. */
export const WEBHOOK_AUTH_FLAGS = {
  'auth-type': { type: 'string' },
  'auth-token-env': { type: 'string' },
  'auth-header': { type: 'string' },
} as const;

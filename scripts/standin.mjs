// Runs the stand-in Jelou (scripts/lib/jelou-standin.cjs) by hand or from a script, until SIGINT/SIGTERM:
//   node scripts/standin.mjs [--port N] [--project ID] [--api-key-env VAR] [--client-id-env VAR
//     --client-secret-env VAR] [--signing-secret-env VAR] [--webhook-url URL] [--auth-type T]
//     [--authorization-env VAR] [--deliver-to URL|webhookUrl] [--bots a,b] [--users x,y] [--shape op=flat|envelope]
//     [--inactive-rooms accept|reject] [--log]
// Prints one JSON line: {"url","platformUrl","messagesUrl","origin","port","projectId","integration"}; credentials
// and secrets are only read from the environment variables named, never printed. Exit: 0 on a signal, 2 on bad usage.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { startJelouStandin } = require('./lib/jelou-standin.cjs');

const USAGE = `usage: node scripts/standin.mjs [--port N] [--project ID] [--api-key-env VAR]
  [--client-id-env VAR --client-secret-env VAR] [--signing-secret-env VAR] [--webhook-url URL]
  [--auth-type bearer|api_key|basic|no_auth] [--authorization-env VAR] [--deliver-to URL|webhookUrl]
  [--bots ID,…] [--users ID,…] [--shape OPERATION=flat|envelope …] [--inactive-rooms accept|reject] [--log]
An integration exists from the start when --signing-secret-env (or --webhook-url) is given; otherwise create one.
Example: JELOU_API_KEY=dev-key JELOU_SIGNING_SECRET=dev-secret node scripts/standin.mjs \\
  --signing-secret-env JELOU_SIGNING_SECRET --deliver-to http://127.0.0.1:3000/webhooks/jelou`;

function fail(message) {
  process.stderr.write(`standin: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      project: { type: 'string', default: process.env.JELOU_PROJECT_ID || 'PROJECT_ID' },
      'api-key-env': { type: 'string', default: 'JELOU_API_KEY' },
      'client-id-env': { type: 'string' },
      'client-secret-env': { type: 'string' },
      'signing-secret-env': { type: 'string' },
      'webhook-url': { type: 'string' },
      'auth-type': { type: 'string' },
      'authorization-env': { type: 'string' },
      'deliver-to': { type: 'string' },
      bots: { type: 'string' },
      users: { type: 'string' },
      shape: { type: 'string', multiple: true, default: [] },
      'inactive-rooms': { type: 'string' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

/** Reads a credential from the variable a flag names; `required` fails when it is unset or empty. */
function fromEnv(flag, required) {
  const name = values[flag];
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (!value && required) fail(`--${flag} ${name}: the environment variable ${name} is not set`);
  return value || undefined;
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not ${values.port}`);
const options = { projectId: values.project, port };
const apiKey = fromEnv('api-key-env', values['api-key-env'] !== 'JELOU_API_KEY');
if (apiKey) options.apiKey = apiKey;
if (values['client-id-env'] || values['client-secret-env']) {
  options.basic = { clientId: fromEnv('client-id-env', true), clientSecret: fromEnv('client-secret-env', true) };
}
if (!options.apiKey && !options.basic) {
  fail(
    'no gateway credential: set JELOU_API_KEY, or name variables with --api-key-env or --client-id-env/--client-secret-env',
  );
}
const signingSecret = fromEnv('signing-secret-env', true);
if (signingSecret || values['webhook-url']) {
  const integration = {};
  if (values['webhook-url']) integration.webhookUrl = values['webhook-url'];
  if (values['auth-type']) integration.authType = values['auth-type'];
  const authorization = fromEnv('authorization-env', true);
  if (authorization) integration.authorization = authorization;
  options.integration = integration;
  if (signingSecret) options.signingSecret = signingSecret;
}
if (values['deliver-to']) options.deliverTo = values['deliver-to'];
if (values.bots) options.bots = values.bots.split(',').filter(Boolean);
if (values.users) options.users = values.users.split(',').filter(Boolean);
if (values['inactive-rooms']) {
  if (!['accept', 'reject'].includes(values['inactive-rooms'])) fail('--inactive-rooms must be accept or reject');
  options.inactiveRooms = values['inactive-rooms'];
}
options.shapes = {};
for (const pair of values.shape) {
  const [operation, shape] = pair.split('=');
  if (!operation || !['flat', 'envelope'].includes(shape)) fail(`--shape takes OPERATION=flat|envelope, not ${pair}`);
  options.shapes[operation] = shape;
}
// One line per request and per delivery on stderr; no headers or bodies (they carry credentials).
if (values.log) options.log = (line) => process.stderr.write(`standin: ${line}\n`);

let standin;
try {
  standin = await startJelouStandin(options);
} catch (error) {
  fail(error.message);
}
const { url, platformUrl, messagesUrl, origin, projectId } = standin;
process.stdout.write(
  `${JSON.stringify({ url, platformUrl, messagesUrl, origin, port: standin.port, projectId, integration: standin.hasIntegration() })}\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    standin.close().then(() => process.exit(0));
  });
}

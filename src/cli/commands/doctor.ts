// jelou doctor: the live contract checks that need no Prism, through the client, read-only. Reads the integration
// (and a conversation with --conversation); every body is checked against the bundled spec by the client itself
// (a ResponseValidationError names the violation); then, for each documented discrepancy this run can test, which
// variant Jelou really used, with the evidence: base path, auth scheme, response shape, envelope fields, error
// style, authType type. The verdict rules follow each entry's `live.how` in the spec's x-jelou-discrepancies.
import {
  ApiError,
  AUTH_TYPES,
  createExternalSupportClient,
  JelouError,
  ResponseValidationError,
  type ClientOptions,
} from '../../index.js';
import { stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf } from '../env.js';

/** A verdict on one discrepancy, as the live contract report gives it. */
export interface Verdict {
  id: string;
  verdict: 'A' | 'B' | 'both' | 'neither' | 'untested';
  evidence: string;
}

/** One live check: what was called and what came back. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a call under some credentials or base URL gave: a status and the parsed body, or a connection failure. */
interface Probe {
  status: number | undefined;
  body: unknown;
  error?: string;
}

async function probe(projectId: string, options: ClientOptions): Promise<Probe> {
  try {
    const client = createExternalSupportClient({ env: {}, maxRetries: 0, ...options });
    const result = await client.getIntegration(projectId).withResponse();
    return { status: result.response.status, body: result.body };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body };
    if (error instanceof ResponseValidationError)
      return { status: error.status, body: undefined, error: error.message };
    return { status: undefined, body: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `A`/`B` from which of two probes succeeded (2xx supports a variant, 401/403 refutes it). */
function pick(a: Probe | undefined, b: Probe | undefined): Verdict['verdict'] {
  const yes = (p: Probe | undefined) => p?.status !== undefined && p.status >= 200 && p.status < 300;
  const tested = (p: Probe | undefined) => p?.status !== undefined;
  if (!tested(a) && !tested(b)) return 'untested';
  if (yes(a) && yes(b)) return 'both';
  if (yes(a)) return 'A';
  if (yes(b)) return 'B';
  return tested(a) && tested(b) ? 'neither' : 'untested';
}

const describe = (p: Probe | undefined): string =>
  p === undefined ? 'not tried' : p.status === undefined ? `failed (${p.error ?? 'no answer'})` : String(p.status);

/** The error style of an error body (spec `error-body`). */
export function errorStyle(body: unknown): Verdict['verdict'] {
  if (!isObject(body)) return 'neither';
  if (body.statusMessage === 'failed' && body.status === 0) return 'A';
  if (typeof body.message === 'string' && 'error' in body && 'validationError' in body) return 'B';
  if (typeof body.message === 'string' && Object.keys(body).length === 1) return 'A'; // `{message: "Authentication failed"}`
  return 'neither';
}

async function runDoctor(
  context: Context,
): Promise<{ checks: Check[]; verdicts: Verdict[]; baseUrl: string; ok: boolean }> {
  const projectId = projectIdOf(context);
  const env = context.io.env;
  const client = clientFromEnv(context, { maxRetries: 0 });
  const baseUrl = client.baseUrl;
  const checks: Check[] = [];
  const verdicts: Verdict[] = [];
  let ok = true;

  // 1. The integration, validated against the spec by the client.
  let body: unknown;
  let shape: string | undefined;
  try {
    const result = await client.getIntegration(projectId).withResponse();
    body = result.body;
    shape = result.shape;
    checks.push({
      name: 'getIntegration',
      ok: true,
      detail: `${result.response.status}, ${shape} body, matches the spec`,
    });
  } catch (error) {
    ok = false;
    const detail = error instanceof JelouError ? error.message : String(error);
    checks.push({ name: 'getIntegration', ok: false, detail: detail.split('\n')[0] ?? '' });
  }

  // 2. A conversation, when asked.
  const conversationId = stringFlag(context, 'conversation');
  if (conversationId !== undefined) {
    try {
      await client.getConversation(projectId, conversationId);
      checks.push({ name: 'getConversation', ok: true, detail: 'matches the spec' });
    } catch (error) {
      ok = false;
      checks.push({ name: 'getConversation', ok: false, detail: (error as Error).message.split('\n')[0] ?? '' });
    }
  }

  // response-shape, envelope-missing-fields, response-auth-type: from the body read.
  if (shape === 'flat' || shape === 'envelope') {
    verdicts.push({
      id: 'response-shape',
      verdict: shape === 'flat' ? 'A' : 'B',
      evidence: `getIntegration 200: ${shape} body`,
    });
  } else {
    verdicts.push({ id: 'response-shape', verdict: 'untested', evidence: 'no 200 body from getIntegration' });
  }
  const fields = isObject(body) ? (isObject(body.data) ? body.data : body) : undefined;
  if (shape === 'envelope' && fields) {
    const has = ['id', 'authType'].filter((k) => k in fields);
    verdicts.push({
      id: 'envelope-missing-fields',
      verdict: has.length === 2 ? 'A' : has.length === 0 ? 'B' : 'neither',
      evidence: `envelope data has ${has.length > 0 ? has.join(' and ') : 'neither id nor authType'}`,
    });
  } else {
    verdicts.push({ id: 'envelope-missing-fields', verdict: 'untested', evidence: 'needs an envelope body' });
  }
  if (fields && typeof fields.authType === 'string') {
    const known = (AUTH_TYPES as readonly string[]).includes(fields.authType);
    verdicts.push({
      id: 'response-auth-type',
      verdict: known ? 'both' : 'B',
      evidence: `authType "${fields.authType}" is ${known ? 'inside' : 'outside'} the enum`,
    });
  } else {
    verdicts.push({ id: 'response-auth-type', verdict: 'untested', evidence: 'no authType in the body' });
  }

  // auth-scheme: each credential kind the environment has, alone.
  const apiKey = env.JELOU_API_KEY?.trim();
  const clientId = env.JELOU_CLIENT_ID?.trim();
  const clientSecret = env.JELOU_CLIENT_SECRET?.trim();
  const viaKey = apiKey ? await probe(projectId, { baseUrl, auth: { apiKey } }) : undefined;
  const viaBasic =
    clientId && clientSecret ? await probe(projectId, { baseUrl, auth: { clientId, clientSecret } }) : undefined;
  verdicts.push({
    id: 'auth-scheme',
    verdict: pick(viaKey, viaBasic),
    evidence: `x-api-key: ${describe(viaKey)}; Basic: ${describe(viaBasic)}`,
  });

  // base-path: the same read under /jelouapi and /platform (when the base URL ends with one of them).
  const auth = apiKey ? { apiKey } : clientId && clientSecret ? { clientId, clientSecret } : undefined;
  const base = /\/(jelouapi|platform)\/?$/.exec(baseUrl);
  if (auth && base) {
    const root = baseUrl.slice(0, base.index);
    // A 2xx or a documented JSON answer means the base path exists; a 404 with a bare route message ("Cannot GET …")
    // or a non-JSON body means it does not.
    const exists = (p: Probe): Probe => {
      if (p.status === undefined || p.status < 300) return p;
      const message = isObject(p.body) ? String(p.body.message ?? '') : '';
      const routeMissing = !isObject(p.body) || (p.status === 404 && message.startsWith('Cannot '));
      return routeMissing ? { ...p, status: 404 } : { ...p, status: 200 };
    };
    const a = await probe(projectId, { baseUrl: `${root}/jelouapi`, auth });
    const b = await probe(projectId, { baseUrl: `${root}/platform`, auth });
    verdicts.push({
      id: 'base-path',
      verdict: pick(exists(a), exists(b)),
      evidence: `/jelouapi: ${describe(a)}; /platform: ${describe(b)}`,
    });
  } else {
    verdicts.push({
      id: 'base-path',
      verdict: 'untested',
      evidence: 'the base URL ends with neither /jelouapi nor /platform',
    });
  }

  // error-body: the body of a 401 (a credential that cannot be valid; read-only).
  const denied = await probe(projectId, { baseUrl, auth: { apiKey: 'jelou-doctor-invalid-key' } });
  verdicts.push({
    id: 'error-body',
    verdict: denied.status !== undefined && denied.status >= 400 ? errorStyle(denied.body) : 'untested',
    evidence: `an invalid key answered ${describe(denied)}${isObject(denied.body) ? ` with keys ${Object.keys(denied.body).join(', ')}` : ''}`,
  });
  return { checks, verdicts, baseUrl, ok };
}

const doctor: Command = {
  name: ['doctor'],
  summary: "Live, read-only checks of Jelou's API against the bundled spec, with a verdict per documented discrepancy.",
  usage: '[PROJECT_ID] [--conversation CONVERSATION_ID]',
  details: `Reads the integration (and a conversation with --conversation), checks every body against the bundled spec,
and says which documented variant Jelou used for each discrepancy this run can test: base-path, auth-scheme,
response-shape, envelope-missing-fields, response-auth-type, error-body (A, B, both, neither or untested, with the
evidence; the variants are in openapi.yaml's x-jelou-discrepancies). Read-only. Exit 1 when a read fails or a body
does not match the spec.`,
  examples: ['JELOU_API_KEY=… jelou doctor PROJECT_ID --json'],
  flags: { conversation: { type: 'string' } },
  maxPositionals: 1,
  async run(context) {
    const { checks, verdicts, baseUrl, ok } = await runDoctor(context);
    if (context.out.json) {
      context.out.jsonLine({ ok, baseUrl, checks, verdicts });
      return ok ? 0 : 1;
    }
    const { out } = context;
    out.line(`Checks against ${baseUrl}:`);
    out.table(checks.map((c) => [c.ok ? out.green('ok') : out.red('FAIL'), c.name, c.detail]));
    out.line('');
    out.line('Discrepancies (variants in openapi.yaml x-jelou-discrepancies):');
    out.table(verdicts.map((v) => [v.id, v.verdict === 'untested' ? out.dim(v.verdict) : v.verdict, v.evidence]));
    return ok ? 0 : 1;
  },
};

export const doctorCommands: readonly Command[] = [doctor];

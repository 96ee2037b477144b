// jelou doctor: the live contract checks that need no Prism, through the client, read-only. Reads the integration
// (and a conversation with --conversation); every body is checked against the bundled spec by the client itself
// (a ResponseValidationError names the violation). Each answer is recorded as an observation, and the verdicts come
// from the live contract report's own judge (src/spec/verdicts.mjs: bundled into the bin, imported by
// scripts/contract.mjs too), so doctor and `npm run contract -- --live` give the same verdict on the same answers.
import {
  ApiError,
  createExternalSupportClient,
  JelouError,
  ResponseValidationError,
  type ClientOptions,
} from '../../index.js';
import { judgeDiscrepancies, type Observation } from '../../spec/verdicts.mjs';
import { stringFlag, type Command, type Context } from '../command.js';
import { clientFromEnv, projectIdOf } from '../env.js';

/** A verdict on one discrepancy, as the live contract report gives it (its evidence as one line). */
export interface Verdict {
  id: string;
  verdict: 'A' | 'B' | 'both' | 'neither' | 'untested';
  evidence: string;
  suggestion?: string;
}

/** One live check: what was called and what came back. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** The discrepancies doctor's read-only requests can bear on (the others need writes, events or Prism). */
export const DOCTOR_DISCREPANCIES = [
  'response-shape',
  'envelope-missing-fields',
  'response-auth-type',
  'brain-id-value',
  'time-formats',
  'auth-scheme',
  'base-path',
  'error-body',
  'conversation-samples',
] as const;

const GET_INTEGRATION = 'GET /v1/external-support/{projectId}';

/** What a call gave, as an observation: a status and the parsed body, or nothing when no answer came. */
function observed(error: unknown, base: Omit<Observation, 'status' | 'body'>): Observation {
  if (error instanceof ApiError || error instanceof ResponseValidationError) {
    return { ...base, status: error.status, body: error.body };
  }
  return { ...base };
}

async function probe(projectId: string, options: ClientOptions, tag: string): Promise<Observation> {
  const base = { operation: 'getIntegration', request: GET_INTEGRATION, projectId, tag };
  try {
    const client = createExternalSupportClient({ env: {}, maxRetries: 0, ...options });
    const result = await client.getIntegration(projectId).withResponse();
    return { ...base, status: result.response.status, body: result.body };
  } catch (error) {
    return observed(error, base);
  }
}

const firstLine = (error: unknown): string =>
  (error instanceof JelouError ? error.message : error instanceof Error ? error.message : String(error)).split(
    '\n',
  )[0] ?? '';

async function runDoctor(
  context: Context,
): Promise<{ checks: Check[]; verdicts: Verdict[]; baseUrl: string; ok: boolean }> {
  const projectId = projectIdOf(context);
  const env = context.io.env;
  const client = clientFromEnv(context, { maxRetries: 0 });
  const baseUrl = client.baseUrl;
  const checks: Check[] = [];
  const observations: Observation[] = [];
  let ok = true;

  // 1. The integration, validated against the spec by the client.
  try {
    const result = await client.getIntegration(projectId).withResponse();
    observations.push({
      operation: 'getIntegration',
      request: GET_INTEGRATION,
      projectId,
      status: result.response.status,
      body: result.body,
    });
    checks.push({
      name: 'getIntegration',
      ok: true,
      detail: `${result.response.status}, ${result.shape} body, matches the spec`,
    });
  } catch (error) {
    ok = false;
    observations.push(observed(error, { operation: 'getIntegration', request: GET_INTEGRATION, projectId }));
    checks.push({ name: 'getIntegration', ok: false, detail: firstLine(error) });
  }

  // 2. A conversation, when asked.
  const conversationId = stringFlag(context, 'conversation');
  if (conversationId !== undefined) {
    const base = {
      operation: 'getConversation',
      request: 'GET /v1/external-support/{projectId}/conversations/{conversationId}',
      projectId,
    };
    try {
      const result = await client.getConversation(projectId, conversationId).withResponse();
      observations.push({ ...base, status: result.response.status, body: result.body });
      checks.push({ name: 'getConversation', ok: true, detail: 'matches the spec' });
    } catch (error) {
      ok = false;
      observations.push(observed(error, base));
      checks.push({ name: 'getConversation', ok: false, detail: firstLine(error) });
    }
  }

  // 3. auth-scheme: each credential kind the environment has, alone.
  const apiKey = env.JELOU_API_KEY?.trim();
  const clientId = env.JELOU_CLIENT_ID?.trim();
  const clientSecret = env.JELOU_CLIENT_SECRET?.trim();
  if (apiKey) observations.push(await probe(projectId, { baseUrl, auth: { apiKey } }, 'apiKey'));
  if (clientId && clientSecret) {
    observations.push(await probe(projectId, { baseUrl, auth: { clientId, clientSecret } }, 'basic'));
  }

  // 4. base-path: the same read under /jelouapi and /platform (when the base URL ends with one of them).
  const auth = apiKey ? { apiKey } : clientId && clientSecret ? { clientId, clientSecret } : undefined;
  const base = /\/(jelouapi|platform)\/?$/.exec(baseUrl);
  if (auth && base) {
    const root = baseUrl.slice(0, base.index);
    for (const path of ['/jelouapi', '/platform']) {
      observations.push(await probe(projectId, { baseUrl: `${root}${path}`, auth }, `basePath:${path}`));
    }
  }

  // 5. error-body: the body of a 401 (a credential that cannot be valid; read-only).
  observations.push(await probe(projectId, { baseUrl, auth: { apiKey: 'jelou-doctor-invalid-key' } }, 'invalidKey'));

  const verdicts = judgeDiscrepancies(
    DOCTOR_DISCREPANCIES.map((id) => ({ id })),
    observations,
  ).map((v): Verdict => {
    const evidence =
      v.verdict === 'untested'
        ? 'no request of this run bore on it'
        : [...new Set(v.evidence.map((e) => e.saw))].join('; ');
    return { id: v.id, verdict: v.verdict, evidence, ...(v.suggestion ? { suggestion: v.suggestion } : {}) };
  });
  return { checks, verdicts, baseUrl, ok };
}

const doctor: Command = {
  name: ['doctor'],
  summary: "Live, read-only checks of Jelou's API against the bundled spec, with a verdict per documented discrepancy.",
  usage: '[PROJECT_ID] [--conversation CONVERSATION_ID]',
  details: `Reads the integration (and a conversation with --conversation), checks every body against the bundled spec,
and says which documented variant Jelou used for each discrepancy this run can test: response-shape,
envelope-missing-fields, response-auth-type, brain-id-value, time-formats, auth-scheme, base-path, error-body,
conversation-samples (A, B, both, neither or untested, with the evidence; the variants are in openapi.yaml's
x-jelou-discrepancies). The verdicts are the live contract report's, by the same rules. Read-only. Exit 1 when a read fails or a body
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

// What the live contract cases share: the configuration from the environment, the real client pointed at the
// validating Prism proxy, and one call observed the way the report needs it (status, shape, violations, latency).
import {
  ApiError,
  createExternalSupportClient,
  ResponseValidationError,
  type ApiPromise,
  type Auth,
  type CallResult,
  type ExternalSupportClient,
  type Integration,
  type IntegrationResult,
} from '../../../src/index';
import { contractTarget, prismUrl } from '../support/prism-url';
import { violationsOf, type EvidenceRecord, type ObservedShape } from '../support/record';
import type * as SpecValidator from '../support/spec-validator';

/**
 * Which documented 200 shape a raw body has (spec-validator's ajv over the whole spec). Required on first use: the
 * files of a consent level that is not run import this module too, and only skip, so they need not load ajv.
 */
function shapeOf(body: unknown): ObservedShape {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../support/spec-validator') as typeof SpecValidator).shapeOf(body);
}

/** The live cases run only against the live target (`npm run contract` with JELOU_CONTRACT_TARGET=live). */
export const describeLive = contractTarget() === 'live' ? describe : describe.skip;

/** Writes (the PATCH case) run only with JELOU_CONTRACT_WRITE=1. */
export const writesEnabled = (): boolean => process.env.JELOU_CONTRACT_WRITE === '1';

/** The conversation run (start, get, send one text, close) only with JELOU_CONTRACT_CONVERSATION=1. */
export const conversationEnabled = (): boolean => process.env.JELOU_CONTRACT_CONVERSATION === '1';

/** The destructive run (regenerate, delete, create) only when JELOU_CONTRACT_DESTRUCTIVE repeats the project id. */
export const destructiveEnabled = (): boolean => {
  const repeated = process.env.JELOU_CONTRACT_DESTRUCTIVE?.trim();
  return repeated !== undefined && repeated !== '' && repeated === process.env.JELOU_PROJECT_ID?.trim();
};

/** Where the runner wants a regenerated signing secret written, to print it once on stdout (never in a report). */
export const SECRET_FILE_ENV = 'JELOU_CONTRACT_SECRET_FILE';

/** The evidence of one observed call, for the verdicts on the spec's discrepancies. */
export function evidenceOf(
  seen: Observation,
  request: string,
  extra: Omit<EvidenceRecord, 'request'> = {},
): EvidenceRecord {
  return {
    request,
    ...(seen.status === undefined ? {} : { status: seen.status }),
    ...(seen.body === undefined ? {} : { body: seen.body }),
    violations: seen.violations,
    ...extra,
  };
}

/** `basePath:/jelouapi` or `basePath:/platform`, from JELOU_BASE_URL, when it ends with one of the two. */
export function basePathTag(): string | undefined {
  const match = /\/(jelouapi|platform)\/?$/.exec(process.env.JELOU_BASE_URL ?? '');
  return match ? `basePath:/${match[1]}` : undefined;
}

/** Each call's own time limit: well inside jest's per-test timeout, so a `finally` always gets to run. */
export const CALL_TIMEOUT_MS = 10_000;
/** jest's per-test limit for live cases (the PATCH case makes up to four calls). */
export const LIVE_TEST_TIMEOUT_MS = 60_000;

/** A key no Jelou project has. */
export const WRONG_API_KEY = 'jelou-contract-wrong-key';

export interface LiveConfig {
  projectId: string;
  auth: Auth;
}

/** Project and credentials from the environment; throws naming what is missing (the runner checks first). */
export function liveConfig(): LiveConfig {
  const read = (name: string): string | undefined => process.env[name]?.trim() || undefined;
  const projectId = read('JELOU_PROJECT_ID');
  const apiKey = read('JELOU_API_KEY');
  const clientId = read('JELOU_CLIENT_ID');
  const clientSecret = read('JELOU_CLIENT_SECRET');
  const missing = [
    ...(projectId ? [] : ['JELOU_PROJECT_ID']),
    ...(apiKey || (clientId && clientSecret) ? [] : ['JELOU_API_KEY (or JELOU_CLIENT_ID and JELOU_CLIENT_SECRET)']),
  ];
  if (missing.length > 0 || !projectId) throw new Error(`Live contract run needs ${missing.join(', ')}`);
  const auth: Auth = apiKey ? { apiKey } : { clientId: clientId as string, clientSecret: clientSecret as string };
  return { projectId, auth };
}

/**
 * The client from src/ through the Prism proxy: no base path (Prism adds the upstream's). No retries by default, so
 * every answer of the live API is seen as it came; the restoring PATCH asks for the client's usual retries.
 */
export function liveClient(auth: Auth, maxRetries = 0): ExternalSupportClient {
  const signingSecret = process.env.JELOU_SIGNING_SECRET?.trim();
  const messagesBaseUrl = process.env.JELOU_MESSAGES_BASE_URL?.trim();
  return createExternalSupportClient({
    auth,
    baseUrl: prismUrl(),
    maxRetries,
    timeout: CALL_TIMEOUT_MS,
    env: {},
    // sendMessage goes to the messages host directly: Prism proxies one upstream, the gateway.
    ...(signingSecret ? { signingSecret } : {}),
    ...(messagesBaseUrl ? { messagesBaseUrl } : {}),
  });
}

/** One call as the report sees it. */
export interface Observation {
  /** The client's result, when it accepted the answer (any operation's: each test reads the fields it needs). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result?: CallResult<any, unknown>;
  /** What the client threw instead. */
  error?: Error;
  status?: number;
  /** Which documented shape a 2xx body had (judged by the spec, independently of the client). */
  shape?: ObservedShape;
  /** The raw body of the answer, when there was one. */
  body?: unknown;
  violations: string[];
  latencyMs: number;
}

/** Runs one call and keeps what the report needs, whether the client accepted the answer or not. */
export async function observe(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call: () => ApiPromise<any, CallResult<any, unknown>> | ApiPromise<Integration, IntegrationResult>,
): Promise<Observation> {
  const started = performance.now();
  const latency = (): number => Math.round(performance.now() - started);
  try {
    const result = await call().withResponse();
    return {
      result,
      status: result.response.status,
      shape: shapeOf(result.body),
      body: result.body,
      violations: violationsOf(result.response.headers),
      latencyMs: latency(),
    };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const latencyMs = latency();
    // A 2xx body the client refused: its shape is the finding.
    if (error instanceof ResponseValidationError) {
      const { status, body, headers } = error;
      return { error, status, shape: shapeOf(body), body, violations: violationsOf(headers), latencyMs };
    }
    if (error instanceof ApiError) {
      return { error, status: error.status, body: error.body, violations: violationsOf(error.headers), latencyMs };
    }
    return { error, violations: [], latencyMs };
  }
}

/** What a report row records of an observation: status and shape when known, violations, latency. */
export function observed(seen: Observation): Pick<Observation, 'status' | 'shape' | 'violations' | 'latencyMs'> {
  return {
    ...(seen.status === undefined ? {} : { status: seen.status }),
    ...(seen.shape === undefined ? {} : { shape: seen.shape }),
    violations: seen.violations,
    latencyMs: seen.latencyMs,
  };
}

/** Short text of an observation for the report's `got` column. */
export function describeObservation(observation: Observation): string {
  const { error, status, shape, violations } = observation;
  const count = `${violations.length} sl-violation(s)`;
  if (error instanceof ResponseValidationError) return `${status} ${shape} (${error.name}), ${count}`;
  if (error)
    return `${error.name}${status === undefined ? '' : ` (${status})`}: ${error.message.slice(0, 160)}, ${count}`;
  return `${status} ${shape}, ${count}`;
}

// createExternalSupportClient: options, credentials and fetch resolved once; every method is one line over the
// generic `execute` and the operation table generated from the spec.
import type { Client } from 'openapi-fetch';
import { ApiPromise } from './api-promise.js';
import { createAuthProvider } from './auth.js';
import { checkBaseUrl } from './base-url.js';
import { execute, type CallResult, type ExecuteContext, type InputRule } from './execute.js';
import { KnownSecrets } from '../errors/known-secrets.js';
import { ValidationError } from '../errors/validation-error.js';
import { OPERATIONS } from '../spec/operations.js';
import type { EnvelopeInfo, Integration, IntegrationChanges, OperationId, Paths } from '../spec/types.js';
import {
  DEFAULT_BASE_URL,
  headersToSend,
  resolveClientDefaults,
  runtimeEnv,
  type ClientOptions,
  type FetchLike,
  type HeadersOption,
  type RequestOptions,
} from './options.js';
import { guardRaw } from './guard-raw.js';
import { createRawClient } from './raw-client.js';
import { requestSender, type Sender } from './transport.js';
import { validateChanges } from './validate-input.js';
import { VERSION } from './version.js';

/** The result of `getIntegration`/`updateIntegration` with everything the response said. */
export type IntegrationResult = CallResult<Integration, EnvelopeInfo>;

/** The host of `sendMessage` (a path-level `servers` in the spec). */
export const DEFAULT_MESSAGES_BASE_URL = 'https://chatbot.jelou.ai';

/** A typed client for Jelou's External Support API. */
export interface ExternalSupportClient {
  /**
   * Reads the integration of a project.
   * @example const integration = await client.getIntegration('PROJECT_ID');
   */
  getIntegration(projectId: string, requestOptions?: RequestOptions): ApiPromise<Integration, IntegrationResult>;
  /**
   * Changes the fields given (at least one) of a project's integration and returns it.
   * @example await client.updateIntegration('PROJECT_ID', { webhookUrl: 'https://my-system.com/webhook/jelou-v2' });
   */
  updateIntegration(
    projectId: string,
    changes: IntegrationChanges,
    requestOptions?: RequestOptions,
  ): ApiPromise<Integration, IntegrationResult>;
  /** The underlying openapi-fetch client, typed with the spec's paths; it sends auth, retries and times out. */
  readonly raw: Client<Paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

// The hand-written rows: only what the spec cannot say (friendlier input checks, secrets inside bodies).
const INPUT_RULES: Partial<Record<OperationId, InputRule>> = {
  updateIntegration: {
    body: validateChanges,
    // The webhook credential is a secret too: a server may echo the body in its error.
    secrets: (body) => [(body as IntegrationChanges | undefined)?.authorization],
  },
};

function defaultHeaders(): HeadersOption {
  // Browsers refuse to let a script set User-Agent; everywhere else it identifies the SDK to the API.
  return typeof (globalThis as { document?: unknown }).document !== 'undefined'
    ? { accept: 'application/json' }
    : { accept: 'application/json', 'user-agent': `jelou-external-support/${VERSION}` };
}

function resolveFetch(option: unknown): Sender {
  if (option !== undefined && typeof option !== 'function') throw new ValidationError('fetch', 'must be a function');
  if (option === undefined && typeof globalThis.fetch !== 'function') {
    throw new ValidationError('fetch', 'this runtime has no global fetch: pass one in the fetch option');
  }
  return requestSender(option as FetchLike | undefined);
}

/**
 * Creates a client. With no `auth`, credentials come from `JELOU_API_KEY`, or `JELOU_CLIENT_ID` and
 * `JELOU_CLIENT_SECRET`; with none, it throws a `ValidationError` at once.
 * @example
 * const client = createExternalSupportClient({ auth: { apiKey: process.env.JELOU_API_KEY! } });
 * const integration = await client.getIntegration('PROJECT_ID');
 */
export function createExternalSupportClient(options: ClientOptions = {}): ExternalSupportClient {
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'must be an object');
  const defaults = resolveClientDefaults(options);
  const env = options.env ?? runtimeEnv();
  // The client's credentials, in one place: auth values, the Basic token, sensitive headers. Register any other
  // credential (a signing secret) here with `secrets.add(value)`; a call adds its own in `context.secrets`.
  const secrets = new KnownSecrets().headers(defaults.headers);
  const auth = createAuthProvider(options.auth, env, secrets);
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.JELOU_BASE_URL ?? DEFAULT_BASE_URL, options.allowInsecureHttp);
  const fetch = resolveFetch(options.fetch);
  const context: ExecuteContext = {
    baseUrls: { gateway: baseUrl, messages: DEFAULT_MESSAGES_BASE_URL },
    fetch,
    credentials: () => auth.headers(),
    secrets: (requestOptions) => new KnownSecrets(secrets).headers(requestOptions?.headers).list(),
    defaults,
    headers: headersToSend(defaultHeaders(), defaults.headers),
    call: { ...defaults, signal: undefined },
  };
  const call = <T, E>(
    operationId: OperationId,
    params: readonly unknown[],
    body: unknown,
    requestOptions: RequestOptions | undefined,
  ): ApiPromise<T, CallResult<T, E>> =>
    new ApiPromise(
      execute(context, OPERATIONS[operationId], INPUT_RULES[operationId], params, body, requestOptions) as Promise<
        CallResult<T, E>
      >,
    );

  let raw: Client<Paths> | undefined;
  return {
    baseUrl,
    // Built on first use: most programs never touch it.
    get raw() {
      return (raw ??= guardRaw(createRawClient<Paths>(context, baseUrl), () => secrets.list()));
    },
    getIntegration: (projectId, requestOptions) => call('getIntegration', [projectId], undefined, requestOptions),
    updateIntegration: (projectId, changes, requestOptions) =>
      call('updateIntegration', [projectId], changes, requestOptions),
  };
}

// createExternalSupportClient: validation, auth, retries and normalization around the openapi-fetch client.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiPromise } from './api-promise.js';
import { createAuthProvider, type AuthProvider } from './auth.js';
import { checkBaseUrl } from './base-url.js';
import type { RequestInfo } from './errors/request-info.js';
import { scrubError } from './errors/scrub.js';
import { ValidationError } from './errors/validation-error.js';
import type { Integration } from './normalize.js';
import { readIntegrationResponse, type IntegrationResult } from './read-response.js';
import {
  DEFAULT_BASE_URL,
  mergeHeaders,
  mergeRequestOptions,
  resolveClientDefaults,
  runtimeEnv,
  type ClientOptions,
  type FetchLike,
  type HeadersOption,
  type RequestOptions,
} from './options.js';
import { createRetryingFetch } from './retrying-fetch.js';
import type { IntegrationChanges, OperationId, Paths } from './spec-types.js';
import { validateChanges, validateProjectId } from './validate-input.js';
import { VERSION } from './version.js';
import { SENSITIVE_HEADERS } from './redact.js';

const INTEGRATION_PATH = '/v1/external-support/{projectId}';

/** A typed client for Jelou's External Support integration endpoints. */
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

function browserLike(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

function defaultHeaders(): HeadersOption {
  // Browsers refuse to let a script set User-Agent; everywhere else it identifies the SDK to the API.
  return browserLike()
    ? { accept: 'application/json' }
    : { accept: 'application/json', 'user-agent': `jelou-external-support/${VERSION}` };
}

function resolveFetch(option: unknown): FetchLike {
  if (option !== undefined && typeof option !== 'function') throw new ValidationError('fetch', 'must be a function');
  const chosen = (option ?? globalThis.fetch) as typeof fetch | undefined;
  if (typeof chosen !== 'function') {
    throw new ValidationError('fetch', 'this runtime has no global fetch: pass one in the fetch option');
  }
  // Called as a plain function: some runtimes' fetch must not be called as a method of another object.
  return (request) => chosen(request);
}

/** Adds the credentials to every request, and scrubs them from any error of a `client.raw` call. */
function authMiddleware(auth: AuthProvider): Middleware {
  return {
    async onRequest({ request }) {
      for (const [name, value] of Object.entries(await auth.headers())) request.headers.set(name, value);
      return request;
    },
    onError({ error }) {
      scrubError(error, auth.secrets());
    },
  };
}

function sensitiveValues(headers: HeadersOption): string[] {
  return Object.entries(headers)
    .filter(([name, value]) => SENSITIVE_HEADERS.has(name.toLowerCase()) && typeof value === 'string')
    .map(([, value]) => value as string);
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
  const env = options.env ?? runtimeEnv();
  const auth = createAuthProvider(options.auth, env);
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.JELOU_BASE_URL ?? DEFAULT_BASE_URL);
  const defaults = resolveClientDefaults(options);
  const userFetch = resolveFetch(options.fetch);
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const apiPath = (url: string): string => new URL(url).pathname.slice(basePath.length) || '/';

  const raw = createClient<Paths>({
    baseUrl,
    headers: mergeHeaders(defaultHeaders(), defaults.headers),
    fetch: (request: Request) =>
      createRetryingFetch({ ...defaults, fetch: userFetch, path: apiPath(request.url) })(request),
  });
  raw.use(authMiddleware(auth));

  async function execute(
    operationId: OperationId,
    projectId: unknown,
    changes: unknown,
    requestOptions: RequestOptions | undefined,
  ): Promise<IntegrationResult> {
    let body: IntegrationChanges | undefined;
    try {
      const id = validateProjectId(projectId);
      body = operationId === 'updateIntegration' ? validateChanges(changes) : undefined;
      const call = mergeRequestOptions(defaults, requestOptions);
      const path = `/v1/external-support/${encodeURIComponent(id)}`;
      const request: RequestInfo = {
        method: operationId === 'updateIntegration' ? 'PATCH' : 'GET',
        url: `${baseUrl}${path}`,
        path,
      };
      const init = {
        params: { path: { projectId: id } },
        parseAs: 'text' as const,
        headers: call.headers,
        ...(call.signal ? { signal: call.signal } : {}),
        fetch: createRetryingFetch({ ...call, fetch: userFetch, path }),
      };
      const outcome =
        operationId === 'updateIntegration'
          ? await raw.PATCH(INTEGRATION_PATH, { ...init, body: body as IntegrationChanges })
          : await raw.GET(INTEGRATION_PATH, init);
      return readIntegrationResponse(operationId, request, outcome);
    } catch (error) {
      const given = requestOptions?.headers;
      const callHeaders = given !== null && typeof given === 'object' ? given : {};
      // The webhook credential of a PATCH is a secret too: a server may echo the body in its error.
      const webhookCredential = body?.authorization === undefined ? [] : [body.authorization];
      scrubError(error, [
        ...auth.secrets(),
        ...webhookCredential,
        ...sensitiveValues(defaults.headers),
        ...sensitiveValues(callHeaders),
      ]);
      throw error;
    }
  }

  return {
    baseUrl,
    raw,
    getIntegration: (projectId, requestOptions) =>
      new ApiPromise(execute('getIntegration', projectId, undefined, requestOptions)),
    updateIntegration: (projectId, changes, requestOptions) =>
      new ApiPromise(execute('updateIntegration', projectId, changes, requestOptions)),
  };
}

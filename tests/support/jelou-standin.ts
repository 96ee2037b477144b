// A local stand-in for Jelou's External Support API, for testing the live contract run without internet.
// It answers GET with the documented envelope and PATCH with the documented flat object (the two shapes the docs
// contradict each other about), a third, undocumented shape on demand, and 401 to wrong or missing credentials.
import { neverAnswer, send, startTestServer, type RecordedRequest } from './test-server';

/** The integration as the stand-in stores it. */
export interface StandinIntegration {
  id: string;
  brainId: string;
  webhookUrl: string;
  authType: string;
  createdAt: string;
  updatedAt: string;
}

/** Which requests the stand-in answers with the undocumented shape. */
export type StandinMethod = 'GET' | 'PATCH';

export interface StandinOptions {
  /** The only project that has an integration; any other id gets 404. */
  projectId: string;
  /** The API key accepted in `x-api-key`. */
  apiKey?: string;
  /** The client credentials accepted as HTTP Basic. */
  basic?: { clientId: string; clientSecret: string };
  /** Initial values of the integration. */
  integration?: Partial<StandinIntegration>;
  /** Answer these methods with `{ integration: { hook, created } }`, a shape no page documents. */
  undocumentedFor?: readonly StandinMethod[];
  /** Answer 500 to every PATCH after this many have succeeded (e.g. 1: the change works, the restore fails). */
  failPatchesAfter?: number;
  /** Never answer: every request stays open until the client gives up or the stand-in closes. */
  hold?: boolean;
}

/** A running stand-in. */
export interface JelouStandin {
  /** Base URL with Jelou's `/jelouapi` base path, e.g. `http://127.0.0.1:40123/jelouapi`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The integration as it is now (after any PATCH). */
  integration(): StandinIntegration;
  close(): Promise<void>;
}

/** The base path the stand-in serves, as the rendered docs show it. */
export const STANDIN_BASE_PATH = '/jelouapi';
const INTEGRATION_PATH = new RegExp(`^${STANDIN_BASE_PATH}/v1/external-support/([^/?#]+)$`);

const UNAUTHORIZED = {
  message: 'Unauthorized',
  statusMessage: 'error',
  status: 401,
  error: {
    code: 'unauthorized',
    key: 'unauthorized',
    description: 'Invalid or missing authentication credentials.',
    developerMessages: {},
    clientMessages: {},
  },
};
const NOT_FOUND = { message: ['Integration not found'], statusMessage: 'error', status: 0 };
const INTERNAL_ERROR = { message: 'Internal server error', statusMessage: 'error', status: 500 };

function authorized(headers: RecordedRequest['headers'], options: StandinOptions): boolean {
  const apiKey = headers['x-api-key'];
  if (options.apiKey !== undefined && apiKey === options.apiKey) return true;
  if (options.basic === undefined) return false;
  const expected = Buffer.from(`${options.basic.clientId}:${options.basic.clientSecret}`).toString('base64');
  return headers.authorization === `Basic ${expected}`;
}

function undocumented(integration: StandinIntegration): unknown {
  return { integration: { hook: integration.webhookUrl, created: integration.createdAt } };
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startJelouStandin(options: StandinOptions): Promise<JelouStandin> {
  const state: StandinIntegration = {
    id: 'INTEGRATION_ID',
    brainId: options.projectId,
    webhookUrl: 'https://my-system.com/webhook/jelou',
    authType: 'bearer',
    createdAt: '2026-01-15T10:30:00.000Z',
    updatedAt: '2026-01-15T10:30:00.000Z',
    ...options.integration,
  };
  const undocumentedFor = new Set(options.undocumentedFor ?? []);
  let patchesDone = 0;

  const server = await startTestServer((req, res) => {
    if (options.hold) return neverAnswer();
    const match = INTEGRATION_PATH.exec(req.url ?? '');
    if (!match) return send(res, 404, { body: { message: 'Cannot find route', statusMessage: 'error', status: 404 } });
    if (!authorized(req.headers, options)) return send(res, 401, { body: UNAUTHORIZED });
    if (decodeURIComponent(match[1] ?? '') !== options.projectId) return send(res, 404, { body: NOT_FOUND });

    if (req.method === 'GET') {
      if (undocumentedFor.has('GET')) return send(res, 200, { body: undocumented(state) });
      const { brainId, webhookUrl, createdAt, updatedAt } = state;
      return send(res, 200, {
        body: {
          message: ['Integration retrieved successfully'],
          statusMessage: 'success',
          status: 1,
          data: { brainId, webhookUrl, createdAt, updatedAt },
        },
      });
    }
    if (req.method === 'PATCH') {
      if (options.failPatchesAfter !== undefined && patchesDone >= options.failPatchesAfter) {
        return send(res, 500, { body: INTERNAL_ERROR });
      }
      const changes = JSON.parse(req.body || '{}') as { webhookUrl?: unknown; authType?: unknown };
      if (typeof changes.webhookUrl === 'string') state.webhookUrl = changes.webhookUrl;
      if (typeof changes.authType === 'string') state.authType = changes.authType;
      state.updatedAt = new Date().toISOString();
      patchesDone += 1;
      return send(res, 200, { body: undocumentedFor.has('PATCH') ? undocumented(state) : { ...state } });
    }
    return send(res, 405, { body: { message: 'Method not allowed', statusMessage: 'error', status: 405 } });
  });

  return {
    url: `${server.url}${STANDIN_BASE_PATH}`,
    requests: server.requests,
    integration: () => ({ ...state }),
    close: () => server.close(),
  };
}

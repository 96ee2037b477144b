// The ways to make one "get the integration" call, built the same way for every measurement. Each factory
// returns `() => Promise<object>` that resolves to the parsed integration and rejects on a non-2xx status.
// The package is imported by its name, so what is measured is the built dist/ (exports map included).
import { API_KEY, PATH, PROJECT_ID } from './fixtures.mjs';

const url = (baseUrl) => `${baseUrl}/v1/external-support/${PROJECT_ID}`;

/** This package's client: `getIntegration`. */
export async function thisClient({ baseUrl, fetch, signal }) {
  const { createExternalSupportClient } = await import('jelou-external-support');
  const client = createExternalSupportClient({
    auth: { apiKey: API_KEY },
    baseUrl,
    ...(fetch ? { fetch } : {}),
  });
  const options = signal ? { signal } : undefined;
  return () => client.getIntegration(PROJECT_ID, options);
}

/** openapi-fetch alone, with an auth middleware: the floor this client builds on. */
export async function bareOpenapiFetch({ baseUrl, fetch, signal }) {
  const { default: createClient } = await import('openapi-fetch');
  const client = createClient({ baseUrl, ...(fetch ? { fetch } : {}) });
  client.use({
    onRequest({ request }) {
      request.headers.set('x-api-key', API_KEY);
      return request;
    },
  });
  const params = { path: { projectId: PROJECT_ID } };
  return async () => {
    const { data, error, response } = await client.GET(PATH, signal ? { params, signal } : { params });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(error)}`);
    return data;
  };
}

/** A minimal hand-written wrapper: fetch, a status check, JSON. */
export async function handWritten({ baseUrl, fetch = globalThis.fetch, signal }) {
  const target = url(baseUrl);
  const init = { headers: { 'x-api-key': API_KEY, accept: 'application/json' }, ...(signal ? { signal } : {}) };
  return async () => {
    const response = await fetch(target, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
}

/** Node's global fetch, nothing else: the fetch limit. */
export async function rawFetch({ baseUrl }) {
  return handWritten({ baseUrl, fetch: globalThis.fetch });
}

/** undici's `request` (the npm package's global keep-alive Agent): the Node limit. */
export async function undiciRequest({ baseUrl }) {
  const { request } = await import('undici');
  const target = url(baseUrl);
  const headers = { 'x-api-key': API_KEY, accept: 'application/json' };
  return async () => {
    const { statusCode, body } = await request(target, { headers });
    if (statusCode < 200 || statusCode > 299) {
      await body.dump();
      throw new Error(`HTTP ${statusCode}`);
    }
    return body.json();
  };
}

/** axios over a keep-alive `http.Agent`. */
export async function axiosGet({ baseUrl }) {
  const { default: axios } = await import('axios');
  const http = await import('node:http');
  const instance = axios.create({
    httpAgent: new http.Agent({ keepAlive: true }),
    headers: { 'x-api-key': API_KEY, accept: 'application/json' },
  });
  const target = url(baseUrl);
  return async () => (await instance.get(target)).data;
}

/** ky (over the global fetch), retries off. */
export async function kyGet({ baseUrl }) {
  const { default: ky } = await import('ky');
  const api = ky.create({ headers: { 'x-api-key': API_KEY }, retry: 0 });
  const target = url(baseUrl);
  return () => api.get(target).json();
}

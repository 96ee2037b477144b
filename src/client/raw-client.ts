// `client.raw`: the openapi-fetch client typed with the spec's paths, whose fetch is the client's transport, so raw
// calls send the credentials, time out, retry and refuse redirects exactly like the typed methods.
import createClient, { type Client } from 'openapi-fetch';
import { scrubError } from '../errors/scrub.js';
import type { ExecuteContext } from './execute.js';
import { send } from './transport.js';

// RFC 9110 section 9.2.2; this API's PATCH sets fields to the values sent, so it is repeated like PUT.
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
// Statuses whose responses may not carry a body: `new Response(body, { status })` throws for them.
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** Creates the openapi-fetch client behind `client.raw`. */
export function createRawClient<Paths extends object>(context: ExecuteContext, baseUrl: string): Client<Paths> {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const { call } = context;
  return createClient<Paths>({
    baseUrl,
    headers: context.headers,
    async fetch(request: Request) {
      try {
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => (headers[name] = value));
        const body = request.body === null ? undefined : await request.text();
        // openapi-fetch puts the caller's signal, if any, on the Request: it is the call's signal here.
        const { response, text } = await send(
          {
            method: request.method,
            url: request.url,
            path: new URL(request.url).pathname.slice(basePath.length) || '/',
            headers,
            body,
            idempotent: IDEMPOTENT_METHODS.has(request.method),
          },
          { ...call, fetch: context.fetch, credentials: context.credentials, signal: request.signal },
        );
        return new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } catch (error) {
        scrubError(error, context.secrets(undefined));
        throw error;
      }
    },
  });
}

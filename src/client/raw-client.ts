// `client.raw`: an openapi-fetch-compatible client typed with the spec's paths (openapi-fetch's own `Client<Paths>`
// type, a type-only import), whose requests go through the client's transport, so raw calls send the credentials,
// time out, retry and refuse redirects exactly like the typed methods.
//
// The run-time part is ours, not openapi-fetch's: the SDK already has a transport, and openapi-fetch's 2.7 kB gzip
// were a fifth of the root entry for `client.raw` alone. It implements what openapi-fetch 0.17's README shows:
// `GET`…`TRACE` and `request(method, …)`; `params.path` (simple style), `params.query` (arrays `a=1&a=2`, objects
// `a[b]=1`), `params.header`; `headers` (`null` removes one; string values only); `body` (JSON, `FormData`, or form-urlencoded when that
// content type is set); `querySerializer`/`bodySerializer` functions; `signal`; `parseAs` (`json`, `text`, `blob`,
// `arrayBuffer`, `stream`); `{ data, error, response }` results; and `use`/`eject` and per-call `middleware` with
// `onRequest`/`onResponse`/`onError` (each hook's argument also carries `response` and `error`, undefined where
// openapi-fetch leaves them out). A per-call `fetch` or `baseUrl` is not supported: it would bypass the transport.
//
// Checked like the typed methods: path parameters and headers before the request is built (a `..` segment would be
// resolved, a bad header would throw an untyped TypeError), and every error typed (a JelouError) and scrubbed.
import type { Client, Middleware } from 'openapi-fetch';
import { JelouError } from '../errors/jelou-error.js';
import { headerSecrets, scrubError } from '../errors/redact.js';
import type { ExecuteContext } from './execute.js';
import { checkHeaders, headersToSend, type HeadersOption } from './options.js';
import { send } from './transport.js';
import { validatePathParam } from './validate-input.js';

type Init = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: unknown };
  headers?: unknown;
  body?: unknown;
  parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';
  querySerializer?: unknown;
  bodySerializer?: unknown;
  middleware?: Middleware[];
} & Omit<RequestInit, 'body' | 'headers'>;

const encode = (value: unknown): string => encodeURIComponent(value as string);

// openapi-fetch's default query serializer: `a=1&a=2` for arrays, `a[b]=1` for objects, null and undefined skipped.
function query(value: unknown, name = '', parts: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) query(item, name, parts);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) query(item, name ? `${name}[${key}]` : key, parts);
  } else if (value !== undefined && value !== null) parts.push(`${name}=${encode(value)}`);
  return parts;
}

/** Creates the client behind `client.raw`; `baseUrl` is checked and has no trailing slash. */
export function createRawClient<Paths extends object>(context: ExecuteContext, baseUrl: string): Client<Paths> {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const global: Middleware[] = [];

  // The transport, as a fetch: one Request in, one Response (its body read within the call's limits) out.
  async function fetchVia(request: Request): Promise<Response> {
    try {
      const { method, url } = request;
      const { response, text } = await send(
        {
          method,
          url,
          path: new URL(url).pathname.slice(basePath.length) || '/',
          headers: Object.fromEntries(request.headers),
          body: request.body === null ? undefined : await request.text(),
          // RFC 9110 section 9.2.2; this API's PATCH sets fields to the values sent, so it is repeated like PUT.
          idempotent: /^(GET|HEAD|OPTIONS|PUT|PATCH|DELETE)$/.test(method),
        },
        { ...context.call, fetch: context.fetch, credentials: context.credentials, signal: request.signal },
      );
      // A 204, 205 or 304 may not carry a body: `new Response(body, { status })` throws for them.
      return new Response([204, 205, 304].includes(response.status) ? null : text, response);
    } catch (error) {
      await context.signingSecret?.learn?.();
      scrubError(error, context.secrets(undefined));
      throw error;
    }
  }

  // Inputs checked first; every error typed and scrubbed, the call's own header values included.
  async function request(method: string, schemaPath: string, init: Init = {}): Promise<unknown> {
    let given: HeadersOption[] = [];
    try {
      const {
        params = {},
        headers,
        body,
        parseAs = 'json',
        querySerializer,
        bodySerializer,
        middleware = [],
        ...rest
      } = init;
      // In openapi-fetch's order: the call's headers, then `params.header` (later wins).
      given = [headers, params.header].map((each) =>
        each instanceof Headers || Array.isArray(each) ? Object.fromEntries(each) : each,
      ) as HeadersOption[];
      for (const each of given) checkHeaders(each, 'headers');
      for (const [name, value] of Object.entries(params.path ?? {})) {
        if (typeof value === 'string') validatePathParam(value, `params.path.${name}`);
      }
      // Later headers win, `null` removes one (as openapi-fetch merges them); JSON's content type comes first, so a
      // caller's own (or its `null`) wins, and FormData sets its own with the boundary.
      const layers = [context.headers, ...given.map((each) => each ?? {})];
      const merged = new Headers(headersToSend(...layers));
      const serialized =
        body === undefined
          ? undefined
          : typeof bodySerializer === 'function'
            ? bodySerializer(body, merged)
            : body instanceof FormData
              ? body
              : merged.get('content-type') === 'application/x-www-form-urlencoded'
                ? new URLSearchParams(body as Record<string, string>).toString()
                : JSON.stringify(body);
      const json =
        serialized === undefined || serialized instanceof FormData ? {} : { 'content-type': 'application/json' };
      let url =
        baseUrl +
        schemaPath.replace(/\{([^{}]+)\}/g, (match, name: string) => {
          const value = params.path?.[name];
          return value === undefined || value === null ? match : [value].flat().map(encode).join(',');
        });
      const search: string =
        typeof querySerializer === 'function' ? querySerializer(params.query ?? {}) : query(params.query).join('&');
      if (search) url += `?${search.replace(/^\?/, '')}`;
      let req = new Request(url, {
        ...rest,
        method,
        body: serialized ?? null,
        headers: headersToSend(json, ...layers),
      });
      const all = [...global, ...middleware];
      const id = Math.random().toString(36).slice(2, 11);
      const options = { baseUrl, fetch: fetchVia, parseAs, querySerializer, bodySerializer };
      let response = undefined as Response | undefined;
      let failure: unknown;
      // Runs one hook of every middleware (onRequest in order, the others in reverse, as openapi-fetch does) until
      // `take` returns something truthy.
      const run = async (hook: 'onRequest' | 'onResponse' | 'onError', take: (result: unknown) => unknown) => {
        for (const m of hook === 'onRequest' ? all : [...all].reverse()) {
          const ctx = { request: req, schemaPath, params, options, id, response, error: failure };
          const result: unknown = await (m[hook] as ((ctx: object) => unknown) | undefined)?.(ctx);
          if (result && take(result)) return;
        }
      };
      const wrong = (hook: string): never => {
        throw new JelouError(`client.raw: ${hook} returned an unexpected value`);
      };
      await run('onRequest', (result) =>
        result instanceof Request
          ? void (req = result)
          : result instanceof Response
            ? (response = result)
            : wrong('onRequest'),
      );
      if (response === undefined) {
        try {
          response = await fetchVia(req);
        } catch (error) {
          failure = error;
          await run('onError', (result) =>
            result instanceof Response
              ? (response = result)
              : result instanceof Error
                ? void (failure = result)
                : wrong('onError'),
          );
          if (response === undefined) throw failure;
        }
        await run(
          'onResponse',
          (result) => void (response = result instanceof Response ? result : wrong('onResponse')),
        );
      }
      const { headers: answered, status, ok } = response as Response;
      if (
        status === 204 ||
        req.method === 'HEAD' ||
        (answered.get('content-length') === '0' && !answered.get('transfer-encoding')?.includes('chunked'))
      ) {
        return { [ok ? 'data' : 'error']: undefined, response };
      }
      const text = parseAs === 'json' || !ok ? await (response as Response).text() : '';
      if (!ok) {
        try {
          return { error: JSON.parse(text) as unknown, response };
        } catch {
          return { error: text, response };
        }
      }
      if (parseAs === 'stream') return { data: (response as Response).body, response };
      if (parseAs !== 'json') return { data: await (response as Response)[parseAs](), response };
      return { data: text ? (JSON.parse(text) as unknown) : undefined, response };
    } catch (error) {
      await context.signingSecret?.learn?.();
      const typed =
        error instanceof JelouError ? error : new JelouError(`client.raw.${method} failed`, { cause: error });
      scrubError(typed, [...context.secrets(undefined), ...given.flatMap(headerSecrets)]);
      throw typed;
    }
  }

  const client: Record<string, unknown> = {
    request: (method: string, url: string, init?: Init) => request(method.toUpperCase(), url, init),
    use(...middleware: Middleware[]) {
      for (const m of middleware) {
        if (!m) continue;
        if (typeof m !== 'object' || !('onRequest' in m || 'onResponse' in m || 'onError' in m)) {
          throw new TypeError('middleware: an object with onRequest, onResponse or onError expected');
        }
        global.push(m);
      }
    },
    eject(...middleware: Middleware[]) {
      for (const m of middleware) if (global.includes(m)) global.splice(global.indexOf(m), 1);
    },
  };
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']) {
    client[method] = (url: string, init?: Init) => request(method, url, init);
  }
  return client as unknown as Client<Paths>;
}

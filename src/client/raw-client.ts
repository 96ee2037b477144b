// `client.raw`: an openapi-fetch-compatible client typed with the spec's paths (openapi-fetch's own `Client<Paths>`
// type, a type-only import), whose requests go through the client's transport, so raw calls send the credentials,
// time out, retry and refuse redirects exactly like the typed methods.
//
// The run-time part is ours, not openapi-fetch's: the SDK already has a transport, and openapi-fetch's 2.7 kB gzip
// were a fifth of the root entry for `client.raw` alone. It implements what openapi-fetch 0.17's README shows:
// `GET`…`TRACE` and `request(method, …)`; `params.path` (simple style), `params.query` (arrays `a=1&a=2`, objects
// `a[b]=1`), `params.header`; `headers` (`null` removes one); `body` (JSON, `FormData`, or form-urlencoded when that
// content type is set); `querySerializer`/`bodySerializer` functions; `signal`; `parseAs` (`json`, `text`, `blob`,
// `arrayBuffer`, `stream`); `{ data, error, response }` results; and `use`/`eject` and per-call `middleware` with
// `onRequest`/`onResponse`/`onError`. A per-call `fetch` or `baseUrl` is not supported: it would bypass the transport.
//
// Checked like the typed methods: path parameters and headers before the request is built (a `..` segment would be
// resolved, a bad header would throw an untyped TypeError), and every error typed (a JelouError) and scrubbed.
import type { Client, Middleware } from 'openapi-fetch';
import { JelouError } from '../errors/jelou-error.js';
import { KnownSecrets, scrubError } from '../errors/redact.js';
import type { ExecuteContext } from './execute.js';
import { checkHeaders } from './options.js';
import { send } from './transport.js';
import { validatePathParam } from './validate-input.js';

// RFC 9110 section 9.2.2; this API's PATCH sets fields to the values sent, so it is repeated like PUT.
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
// Statuses whose responses may not carry a body: `new Response(body, { status })` throws for them.
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Init = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  headers?: unknown;
  body?: unknown;
  parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';
  querySerializer?: unknown;
  bodySerializer?: unknown;
  middleware?: Middleware[];
} & Omit<RequestInit, 'body' | 'headers'>;

type Hook = 'onRequest' | 'onResponse' | 'onError';

const encode = (value: unknown): string => encodeURIComponent(value as string);

const plain = (headers: unknown): unknown =>
  headers instanceof Headers || Array.isArray(headers) ? Object.fromEntries(headers) : headers;

// openapi-fetch's default query serializer: `a=1&a=2` for arrays, `a[b]=1` for objects, null and undefined skipped.
function query(params: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    else parts.push(`${name}=${encode(value)}`);
  };
  for (const [name, value] of Object.entries(params)) add(name, value);
  return parts.join('&');
}

// Later headers win; `null` removes a header, an array appends each value (as openapi-fetch's mergeHeaders).
function mergeHeaders(...all: unknown[]): Headers {
  const merged = new Headers();
  for (const given of all) {
    if (given === null || typeof given !== 'object') continue;
    const entries = given instanceof Headers ? given.entries() : Object.entries(given as Record<string, unknown>);
    for (const [name, value] of entries) {
      if (value === null) merged.delete(name);
      else if (Array.isArray(value)) for (const item of value) merged.append(name, item as string);
      else if (value !== undefined) merged.set(name, value as string);
    }
  }
  return merged;
}

/** Creates the client behind `client.raw`. */
export function createRawClient<Paths extends object>(context: ExecuteContext, baseUrl: string): Client<Paths> {
  const base = baseUrl.replace(/\/$/, '');
  const basePath = new URL(base).pathname;
  const { call } = context;
  const global: Middleware[] = [];

  // The transport, as a fetch: one Request in, one Response (its body read within the call's limits) out.
  async function fetchVia(request: Request): Promise<Response> {
    try {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      const body = request.body === null ? undefined : await request.text();
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
  }

  // Inputs checked first; every error typed and scrubbed, the call's own header values included.
  async function request(method: string, schemaPath: string, init: Init = {}): Promise<unknown> {
    let headers: unknown[] = [];
    try {
      headers = [plain(init.params?.header), plain(init.headers)];
      for (const [name, value] of Object.entries(init.params?.path ?? {})) {
        if (typeof value === 'string') validatePathParam(value, `params.path.${name}`);
      }
      for (const each of headers) if (each !== undefined) checkHeaders(each, 'headers');
      return await unchecked(method, schemaPath, init);
    } catch (error) {
      const typed =
        error instanceof JelouError ? error : new JelouError(`client.raw.${method} failed`, { cause: error });
      scrubError(typed, [
        ...context.secrets(undefined),
        ...new KnownSecrets().headers(headers[0]).headers(headers[1]).list(),
      ]);
      throw typed;
    }
  }

  async function unchecked(method: string, schemaPath: string, init: Init): Promise<unknown> {
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
    const given = mergeHeaders(context.headers, headers, params.header);
    const serialized =
      body === undefined
        ? undefined
        : typeof bodySerializer === 'function'
          ? bodySerializer(body, given)
          : body instanceof FormData
            ? body
            : given.get('content-type') === 'application/x-www-form-urlencoded'
              ? new URLSearchParams(body as Record<string, string>).toString()
              : JSON.stringify(body);
    let url =
      base +
      schemaPath.replace(/\{([^{}]+)\}/g, (match, name: string) => {
        const value = params.path?.[name];
        if (value === undefined || value === null) return match;
        return Array.isArray(value) ? value.map(encode).join(',') : encode(value);
      });
    const search = (typeof querySerializer === 'function' ? querySerializer : query)(params.query ?? {}) as string;
    if (search) url += `?${search.replace(/^\?/, '')}`;
    let req = new Request(url, {
      ...rest,
      method,
      body: (serialized ?? null) as Exclude<RequestInit['body'], undefined>,
      headers: mergeHeaders(
        serialized === undefined || serialized instanceof FormData ? {} : { 'content-type': 'application/json' },
        given,
      ),
    });
    const all = [...global, ...middleware];
    const id = Math.random().toString(36).slice(2, 11);
    const options = { baseUrl: base, fetch: fetchVia, parseAs, querySerializer, bodySerializer };
    // Runs one hook of every middleware (in order, or in reverse), as openapi-fetch does.
    const run = async (hook: Hook, reverse: boolean, fields: () => object, until: (result: unknown) => boolean) => {
      for (const m of reverse ? [...all].reverse() : all) {
        const result: unknown = await (m[hook] as ((f: object) => unknown) | undefined)?.({
          request: req,
          schemaPath,
          params,
          options,
          id,
          ...fields(),
        });
        if (result && until(result)) return result;
      }
      return undefined;
    };
    const wrong = (hook: string): Error => new JelouError(`client.raw: ${hook} returned an unexpected value`);
    let response: Response | undefined;
    await run(
      'onRequest',
      false,
      () => ({}),
      (result) => {
        if (result instanceof Request) req = result;
        else if (result instanceof Response) response = result;
        else throw wrong('onRequest');
        return response !== undefined;
      },
    );
    if (response === undefined) {
      try {
        response = await fetchVia(req);
      } catch (error) {
        let failure: unknown = error;
        await run(
          'onError',
          true,
          () => ({ error: failure }),
          (result) => {
            if (result instanceof Response) response = result;
            else if (result instanceof Error) failure = result;
            else throw wrong('onError');
            return response !== undefined;
          },
        );
        if (response === undefined) throw failure;
      }
      let current: Response = response;
      await run(
        'onResponse',
        true,
        () => ({ response: current }),
        (result) => {
          if (!(result instanceof Response)) throw wrong('onResponse');
          current = result;
          return false;
        },
      );
      response = current;
    }
    const length = response.headers.get('content-length');
    if (
      response.status === 204 ||
      req.method === 'HEAD' ||
      (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))
    ) {
      return response.ok ? { data: undefined, response } : { error: undefined, response };
    }
    if (response.ok) {
      if (parseAs === 'stream') return { data: response.body, response };
      if (parseAs !== 'json') return { data: await response[parseAs](), response };
      const text = await response.text();
      return { data: text ? JSON.parse(text) : undefined, response };
    }
    let error: unknown = await response.text();
    try {
      error = JSON.parse(error as string);
    } catch {
      // Not JSON: the text as is.
    }
    return { error, response };
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
      for (const m of middleware) {
        const index = global.indexOf(m);
        if (index !== -1) global.splice(index, 1);
      }
    },
  };
  for (const method of METHODS) client[method] = (url: string, init?: Init) => request(method, url, init);
  return client as unknown as Client<Paths>;
}

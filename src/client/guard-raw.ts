// `client.raw` checked like the typed methods: path parameters and headers are checked before openapi-fetch builds
// the request (it would resolve a `..` segment, or throw URIError/TypeError), and nothing untyped escapes.
import type { Client } from 'openapi-fetch';
import { JelouError } from '../errors/jelou-error.js';
import { KnownSecrets } from '../errors/known-secrets.js';
import { scrubError } from '../errors/scrub.js';
import { checkHeaders } from './options.js';
import { validatePathParam } from './validate-input.js';

type Init = { params?: { path?: object; header?: unknown }; headers?: unknown } | undefined;

const plain = (headers: unknown): unknown =>
  headers instanceof Headers || Array.isArray(headers) ? Object.fromEntries(headers) : headers;

/** Wraps the raw client's methods: inputs checked first, every error typed and scrubbed. */
export function guardRaw<Paths extends object>(raw: Client<Paths>, secrets: () => readonly string[]): Client<Paths> {
  const guarded: Record<string, unknown> = { ...raw };
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'] as const) {
    guarded[method] = async (...args: unknown[]) => {
      // `request(method, url, init)`; the others `(url, init)`.
      const init = args[method === 'request' ? 2 : 1] as Init;
      let headers: unknown[] = [];
      try {
        headers = [plain(init?.params?.header), plain(init?.headers)];
        for (const [name, value] of Object.entries(init?.params?.path ?? {})) {
          if (typeof value === 'string') validatePathParam(value, `params.path.${name}`);
        }
        for (const each of headers) if (each !== undefined) checkHeaders(each, 'headers');
        return await (raw[method] as (...args: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        const typed =
          error instanceof JelouError
            ? error
            : new JelouError(`client.raw.${method} failed: ${(error as Error | undefined)?.message ?? String(error)}`, {
                cause: error,
              });
        scrubError(typed, [...secrets(), ...new KnownSecrets().headers(headers[0]).headers(headers[1]).list()]);
        throw typed;
      }
    };
  }
  return guarded as unknown as Client<Paths>;
}

// `client.raw` checked like the typed methods: path parameters and headers are checked before openapi-fetch builds
// the request (it would resolve a `..` segment, or throw URIError/TypeError), and nothing untyped escapes.
import type { Client } from 'openapi-fetch';
import { JelouError } from '../errors/jelou-error.js';
import { KnownSecrets } from '../errors/known-secrets.js';
import { scrubError } from '../errors/scrub.js';
import { ValidationError } from '../errors/validation-error.js';
import { checkHeaders } from './options.js';
import { hasControlCharacter, hasLoneSurrogate, validatePathParam } from './validate-input.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Init = { params?: { path?: unknown; query?: unknown; header?: unknown }; headers?: unknown } | undefined;

function checkInit(init: Init): void {
  if (init === undefined) return;
  if (init === null || typeof init !== 'object') throw new ValidationError('init', 'must be an object');
  const { path, query, header } = init.params ?? {};
  for (const [name, value] of Object.entries(path ?? {})) {
    if (typeof value === 'string') validatePathParam(value, `params.path.${name}`);
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' && (hasControlCharacter(value) || hasLoneSurrogate(value))) {
      throw new ValidationError(`params.query.${name}`, 'must not contain control characters or lone surrogates');
    }
  }
  for (const headers of [header, init.headers]) {
    const record = headers instanceof Headers ? Object.fromEntries(headers) : headers;
    if (record !== undefined) checkHeaders(Array.isArray(record) ? Object.fromEntries(record) : record, 'headers');
  }
}

/** Wraps the raw client's methods: inputs checked first, errors typed and scrubbed of `secrets()`. */
export function guardRaw<Paths extends object>(raw: Client<Paths>, secrets: () => readonly string[]): Client<Paths> {
  const guarded: Record<string, unknown> = { ...raw };
  for (const method of METHODS) {
    const send = raw[method] as (url: unknown, init: Init) => Promise<unknown>;
    guarded[method] = async (url: unknown, init: Init) => {
      try {
        checkInit(init);
        return await send(url, init);
      } catch (error) {
        const typed =
          error instanceof JelouError ? error : new JelouError(`client.raw.${method} failed`, { cause: error });
        const call = new KnownSecrets().headers(
          init?.headers instanceof Headers ? Object.fromEntries(init.headers) : init?.headers,
        );
        scrubError(typed, [...secrets(), ...call.headers(init?.params?.header).list()]);
        throw typed;
      }
    };
  }
  return guarded as unknown as Client<Paths>;
}

// Manual redirects: fetch is asked for `redirect: 'manual'`, and this decides, so that credentials (a custom
// `x-api-key` header, a webhook credential in a body) never follow a redirect to another origin or to plain http.
import { RedirectError } from '../errors/redirect-error.js';
import type { RequestInfo } from '../errors/request-info.js';
import type { Outgoing } from './transport.js';

/** Same-origin redirects of a GET followed in one attempt, at most (fetch's own limit is 20). */
export const MAX_REDIRECTS = 5;

/** The statuses that redirect (with a Location). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect may be followed to, or `undefined` when it carries no Location (then it is answered as is);
 * throws RedirectError when it must not be followed. Only same-origin GETs are followed, never back to a URL just
 * visited, at most MAX_REDIRECTS hops: credentials never leave the origin they were meant for.
 */
export function redirectTarget(
  out: Outgoing,
  url: string,
  response: Response,
  hops: number,
  request: RequestInfo,
): string | undefined {
  const status = response.status;
  const refuse = (why: string, location?: string): never => {
    throw new RedirectError({ ...request, status, location, why });
  };
  if (response.type === 'opaqueredirect') return refuse('(hidden by the runtime)');
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return refuse('to an invalid Location');
  }
  const from = new URL(url);
  if (from.protocol === 'https:' && target.protocol !== 'https:') return refuse('from https: to http:', target.href);
  if (target.origin !== from.origin) return refuse('to another origin', target.href);
  if (out.method !== 'GET') return refuse(`of a ${out.method}`, target.href);
  if (target.href === out.url || target.href === url) return refuse('in a loop', target.href);
  if (hops >= MAX_REDIRECTS) return refuse(`after ${MAX_REDIRECTS} hops`, target.href);
  return target.href;
}

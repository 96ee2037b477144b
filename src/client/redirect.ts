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
  const location = response.headers.get('location');
  const hidden = response.type === 'opaqueredirect';
  if (location === null && !hidden) return undefined;
  let target: URL | undefined;
  try {
    target = hidden ? undefined : new URL(location as string, url);
  } catch {
    // Refused below.
  }
  const from = new URL(url);
  const why = hidden
    ? '(hidden by the runtime)'
    : target === undefined
      ? 'to an invalid Location'
      : from.protocol === 'https:' && target.protocol !== 'https:'
        ? 'from https: to http:'
        : target.origin !== from.origin
          ? 'to another origin'
          : out.method !== 'GET'
            ? `of a ${out.method}`
            : target.href === out.url || target.href === url
              ? 'in a loop'
              : hops >= MAX_REDIRECTS
                ? `after ${MAX_REDIRECTS} hops`
                : undefined;
  if (why !== undefined) throw new RedirectError({ ...request, status: response.status, location: target?.href, why });
  return target?.href;
}

// Which base URLs the client accepts: credentials must never cross the network in clear.
import { ValidationError } from '../errors/validation-error.js';
import { hasControlCharacter } from './validate-input.js';

/** True for a host that stays on this machine: `localhost`, 127.0.0.0/8, `::1`. */
export const isLoopbackHost = (hostname: string): boolean =>
  /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i.test(
    hostname.replace(/\.$/, ''),
  );

/**
 * Checks a base URL and returns it without a trailing slash; `http:` only for loopback unless `allowInsecureHttp`.
 * `field` names the option in errors (`baseUrl`, `messagesBaseUrl`).
 */
export function checkBaseUrl(value: unknown, allowInsecureHttp?: unknown, field = 'baseUrl'): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    // Refused below.
  }
  const problem =
    typeof value !== 'string' || value.trim() === ''
      ? 'must be a non-empty absolute URL string'
      : hasControlCharacter(value)
        ? 'must not contain control characters'
        : url === undefined
          ? 'must be an absolute URL, e.g. https://gateway.jelou.ai/jelouapi'
          : url.username || url.password
            ? 'must not carry credentials; pass them in the auth option'
            : // A bare trailing `?` or `#` parses as an empty query or fragment but would swallow the API path.
              url.search || url.hash || /[?#]/.test(url.href)
              ? 'must not have a query string or fragment'
              : url.protocol === 'http:' && allowInsecureHttp !== true && !isLoopbackHost(url.hostname)
                ? 'http: is accepted only for a loopback host or with allowInsecureHttp: true; use https: so ' +
                  'credentials are never sent in clear'
                : url.protocol !== 'https:' && url.protocol !== 'http:'
                  ? 'must use https:'
                  : undefined;
  if (problem !== undefined) throw new ValidationError(field, problem);
  return (url as URL).href.replace(/\/+$/, '');
}

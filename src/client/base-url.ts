// Which base URLs the client accepts: credentials must never cross the network in clear.
import { ValidationError } from '../errors/validation-error.js';
import { hasControlCharacter } from './validate-input.js';

const LOOPBACK_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i;

/** True for a host that stays on this machine: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname.replace(/\.$/, ''));
}

/**
 * Checks a base URL and returns it without a trailing slash; `http:` only for loopback unless `allowInsecureHttp`.
 * `field` names the option in errors (`baseUrl`, `messagesBaseUrl`).
 */
export function checkBaseUrl(value: unknown, allowInsecureHttp?: unknown, field = 'baseUrl'): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, 'must be a non-empty absolute URL string');
  }
  if (hasControlCharacter(value)) throw new ValidationError(field, 'must not contain control characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, 'must be an absolute URL, e.g. https://gateway.jelou.ai/jelouapi');
  }
  if (url.username || url.password) {
    throw new ValidationError(field, 'must not carry credentials; pass them in the auth option');
  }
  // A bare trailing `?` or `#` parses as an empty query or fragment but would swallow the API path appended to it.
  if (url.search || url.hash || /[?#]/.test(url.href)) {
    throw new ValidationError(field, 'must not have a query string or fragment');
  }
  if (url.protocol === 'http:' && allowInsecureHttp !== true && !isLoopbackHost(url.hostname)) {
    throw new ValidationError(
      field,
      'http: is accepted only for a loopback host or with allowInsecureHttp: true; use https: so credentials are never sent in clear',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError(field, 'must use https:');
  }
  return url.href.replace(/\/+$/, '');
}

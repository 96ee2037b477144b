import { defineHidden } from './jelou-error.js';
import { redactHeaders, redactUrl } from './redact.js';
import { requestIdOf } from './request-id.js';

/** The request an error is about: enough to name it in a message; headers are redacted before they are kept. */
export interface RequestInfo {
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The full URL that was requested. */
  readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  readonly path: string;
  /** How many attempts were made, when known (1 without retries). */
  readonly attempts?: number | undefined;
  /** The request headers; an error keeps them only redacted (credentials by name shown as `***`). */
  readonly requestHeaders?: Headers | Record<string, string> | undefined;
}

/** A response an error is about: its status, headers and parsed body. */
export interface ResponseInfo {
  status: number;
  headers: Headers;
  body: unknown;
}

/** `GET https://gateway.jelou.ai/jelouapi/v1/external-support/abc`: where the request went, origin included. */
export const describeRequest = (request: RequestInfo): string => `${request.method} ${redactUrl(request.url)}`;

/** ` (after 3 attempts)` when the request was retried, else `''`. */
export const attemptsSuffix = ({ attempts = 1 }: RequestInfo): string =>
  attempts > 1 ? ` (after ${attempts} attempts)` : '';

/**
 * Sets the request's public fields on an error: `method`, `url` (credentials redacted) and `path`; with `full`, also
 * `attempts` and the redacted `requestHeaders` (not enumerable).
 */
export function setRequest(error: object, request: RequestInfo, full?: boolean): void {
  Object.assign(error, { method: request.method, url: redactUrl(request.url), path: request.path });
  if (full) {
    Object.assign(error, { attempts: request.attempts ?? 1 });
    defineHidden(error, 'requestHeaders', redactHeaders(request.requestHeaders));
  }
}

/** Sets a response's fields on an error: `status`, `requestId`, and the `headers` and `body` (not enumerable). */
export function setResponse(error: object, response: ResponseInfo): void {
  Object.assign(error, { status: response.status, requestId: requestIdOf(response.headers) });
  defineHidden(error, 'headers', response.headers);
  defineHidden(error, 'body', response.body);
}

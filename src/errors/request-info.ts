import { redactHeaders, redactUrl } from './redact.js';

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

/** `GET https://gateway.jelou.ai/jelouapi/v1/external-support/abc`: where the request went, origin included. */
export function describeRequest(request: RequestInfo): string {
  return `${request.method} ${redactUrl(request.url)}`;
}

/** ` (after 3 attempts)` when the request was retried, else `''`. */
export function attemptsSuffix(request: RequestInfo): string {
  return request.attempts !== undefined && request.attempts > 1 ? ` (after ${request.attempts} attempts)` : '';
}

/** The fields every request error carries, request headers redacted. */
export interface RequestFields {
  method: string;
  url: string;
  path: string;
  attempts: number;
  requestHeaders: Record<string, string>;
}

/** The safe fields of a request for an error: redacted URL and headers. */
export function requestFields(request: RequestInfo): RequestFields {
  return {
    method: request.method,
    url: redactUrl(request.url),
    path: request.path,
    attempts: request.attempts ?? 1,
    requestHeaders: redactHeaders(request.requestHeaders),
  };
}

/** Sets the request's public fields on an error: `method`, `url` (credentials redacted) and `path`. */
export function assignRequest(target: object, request: RequestInfo): void {
  Object.assign(target, { method: request.method, url: redactUrl(request.url), path: request.path });
}

import { redactHeaders } from './redact.js';
import { apiMessageOf } from './api-message.js';
import { defineHidden, JelouError } from './jelou-error.js';
import { reasonPhrase } from './reason-phrase.js';
import { attemptsSuffix, describeRequest, requestFields, type RequestInfo } from './request-info.js';
import { requestIdOf } from './request-id.js';

/** What `ApiError.from` needs: the request, and the status, headers and parsed body of its response. */
export interface ApiErrorInit extends RequestInfo {
  status: number;
  statusText?: string | undefined;
  headers: Headers;
  body: unknown;
}

function apiErrorMessage(init: ApiErrorInit, apiMessage: string | undefined): string {
  const reason = init.statusText || reasonPhrase(init.status);
  const status = reason ? `${init.status} ${reason}` : `${init.status}`;
  const summary = `${status}: ${describeRequest(init)}`;
  return `${apiMessage === undefined ? summary : `${summary} — ${apiMessage}`}${attemptsSuffix(init)}`;
}

/**
 * The API answered with an error status. Subclasses name the common statuses; `ApiError.from` picks one.
 * @example
 * try { await client.getIntegration('abc'); } catch (e) { if (e instanceof NotFoundError) console.log(e.requestId); }
 */
export class ApiError extends JelouError {
  static override readonly brand: string = 'ApiError';
  override readonly name: string = 'ApiError';
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers (never the request's). Not enumerable. */
  declare readonly headers: Headers;
  /** The response body: parsed JSON, the raw text, or `undefined` when empty. Not enumerable. */
  declare readonly body: unknown;
  /** The server's request id, from the first of `REQUEST_ID_HEADERS` present; quote it to Jelou support. */
  readonly requestId: string | undefined;
  /** The HTTP method of the request. */
  readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  readonly path: string;
  /** How many attempts were made (1 when the request was not retried). */
  readonly attempts: number;
  /** The request's headers, credentials shown as `***`. Not enumerable. */
  declare readonly requestHeaders: Record<string, string>;
  /** The API's own explanation from the body, if it gave one. */
  readonly apiMessage: string | undefined;

  /** Creates an error for this response; prefer `ApiError.from`, which picks the subclass for the status. */
  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    const apiMessage = apiMessageOf(init.body);
    super(apiErrorMessage(init, apiMessage), options);
    this.status = init.status;
    defineHidden(this, 'headers', init.headers);
    defineHidden(this, 'body', init.body);
    this.requestId = requestIdOf(init.headers);
    const { method, url, path, attempts, requestHeaders } = requestFields(init);
    this.method = method;
    this.url = url;
    this.path = path;
    this.attempts = attempts;
    defineHidden(this, 'requestHeaders', requestHeaders);
    this.apiMessage = apiMessage;
  }

  /** Creates the error for a response, as the subclass for its status (`404` → `NotFoundError`), else `ApiError`. */
  static from(init: ApiErrorInit, options?: { cause?: unknown }): ApiError {
    const ErrorClass = init.status >= 500 ? InternalServerError : (ERROR_CLASSES[init.status] ?? ApiError);
    return new ErrorClass(init, options);
  }

  protected override publicFields(): Record<string, unknown> {
    return { ...super.publicFields(), headers: redactHeaders(this.headers), requestHeaders: this.requestHeaders };
  }
}

/** 400: the request was malformed or failed validation. */
export class BadRequestError extends ApiError {
  static override readonly brand: string = 'BadRequestError';
  override readonly name = 'BadRequestError';
}

/** 401: the credentials are missing or wrong. */
export class AuthenticationError extends ApiError {
  static override readonly brand: string = 'AuthenticationError';
  override readonly name = 'AuthenticationError';
}

/** 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  static override readonly brand: string = 'PermissionDeniedError';
  override readonly name = 'PermissionDeniedError';
}

/** 404: no such resource, e.g. no integration for the project. */
export class NotFoundError extends ApiError {
  static override readonly brand: string = 'NotFoundError';
  override readonly name = 'NotFoundError';
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  static override readonly brand: string = 'ConflictError';
  override readonly name = 'ConflictError';
}

/** 422: the body is well-formed but its values are invalid. */
export class UnprocessableEntityError extends ApiError {
  static override readonly brand: string = 'UnprocessableEntityError';
  override readonly name = 'UnprocessableEntityError';
}

/** 429: too many requests; see the `retry-after` header. */
export class RateLimitError extends ApiError {
  static override readonly brand: string = 'RateLimitError';
  override readonly name = 'RateLimitError';
}

/** 500 and above: the server failed. */
export class InternalServerError extends ApiError {
  static override readonly brand: string = 'InternalServerError';
  override readonly name = 'InternalServerError';
}

const ERROR_CLASSES: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

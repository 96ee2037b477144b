import { apiMessageOf } from './api-message.js';
import { JelouError } from './jelou-error.js';
import { reasonPhrase } from './reason-phrase.js';
import {
  attemptsSuffix,
  describeRequest,
  setRequest,
  setResponse,
  type RequestInfo,
  type ResponseInfo,
} from './request-info.js';

/** What `ApiError.from` needs: the request, and the status, headers and parsed body of its response. */
export interface ApiErrorInit extends RequestInfo, ResponseInfo {
  statusText?: string | undefined;
}

/**
 * The API answered with an error status. Subclasses name the common statuses; `ApiError.from` picks one.
 * @example
 * try { await client.getIntegration('abc'); } catch (e) { if (e instanceof NotFoundError) console.log(e.requestId); }
 */
export class ApiError extends JelouError {
  static override get brand(): string {
    return 'ApiError';
  }
  /** The HTTP status of the response. */
  declare readonly status: number;
  /** The response headers (never the request's). Not enumerable; shown redacted. */
  declare readonly headers: Headers;
  /** The response body: parsed JSON, the raw text, or `undefined` when empty. Not enumerable. */
  declare readonly body: unknown;
  /** The server's request id, from the first of `REQUEST_ID_HEADERS` present; quote it to Jelou support. */
  declare readonly requestId: string | undefined;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;
  /** How many attempts were made (1 when the request was not retried). */
  declare readonly attempts: number;
  /** The request's headers, credentials shown as `***`. Not enumerable. */
  declare readonly requestHeaders: Record<string, string>;
  /** The API's own explanation from the body, if it gave one. */
  declare readonly apiMessage: string | undefined;

  /** Creates an error for this response; prefer `ApiError.from`, which picks the subclass for the status. */
  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    const apiMessage = apiMessageOf(init.body);
    const reason = init.statusText || reasonPhrase(init.status);
    super(
      `${init.status}${reason ? ` ${reason}` : ''}: ${describeRequest(init)}` +
        `${apiMessage === undefined ? '' : ` — ${apiMessage}`}${attemptsSuffix(init)}`,
      options,
    );
    setResponse(this, init);
    setRequest(this, init, true);
    Object.assign(this, { apiMessage });
  }

  /** Creates the error for a response, as the subclass for its status (`404` → `NotFoundError`), else `ApiError`. */
  static from(init: ApiErrorInit, options?: { cause?: unknown }): ApiError {
    const ErrorClass = init.status >= 500 ? InternalServerError : (ERROR_CLASSES[init.status] ?? ApiError);
    return new ErrorClass(init, options);
  }
}

/** 400: the request was malformed or failed validation. */
export class BadRequestError extends ApiError {
  static override get brand(): string {
    return 'BadRequestError';
  }
  declare readonly name: 'BadRequestError';
}

/** 401: the credentials are missing or wrong. */
export class AuthenticationError extends ApiError {
  static override get brand(): string {
    return 'AuthenticationError';
  }
  declare readonly name: 'AuthenticationError';
}

/** 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  static override get brand(): string {
    return 'PermissionDeniedError';
  }
  declare readonly name: 'PermissionDeniedError';
}

/** 404: no such resource, e.g. no integration for the project. */
export class NotFoundError extends ApiError {
  static override get brand(): string {
    return 'NotFoundError';
  }
  declare readonly name: 'NotFoundError';
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  static override get brand(): string {
    return 'ConflictError';
  }
  declare readonly name: 'ConflictError';
}

/** 422: the body is well-formed but its values are invalid. */
export class UnprocessableEntityError extends ApiError {
  static override get brand(): string {
    return 'UnprocessableEntityError';
  }
  declare readonly name: 'UnprocessableEntityError';
}

/** 429: too many requests; see the `retry-after` header. */
export class RateLimitError extends ApiError {
  static override get brand(): string {
    return 'RateLimitError';
  }
  declare readonly name: 'RateLimitError';
}

/** 500 and above: the server failed. */
export class InternalServerError extends ApiError {
  static override get brand(): string {
    return 'InternalServerError';
  }
  declare readonly name: 'InternalServerError';
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

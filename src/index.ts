// The package's public surface: runtime exports by name, then types. Nothing generated is re-exported wholesale.
export { createExternalSupportClient } from './client.js';
export { ApiPromise } from './api-promise.js';
export { AUTH_TYPES } from './auth-types.js';
export { DEFAULT_BASE_URL } from './options.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './retry.js';
export { VERSION } from './version.js';
export { JelouError } from './errors/jelou-error.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors/api-error.js';
export { ConnectionError } from './errors/connection-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { UserAbortError } from './errors/user-abort-error.js';
export { ValidationError } from './errors/validation-error.js';
export { ResponseValidationError } from './errors/response-validation-error.js';

export type { ApiResult } from './api-promise.js';
export type { ApiKeyAuth, Auth, BasicAuth, Credential } from './auth.js';
export type { ExternalSupportClient } from './client.js';
export type { IntegrationResult } from './read-response.js';
export type { EnvelopeInfo, Integration, ResponseShape } from './normalize.js';
export type { ClientOptions, FetchLike, HeadersOption, RequestOptions } from './options.js';
export type {
  AuthType,
  ErrorBody,
  IntegrationChanges,
  IntegrationEnvelope,
  IntegrationFlat,
  IntegrationResponse,
  SchemaIssue,
} from './spec-types.js';
export type { RequestInfo } from './errors/request-info.js';

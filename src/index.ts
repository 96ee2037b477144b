// The package's public surface: runtime exports by name, then types. Nothing generated is re-exported wholesale.
export { createExternalSupportClient, DEFAULT_MESSAGES_BASE_URL } from './client/create-client.js';
export { ApiPromise } from './client/api-promise.js';
export { rotateSigningSecret } from './client/rotate-signing-secret.js';
export { AUTH_TYPES } from './spec/auth-types.js';
export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES } from './client/options.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './client/retry-policy.js';
export { VERSION } from './client/version.js';
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
export { RedirectError } from './errors/redirect-error.js';
export { ResponseTooLargeError } from './errors/response-too-large-error.js';

export type { ApiResult } from './client/api-promise.js';
export type { ApiKeyAuth, Auth, BasicAuth, Credential } from './client/auth.js';
export type {
  ExternalSupportClient,
  IntegrationResult,
  MessageSent,
  OperationPromise,
} from './client/create-client.js';
export type {
  OutgoingAudio,
  OutgoingDocument,
  OutgoingImage,
  OutgoingMessage,
  OutgoingText,
  OutgoingVideo,
  SendMessageInput,
} from './client/outgoing-message.js';
export type { RotatedSigningSecret, RotateSigningSecretOptions } from './client/rotate-signing-secret.js';
export type { SigningSecret } from './client/signing-secret.js';
export type { CallResult } from './client/execute.js';
export type { ResponseShape } from './spec/normalize.js';
export type { SchemaIssue } from './spec/check-schema.js';
export type { ClientOptions, FetchLike, HeadersOption, RequestOptions } from './client/options.js';
export type {
  AuthType,
  CloseConversationInput,
  Conversation,
  ConversationAssignment,
  ConversationClosed,
  ConversationStarted,
  CreatedIntegration,
  DeletedIntegration,
  EnvelopeInfo,
  ErrorBody,
  Integration,
  IntegrationChanges,
  IntegrationCreate,
  IntegrationEnvelope,
  IntegrationFlat,
  IntegrationResponse,
  MessageEvent,
  MessageSentBody,
  OperationId,
  OperationResult,
  RedirectPayload,
  RegeneratedSecret,
  StartConversationInput,
} from './spec/types.js';
export type { RequestInfo } from './errors/request-info.js';

// The one file that imports src/generated/: friendly aliases for the rest of src/, so a regeneration
// touches only this file.
import type { components, operations, paths } from './generated/schema.js';
import {
  validateCloseConversation200,
  validateCreateIntegration200,
  validateDeleteIntegration200,
  validateGetConversation200,
  validateGetIntegration200,
  validateRegenerateSigningSecret200,
  validateSendMessage200,
  validateStartConversation200,
  validateUpdateIntegration200,
} from './generated/validators.js';

type Schemas = components['schemas'];

/** How Jelou authenticates itself to your webhook (`bearer`, `api_key`, `basic` or `no_auth`). */
export type AuthType = Schemas['AuthType'];
/** The fields of an integration to change with `updateIntegration`; at least one. */
export type IntegrationChanges = Schemas['IntegrationChanges'];
/** The 200 body as the flat object of the OpenAPI samples. */
export type IntegrationFlat = Schemas['IntegrationFlat'];
/** The 200 body as the `{message, statusMessage, status, data}` envelope of the prose examples. */
export type IntegrationEnvelope = Schemas['IntegrationEnvelope'];
/** Either documented 200 body. */
export type IntegrationResponse = Schemas['IntegrationResponse'];
/** An error body, in either documented style. */
export type ErrorBody = Schemas['ErrorBody'];
/** The generated `paths`, for typing the underlying openapi-fetch client. */
export type Paths = paths;
/** Every operationId of the spec. */
export type SpecOperationId = keyof operations;
/**
 * The operationIds the client has methods for so far (a subset of `SpecOperationId`; the operations the spec
 * added for the whole API get their methods in the client rebuild).
 */
export type OperationId = Extract<SpecOperationId, 'getIntegration' | 'updateIntegration'>;

/** One problem a run-time validator found: where in the body, and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** A generated validator: a type guard that keeps the problems of its last call. */
interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}

function wrap<T>(
  validator: GeneratedValidator,
): (body: unknown) => { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  return (body) => {
    if (validator(body)) return { ok: true, value: body as T };
    const issues = (validator.errors ?? []).map((e) => ({
      path: e.instancePath || '/',
      message: e.message ?? 'is invalid',
    }));
    return { ok: false, issues };
  };
}

/** Run-time checks of each operation's 2xx body, generated from the spec. */
export const responseValidators = {
  getIntegration: wrap<IntegrationResponse>(validateGetIntegration200 as GeneratedValidator),
  updateIntegration: wrap<IntegrationResponse>(validateUpdateIntegration200 as GeneratedValidator),
  createIntegration: wrap<Schemas['CreatedIntegrationResponse']>(validateCreateIntegration200 as GeneratedValidator),
  deleteIntegration: wrap<Schemas['DeletedIntegrationResponse']>(validateDeleteIntegration200 as GeneratedValidator),
  regenerateSigningSecret: wrap<Schemas['RegeneratedSecretResponse']>(
    validateRegenerateSigningSecret200 as GeneratedValidator,
  ),
  startConversation: wrap<Schemas['ConversationStartedResponse']>(validateStartConversation200 as GeneratedValidator),
  closeConversation: wrap<Schemas['ConversationClosedResponse']>(validateCloseConversation200 as GeneratedValidator),
  getConversation: wrap<Schemas['ConversationResponse']>(validateGetConversation200 as GeneratedValidator),
  sendMessage: wrap<Schemas['MessageSentResponse']>(validateSendMessage200 as GeneratedValidator),
} satisfies Record<SpecOperationId, unknown>;

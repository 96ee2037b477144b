// The one file that imports src/generated/: friendly aliases for the rest of src/, so a regeneration
// touches only this file.
import type { components, operations, paths } from './generated/schema.js';
import { validateGetIntegration200, validateUpdateIntegration200 } from './generated/validators.js';

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
/** The operationIds of the spec's paths (the webhook operations are Jelou's calls, not the client's). */
export type OperationId = Exclude<keyof operations, `receive${string}Event`>;

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
} satisfies Record<OperationId, unknown>;

// Types derived from the generated spec types (src/spec/ is the only folder that imports src/generated/). Result
// types are computed from `components['schemas']` and `operations`, never restated: a property added to the spec
// appears here after `npm run generate`, with no edit in src/.
import type { operations as operationTable } from '../generated/operations.js';
import type { components, operations, paths } from '../generated/schema.js';

type Schemas = components['schemas'];

/** The generated `paths`, for typing the underlying openapi-fetch client. */
export type Paths = paths;
/**
 * The operationIds the client calls: those of the spec's `paths` (the operation table's rows). The spec's `webhooks`
 * (Jelou's calls to your panel) are operations too, but not the client's.
 */
export type OperationId = Extract<keyof ReturnType<typeof operationTable>, keyof operations>;

// ---- generic helpers -------------------------------------------------------------------------------------------

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type ValueIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type RequiredInEvery<U, K extends PropertyKey> = (
  U extends unknown ? (K extends RequiredKeys<U> ? 1 : 0) : never
) extends 1
  ? K
  : never;
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * One object type for every branch of a union of object schemas: a property required in every branch is required,
 * any other is optional, each typed as the union of what the branches say.
 */
export type MergeBranches<U> = Flatten<
  { [K in KeysOfUnion<U> as RequiredInEvery<U, K>]: ValueIn<U, K> } & {
    [K in KeysOfUnion<U> as K extends RequiredInEvery<U, K> ? never : K]?: Exclude<ValueIn<U, K>, undefined>;
  }
>;

/**
 * The payload of a body: the envelope's `data`, else the (flat) body itself. A branch whose `data` is optional may
 * come either way, so it gives both.
 */
export type PayloadOf<Body> = Body extends unknown
  ? 'data' extends keyof Body
    ? undefined extends Body['data' & keyof Body]
      ? Exclude<Body['data' & keyof Body], undefined> | Omit<Body, 'data'>
      : Body['data' & keyof Body]
    : Body
  : never;

/** The value a call resolves to for a 2xx body schema: its payload, every branch merged into one type. */
export type ResultOf<Body> = MergeBranches<PayloadOf<Body>>;

/** The envelope's own fields (everything but `data`) of a body schema, or `never` when it has no envelope. */
export type EnvelopeOf<Body> = MergeBranches<
  Body extends unknown ? ('data' extends keyof Body ? Omit<Body, 'data'> : never) : never
>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204;
type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** The 2xx JSON body of an operation, as the spec declares it (every documented shape). */
export type SuccessBody<Op extends OperationId> = JsonContent<
  operations[Op]['responses'][Extract<keyof operations[Op]['responses'], SuccessStatus>]
>;

/** What an operation's promise resolves to. */
export type OperationResult<Op extends OperationId> = ResultOf<SuccessBody<Op>>;

/** The JSON request body of an operation, or `undefined` when it takes none. */
export type RequestBody<Op extends OperationId> = [NonNullable<operations[Op]['requestBody']>] extends [never]
  ? undefined
  : NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer Body } }
    ? Body
    : undefined;

// ---- friendly aliases ------------------------------------------------------------------------------------------

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
/** An External Support integration, the same whichever documented shape the server answered with. */
export type Integration = ResultOf<IntegrationResponse>;
/** The envelope's own fields (`message`, `statusMessage`, `status`) when the body was an envelope. */
export type EnvelopeInfo = EnvelopeOf<IntegrationResponse>;
/** An error body, in either documented style. */
export type ErrorBody = Schemas['ErrorBody'];

// ---- the rest of the API (issue 9): results and inputs, derived from the spec -------------------------------

/** The body of `createIntegration`: the webhook URL, and how Jelou authenticates itself to it. */
export type IntegrationCreate = Schemas['IntegrationCreate'];
/** The integration just created, with its `signingSecret` (shown only here and on regeneration). */
export type CreatedIntegration = OperationResult<'createIntegration'>;
/** What `deleteIntegration` resolves to: the envelope's fields (`message`, `statusMessage`, `status`). */
export type DeletedIntegration = OperationResult<'deleteIntegration'>;
/** The new signing secret (and `regeneratedAt` or `brainId`, as the server answered). */
export type RegeneratedSecret = OperationResult<'regenerateSigningSecret'>;
/** The body of `startConversation`. */
export type StartConversationInput = Schemas['StartConversationRequest'];
/** The body of `closeConversation`. */
export type CloseConversationInput = Schemas['CloseConversationRequest'];
/** Who takes a started conversation: a queue, an operator or a team. */
export type ConversationAssignment = Schemas['ConversationAssignment'];
/** What happens to the user when a conversation closes. */
export type RedirectPayload = Schemas['RedirectPayload'];
/** What `startConversation` resolves to (undocumented: the envelope's `data`, or the envelope's fields). */
export type ConversationStarted = OperationResult<'startConversation'>;
/** What `closeConversation` resolves to (undocumented: the envelope's `data`, or the envelope's fields). */
export type ConversationClosed = OperationResult<'closeConversation'>;
/** One conversation, as `getConversation` returns it. */
export type Conversation = OperationResult<'getConversation'>;
/** The wire body of `sendMessage` (snake_case), as the SDK builds it from a {@link OutgoingMessage}. */
export type MessageEvent = Schemas['SendMessageRequest'];
/** What the messages host answered to `sendMessage` (undocumented), beside the `id` the SDK sent. */
export type MessageSentBody = OperationResult<'sendMessage'>;

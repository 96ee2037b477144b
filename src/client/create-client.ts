// createExternalSupportClient: options, credentials and fetch resolved once; every method is one line over the
// generic `execute` and the operation table generated from the spec.
import type { Client } from 'openapi-fetch';
import { ApiPromise } from './api-promise.js';
import { createAuthProvider } from './auth.js';
import { checkBaseUrl } from './base-url.js';
import { execute, type CallResult, type ExecuteContext } from './execute.js';
import { KnownSecrets } from '../errors/redact.js';
import { ValidationError } from '../errors/validation-error.js';
import { OPERATIONS } from '../spec/operations.js';
import type {
  CloseConversationInput,
  Conversation,
  ConversationClosed,
  ConversationStarted,
  CreatedIntegration,
  DeletedIntegration,
  EnvelopeInfo,
  EnvelopeOf,
  Integration,
  IntegrationChanges,
  IntegrationCreate,
  MessageSentBody,
  OperationId,
  Paths,
  RegeneratedSecret,
  StartConversationInput,
  SuccessBody,
} from '../spec/types.js';
import { INPUT_RULES } from './input-rules.js';
import type { SendMessageInput } from './outgoing-message.js';
import { createSigningSecretProvider } from './signing-secret.js';
import { CURRENT_SIGNING_SECRET } from './rotate-signing-secret.js';
import { defineHidden } from '../errors/jelou-error.js';
import {
  DEFAULT_BASE_URL,
  headersToSend,
  resolveClientDefaults,
  runtimeEnv,
  type ClientOptions,
  type FetchLike,
  type HeadersOption,
  type RequestOptions,
} from './options.js';
import { createRawClient } from './raw-client.js';
import { requestSender, type Sender } from './transport.js';
import { VERSION } from './version.js';

/** The result of `getIntegration`/`updateIntegration` with everything the response said. */
export type IntegrationResult = CallResult<Integration, EnvelopeInfo>;

/** What `sendMessage` resolves to: whatever the messages host answered (undocumented), and the `value.id` sent. */
export type MessageSent = MessageSentBody & {
  /** The `value.id` the message was sent with (yours, or the random UUID the SDK chose); every retry sent it too. */
  id: string;
};

/** The promise an operation's method returns: its result, and `.withResponse()` with everything the response said. */
export type OperationPromise<Op extends OperationId, T> = ApiPromise<T, CallResult<T, EnvelopeOf<SuccessBody<Op>>>>;

/** The host of `sendMessage` (a path-level `servers` in the spec). */
export const DEFAULT_MESSAGES_BASE_URL = 'https://chatbot.jelou.ai';

/** A typed client for Jelou's External Support API. */
export interface ExternalSupportClient {
  /**
   * Reads the integration of a project.
   * @example const integration = await client.getIntegration('PROJECT_ID');
   */
  getIntegration(projectId: string, requestOptions?: RequestOptions): ApiPromise<Integration, IntegrationResult>;
  /**
   * Changes the fields given (at least one) of a project's integration and returns it.
   * @example await client.updateIntegration('PROJECT_ID', { webhookUrl: 'https://my-system.com/webhook/jelou-v2' });
   */
  updateIntegration(
    projectId: string,
    changes: IntegrationChanges,
    requestOptions?: RequestOptions,
  ): ApiPromise<Integration, IntegrationResult>;
  /**
   * Creates the project's integration and returns it with its `signingSecret`, shown only here and on
   * regeneration: store it. Not retried where the server may have acted (see the README's retry table).
   * @example const { signingSecret } = await client.createIntegration('PROJECT_ID', { webhookUrl: 'https://panel.example.com/jelou', authType: 'bearer', authorization: token });
   */
  createIntegration(
    projectId: string,
    integration: IntegrationCreate,
    requestOptions?: RequestOptions,
  ): OperationPromise<'createIntegration', CreatedIntegration>;
  /**
   * Deletes the project's integration (irreversible). A retry that meets 404 after an attempt that may have reached
   * the server resolves as deleted; `withResponse()` then says `inferred: 'deleted-by-earlier-attempt'`.
   * @example await client.deleteIntegration('PROJECT_ID');
   */
  deleteIntegration(
    projectId: string,
    requestOptions?: RequestOptions,
  ): OperationPromise<'deleteIntegration', DeletedIntegration>;
  /**
   * Issues a new signing secret; the old one stops working at once. See `rotateSigningSecret` to store it safely.
   * @example const { signingSecret: next } = await client.regenerateSigningSecret('PROJECT_ID');
   */
  regenerateSigningSecret(
    projectId: string,
    requestOptions?: RequestOptions,
  ): OperationPromise<'regenerateSigningSecret', RegeneratedSecret>;
  /**
   * Starts a conversation of a bot with a user, handed to your panel (Jelou emits `conversation.start`).
   * @example await client.startConversation('PROJECT_ID', { botId: 'BOT_ID', userId: 'USER_ID', assignment: { type: 'queue', target: 'SUPPORT' } });
   */
  startConversation(
    projectId: string,
    conversation: StartConversationInput,
    requestOptions?: RequestOptions,
  ): OperationPromise<'startConversation', ConversationStarted>;
  /**
   * Closes the active conversation of a bot and a user (Jelou emits `conversation.close`).
   * @example await client.closeConversation('PROJECT_ID', { botId: 'BOT_ID', userId: 'USER_ID', redirectPayload: { type: 'text', text: 'Thanks!' } });
   */
  closeConversation(
    projectId: string,
    conversation: CloseConversationInput,
    requestOptions?: RequestOptions,
  ): OperationPromise<'closeConversation', ConversationClosed>;
  /**
   * Reads one conversation (its `roomId` is where `sendMessage` answers).
   * @example const conversation = await client.getConversation('PROJECT_ID', 'CONVERSATION_ID');
   */
  getConversation(
    projectId: string,
    conversationId: string,
    requestOptions?: RequestOptions,
  ): OperationPromise<'getConversation', Conversation>;
  /**
   * Sends your agent's message to the end user, on the messages host, signed with the signing secret (never with
   * the gateway credentials). Resolves with the `id` (`value.id`) it was sent with.
   * @example const sent = await client.sendMessage('PROJECT_ID', { roomId: 'ROOM_ID', botId: 'BOT_ID', userId: 'USER_ID', message: { type: 'text', body: 'Hello from the agent' } });
   */
  sendMessage(
    projectId: string,
    input: SendMessageInput,
    requestOptions?: RequestOptions,
  ): OperationPromise<'sendMessage', MessageSent>;
  /** The underlying openapi-fetch client, typed with the spec's paths; it sends auth, retries and times out. */
  readonly raw: Client<Paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** The base URL of the messages host, where `sendMessage` goes. */
  readonly messagesBaseUrl: string;
}

function defaultHeaders(): HeadersOption {
  // Browsers refuse to let a script set User-Agent; everywhere else it identifies the SDK to the API.
  return typeof (globalThis as { document?: unknown }).document !== 'undefined'
    ? { accept: 'application/json' }
    : { accept: 'application/json', 'user-agent': `jelou-external-support/${VERSION}` };
}

function resolveFetch(option: unknown): Sender {
  if (option !== undefined && typeof option !== 'function') throw new ValidationError('fetch', 'must be a function');
  if (option === undefined && typeof globalThis.fetch !== 'function') {
    throw new ValidationError('fetch', 'this runtime has no global fetch: pass one in the fetch option');
  }
  return requestSender(option as FetchLike | undefined);
}

/**
 * Creates a client. With no `auth`, credentials come from `JELOU_API_KEY`, or `JELOU_CLIENT_ID` and
 * `JELOU_CLIENT_SECRET`; with none, it throws a `ValidationError` at once.
 * @example
 * const client = createExternalSupportClient({ auth: { apiKey: process.env.JELOU_API_KEY! } });
 * const integration = await client.getIntegration('PROJECT_ID');
 */
export function createExternalSupportClient(options: ClientOptions = {}): ExternalSupportClient {
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'must be an object');
  const defaults = resolveClientDefaults(options);
  const env = options.env ?? runtimeEnv();
  // The client's credentials, in one place: auth values, the Basic token, sensitive headers, the signing secret.
  // Register any other credential here with `secrets.add(value)`; a call adds its own in `context.secrets`.
  const secrets = new KnownSecrets().headers(defaults.headers);
  const signing = createSigningSecretProvider(options.signingSecret, env);
  secrets.add(...(signing?.secrets() ?? []));
  let auth: ReturnType<typeof createAuthProvider> | undefined;
  let noCredentials: string | undefined;
  try {
    auth = createAuthProvider(options.auth, env, secrets);
  } catch (error) {
    // A client made with only a signing secret can send messages; its gateway calls reject, naming `auth`.
    if (options.auth !== undefined || signing === undefined || !(error instanceof ValidationError)) throw error;
    noCredentials = `${error.message.replace(/^auth:? ?/, '')} (this client has only a signing secret)`;
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.JELOU_BASE_URL ?? DEFAULT_BASE_URL, options.allowInsecureHttp);
  const messagesBaseUrl = checkBaseUrl(
    options.messagesBaseUrl ?? env.JELOU_MESSAGES_BASE_URL ?? DEFAULT_MESSAGES_BASE_URL,
    options.allowInsecureHttp,
    'messagesBaseUrl',
  );
  const fetch = resolveFetch(options.fetch);
  const context: ExecuteContext = {
    baseUrls: { gateway: baseUrl, messages: messagesBaseUrl },
    fetch,
    credentials: auth === undefined ? undefined : () => (auth as NonNullable<typeof auth>).headers(),
    ...(noCredentials === undefined ? {} : { noCredentials }),
    signingSecret: signing === undefined ? undefined : () => signing.resolve(),
    // Rotated signing secrets are known once resolved: `signing.secrets()` is read at each error.
    secrets: (requestOptions) =>
      new KnownSecrets(secrets)
        .headers(requestOptions?.headers)
        .seen(...(signing?.secrets() ?? []))
        .list(),
    defaults,
    headers: headersToSend(defaultHeaders(), defaults.headers),
    call: { ...defaults, signal: undefined },
  };
  const call = <T, E>(
    operationId: OperationId,
    params: readonly unknown[],
    body: unknown,
    requestOptions: RequestOptions | undefined,
  ): ApiPromise<T, CallResult<T, E>> =>
    new ApiPromise(
      execute(context, OPERATIONS[operationId], INPUT_RULES[operationId], params, body, requestOptions) as Promise<
        CallResult<T, E>
      >,
    );

  let raw: Client<Paths> | undefined;
  const client: ExternalSupportClient = {
    baseUrl,
    messagesBaseUrl,
    // Built on first use: most programs never touch it.
    get raw() {
      return (raw ??= createRawClient<Paths>(context, baseUrl));
    },
    getIntegration: (projectId, requestOptions) => call('getIntegration', [projectId], undefined, requestOptions),
    updateIntegration: (projectId, changes, requestOptions) =>
      call('updateIntegration', [projectId], changes, requestOptions),
    createIntegration: (projectId, integration, requestOptions) =>
      call('createIntegration', [projectId], integration, requestOptions),
    deleteIntegration: (projectId, requestOptions) => call('deleteIntegration', [projectId], undefined, requestOptions),
    regenerateSigningSecret: (projectId, requestOptions) =>
      call('regenerateSigningSecret', [projectId], undefined, requestOptions),
    startConversation: (projectId, conversation, requestOptions) =>
      call('startConversation', [projectId], conversation, requestOptions),
    closeConversation: (projectId, conversation, requestOptions) =>
      call('closeConversation', [projectId], conversation, requestOptions),
    getConversation: (projectId, conversationId, requestOptions) =>
      call('getConversation', [projectId, conversationId], undefined, requestOptions),
    // The projectId goes in the body (`project_id`): the input rule builds it from the leading arguments.
    sendMessage: (projectId, input, requestOptions) => call('sendMessage', [projectId], input, requestOptions),
  };
  // For rotateSigningSecret's `previous`: hidden, so the secret never shows in a log of the client.
  defineHidden(client, CURRENT_SIGNING_SECRET, () => signing?.resolve());
  return client;
}

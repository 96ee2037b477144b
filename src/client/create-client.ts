// createExternalSupportClient: options, credentials and fetch resolved once; every method is one line over the
// generic `execute` and the operation table generated from the spec.
import type { Client } from 'openapi-fetch';
import { ApiPromise } from './api-promise.js';
import { createAuthProvider } from './auth.js';
import { checkBaseUrl } from './base-url.js';
import { execute, type CallResult, type ExecuteContext } from './execute.js';
import { headerSecrets, KnownSecrets } from '../errors/redact.js';
import { ValidationError } from '../errors/validation-error.js';
import { operationTable } from '../spec/operations.js';
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
  type RequestOptions,
} from './options.js';
import { createRawClient } from './raw-client.js';
import { requestSender } from './transport.js';
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
  // Register any other credential here with `secrets.add(value)`; a call adds its headers' in `context.secrets`.
  const secrets = new KnownSecrets().add(...headerSecrets(defaults.headers));
  const signingSecret = createSigningSecretProvider(options.signingSecret, env, secrets);
  let credentials: ExecuteContext['credentials'];
  let noCredentials: string | undefined;
  try {
    credentials = createAuthProvider(options.auth, env, secrets).headers;
  } catch (error) {
    // A client made with only a signing secret can send messages; its gateway calls reject, naming `auth`.
    if (options.auth !== undefined || !signingSecret || !(error instanceof ValidationError)) throw error;
    noCredentials = `${error.problem} (this client has only a signing secret)`;
  }
  const { fetch, allowInsecureHttp } = options;
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.JELOU_BASE_URL ?? DEFAULT_BASE_URL, allowInsecureHttp);
  const messagesBaseUrl = checkBaseUrl(
    options.messagesBaseUrl ?? env.JELOU_MESSAGES_BASE_URL ?? DEFAULT_MESSAGES_BASE_URL,
    allowInsecureHttp,
    'messagesBaseUrl',
  );
  if (fetch !== undefined && typeof fetch !== 'function') throw new ValidationError('fetch', 'must be a function');
  if (fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new ValidationError('fetch', 'this runtime has no global fetch: pass one in the fetch option');
  }
  const context: ExecuteContext = {
    baseUrls: { gateway: baseUrl, messages: messagesBaseUrl },
    fetch: requestSender(fetch),
    credentials,
    ...(noCredentials === undefined ? {} : { noCredentials }),
    signingSecret,
    secrets: (requestOptions) => [...secrets.list(), ...headerSecrets(requestOptions?.headers)],
    defaults,
    // Browsers refuse to let a script set User-Agent; everywhere else it identifies the SDK to the API.
    headers: headersToSend(
      { accept: 'application/json' },
      'document' in globalThis ? {} : { 'user-agent': `jelou-external-support/${VERSION}` },
      defaults.headers,
    ),
    call: { ...defaults, signal: undefined },
  };
  let raw: Client<Paths> | undefined;
  const client = {
    baseUrl,
    messagesBaseUrl,
    // Built on first use: most programs never touch it.
    get raw() {
      return (raw ??= createRawClient<Paths>(context, baseUrl));
    },
  } as Record<string, unknown>;
  // One method per operation of the table: its path parameters first (at least the project id: sendMessage's goes
  // in its body, built by its input rule), then its body when it takes one, then the request options.
  for (const [operationId, operation] of Object.entries(operationTable())) {
    const leading = operation.pathParams.length || 1;
    const rule = INPUT_RULES[operationId as OperationId];
    client[operationId] = (...args: unknown[]) => {
      const body = operation.body === undefined ? undefined : args[leading];
      const requestOptions = args[operation.body === undefined ? leading : leading + 1] as RequestOptions | undefined;
      return new ApiPromise(execute(context, operation, rule, args.slice(0, leading), body, requestOptions));
    };
  }
  // For rotateSigningSecret's `previous`: hidden, so the secret never shows in a log of the client.
  defineHidden(client, CURRENT_SIGNING_SECRET, signingSecret);
  return client as unknown as ExternalSupportClient;
}

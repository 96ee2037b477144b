// The real client from src/, pointed at Prism, with a fetch that remembers what was sent.
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createExternalSupportClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type ClientOptions,
  type ExternalSupportClient,
  type CallResult,
  type IntegrationChanges,
  type RequestOptions,
  type SendMessageInput,
} from '../../../src/index';
import { loadSpec, operationsOf, type OperationEntry } from '../../support/spec';
import { prismUrl } from './prism-url';

/** The operations of the spec under test. */
export const SPEC_OPERATIONS: OperationEntry[] = operationsOf(loadSpec());

/** The spec entry of one operation. */
export function operationEntry(operationId: string): OperationEntry {
  const entry = SPEC_OPERATIONS.find((e) => e.operation.operationId === operationId);
  if (!entry) throw new Error(`${operationId} is not in the spec`);
  return entry;
}

/** The class the client must throw for each documented error status. */
export function errorClassFor(status: number): typeof ApiError {
  const classes: Record<number, typeof ApiError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
  };
  return classes[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** A client on the mock plus the requests it sent (as the fetch saw them, after auth was applied). */
export interface ContractClient {
  client: ExternalSupportClient;
  sent: Request[];
}

/** The client from src/ against the Prism mock; `strip` removes headers just before sending (e.g. credentials). */
export function contractClient(options: ClientOptions & { strip?: string[] } = {}): ContractClient {
  const sent: Request[] = [];
  const { strip = [], ...clientOptions } = options;
  const client = createExternalSupportClient({
    auth: { apiKey: 'contract-test-key' },
    signingSecret: CONTRACT_SIGNING_SECRET,
    baseUrl: prismUrl(),
    // Prism serves every path on one origin; the client still routes sendMessage by its own base URL.
    messagesBaseUrl: prismUrl(),
    maxRetries: 0,
    env: {},
    ...clientOptions,
    fetch: (request) => {
      for (const name of strip) request.headers.delete(name);
      sent.push(request.clone());
      return fetch(request);
    },
  });
  return { client, sent };
}

/** The first documented request body of an operation (what a call sends in these tests). */
export function exampleBody(operationId: string): Record<string, unknown> | undefined {
  const examples = operationEntry(operationId).operation.requestBody?.content['application/json']?.examples ?? {};
  return Object.values(examples)[0]?.value as Record<string, unknown> | undefined;
}

/** The first documented request body of updateIntegration (kept for the live tests). */
export function exampleChanges(operationId: string): IntegrationChanges {
  return (exampleBody(operationId) ?? { webhookUrl: 'https://my-system.com/webhook/jelou-v2' }) as IntegrationChanges;
}

/** The signing secret the contract clients sign `sendMessage` with (Prism checks presence; the tests the HMAC). */
export const CONTRACT_SIGNING_SECRET = 'contract-signing-secret';

/** The agent message the contract sends: the send page's text example, in the client's camelCase. */
export const CONTRACT_MESSAGE: SendMessageInput = {
  roomId: 'ROOM_ID',
  botId: 'BOT_ID',
  userId: 'USER_ID',
  message: { type: 'text', body: 'Hello from the agent' },
};

/** Any successful call's result, whatever the operation. */
export type AnyResult = CallResult<unknown, unknown>;

/** Calls one operation through the client, the way a user would, with the spec's first request example. */
export function callOperation(
  client: ExternalSupportClient,
  operationId: string,
  projectId: string,
  options?: RequestOptions,
): Promise<AnyResult> {
  const body = exampleBody(operationId) as never;
  switch (operationId) {
    case 'getIntegration':
      return client.getIntegration(projectId, options).withResponse();
    case 'updateIntegration':
      return client.updateIntegration(projectId, exampleChanges(operationId), options).withResponse();
    case 'createIntegration':
      return client.createIntegration(projectId, body, options).withResponse();
    case 'deleteIntegration':
      return client.deleteIntegration(projectId, options).withResponse();
    case 'regenerateSigningSecret':
      return client.regenerateSigningSecret(projectId, options).withResponse();
    case 'startConversation':
      return client.startConversation(projectId, body, options).withResponse();
    case 'closeConversation':
      return client.closeConversation(projectId, body, options).withResponse();
    case 'getConversation':
      return client.getConversation(projectId, 'CONVERSATION_ID', options).withResponse();
    case 'sendMessage':
      return client.sendMessage(projectId, CONTRACT_MESSAGE, options).withResponse();
    default:
      throw new Error(
        `No contract call for ${operationId}: add it here and a tests/contract/mock/${operationId}.test.ts`,
      );
  }
}

/** Short text of an outcome for the report's `got` column. */
export function describeOutcome(outcome: unknown): string {
  if (outcome instanceof Error) {
    const status = (outcome as { status?: number }).status;
    return `${outcome.name}${status === undefined ? '' : ` (${status})`}: ${outcome.message.slice(0, 120)}`;
  }
  const result = outcome as AnyResult;
  return `${result.response.status} ${result.shape}`;
}

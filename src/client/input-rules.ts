// The hand-written rows of the operation table: only what the spec cannot say (friendlier input checks, secrets
// inside bodies, the body sendMessage builds, what a retry's 404 means).
import { ValidationError } from '../errors/validation-error.js';
import type { IntegrationChanges, MessageEvent, OperationId } from '../spec/types.js';
import type { InputRule } from './execute.js';
import { toMessageEvent } from './outgoing-message.js';
import { validateChanges } from './validate-input.js';
import { validateClose, validateStart } from './validate-conversation.js';

// The webhook credential is a secret too: a server may echo the body in its error.
const webhookCredential = (body: unknown): (string | undefined)[] => [
  (body as IntegrationChanges | undefined)?.authorization,
];

/** Checks `createIntegration`'s body: as an update's, with `webhookUrl` required. */
export function validateCreate(body: unknown): IntegrationChanges {
  if (typeof body === 'object' && body !== null && (body as IntegrationChanges).webhookUrl === undefined) {
    throw new ValidationError('webhookUrl', 'is required');
  }
  return validateChanges(body);
}

// crypto.randomUUID: in Node 19+, every browser (secure contexts), Deno, Bun and Workers.
const newMessageId = (): string => crypto.randomUUID();

/** The rows, by operationId; an operation without one needs nothing the spec cannot say. */
export const INPUT_RULES: Partial<Record<OperationId, InputRule>> = {
  createIntegration: { body: validateCreate, secrets: webhookCredential },
  updateIntegration: { body: validateChanges, secrets: webhookCredential },
  deleteIntegration: { doneWhen404AfterRetry: true },
  startConversation: { body: validateStart },
  closeConversation: { body: validateClose },
  sendMessage: {
    body: (input, params) => toMessageEvent(params[0], input, newMessageId),
    result: (data, sent) => ({ ...(data as object), id: (sent as MessageEvent).value.id }),
  },
};

// The hand-written rows of the operation table: only what the spec cannot say (a public webhook host, control
// characters, ids that are only whitespace, secrets inside bodies, the body sendMessage builds, what a retry's 404
// means). Everything the spec says (required fields, enums, types, unknown keys) is checked by its schema after.
import { ValidationError } from '../errors/validation-error.js';
import type { IntegrationChanges, MessageEvent, OperationId } from '../spec/types.js';
import type { InputRule } from './execute.js';
import { toMessageEvent } from './outgoing-message.js';
import { checkIntegrationFields } from './validate-input.js';

// The webhook credential is a secret too: a server may echo the body in its error.
const webhookCredential = (body: unknown): (string | undefined)[] => [
  (body as IntegrationChanges | undefined)?.authorization,
];

/**
 * Refuses the strings at these dotted paths of a conversation body when they are only whitespace (the schema's
 * `minLength` counts a space); the body itself is sent as given.
 */
const notBlank =
  (...paths: string[]) =>
  (body: unknown): unknown => {
    for (const path of paths) {
      const value: unknown = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], body);
      if (typeof value === 'string' && value.trim() === '') {
        throw new ValidationError(path, 'must not be empty or only whitespace');
      }
    }
    return body;
  };

// crypto.randomUUID: in Node 19+, every browser (secure contexts), Deno, Bun and Workers.
const newMessageId = (): string => crypto.randomUUID();

/** The rows, by operationId; an operation without one needs nothing the spec cannot say. */
export const INPUT_RULES: Partial<Record<OperationId, InputRule>> = {
  createIntegration: { body: checkIntegrationFields, secrets: webhookCredential },
  updateIntegration: { body: checkIntegrationFields, secrets: webhookCredential },
  deleteIntegration: { doneWhen404AfterRetry: true },
  startConversation: { body: notBlank('botId', 'userId', 'assignment.target') },
  closeConversation: { body: notBlank('botId', 'userId', 'redirectPayload.text') },
  sendMessage: {
    body: (input, params) => toMessageEvent(params[0], input, newMessageId),
    result: (data, sent) => ({ ...(data as object), id: (sent as MessageEvent).value.id }),
  },
};

// Friendlier checks of the conversation bodies, before the spec's schema: the ids non-empty, the enums named. The
// schema check that follows in `execute` catches the rest (unknown fields, types); values are never quoted.
import { ValidationError } from '../errors/validation-error.js';
import type { CloseConversationInput, StartConversationInput } from '../spec/types.js';

/** `assignment.type` values, in the spec's order. */
export const ASSIGNMENT_TYPES = ['queue', 'operator', 'team'] as const satisfies readonly NonNullable<
  StartConversationInput['assignment']
>['type'][];

/** `redirectPayload.type` values, in the spec's order. */
export const REDIRECT_TYPES = ['text', 'edge'] as const satisfies readonly NonNullable<
  CloseConversationInput['redirectPayload']
>['type'][];

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function id(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
}

function oneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (!allowed.includes(value as string)) throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
}

/** Checks `startConversation`'s body: `botId`, `userId`, and `assignment` when given. */
export function validateStart(body: unknown): unknown {
  const input = object(body, 'conversation');
  id(input.botId, 'botId');
  id(input.userId, 'userId');
  if (input.assignment !== undefined) {
    const assignment = object(input.assignment, 'assignment');
    oneOf(assignment.type, ASSIGNMENT_TYPES, 'assignment.type');
    id(assignment.target, 'assignment.target');
  }
  if (input.metadata !== undefined) object(input.metadata, 'metadata');
  return input;
}

/** Checks `closeConversation`'s body: `botId`, `userId`, and `redirectPayload` when given. */
export function validateClose(body: unknown): unknown {
  const input = object(body, 'conversation');
  id(input.botId, 'botId');
  id(input.userId, 'userId');
  if (input.redirectPayload !== undefined) {
    const payload = object(input.redirectPayload, 'redirectPayload');
    oneOf(payload.type, REDIRECT_TYPES, 'redirectPayload.type');
    if (payload.type === 'text' && (typeof payload.text !== 'string' || payload.text === '')) {
      throw new ValidationError('redirectPayload.text', 'must be a non-empty string when type is text');
    }
  }
  return input;
}

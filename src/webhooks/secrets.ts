import { inputError } from './errors.js';

/** One signing secret, or several (current first) during a rotation; empty entries are ignored. */
export type SecretInput = string | readonly (string | null | undefined)[];

/** The non-empty secrets, current first; throws a `WebhookInputError` (naming no value) when there is none. */
export function secretList(secret: SecretInput): string[] {
  const list = (typeof secret === 'string' ? [secret] : Array.isArray(secret) ? secret : []).filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (!list[0]) throw inputError('secret', 'must be a non-empty string or a list with one');
  return list;
}

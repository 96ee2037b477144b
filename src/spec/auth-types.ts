import type { AuthType } from './types.js';

/** Every `AuthType` of the spec, in the spec's order. */
export const AUTH_TYPES = ['bearer', 'api_key', 'basic', 'no_auth'] as const satisfies readonly AuthType[];

// `satisfies` above only proves the array holds no unknown member. This proves the converse: if the spec
// (and so the generated `AuthType`) gains a member that the array lacks, `MissingAuthTypes` is no longer
// `never` and the assignment below fails typecheck.
type MissingAuthTypes = Exclude<AuthType, (typeof AUTH_TYPES)[number]>;
const everyAuthTypeListed: [MissingAuthTypes] extends [never] ? true : MissingAuthTypes = true;
void everyAuthTypeListed;

/** The auth types with which Jelou sends a credential, so `authorization` must be given with them. */
export const AUTH_TYPES_NEEDING_CREDENTIAL = ['bearer', 'api_key', 'basic'] as const satisfies readonly AuthType[];

/** Whether `value` is one of the spec's `AuthType` strings. */
export function isAuthType(value: unknown): value is AuthType {
  return typeof value === 'string' && (AUTH_TYPES as readonly string[]).includes(value);
}

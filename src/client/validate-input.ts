// Checks the caller's arguments before any request is sent, so a mistake surfaces as a ValidationError naming
// the field rather than as a 400 from the API. Problems never quote the offending value: it may be a credential,
// or a webhook URL carrying a token in its query string, and error messages end up in logs.
import { AUTH_TYPES, AUTH_TYPES_NEEDING_CREDENTIAL, isAuthType } from '../spec/auth-types.js';
import { ValidationError } from '../errors/validation-error.js';
import { isPublicHost } from './public-host.js';
import type { IntegrationChanges } from '../spec/types.js';

const CHANGE_FIELDS = [
  'webhookUrl',
  'authType',
  'authorization',
] as const satisfies readonly (keyof IntegrationChanges)[];

/** True when the text has a C0 or C1 control character (U+0000–U+001F, U+007F–U+009F). */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\0-\x1f\x7f-\x9f]/.test(text);
}

/** True when the text has half of a UTF-16 surrogate pair alone (`'\ud800'`): encodeURIComponent throws on it. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

const LONE_SURROGATE = 'must not contain a lone surrogate';

/**
 * A request body as JSON, refused (a ValidationError naming `body`) when it cannot travel as the caller meant: a
 * lone surrogate in a string (JSON.stringify escapes it as `\udXXX`), a bigint or a cycle (JSON.stringify throws).
 */
export function toJsonBody(body: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(body);
  } catch {
    // Falls through to the error below.
  }
  if (json === undefined || /(?:^|[^\\])(?:\\\\)*\\ud[89a-f]/i.test(json)) {
    throw new ValidationError('body', 'cannot be sent as JSON');
  }
  return json;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks one path parameter (a project id, a conversation id...) and returns it unchanged.
 *
 * Any non-empty text without control characters is accepted, `/`, `?` and `#` included: the client
 * percent-encodes it into a single path segment.
 *
 * @throws {ValidationError} with `field` the parameter's name if it is not a string, is empty or only whitespace,
 *   contains control characters, or is `.` or `..`.
 * @example
 * validatePathParam('PROJECT_ID', 'projectId'); // 'PROJECT_ID'
 */
export function validatePathParam(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new ValidationError(name, 'must be a string');
  if (value.trim() === '') throw new ValidationError(name, 'must not be empty or only whitespace');
  if (hasControlCharacter(value)) throw new ValidationError(name, 'must not contain control characters');
  if (hasLoneSurrogate(value)) throw new ValidationError(name, LONE_SURROGATE);
  // URL parsers resolve a `.` or `..` segment (even percent-encoded) instead of sending it: `..` would reach
  // /v1/ rather than this project's integration.
  if (value === '.' || value === '..') {
    throw new ValidationError(name, 'cannot be "." or "..", which URLs treat as path navigation');
  }
  return value;
}

/** Checks a Jelou project id and returns it unchanged: {@link validatePathParam} named `projectId`. */
export function validateProjectId(projectId: unknown): string {
  return validatePathParam(projectId, 'projectId');
}

/**
 * Checks a webhook URL (any operation's `webhookUrl`) and returns it normalized (`URL.href`): an absolute `https:`
 * URL without user info whose host can be public (see `isPublicHost`).
 * @throws {ValidationError} with `field` `webhookUrl`, never quoting the value.
 */
export function validateWebhookUrl(value: unknown): string {
  if (typeof value !== 'string') throw new ValidationError('webhookUrl', 'must be a string holding an https: URL');
  if (/\s/.test(value) || hasControlCharacter(value)) {
    throw new ValidationError('webhookUrl', 'must not contain whitespace or control characters');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError('webhookUrl', 'must be an absolute https: URL');
  }
  if (url.protocol !== 'https:') throw new ValidationError('webhookUrl', 'must be an absolute https: URL');
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError('webhookUrl', 'must not contain user info');
  }
  if (!isPublicHost(url.hostname)) {
    throw new ValidationError(
      'webhookUrl',
      'must be a public HTTPS URL, because Jelou calls it from the internet; localhost and loopback, private, ' +
        'link-local and reserved IP addresses cannot be reached',
    );
  }
  // The normalized form, as parsed and checked: never the text as typed (`https://a.com\\@127.0.0.1/` is a.com).
  return url.href;
}

/**
 * Checks the changes for `updateIntegration` and returns a new object holding only the fields that are set.
 *
 * Keys whose value is `undefined` are dropped, as JSON would drop them. `authorization` is required with
 * `authType` `bearer`, `api_key` or `basic`; alone, it rotates the credential of the current auth type. The
 * caller's object is never changed.
 *
 * @throws {ValidationError} naming the field at fault (`changes` for the object as a whole, or an unknown key).
 * @example
 * validateChanges({ webhookUrl: 'https://my-system.com/webhook', authType: 'bearer', authorization: 'token' });
 */
export function validateChanges(changes: unknown): IntegrationChanges {
  if (!isPlainObject(changes)) throw new ValidationError('changes', 'must be a plain object');
  // Read each property once, so a getter cannot pass validation with one value and be sent with another.
  const fields: Record<string, unknown> = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  const keys = Object.keys(fields);
  for (const key of keys) {
    if (!(CHANGE_FIELDS as readonly string[]).includes(key)) {
      throw new ValidationError(
        key,
        'is not a field of IntegrationChanges (expected webhookUrl, authType or authorization)',
      );
    }
  }
  if (keys.length === 0) {
    throw new ValidationError('changes', 'must set at least one of webhookUrl, authType, authorization');
  }

  const result: IntegrationChanges = {};
  const { webhookUrl, authType, authorization } = fields;
  if (webhookUrl !== undefined) result.webhookUrl = validateWebhookUrl(webhookUrl);
  if (authType !== undefined) {
    if (!isAuthType(authType)) throw new ValidationError('authType', `must be one of ${AUTH_TYPES.join(', ')}`);
    result.authType = authType;
  }
  if (authorization !== undefined) {
    if (typeof authorization !== 'string' || authorization === '') {
      throw new ValidationError('authorization', 'must be a non-empty string');
    }
    if (hasControlCharacter(authorization)) {
      throw new ValidationError('authorization', 'must not contain control characters');
    }
    if (hasLoneSurrogate(authorization)) throw new ValidationError('authorization', LONE_SURROGATE);
    result.authorization = authorization;
  }
  if (
    result.authType !== undefined &&
    (AUTH_TYPES_NEEDING_CREDENTIAL as readonly string[]).includes(result.authType) &&
    result.authorization === undefined
  ) {
    throw new ValidationError('authorization', `is required when authType is ${result.authType}`);
  }
  return result;
}

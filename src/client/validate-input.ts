// Checks the caller's arguments before any request is sent, so a mistake surfaces as a ValidationError naming
// the field rather than as a 400 from the API. Problems never quote the offending value: it may be a credential,
// or a webhook URL carrying a token in its query string, and error messages end up in logs.
import { ValidationError } from '../errors/validation-error.js';
import { isPublicHost } from './public-host.js';
import type { SchemaIssue } from '../spec/check-schema.js';
import type { IntegrationChanges } from '../spec/types.js';

/** True when the text has a C0 or C1 control character (U+0000–U+001F, U+007F–U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const hasControlCharacter = (text: string): boolean => /[\0-\x1f\x7f-\x9f]/.test(text);

/** True when the text has half of a UTF-16 surrogate pair alone (`'\ud800'`): encodeURIComponent throws on it. */
// Any surrogate at all is rare in ids and keys: the exact (slower) test runs only when there is one.
export const hasLoneSurrogate = (text: string): boolean => /[\uD800-\uDFFF]/.test(text) && /\p{Cs}/u.test(text);

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
  const problem =
    typeof value !== 'string'
      ? 'must be a string'
      : value.trim() === ''
        ? 'must not be empty or only whitespace'
        : hasControlCharacter(value)
          ? 'must not contain control characters'
          : hasLoneSurrogate(value)
            ? 'must not contain a lone surrogate'
            : // URL parsers resolve a `.` or `..` segment (even percent-encoded) instead of sending it: `..` would
              // reach /v1/ rather than this project's integration.
              value === '.' || value === '..'
              ? 'cannot be "." or "..", which URLs treat as path navigation'
              : undefined;
  if (problem !== undefined) throw new ValidationError(name, problem);
  return value as string;
}

/** Checks a Jelou project id and returns it unchanged: {@link validatePathParam} named `projectId`. */
export const validateProjectId = (projectId: unknown): string => validatePathParam(projectId, 'projectId');

/**
 * Parses an absolute `https:` URL the caller gave (a webhook URL, a media URL); refused naming `field`, never
 * quoting the value (a signed URL carries its token in the query string).
 */
export function httpsUrl(value: unknown, field: string): URL {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string holding an https: URL');
  if (/\s/.test(value) || hasControlCharacter(value)) {
    throw new ValidationError(field, 'must not contain whitespace or control characters');
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Refused below.
  }
  if (url?.protocol !== 'https:') throw new ValidationError(field, 'must be an absolute https: URL');
  return url;
}

/**
 * Checks a webhook URL (any operation's `webhookUrl`) and returns it normalized (`URL.href`): an absolute `https:`
 * URL without user info whose host can be public (see `isPublicHost`).
 * @throws {ValidationError} with `field` `webhookUrl`, never quoting the value.
 */
export function validateWebhookUrl(value: unknown): string {
  const url = httpsUrl(value, 'webhookUrl');
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
 * The first issue the spec's check found in a request body, as a ValidationError naming the field in dotted form
 * (`assignment.type`; a missing property by its own name), or `root` for the body as a whole.
 */
export function bodyError({ path, message }: SchemaIssue, root: string): ValidationError {
  const missing = /required property '(.*)'$/.exec(message)?.[1];
  const at = missing === undefined ? path : `${path === '/' ? '' : path}/${missing}`;
  return new ValidationError(at.slice(1).replace(/\//g, '.') || root, missing === undefined ? message : 'is required');
}

/**
 * What the spec cannot say about an integration's fields (`createIntegration`, `updateIntegration`), before its
 * schema checks the rest (known keys, `authType`'s values, `authorization` required with a credential type): a
 * plain object, read once into a new object holding only the defined fields; `webhookUrl` public and normalized;
 * `authorization` free of control characters. The caller's object is never changed.
 * @throws {ValidationError} naming the field at fault (`changes` for the object as a whole).
 */
export function checkIntegrationFields(changes: unknown): IntegrationChanges {
  const proto: unknown = typeof changes === 'object' && changes !== null ? Object.getPrototypeOf(changes) : 0;
  if (proto !== Object.prototype && proto !== null) throw new ValidationError('changes', 'must be a plain object');
  // Read each property once, so a getter cannot pass validation with one value and be sent with another.
  const fields: Record<string, unknown> = Object.fromEntries(
    Object.entries(changes as object).filter(([, value]) => value !== undefined),
  );
  if (fields.webhookUrl !== undefined) fields.webhookUrl = validateWebhookUrl(fields.webhookUrl);
  const { authorization } = fields;
  if (typeof authorization === 'string' && (hasControlCharacter(authorization) || hasLoneSurrogate(authorization))) {
    throw new ValidationError('authorization', 'must not contain control characters or lone surrogates');
  }
  return fields;
}

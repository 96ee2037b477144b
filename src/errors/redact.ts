// Redaction of credentials from anything the SDK prints: headers, URLs and free text.

/** Header names (lower-case) whose values are always shown as `***`. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'x-jelou-signature',
]);

/** What a redacted value is replaced with. */
export const REDACTED = '***';

// Custom credential headers (`x-client-secret`, `x-auth-token`, `x-service-key`...) are caught by name, so a new
// one cannot leak because nobody added it to the list above.
const SENSITIVE_NAME_PARTS = ['secret', 'token', 'password', 'passwd', 'credential', 'signature', 'apikey', 'api_key'];

// A value in an authorization scheme (`Bearer abc`, `Basic abc`) is a credential whatever the header's name.
const AUTH_SCHEME_VALUE = /^\s*(?:bearer|basic|digest|token)\s+\S/i;

/** Whether a header's value must be hidden: a listed name, a name that looks like a credential, or an auth scheme. */
export function isSensitiveHeader(name: string, value = ''): boolean {
  const lower = name.toLowerCase();
  return (
    SENSITIVE_HEADERS.has(lower) ||
    lower.endsWith('-key') ||
    SENSITIVE_NAME_PARTS.some((part) => lower.includes(part)) ||
    AUTH_SCHEME_VALUE.test(value)
  );
}

/** Headers as a plain object with lower-case names and every sensitive value replaced by `***`. */
export function redactHeaders(
  headers: Headers | Record<string, string> | [string, string][] | undefined,
): Record<string, string> {
  if (!headers) return {};
  const entries: [string, string][] = [];
  if (Array.isArray(headers)) entries.push(...headers);
  else if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => entries.push([name, value]));
  } else entries.push(...Object.entries(headers as Record<string, string>));

  const redacted = new Map<string, string>();
  for (const [name, raw] of entries) {
    const lower = String(name).toLowerCase();
    const value = isSensitiveHeader(lower, String(raw)) ? REDACTED : String(raw);
    const previous = redacted.get(lower);
    redacted.set(lower, previous === undefined || value === REDACTED ? value : `${previous}, ${value}`);
  }
  // fromEntries defines own properties, so a header named `__proto__` cannot change the object's prototype.
  return Object.fromEntries(redacted);
}

/** Credentials this long are replaced wherever they appear; shorter ones only where they stand as a whole token. */
export const ANYWHERE_LENGTH = 8;

// A short credential counts as a whole token only between these (or the text's ends): spaces, quotes and the
// punctuation around values in headers, JSON and query strings, never letters, digits, `/`, `.` or `-`, so a
// 1-character key cannot turn `/v1/external-support/` into `/v1/***xt***rnal-support/`.
const BEFORE = '(?<=^|[\\s"\'`=:,;(\\[{<])';
const AFTER = '(?=$|[\\s"\'`,;)\\]}>&])';

/**
 * Replaces each secret in `text` with `***`: one of 8 characters or more wherever it appears, a shorter one only
 * as a whole token. Longer secrets first.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const ordered = [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) {
    result =
      secret.length >= ANYWHERE_LENGTH
        ? result.split(secret).join(REDACTED)
        : result.replace(new RegExp(BEFORE + secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + AFTER, 'g'), REDACTED);
  }
  return result;
}

/** A URL with its user-info and any credential-looking query parameters replaced by `***`; other text unchanged. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = REDACTED;
    parsed.password = '';
    changed = true;
  }
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSensitiveHeader(name) || name.toLowerCase() === 'key') {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

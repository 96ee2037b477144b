// Credentials out of everything the contract runner prints or writes.
// Redaction

/** Every form in which the credentials of `env` could appear: raw, trimmed, URL-encoded, and the Basic token. */
export function secretsOf(env) {
  const values = new Set();
  const add = (value) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    for (const form of [value, value.trim(), encodeURIComponent(value.trim())]) values.add(form);
  };
  add(env.JELOU_API_KEY);
  add(env.JELOU_CLIENT_SECRET);
  add(env.JELOU_SIGNING_SECRET);
  add(env.JELOU_WEBHOOK_AUTHORIZATION);
  const id = env.JELOU_CLIENT_ID;
  const secret = env.JELOU_CLIENT_SECRET;
  if (id && secret) {
    add(Buffer.from(`${id}:${secret}`).toString('base64'));
    add(Buffer.from(`${id.trim()}:${secret.trim()}`).toString('base64'));
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** A function that replaces every credential of `env` by `***` in a string. */
export function redactorFor(env) {
  const secrets = secretsOf(env);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), String(text));
}

/** A copy of a JSON-like value with every string redacted. */
export function redactDeep(value, redact) {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]));
}

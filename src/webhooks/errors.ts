/**
 * Why a delivery was refused:
 * - `missing_signature`: no `X-Jelou-Signature` header;
 * - `malformed_signature`: the header is not `sha256=` followed by 64 lower-case hex digits;
 * - `mismatch`: the HMAC matches none of the secrets;
 * - `missing_auth` / `bad_auth`: the auth header of the integration's `authType` is absent / wrong;
 * - `body_not_raw`: the body was already parsed into an object (a server set-up error: the message says the fix);
 * - `empty_body`: the body is empty;
 * - `invalid_json`: the body verified but is not a JSON object (raised by `verifyAndReceive` only).
 */
export type WebhookFailureReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'mismatch'
  | 'missing_auth'
  | 'bad_auth'
  | 'body_not_raw'
  | 'empty_body'
  | 'invalid_json';

/** How to keep the raw body, framework by framework: the message of every `body_not_raw` failure. */
export const RAW_BODY_HINT =
  "Verify the raw body: express.raw({ type: 'application/json' }), Fastify parseAs: 'buffer', Next.js request.text()";

/**
 * Marks an error with the brands the SDK's error classes recognize in `instanceof` (see src/errors/jelou-error.ts):
 * `err instanceof JelouError` (and `ValidationError`, when branded so) from the root entry holds, without this entry
 * importing the root's error machinery.
 */
function brand<E extends Error>(error: E, ...names: string[]): E {
  for (const name of names)
    Object.defineProperty(error, Symbol.for('jelou-external-support.error.' + name), { value: true });
  return error;
}

/**
 * Bad input to the webhooks entry (no usable secret, a non-raw body to sign): a `TypeError` that the root entry's
 * `instanceof ValidationError` and `instanceof JelouError` recognize, with `field` and `problem`; never the value.
 */
export type WebhookInputError = TypeError & { readonly field: string; readonly problem: string };

/** Builds a {@link WebhookInputError}, message `Invalid <field>: <problem>` as `ValidationError` words it. */
export const inputError = (field: string, problem: string): WebhookInputError =>
  brand(
    Object.assign(new TypeError(`Invalid ${field}: ${problem}`), { name: 'ValidationError', field, problem }),
    'JelouError',
    'ValidationError',
  );

/**
 * A delivery failed verification (or, for `invalid_json`, parsing); `reason` says why. Carries no secret, body or
 * header. `err instanceof JelouError` from the root entry holds (by the SDK's error brand): the class itself stays
 * free of the root's error machinery, to fit an edge function.
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  /** Creates the error for a reason; the message names the reason (and the fix, for `body_not_raw`). */
  constructor(
    /** Why the delivery was refused. */
    readonly reason: WebhookFailureReason,
  ) {
    super(reason === 'body_not_raw' ? RAW_BODY_HINT : 'Jelou webhook refused: ' + reason);
    brand(this, 'JelouError');
  }
}

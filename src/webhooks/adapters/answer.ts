// The answer to a delivery, shared by every adapter. Statuses follow the best receivers (octokit, Shopify):
// 2xx after the handlers, 401 for a bad signature or auth, 400 for a malformed delivery, 415 for a non-JSON
// body, 405/404 for method/path, 409 while the same delivery runs elsewhere, 500 on a handler error.
import { RAW_BODY_HINT, WebhookVerificationError } from '../errors.js';
import type { JelouWebhooks } from '../router.js';

/** Options shared by `toFetchHandler` and `toNodeHandler`. */
export interface AdapterOptions {
  /** Only this path is handled (others: 404, or `next()` in Node middleware). @default every path */
  readonly path?: string;
  /**
   * What to answer when a handler fails: `'error'` answers 500, so Jelou may deliver again (dedupe releases the
   * claim, so the retry runs); `'ack'` answers 200 for apps that queue events and retry themselves.
   * @default 'error'
   */
  readonly onHandlerError?: 'error' | 'ack';
  /** Answer 202 after this many milliseconds while the handlers go on. @default no limit */
  readonly timeoutMs?: number;
}

/** An answer: status and the JSON body (each adapter serializes it). */
export interface Answer {
  readonly status: number;
  readonly body: object;
}

const answer = (status: number, body: object): Answer => ({ status, body });
/** An error answer: `{ error, message? }`. */
export const failure = (status: number, error: string, message?: string): Answer => answer(status, { error, message });
const ok = (status: number, outcome: string) => answer(status, { ok: true, status: outcome });

/** 405/404/415 before reading the body, or undefined when the request may be a delivery. */
export function precheck(
  method: string | undefined,
  path: string | undefined,
  contentType: string | null | undefined,
  options: AdapterOptions,
): Answer | undefined {
  return options.path !== undefined && path !== options.path
    ? failure(404, 'not_found')
    : method !== 'POST'
      ? failure(405, 'method_not_allowed')
      : contentType && !/\bjson\b/i.test(contentType)
        ? failure(415, 'unsupported_media_type')
        : undefined;
}

/** Runs a delivery through the receiver and turns the outcome into an answer. */
export async function deliver(
  hooks: JelouWebhooks,
  body: unknown,
  headers: Parameters<JelouWebhooks['verifyAndReceive']>[0]['headers'],
  options: AdapterOptions,
): Promise<Answer> {
  const run = hooks.verifyAndReceive({ body, headers }).then(
    (result) => ok(result.status === 'in_progress' ? 409 : 200, result.status),
    (error: unknown) => {
      if (!(error instanceof WebhookVerificationError))
        return options.onHandlerError === 'ack' ? ok(200, 'handler_failed') : failure(500, 'handler_failed');
      const { reason } = error;
      return reason === 'body_not_raw'
        ? failure(500, reason, RAW_BODY_HINT)
        : failure(reason === 'empty_body' || reason === 'invalid_json' ? 400 : 401, reason);
    },
  );
  if (options.timeoutMs === undefined) return run;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve(ok(202, 'processing')), options.timeoutMs);
  });
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}

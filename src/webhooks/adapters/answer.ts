// The answer to a delivery, shared by every adapter. Statuses follow the best receivers (octokit, Shopify):
// 2xx after the handlers, 401 for a bad signature or auth, 400 for a malformed delivery, 415 for a non-JSON
// body, 405/404 for method/path, 409 while the same delivery runs elsewhere, 500 on a handler error.
import { WebhookVerificationError } from '../errors.js';
import type { HeadersLike } from '../headers.js';
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

/** An answer: the status and the JSON body (each adapter serializes it). */
export type Answer = [status: number, body: object];

/** An error answer: `{ error, message? }`. */
export const failure = (status: number, error: string, message?: string): Answer => [status, { error, message }];
const ok = (status: number, outcome: string): Answer => [status, { ok: true, status: outcome }];

/** 405/404/415 before reading the body, or undefined when the request may be a delivery. */
export const precheck = (
  method: string | undefined,
  path: string | undefined,
  contentType: string | null | undefined,
  options: AdapterOptions,
): Answer | undefined =>
  options.path !== undefined && path !== options.path
    ? failure(404, 'not_found')
    : method !== 'POST'
      ? failure(405, 'method_not_allowed')
      : contentType && !/\bjson\b/i.test(contentType)
        ? failure(415, 'unsupported_media_type')
        : undefined;

/** Runs a delivery through the receiver and turns the outcome into an answer (202 first, after `timeoutMs`). */
export const deliver = (
  hooks: JelouWebhooks,
  body: string | Uint8Array,
  headers: HeadersLike,
  { onHandlerError, timeoutMs }: AdapterOptions,
): Promise<Answer> =>
  new Promise((resolve) => {
    const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs, ok(202, 'processing'));
    hooks
      .verifyAndReceive({ body, headers })
      .then(
        ({ status }) => ok(status === 'in_progress' ? 409 : 200, status),
        (error: unknown) =>
          // Adapters hand over raw bytes, so body_not_raw never comes back from here (the Node adapter answers it).
          error instanceof WebhookVerificationError
            ? failure(/^(empty_body|invalid_json)$/.test(error.reason) ? 400 : 401, error.reason)
            : onHandlerError === 'ack'
              ? ok(200, 'handler_failed')
              : failure(500, 'handler_failed'),
      )
      .then((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
  });

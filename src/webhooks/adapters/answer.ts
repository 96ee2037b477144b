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

/** An answer: status and JSON body text. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

const answer = (status: number, body: object): Answer => ({ status, body: JSON.stringify(body) });

const STATUS = { body_not_raw: 500, empty_body: 400, invalid_json: 400 } as Record<string, number>;

/** 405/404/415 before reading the body, or undefined when the request may be a delivery. */
export function precheck(
  method: string | undefined,
  path: string | undefined,
  contentType: string | null | undefined,
  options: AdapterOptions,
): Answer | undefined {
  if (options.path !== undefined && path !== options.path) return answer(404, { error: 'not_found' });
  if (method !== 'POST') return answer(405, { error: 'method_not_allowed' });
  if (contentType && !/\bjson\b/i.test(contentType)) return answer(415, { error: 'unsupported_media_type' });
  return undefined;
}

/** Runs a delivery through the receiver and turns the outcome into an answer. */
export async function deliver(
  hooks: JelouWebhooks,
  body: unknown,
  headers: Parameters<JelouWebhooks['verifyAndReceive']>[0]['headers'],
  options: AdapterOptions,
): Promise<Answer> {
  const run = hooks.verifyAndReceive({ body, headers }).then(
    (result) => answer(result.status === 'in_progress' ? 409 : 200, { ok: true, status: result.status }),
    (error: unknown) => {
      if (error instanceof WebhookVerificationError) {
        const status = STATUS[error.reason] ?? 401;
        return answer(
          status,
          status === 500 ? { error: error.reason, message: RAW_BODY_HINT } : { error: error.reason },
        );
      }
      return options.onHandlerError === 'ack'
        ? answer(200, { ok: true, status: 'handler_failed' })
        : answer(500, { error: 'handler_failed' });
    },
  );
  if (options.timeoutMs === undefined) return run;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve(answer(202, { ok: true, status: 'processing' })), options.timeoutMs);
  });
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}

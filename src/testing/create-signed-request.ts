import { expectedAuth, type WebhookAuth } from '../webhooks/auth.js';
import { signJelouPayload } from '../webhooks/index.js';

/** Options of `createSignedRequest`. */
export interface SignedRequestOptions {
  /** The signing secret to sign with. */
  readonly secret: string;
  /** The auth header to add, as the receiver's `auth` option describes it. */
  readonly auth?: WebhookAuth;
  /** Where the request goes. @default 'http://localhost/webhooks/jelou' */
  readonly url?: string;
  /** More headers (they win over the computed ones). */
  readonly headers?: Record<string, string>;
}

/**
 * A `Request` as Jelou would deliver `event`: the body is `JSON.stringify(event)` (or the string given), signed
 * with `X-Jelou-Signature`, with the auth header of `auth`. Feed it to `toFetchHandler(hooks)` or `fetch` it.
 * @example const response = await handler(await createSignedRequest(sampleEvent('message.text'), { secret }));
 */
export async function createSignedRequest(event: unknown, options: SignedRequestOptions): Promise<Request> {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-jelou-signature': await signJelouPayload(body, options.secret),
  };
  const auth = options.auth && expectedAuth(options.auth);
  if (auth?.[1][0] !== undefined) headers[auth[0]] = auth[1][0];
  return new Request(options.url ?? 'http://localhost/webhooks/jelou', {
    method: 'POST',
    body,
    headers: { ...headers, ...options.headers },
  });
}

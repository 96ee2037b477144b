// The one generic executor: every operation of the table goes through `execute`, with no per-operation branch.
// Path parameters are checked and encoded, the body checked (the hand-written input rule, then the spec's schema),
// the request sent by the transport, the response mapped to an ApiError or checked and normalized.
import type { ApiResult } from './api-promise.js';
import { ApiError } from '../errors/api-error.js';
import { parseBody } from '../errors/parse-body.js';
import { requestIdOf } from '../errors/request-id.js';
import type { RequestInfo } from '../errors/request-info.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { scrubError } from '../errors/redact.js';
import { ValidationError } from '../errors/validation-error.js';
import { normalize, type ResponseShape } from '../spec/normalize.js';
import type { SchemaIssue } from '../spec/check-schema.js';
import type { Operation, Server } from '../spec/operations.js';
import { signBody, type SigningSecretProvider } from './signing-secret.js';
import { headersToSend, mergeRequestOptions, type EffectiveOptions, type RequestOptions } from './options.js';
import { send, type Received, type Sender } from './transport.js';
import { bodyError, toJsonBody, validatePathParam } from './validate-input.js';

/** Everything known about one successful call, with the shape the body had. */
export interface CallResult<T, Envelope = Record<string, unknown>> extends ApiResult<T> {
  /** Which documented shape the server answered with. */
  shape: ResponseShape;
  /** The envelope's own fields (`message`, `statusMessage`, `status`), when the body was an envelope. */
  envelope: Envelope | undefined;
  /**
   * Set when the result was inferred rather than answered: `deleteIntegration` whose retry met 404 after an attempt
   * that may have reached the server resolves as deleted, and says so here (`response` is then that 404).
   */
  inferred?: 'deleted-by-earlier-attempt';
}

/** The hand-written part of an operation's row: what the generator cannot know. */
export interface InputRule {
  /**
   * Checks (and copies or builds) the body before the spec's schema does, with messages naming the field; it is
   * given the method's leading arguments too (sendMessage puts its `projectId` in the body).
   */
  readonly body?: (body: unknown, params: readonly unknown[]) => unknown;
  /** Values in the body that are secrets, scrubbed from any error (e.g. a webhook credential). */
  readonly secrets?: (body: unknown) => readonly (string | undefined)[];
  /** Adds to the normalized result what the request decided (sendMessage: the `value.id` sent). */
  readonly result?: (data: unknown, sent: unknown) => unknown;
  /** A 404 after an attempt that may have reached the server means done (deleteIntegration: it is gone). */
  readonly doneWhen404AfterRetry?: boolean;
}

/** What `execute` runs with: set once per client. */
export interface ExecuteContext {
  readonly baseUrls: Readonly<Record<Server, string>>;
  readonly fetch: Sender;
  /** The gateway credentials; undefined for a client made with only a signing secret. */
  readonly credentials: (() => Record<string, string> | Promise<Record<string, string>>) | undefined;
  /** Why there are no gateway credentials, said by a gateway call's `ValidationError`. */
  readonly noCredentials?: string;
  /** The signing secret of `sendMessage`, resolved once per call. */
  readonly signingSecret: SigningSecretProvider | undefined;
  /** Every secret to scrub from errors, the credentials' included. */
  readonly secrets: (requestOptions: RequestOptions | undefined) => string[];
  readonly defaults: Omit<EffectiveOptions, 'signal'>;
  /** The client's headers, merged and ready to send. */
  readonly headers: Record<string, string>;
  /** The per-call defaults, ready (no request options given). */
  readonly call: EffectiveOptions;
}

function encodePath(operation: Operation, params: readonly unknown[]): string {
  const { pathParams, pathParts } = operation;
  let path = pathParts[0] ?? '';
  for (let index = 0; index < pathParams.length; index++) {
    path +=
      encodeURIComponent(validatePathParam(params[index], pathParams[index] ?? '')) + (pathParts[index + 1] ?? '');
  }
  return path;
}

function checkBody(
  operation: Operation,
  rule: InputRule | undefined,
  given: unknown,
  params: readonly unknown[],
): unknown {
  if (operation.body === undefined) return undefined;
  if (given === undefined) {
    if (operation.bodyRequired) throw new ValidationError('body', 'is required');
    return undefined;
  }
  const body = rule?.body === undefined ? given : rule.body(given, params);
  const issues = operation.body(body);
  // The spec's own rules, after the friendlier hand-written ones: never quotes the value (it may be a secret).
  if (issues?.[0] !== undefined) throw bodyError(issues[0], 'body');
  return body;
}

// Anything but whitespace (the characters `trim()` removes), found without copying the body.
const NON_BLANK = /\S/;

// A 2xx body that matches no documented shape (`issues`), or cannot be read at all (`reason`).
function invalid(received: Received, body: unknown, issues: readonly SchemaIssue[], reason?: string): never {
  const { status, headers } = received.response;
  throw new ResponseValidationError({ ...received.request, status, headers, body, issues, reason });
}

// A 2xx response: parsed, checked against the spec when the status is documented, normalized.
function read(operation: Operation, received: Received): CallResult<unknown> {
  const { response, text } = received;
  const check = operation.responses[response.status];
  let body: unknown;
  if (!NON_BLANK.test(text)) {
    if (check !== undefined) invalid(received, text, [], 'the body is empty');
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      // Tolerant of a wrong content type when the body is JSON; the type is named when it is not.
      invalid(
        received,
        text,
        [],
        `the body is not JSON (content-type: ${response.headers.get('content-type') ?? 'none'})`,
      );
    }
  }
  const issues = check?.(body);
  if (issues !== undefined) invalid(received, body, issues);
  const { data, shape, envelope } = normalize(body, operation.envelope);
  return { data, shape, envelope, body, response, requestId: requestIdOf(response.headers) };
}

/** Runs one operation: checks its inputs, sends it, and reads the answer into a result or a typed error. */
export async function execute(
  context: ExecuteContext,
  operation: Operation,
  rule: InputRule | undefined,
  params: readonly unknown[],
  body: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<CallResult<unknown>> {
  let checked: string | undefined;
  try {
    const path = encodePath(operation, params);
    const sent = checkBody(operation, rule, body, params);
    // Serialized once: these bytes are signed, and every attempt sends them (same `value.id`, same signature).
    checked = sent === undefined ? undefined : toJsonBody(sent);
    const call = requestOptions === undefined ? context.call : mergeRequestOptions(context.defaults, requestOptions);
    if (operation.security === 'gateway' && context.credentials === undefined) {
      throw new ValidationError('auth', context.noCredentials ?? 'this client has no gateway credentials');
    }
    let headers =
      requestOptions?.headers === undefined ? context.headers : headersToSend(context.headers, call.headers);
    if (checked !== undefined) headers = { ...headers, 'content-type': 'application/json' };
    let credentials = operation.security === 'gateway' ? context.credentials : undefined;
    if (operation.security === 'signature') {
      const { signingSecret } = context;
      if (signingSecret === undefined) {
        throw new ValidationError(
          'signingSecret',
          `${operation.operationId} is signed with the integration's signing secret: pass signingSecret or set ` +
            'JELOU_SIGNING_SECRET',
        );
      }
      // Resolved inside the attempt, as credentials are (under its timeout and the caller's signal), and kept once
      // made: every retry sends the same bytes with the same signature.
      const body = checked ?? '';
      let signed: Record<string, string> | undefined;
      credentials = () =>
        signed ??
        signingSecret()
          .then((secret) => signBody(secret, body))
          .then((signature) => (signed = { 'x-jelou-signature': signature }));
    }
    const received = await send(
      {
        method: operation.method,
        url: context.baseUrls[operation.server] + path,
        path,
        headers,
        body: checked,
        idempotent: operation.idempotent,
      },
      {
        fetch: context.fetch,
        credentials,
        timeoutMs: call.timeoutMs,
        maxRetries: call.maxRetries,
        maxResponseBytes: call.maxResponseBytes,
        signal: call.signal,
      },
    );
    const { response } = received;
    if (response.status >= 200 && response.status < 300) {
      const result = read(operation, received);
      return rule?.result === undefined ? result : { ...result, data: rule.result(result.data, sent) };
    }
    if (response.status === 404 && rule?.doneWhen404AfterRetry === true && received.earlierMayHaveActed === true) {
      return {
        data: {},
        shape: 'flat',
        envelope: undefined,
        body: parseBody(received.text),
        response,
        requestId: requestIdOf(response.headers),
        inferred: 'deleted-by-earlier-attempt',
      };
    }
    throw ApiError.from({
      ...(received.request as RequestInfo),
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: parseBody(received.text),
    });
  } catch (error) {
    await context.signingSecret?.learn?.();
    const bodySecrets = checked === undefined || rule?.secrets === undefined ? [] : rule.secrets(body);
    scrubError(error, [
      ...context.secrets(requestOptions),
      ...bodySecrets.filter((value): value is string => typeof value === 'string'),
    ]);
    throw error;
  }
}

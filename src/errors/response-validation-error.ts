import type { SchemaIssue } from '../spec/check-schema.js';
import { defineHidden, JelouError } from './jelou-error.js';
import { assignRequest, attemptsSuffix, describeRequest, type RequestInfo } from './request-info.js';
import { requestIdOf } from './request-id.js';

/** How many schema issues the message lists before `…`. */
export const MAX_LISTED_ISSUES = 5;

/** What `ResponseValidationError` needs: the request, the response, and why its body was rejected. */
export interface ResponseValidationErrorInit extends RequestInfo {
  status: number;
  headers: Headers;
  body: unknown;
  issues: readonly SchemaIssue[];
  /** Said instead of the issues, e.g. `body is not JSON`. */
  reason?: string | undefined;
}

function describe(init: ResponseValidationErrorInit): string {
  if (init.reason !== undefined) return init.reason;
  const listed = init.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path} ${issue.message}`);
  if (init.issues.length > MAX_LISTED_ISSUES) listed.push('…');
  return listed.join('; ');
}

/** A successful response whose body matches none of the documented shapes. */
export class ResponseValidationError extends JelouError {
  static override readonly brand: string = 'ResponseValidationError';
  override readonly name = 'ResponseValidationError';
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers. Not enumerable. */
  declare readonly headers: Headers;
  /** The body that failed validation. Not enumerable, and never printed: it may hold webhook credentials. */
  declare readonly body: unknown;
  /** Every problem the validator found. */
  readonly issues: readonly SchemaIssue[];
  /** The server's request id, when the response has one. */
  readonly requestId: string | undefined;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error for a response whose body failed validation. */
  constructor(init: ResponseValidationErrorInit) {
    const details = describe(init);
    const summary =
      init.reason !== undefined && init.issues.length === 0
        ? `${init.status} response to ${describeRequest(init)} cannot be read`
        : `${init.status} response to ${describeRequest(init)} matches no documented shape`;
    super(`${details === '' ? summary : `${summary}: ${details}`}${attemptsSuffix(init)}`);
    this.status = init.status;
    defineHidden(this, 'headers', init.headers);
    defineHidden(this, 'body', init.body);
    this.issues = init.issues;
    this.requestId = requestIdOf(init.headers);
    assignRequest(this, init);
  }
}

import type { SchemaIssue } from '../spec/check-schema.js';
import { JelouError } from './jelou-error.js';
import {
  attemptsSuffix,
  describeRequest,
  setRequest,
  setResponse,
  type RequestInfo,
  type ResponseInfo,
} from './request-info.js';

/** How many schema issues the message lists before `…`. */
export const MAX_LISTED_ISSUES = 5;

/** What `ResponseValidationError` needs: the request, the response, and why its body was rejected. */
export interface ResponseValidationErrorInit extends RequestInfo, ResponseInfo {
  issues: readonly SchemaIssue[];
  /** Said instead of the issues, e.g. `body is not JSON`. */
  reason?: string | undefined;
}

/** A successful response whose body matches none of the documented shapes. */
export class ResponseValidationError extends JelouError {
  static override get brand(): string {
    return 'ResponseValidationError';
  }
  /** The HTTP status of the response. */
  declare readonly status: number;
  /** The response headers. Not enumerable; shown redacted. */
  declare readonly headers: Headers;
  /** The body that failed validation. Not enumerable, and never printed: it may hold webhook credentials. */
  declare readonly body: unknown;
  /** Every problem the validator found. */
  declare readonly issues: readonly SchemaIssue[];
  /** The server's request id, when the response has one. */
  declare readonly requestId: string | undefined;
  /** The HTTP method of the request. */
  declare readonly method: string;
  /** The URL requested, with any credentials in it replaced by `***`. */
  declare readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`. */
  declare readonly path: string;

  /** Creates the error for a response whose body failed validation. */
  constructor(init: ResponseValidationErrorInit) {
    const { reason, issues } = init;
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path} ${issue.message}`);
    if (issues.length > MAX_LISTED_ISSUES) listed.push('…');
    const details = reason ?? listed.join('; ');
    super(
      `${init.status} response to ${describeRequest(init)} ` +
        `${reason !== undefined && issues.length === 0 ? 'cannot be read' : 'matches no documented shape'}` +
        `${details === '' ? '' : `: ${details}`}${attemptsSuffix(init)}`,
    );
    setResponse(this, init);
    setRequest(this, init);
    Object.assign(this, { issues });
  }
}

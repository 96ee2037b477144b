// From what openapi-fetch returned to the normalized result, or to the error that says what went wrong.
import type { ApiResult } from './api-promise.js';
import { ApiError } from './errors/api-error.js';
import { requestIdOf } from './errors/request-id.js';
import type { RequestInfo } from './errors/request-info.js';
import { ResponseValidationError } from './errors/response-validation-error.js';
import { normalizeIntegration, type EnvelopeInfo, type Integration, type ResponseShape } from './normalize.js';
import { responseValidators, type OperationId } from './spec-types.js';

/** The result of `getIntegration`/`updateIntegration` with everything the response said. */
export interface IntegrationResult extends ApiResult<Integration> {
  /** Which documented shape the server answered with. */
  shape: ResponseShape;
  /** The envelope's `message`, `statusMessage` and `status`, when the body was an envelope. */
  envelope: EnvelopeInfo | undefined;
}

/** What openapi-fetch resolves to when asked to parse the body as text. */
export interface FetchOutcome {
  data?: string | undefined;
  error?: unknown;
  response: Response;
}

function parseJson(text: string | undefined, request: RequestInfo, response: Response): unknown {
  const fail = (reason: string): never => {
    throw new ResponseValidationError({
      ...request,
      status: response.status,
      headers: response.headers,
      body: text,
      issues: [],
      reason,
    });
  };
  if (text === undefined || text.trim() === '') return fail('the body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Tolerant of a wrong content type when the body is JSON; the type is named when it is not.
    return fail(`the body is not JSON (content-type: ${response.headers.get('content-type') ?? 'none'})`);
  }
}

/** Maps a non-2xx response to its ApiError, and a 2xx body to the normalized Integration after checking it. */
export function readIntegrationResponse(
  operationId: OperationId,
  request: RequestInfo,
  { data, error, response }: FetchOutcome,
): IntegrationResult {
  if (!response.ok) {
    throw ApiError.from({
      ...request,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      // openapi-fetch gives the parsed JSON, the raw text, or undefined for an empty body.
      body: error === '' ? undefined : error,
    });
  }
  const parsed = parseJson(data, request, response);
  const checked = responseValidators[operationId](parsed);
  if (!checked.ok) {
    throw new ResponseValidationError({
      ...request,
      status: response.status,
      headers: response.headers,
      body: parsed,
      issues: checked.issues,
    });
  }
  const { integration, shape, envelope } = normalizeIntegration(checked.value);
  return { data: integration, response, body: parsed, requestId: requestIdOf(response.headers), shape, envelope };
}

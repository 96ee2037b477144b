// Reason phrases for the statuses an SDK user meets, for responses that carry none (HTTP/2, or a `Response` made
// in code): `response.statusText` is used first. A short table on purpose: the full `http.STATUS_CODES` cost the
// root entry 0.7 kB gzip, and a status without a phrase still reads well (`507: POST https://…`).
// Copied from Node's `http.STATUS_CODES`, so the SDK needs no `node:http` (it runs on Workers and Deno too).
const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  418: "I'm a Teapot",
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The standard reason phrase of a common HTTP status (`404` → `'Not Found'`), or `undefined` for another one. */
export function reasonPhrase(status: number): string | undefined {
  return REASON_PHRASES[status];
}

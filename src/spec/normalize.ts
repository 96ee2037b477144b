// One generic normalization for every operation: the envelope's `data`, or the flat body, kept whole (a tolerant
// reader: properties the spec does not name pass through untouched).

/** Which documented shape a 2xx body had: a flat object, or the `{ message, statusMessage, status, data }` envelope. */
export type ResponseShape = 'flat' | 'envelope';

/** What normalization makes of a checked body. */
export interface Normalized {
  data: unknown;
  shape: ResponseShape;
  envelope: Record<string, unknown> | undefined;
}

/** Splits a checked 2xx body into its payload and, for an envelope, the envelope's own fields. */
export function normalize(body: unknown, mayBeEnvelope: boolean): Normalized {
  if (!mayBeEnvelope || typeof body !== 'object' || body === null || !('data' in body)) {
    return { data: body, shape: 'flat', envelope: undefined };
  }
  const { data, ...envelope } = body as Record<string, unknown>;
  return { data, shape: 'envelope', envelope };
}

// The raw body of a delivery: what the HMAC covers. Strings, Uint8Array (Node's Buffer is one) and ArrayBuffer
// are raw; anything else was parsed by a framework and cannot be verified reliably.

/** A raw request body: the exact bytes or text Jelou sent. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The body as a string or bytes, or undefined when it is not raw (an object, a number, null...). */
export const rawBody = (body: unknown): string | Uint8Array | undefined =>
  typeof body === 'string' || body instanceof Uint8Array
    ? body
    : body instanceof ArrayBuffer
      ? new Uint8Array(body)
      : undefined;

/** The body as text (UTF-8). */
export const bodyText = (body: string | Uint8Array): string =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

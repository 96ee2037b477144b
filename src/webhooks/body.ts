// The raw body of a delivery: what the HMAC covers. Strings, Uint8Array (Node's Buffer is one) and ArrayBuffer
// are raw; anything else was parsed by a framework and cannot be verified reliably.

/** A raw request body: the exact bytes or text Jelou sent. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The body as a string or bytes, or undefined when it is not raw (an object, a number, null...). */
export function rawBody(body: unknown): string | Uint8Array | undefined {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

/** The body as text (UTF-8). */
export const bodyText = (body: string | Uint8Array): string =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

// Reading a response body once, as text, under the client's size cap.
import type { RequestInfo } from '../errors/request-info.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';

// The body as text, at most `max` bytes: a declared Content-Length over the cap is refused before reading; a body
// without one is read chunk by chunk and dropped as soon as it passes the cap.
export async function readText(
  response: Response,
  max: number,
  request: () => RequestInfo & { status: number },
): Promise<string> {
  const tooLarge = (): never => {
    void response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError({ ...request(), maxResponseBytes: max });
  };
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > max) return tooLarge();
  if (response.body === null) return '';
  if (declared !== null) {
    const text = await response.text();
    // A string has at most as many UTF-16 units as its UTF-8 bytes: over the cap in units is over it in bytes.
    return text.length > max ? tooLarge() : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      void reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

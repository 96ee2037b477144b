/**
 * Whether two strings are equal, in time that depends only on the expected value's length: no early exit on the
 * first different character. Used for the HMAC (hex) and the auth header.
 */
export function safeEqual(actual: string, expected: string): boolean {
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (actual.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0;
}

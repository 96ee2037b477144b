/**
 * HMAC-SHA256 as each runtime provides it, as lower-case hex: `node:crypto` on Node (synchronous: one await less
 * per delivery), WebCrypto elsewhere (a promise). The verifier compares the hex in constant time (`safeEqual`).
 */
export type Hmac = (secret: string, data: string | Uint8Array) => string | Promise<string>;

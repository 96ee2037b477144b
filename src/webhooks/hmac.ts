/** HMAC-SHA256 as each runtime provides it: `node:crypto` on Node, WebCrypto elsewhere. Always async. */
export interface Hmac {
  /** The lower-case hex HMAC-SHA256 of `data` keyed with `secret`. */
  sign(secret: string, data: string | Uint8Array): Promise<string>;
  /**
   * Whether `hex` (64 characters; not yet checked to be hex digits) is the HMAC of `data` with `secret`,
   * compared in constant time.
   * Synchronous where the runtime allows (node:crypto): one await less per delivery.
   */
  verify(secret: string, data: string | Uint8Array, hex: string): boolean | Promise<boolean>;
}

/** The request an error is about: enough to name it in a message, never its headers or body. */
export interface RequestInfo {
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The full URL that was requested. */
  readonly url: string;
  /** The API path as sent, e.g. `/v1/external-support/abc`; used in messages. */
  readonly path: string;
}

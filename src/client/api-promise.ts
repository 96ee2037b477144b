// A promise of the normalized result that can also give the response it came from, without a second request.

/** Everything known about one successful call. */
export interface ApiResult<T> {
  /** The normalized value the promise resolves to. */
  data: T;
  /** The final HTTP response (status, headers); its body has already been read. */
  response: Response;
  /** The parsed body exactly as the server sent it. */
  body: unknown;
  /** The request id the server sent in a request-id header, if any. */
  requestId: string | undefined;
}

/**
 * Resolves to the normalized value like a plain promise; `.withResponse()` resolves to the whole {@link ApiResult}.
 * @example const { data, response, shape } = await client.getIntegration('PROJECT_ID').withResponse();
 */
export class ApiPromise<T, R extends ApiResult<T> = ApiResult<T>> extends Promise<T> {
  readonly #result: Promise<R>;

  /** Wraps a promise of the whole result. */
  constructor(result: Promise<R>) {
    // The executor's value is never read: then/catch/finally below go through #result.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
    // The caller may use only one of the two views: the other must not report an unhandled rejection.
    result.catch(() => undefined);
  }

  // Derived promises (from then/catch/finally) are plain Promises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The normalized value together with the response, the raw body and the request id. */
  withResponse(): Promise<R> {
    return this.#result;
  }

  /** The final HTTP response. */
  asResponse(): Promise<Response> {
    return this.#result.then((result) => result.response);
  }

  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then((result) => result.data).then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

/** Where a delivery stands in a dedupe store. */
export type ClaimState = 'claimed' | 'in_progress' | 'done';

/**
 * A dedupe store: `memoryStore()` for one process, `redisStore(client)` for several receivers, or your own.
 * States go claimed → done; a claim is released when a handler fails, so a redelivery runs again.
 */
export interface DedupeStore {
  /** Claims `key` for `ttlSeconds` when it is free (`claimed`); else says whether it is `in_progress` or `done`. */
  claim(key: string, ttlSeconds: number): Promise<ClaimState>;
  /** Marks `key` done for `ttlSeconds`: later deliveries with that key are duplicates. */
  complete(key: string, ttlSeconds: number): Promise<void>;
  /** Frees a claimed `key` after a failure. */
  release(key: string): Promise<void>;
}

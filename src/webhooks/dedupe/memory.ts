import type { ClaimState, DedupeStore } from './store.js';

/** Options of `memoryStore`. */
export interface MemoryStoreOptions {
  /** Most keys kept; the oldest go first. @default 10000 */
  readonly maxEntries?: number;
  /** The clock, in milliseconds (tests). @default Date.now */
  readonly now?: () => number;
}

/**
 * An in-process dedupe store, bounded and expiring. Enough for one receiver; use `redisStore` when several
 * processes receive the same webhook.
 * @example createJelouWebhooks({ secret, dedupe: { store: memoryStore() } })
 */
export function memoryStore({ maxEntries = 10_000, now = Date.now }: MemoryStoreOptions = {}): DedupeStore {
  const entries = new Map<string, { state: 'claimed' | 'done'; expires: number }>();
  const put = (key: string, state: 'claimed' | 'done', ttlSeconds: number) => {
    entries.delete(key); // re-inserting keeps the Map in expiry-ish order, so the oldest is first
    entries.set(key, { state, expires: now() + ttlSeconds * 1000 });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  };
  return {
    async claim(key, ttlSeconds): Promise<ClaimState> {
      const entry = entries.get(key);
      if (entry && entry.expires > now()) return entry.state === 'done' ? 'done' : 'in_progress';
      put(key, 'claimed', ttlSeconds);
      return 'claimed';
    },
    async complete(key, ttlSeconds) {
      put(key, 'done', ttlSeconds);
    },
    async release(key) {
      entries.delete(key);
    },
  };
}

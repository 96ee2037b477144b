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
  // key → [what a claim answers, expiry in ms]; re-inserting keeps the Map in expiry-ish order, so the oldest is first.
  const entries = new Map<string, [state: ClaimState, expires: number]>();
  const put = async (key: string, state: ClaimState, ttlSeconds: number) => {
    entries.delete(key);
    entries.set(key, [state, now() + ttlSeconds * 1000]);
    // One key is added at a time, so dropping the oldest one keeps the bound.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };
  return {
    async claim(key, ttlSeconds) {
      const [state, expires = 0] = entries.get(key) ?? [];
      return expires > now() ? (state as ClaimState) : (await put(key, 'in_progress', ttlSeconds), 'claimed');
    },
    complete: (key, ttlSeconds) => put(key, 'done', ttlSeconds),
    release: async (key) => {
      entries.delete(key);
    },
  };
}

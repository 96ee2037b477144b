import type { ClaimState, DedupeStore } from './store.js';

/** The few commands `redisStore` uses, as the official `redis` client (v4, v5) has them. */
export interface RedisLike {
  set(key: string, value: string, options: { NX?: boolean; EX: number }): Promise<unknown>;
  get(key: string): Promise<string | null | unknown>;
  del(key: string): Promise<unknown>;
}

/** Options of `redisStore`. */
export interface RedisStoreOptions {
  /** Prefix of every key. @default 'jelou:webhook:' */
  readonly prefix?: string;
}

/**
 * A dedupe store on Redis, shared by every receiver that uses the same server. Pass a connected client of the
 * official `redis` package (an optional peer dependency). A claim is `SET NX EX`, so two receivers never both
 * run one delivery.
 * @example redisStore(await createClient({ url: process.env.REDIS_URL }).connect())
 */
export function redisStore(client: RedisLike, { prefix = 'jelou:webhook:' }: RedisStoreOptions = {}): DedupeStore {
  return {
    async claim(key, ttlSeconds): Promise<ClaimState> {
      const k = prefix + key;
      // Twice: a claim released or expired between SET NX and GET is free again.
      for (let attempt = 0; attempt < 2; attempt++) {
        if ((await client.set(k, 'claimed', { NX: true, EX: ttlSeconds })) === 'OK') return 'claimed';
        const state = await client.get(k);
        if (state === 'done') return 'done';
        if (state === 'claimed') return 'in_progress';
      }
      return 'in_progress';
    },
    async complete(key, ttlSeconds) {
      await client.set(prefix + key, 'done', { EX: ttlSeconds });
    },
    async release(key) {
      await client.del(prefix + key);
    },
  };
}

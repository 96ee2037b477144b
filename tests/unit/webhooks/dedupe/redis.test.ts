// Against a real Redis (see tests/support/redis.ts): two receivers sharing one server dedupe each other.
import { connect, redisMissing, startRedis, type RedisClient } from '../../../support/redis';
import { createJelouWebhooks, redisStore, toFetchHandler } from '../../../../src/webhooks/node';
import { createSignedRequest, sampleEvent } from '../../../../src/testing/index';
import { SECRET } from '../../../support/webhooks';

const missing = redisMissing();
if (missing) console.warn(`Skipping the Redis dedupe tests: ${missing}`);
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
const clients: RedisClient[] = [];

beforeAll(async () => {
  if (!missing) redis = await startRedis();
}, 20_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
  await redis?.stop();
});

const client = async () => {
  if (!redis) throw new Error('Redis did not start');
  const c = await connect(redis.url);
  clients.push(c);
  return c;
};

(missing ? describe.skip : describe)('redisStore on a real redis-server', () => {
  it('claims with SET NX, reports in_progress and done, and frees a released claim', async () => {
    const c = await client();
    const store = redisStore(c, { prefix: `t${Date.now()}:` });
    expect(await store.claim('k', 60)).toBe('claimed');
    expect(await store.claim('k', 60)).toBe('in_progress');
    await store.release('k');
    expect(await store.claim('k', 60)).toBe('claimed');
    await store.complete('k', 60);
    expect(await store.claim('k', 60)).toBe('done');
  });

  it('expires claims and done keys with their TTL', async () => {
    const c = await client();
    const prefix = `ttl${Date.now()}:`;
    const store = redisStore(c, { prefix });
    await store.claim('k', 60);
    expect(await c.ttl(`${prefix}k`)).toBeGreaterThan(50);
    await store.complete('k', 7);
    expect(await c.ttl(`${prefix}k`)).toBeLessThanOrEqual(7);
  });

  it('holds across two receivers sharing one Redis: one runs the handler, the other answers duplicate', async () => {
    const [c1, c2] = [await client(), await client()];
    const prefix = `two${Date.now()}:`;
    const calls: string[] = [];
    const receiver = (name: string, c: RedisClient) =>
      toFetchHandler(
        createJelouWebhooks({ secret: SECRET, dedupe: { store: redisStore(c, { prefix }) } }).on('message.text', () => {
          calls.push(name);
        }),
      );
    const [a, b] = [receiver('a', c1), receiver('b', c2)];
    const event = sampleEvent('message.text', { value: { id: `redis-${Date.now()}` } });
    const first = await a(await createSignedRequest(event, { secret: SECRET }));
    const second = await b(await createSignedRequest(event, { secret: SECRET }));
    expect([first.status, await first.json()]).toEqual([200, { ok: true, status: 'handled' }]);
    expect([second.status, await second.json()]).toEqual([200, { ok: true, status: 'duplicate' }]);
    expect(calls).toEqual(['a']);

    // At once: exactly one of them runs a fresh event.
    const fresh = sampleEvent('message.text', { value: { id: `redis-race-${Date.now()}` } });
    const answers = await Promise.all(
      [a, b, a, b].map(async (h) => (await h(await createSignedRequest(fresh, { secret: SECRET }))).status),
    );
    expect(calls.length).toBe(2);
    expect(answers.filter((s) => s === 200).length + answers.filter((s) => s === 409).length).toBe(4);
  });
});

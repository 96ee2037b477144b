import { memoryStore } from '../../../../src/webhooks/index';

describe('memoryStore', () => {
  it('claims a key once, reports it in progress, then done, and forgets it after its TTL', async () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    expect(await store.claim('k', 60)).toBe('claimed');
    expect(await store.claim('k', 60)).toBe('in_progress');
    await store.complete('k', 10);
    expect(await store.claim('k', 60)).toBe('done');
    now = 10_001;
    expect(await store.claim('k', 60)).toBe('claimed');
  });

  it('frees a released claim, so a redelivery runs again', async () => {
    const store = memoryStore();
    expect(await store.claim('k', 60)).toBe('claimed');
    await store.release('k');
    expect(await store.claim('k', 60)).toBe('claimed');
  });

  it('expires a claim whose receiver never finished', async () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    await store.claim('k', 60);
    now = 60_001;
    expect(await store.claim('k', 60)).toBe('claimed');
  });

  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    const store = memoryStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await store.complete(key, 60);
    expect(await store.claim('a', 60)).toBe('claimed');
    expect(await store.claim('d', 60)).toBe('done');
  });
});

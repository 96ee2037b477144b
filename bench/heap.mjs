// Heap growth over 20,000 sequential calls that share one long-lived AbortSignal (a shutdown signal), and whether
// Node emitted MaxListenersExceededWarning (seen on process 'warning'; the runner passes --no-warnings so that
// thousands of them are not printed). Run with --expose-gc: a GC before and after the run only.
import { bareOpenapiFetch, thisClient } from './lib/contenders.mjs';
import { inMemoryFetch } from './lib/fixtures.mjs';
import { verdict } from './lib/stats.mjs';

export const CALLS = 20_000;
export const TARGET_BYTES = 1_000_000;

async function settle() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

async function growth(factory) {
  const controller = new AbortController();
  const warnings = [];
  const onWarning = (w) => warnings.push(w.name);
  process.on('warning', onWarning);
  const call = await factory({
    baseUrl: 'https://gateway.jelou.ai/jelouapi',
    fetch: inMemoryFetch,
    signal: controller.signal,
  });
  for (let i = 0; i < 500; i++) await call(); // warm-up: JIT and caches, before the baseline heap
  const before = await settle();
  for (let i = 0; i < CALLS; i++) await call();
  const after = await settle();
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  process.off('warning', onWarning);
  return {
    calls: CALLS,
    heapGrowthBytes: after - before,
    bytesPerCall: Number(((after - before) / CALLS).toFixed(1)),
    maxListenersWarning: warnings.includes('MaxListenersExceededWarning'),
    warnings,
  };
}

export default async function measure() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const ours = await growth(thisClient);
  const bare = await growth(bareOpenapiFetch);
  const met = ours.heapGrowthBytes < TARGET_BYTES && !ours.maxListenersWarning;
  const line = (name, r) =>
    `${name.padEnd(22)} heap ${(r.heapGrowthBytes / 1024).toFixed(0).padStart(7)} KiB over ${r.calls} calls (${r.bytesPerCall} B/call), MaxListenersExceededWarning: ${r.maxListenersWarning ? 'yes' : 'no'}`;
  return {
    figures: { thisClient: ours, openapiFetchAuth: bare, target: { bytes: TARGET_BYTES, noWarning: true, met } },
    summary: [
      line('this client', ours),
      line('openapi-fetch + auth', bare),
      `target this client < 1 MB and no warning → ${verdict(met)}`,
    ],
  };
}

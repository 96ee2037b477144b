// Statistics and the interleaving loop shared by the measurements. Ratios are computed per round (each round runs
// every contender once, in a rotated order), then summarized by median and min–max: never single absolute times.
import { cpuUsage } from 'node:process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{ median, min, max }` of a list, rounded to `digits`. */
export function spread(values, digits = 2) {
  const round = (x) => Number(x.toFixed(digits));
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

/** "1.23× (1.10–1.40)" */
export function formatRatio(s) {
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

/** Runs `task` `count` times with at most `concurrency` in flight. */
export async function runBatch(task, count, concurrency = 1) {
  if (concurrency === 1) {
    for (let i = 0; i < count; i++) await task();
    return;
  }
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * Interleaves contenders: each round runs a batch of every contender, the order rotated by one each round; the
 * first `warmup` rounds are discarded; no GC is forced between batches. Returns per contender the per-round wall
 * and client-CPU microseconds per operation, and per contender the ratio to `baseline`, round by round.
 * @param {{ contenders: Record<string, () => Promise<unknown>>, baseline: string, rounds: number, warmup: number,
 *   batch: number, concurrency?: number, expect?: (result: unknown) => boolean }} options
 */
export async function interleave({ contenders, baseline, rounds, warmup, batch, concurrency = 1, expect }) {
  const names = Object.keys(contenders);
  // Each contender must do the real work before it is timed: one call, its result checked.
  for (const name of names) {
    const result = await contenders[name]();
    if (expect && !expect(result)) throw new Error(`${name} returned an unexpected result: ${JSON.stringify(result)}`);
  }
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const cpuBefore = cpuUsage();
      const started = process.hrtime.bigint();
      await runBatch(contenders[name], batch, concurrency);
      const micros = Number(process.hrtime.bigint() - started) / 1000;
      const cpuSpent = cpuUsage(cpuBefore);
      if (round >= warmup) {
        wall[name].push(micros / batch);
        cpu[name].push((cpuSpent.user + cpuSpent.system) / batch);
      }
    }
  }
  const result = {};
  for (const name of names) {
    result[name] = {
      wallMicrosPerOp: spread(wall[name], 1),
      cpuMicrosPerOp: spread(cpu[name], 1),
      wallRatioToBaseline: spread(
        wall[name].map((w, i) => w / wall[baseline][i]),
        3,
      ),
      cpuRatioToBaseline: spread(
        cpu[name].map((c, i) => c / cpu[baseline][i]),
        3,
      ),
    };
  }
  return { baseline, rounds, warmup, batch, concurrency, contenders: result };
}

/** "pass"/"FAIL" beside a figure and its target. */
export function verdict(ok) {
  return ok ? 'pass' : 'FAIL';
}

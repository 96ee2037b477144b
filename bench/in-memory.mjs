// In-memory fetch: the client's own cost per call, with no network. This client's getIntegration vs bare
// openapi-fetch with an auth middleware vs a minimal hand-written wrapper, interleaved.
import { bareOpenapiFetch, handWritten, thisClient } from './lib/contenders.mjs';
import { FLAT, inMemoryFetch } from './lib/fixtures.mjs';
import { formatRatio, interleave, verdict } from './lib/stats.mjs';

export const TARGET_RATIO = 1.5;

export default async function measure() {
  const setup = { baseUrl: 'https://gateway.jelou.ai/jelouapi', fetch: inMemoryFetch };
  const contenders = {
    'this client': await thisClient(setup),
    'openapi-fetch + auth': await bareOpenapiFetch(setup),
    'hand-written wrapper': await handWritten(setup),
  };
  const run = await interleave({
    contenders,
    baseline: 'openapi-fetch + auth',
    expect: (r) => r?.id === FLAT.id,
    rounds: 30,
    warmup: 5,
    batch: 300,
  });
  const ours = run.contenders['this client'].wallRatioToBaseline;
  const summary = Object.entries(run.contenders).map(
    ([name, c]) =>
      `${name.padEnd(22)} ${String(c.wallMicrosPerOp.median).padStart(7)} µs/call   ${formatRatio(c.wallRatioToBaseline)} of openapi-fetch + auth`,
  );
  summary.push(
    `target this client ≤ ${TARGET_RATIO}× openapi-fetch + auth: median ${ours.median}× → ${verdict(ours.median <= TARGET_RATIO)}`,
  );
  return { figures: { ...run, target: { ratio: TARGET_RATIO, met: ours.median <= TARGET_RATIO } }, summary };
}

// Cold import(): each contender in a fresh Node process timing its own `await import(name)`, interleaved and
// rotated; the ratio is taken per round. This package's import includes openapi-fetch's, as a user's does.
import { execFileSync } from 'node:child_process';
import { formatRatio, spread, verdict } from './lib/stats.mjs';

export const TARGET_RATIO = 1.05;
const repoRoot = new URL('..', import.meta.url).pathname;
const PROBE = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;

function coldImportMs(specifier) {
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, specifier], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  );
}

export default async function measure() {
  const names = ['jelou-external-support', 'openapi-fetch'];
  const ms = { 'jelou-external-support': [], 'openapi-fetch': [] };
  const warmup = 2;
  const rounds = 40;
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    const got = Object.fromEntries(order.map((n) => [n, coldImportMs(n)]));
    if (round >= warmup) for (const n of names) ms[n].push(got[n]);
  }
  const ratio = spread(
    ms['jelou-external-support'].map((v, i) => v / ms['openapi-fetch'][i]),
    3,
  );
  const met = ratio.median <= TARGET_RATIO;
  return {
    figures: {
      rounds,
      ms: { thisPackage: spread(ms['jelou-external-support']), openapiFetch: spread(ms['openapi-fetch']) },
      ratioToOpenapiFetch: ratio,
      target: { ratio: TARGET_RATIO, met },
    },
    summary: [
      `import('jelou-external-support') ${spread(ms['jelou-external-support']).median} ms, import('openapi-fetch') ${spread(ms['openapi-fetch']).median} ms (medians, ${rounds} fresh processes each)`,
      `ratio ${formatRatio(ratio)}; target ≤ ${TARGET_RATIO}× → ${verdict(met)}`,
    ],
  };
}

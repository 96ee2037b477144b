// Wall time of `npm run contract` against the Prism mock, Prism's start included: median of 3 runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from './lib/stats.mjs';

const repoRoot = new URL('..', import.meta.url).pathname;

export default async function measure() {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'contract.mjs')], {
      cwd: repoRoot,
      stdio: 'ignore',
      env: { ...process.env, JELOU_CONTRACT_TARGET: '' },
    });
    runs.push({ ms: Date.now() - started, exitCode: result.status });
  }
  const medianMs = median(runs.map((r) => r.ms));
  return {
    figures: { runs, medianMs },
    summary: [
      `npm run contract (mock): median ${medianMs} ms over 3 runs, exit codes ${runs.map((r) => r.exitCode).join(', ')}`,
    ],
  };
}

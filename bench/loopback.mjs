// Loopback HTTP/1.1 keep-alive to a node:http server in its own process, at concurrency 1 and 32: raw fetch (the
// fetch limit), undici's request (the Node limit), bare openapi-fetch + auth, axios, ky and this client,
// interleaved; wall time and client CPU per request, ratios to bare openapi-fetch.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { axiosGet, bareOpenapiFetch, kyGet, rawFetch, thisClient, undiciRequest } from './lib/contenders.mjs';
import { FLAT } from './lib/fixtures.mjs';
import { formatRatio, interleave, verdict } from './lib/stats.mjs';

export const TARGET_RATIO = 1.1;
const here = path.dirname(fileURLToPath(import.meta.url));

export default async function measure() {
  const server = fork(path.join(here, 'lib', 'http-server.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise((resolve, reject) => {
      server.once('message', (m) => resolve(m.port));
      server.once('exit', (code) => reject(new Error(`loopback server exited (${code})`)));
    });
    const setup = { baseUrl: `http://127.0.0.1:${port}` };
    const contenders = {
      'raw fetch': await rawFetch(setup),
      'undici request': await undiciRequest(setup),
      'openapi-fetch + auth': await bareOpenapiFetch(setup),
      axios: await axiosGet(setup),
      ky: await kyGet(setup),
      'this client': await thisClient(setup),
    };
    const figures = {};
    const summary = [];
    for (const [concurrency, batch] of [
      [1, 150],
      [32, 640],
    ]) {
      const run = await interleave({
        contenders,
        baseline: 'openapi-fetch + auth',
        expect: (r) => r?.id === FLAT.id,
        rounds: 20,
        warmup: 3,
        batch,
        concurrency,
      });
      figures[`concurrency${concurrency}`] = run;
      summary.push(`concurrency ${concurrency} (${batch} requests per batch, ${run.rounds} rounds):`);
      for (const [name, c] of Object.entries(run.contenders)) {
        summary.push(
          `  ${name.padEnd(22)} wall ${String(c.wallMicrosPerOp.median).padStart(6)} µs/req ${formatRatio(c.wallRatioToBaseline).padEnd(20)}` +
            ` cpu ${String(c.cpuMicrosPerOp.median).padStart(6)} µs/req ${formatRatio(c.cpuRatioToBaseline)}`,
        );
      }
      const ours = run.contenders['this client'].wallRatioToBaseline.median;
      summary.push(
        `  target this client ≤ ${TARGET_RATIO}× openapi-fetch + auth: median ${ours}× → ${verdict(ours <= TARGET_RATIO)}`,
      );
    }
    const met = Object.values(figures).every(
      (r) => r.contenders['this client'].wallRatioToBaseline.median <= TARGET_RATIO,
    );
    return { figures: { ...figures, target: { ratio: TARGET_RATIO, met } }, summary };
  } finally {
    server.disconnect();
    server.kill();
  }
}

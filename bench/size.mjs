// Size as a user's bundler sees it: the entry bundled with its dependencies (openapi-fetch included), minified and
// tree-shaken by esbuild, then gzip -9; beside openapi-fetch's and ky's, measured the same way. Two views of this
// package: everything the root entry exports, and a typical use (the factory only).
import { gzipSync } from 'node:zlib';
import { build } from '../scripts/lib/esbuild.mjs';
import { verdict } from './lib/stats.mjs';

// Issue 9's budget: the root entry with all nine operations. Issue 7's 8 kB applied to its two operations.
export const TARGET_GZIP_BYTES = 10000;
const repoRoot = new URL('..', import.meta.url).pathname;

async function bundled(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: repoRoot, loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  const bytes = result.outputFiles[0].contents;
  return { minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export default async function measure() {
  const figures = {
    root: await bundled("export * from 'jelou-external-support';"),
    typicalUse: await bundled(
      "import { createExternalSupportClient } from 'jelou-external-support'; export const client = createExternalSupportClient;",
    ),
    openapiFetch: await bundled("export * from 'openapi-fetch'; export { default } from 'openapi-fetch';"),
    ky: await bundled("export { default } from 'ky';"),
  };
  const met = figures.root.gzipBytes <= TARGET_GZIP_BYTES;
  const line = (name, f) =>
    `${name.padEnd(40)} ${String(f.minifiedBytes).padStart(7)} B min  ${String(f.gzipBytes).padStart(6)} B gzip -9`;
  return {
    figures: { ...figures, target: { gzipBytes: TARGET_GZIP_BYTES, met } },
    summary: [
      line('this package, root entry (all exports)', figures.root),
      line('this package, createExternalSupportClient', figures.typicalUse),
      line('openapi-fetch', figures.openapiFetch),
      line('ky', figures.ky),
      `target root entry ≤ ${TARGET_GZIP_BYTES} B gzip: ${figures.root.gzipBytes} B → ${verdict(met)}`,
    ],
  };
}

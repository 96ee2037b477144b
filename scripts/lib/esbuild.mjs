// esbuild-wasm's JavaScript API, with its service process started under V8's baseline WebAssembly compiler only.
// The API spawns `node …/esbuild-wasm/bin/esbuild --service` with this process's environment and no Node flags, so
// the flag reaches it as a preload in NODE_OPTIONS (V8 flags themselves are not allowed there). A build then costs
// ~4 CPU-seconds instead of ~10 (scripts/build.mjs, measured with children counted), with identical output.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wasm-baseline.cjs');
// Set before the first call starts the service (the service reads the environment when it is spawned). Quoted:
// NODE_OPTIONS splits on spaces, and the repository's path may contain one.
if (!process.env.NODE_OPTIONS?.includes(preload)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require "${preload}"`.trim();
}

export { build } from 'esbuild-wasm';

// Preloaded (NODE_OPTIONS --require) into the process esbuild-wasm's JavaScript API starts for its service: V8 then
// compiles esbuild's WebAssembly with its baseline compiler only (Liftoff), instead of compiling it twice (quickly,
// then optimized on background threads). The optimizing pass costs ~6 CPU-seconds per service start on this kind of
// machine and buys nothing for a few bundles; the output is byte for byte the same (the flag changes how V8 compiles
// esbuild, not what esbuild does). See scripts/lib/esbuild.mjs.
'use strict';
require('node:v8').setFlagsFromString('--liftoff-only');

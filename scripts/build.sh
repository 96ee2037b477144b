#!/usr/bin/env bash
# Emits dist/esm (import) and dist/cjs (require), each with type declarations, for the package's exports map.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc -p tsconfig.build-cjs.json
# dist/cjs holds CommonJS files under a "type": "module" package: say so to Node and TypeScript.
printf '{\n  "type": "commonjs"\n}\n' > dist/cjs/package.json
echo "built dist/esm and dist/cjs"

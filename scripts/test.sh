#!/usr/bin/env bash
# Everything a change must pass: spec lint, TS lint/format, generated-code drift, typecheck, unit, the spec against
# the copies of Jelou's pages, build and package check, the contract suite (Prism mock), and the contract runner
# itself. Ends with one total line.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
results=.tmp/test-results
rm -rf "$results" && mkdir -p "$results"

step 'lint (spec + TypeScript)'
npm run -s lint
step 'generate:check (src/generated/ matches openapi/)'
npm run -s generate:check
step 'typecheck'
npm run -s typecheck
step 'unit tests'
npx jest --selectProjects unit --json --outputFile "$results/unit.json"
step 'spec tests (openapi/ against the copies of the documentation pages)'
npx jest --selectProjects spec --json --outputFile "$results/spec.json"
step 'build (ESM + CommonJS) and package check'
npm run -s build
node scripts/check-package.mjs
step 'contract tests (Prism mock)'
JELOU_CONTRACT_REPORTS_DIR="$results/contract" npm run -s contract
step 'runner tests (contract runner, live mode against a local stand-in)'
npx jest --selectProjects runner --json --outputFile "$results/runner.json"

node scripts/lib/test-totals.mjs "$results/unit.json" "$results/spec.json" "$results/runner.json" "$results/contract/contract.json"

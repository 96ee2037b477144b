#!/usr/bin/env bash
# Everything a change must pass: spec lint, TS lint/format, generated-code drift, typecheck, unit, build and
# package check, the contract suite (Prism mock), and the contract runner itself. Ends with one total line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Bold step titles only on a terminal, and never under NO_COLOR (https://no-color.org).
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
else
  step() { printf '\n▶ %s\n' "$*"; }
  # jest and the other tools colour their output when FORCE_COLOR says so, even into a pipe.
  export FORCE_COLOR=0
fi
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
step 'build (ESM + CommonJS) and package check'
npm run -s build
node scripts/check-package.mjs
step 'contract tests (Prism mock)'
JELOU_CONTRACT_REPORTS_DIR="$results/contract" npm run -s contract
step 'runner tests (contract runner, live mode against a local stand-in)'
npx jest --selectProjects runner --json --outputFile "$results/runner.json"

node scripts/lib/test-totals.mjs "$results/unit.json" "$results/runner.json" "$results/contract/contract.json"

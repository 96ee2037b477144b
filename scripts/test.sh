#!/usr/bin/env bash
# Everything a change must pass: spec lint, TS lint/format, generated-code drift, typecheck, unit, build and
# package checks on the packed tarball, the contract suite (Prism mock), the contract runner itself, the jelou CLI
# (the built bin against the stand-in), and the scripts a user runs by hand (npm run mock; npm run docs, opened in
# headless Chromium; the example panel). Ends with one total line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Colour only on a terminal, and never under NO_COLOR (https://no-color.org). Off a terminal NO_COLOR=1 reaches
# every tool (Prettier's colours switch on at the mere presence of FORCE_COLOR, even FORCE_COLOR=0); jest reads
# FORCE_COLOR=0 instead, given to it alone.
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
  jest() { npx jest "$@"; }
else
  export NO_COLOR=1
  unset FORCE_COLOR
  step() { printf '\n▶ %s\n' "$*"; }
  jest() { FORCE_COLOR=0 npx jest "$@"; }
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
jest --selectProjects unit --json --outputFile "$results/unit.json"
step 'spec tests (openapi/ against the copies of the documentation pages)'
jest --selectProjects spec --json --outputFile "$results/spec.json"
step 'package: npm pack (prepack builds dist/), attw, publint, the tarball installed and used from ESM, CommonJS, TS'
node scripts/check-package.mjs
step 'contract tests (Prism mock)'
JELOU_CONTRACT_REPORTS_DIR="$results/contract" npm run -s contract
step 'runner tests (contract runner, live mode against a local stand-in)'
jest --selectProjects runner --json --outputFile "$results/runner.json"

step 'CLI tests (the built jelou bin as a child process against the stand-in Jelou)'
jest --selectProjects cli --json --outputFile "$results/cli.json"

step 'script tests (npm run mock, npm run docs in headless Chromium, the example panel)'
jest --selectProjects scripts --json --outputFile "$results/scripts.json"

node scripts/lib/test-totals.mjs "$results/unit.json" "$results/spec.json" "$results/runner.json" "$results/cli.json" \
  "$results/scripts.json" \
  "$results/contract/contract.json"

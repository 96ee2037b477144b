#!/usr/bin/env bash
# Everything a change must pass: spec lint, TS lint/format, generated-code drift, typecheck, unit, contract, and
# the contract runner itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

step 'lint (spec + TypeScript)'
npm run -s lint
step 'generate:check (src/generated/ matches openapi/)'
npm run -s generate:check
step 'typecheck'
npm run -s typecheck
step 'unit tests'
npx jest --selectProjects unit
step 'build (ESM + CommonJS) and package check'
npm run -s build
node scripts/check-package.mjs
step 'contract tests (Prism mock)'
npm run -s contract
step 'runner tests (contract runner, live mode against a local stand-in)'
npx jest --selectProjects runner

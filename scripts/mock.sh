#!/usr/bin/env bash
# `npm run mock`: see scripts/mock.mjs (Prism's mock of openapi/ behind a front that also serves /jelouapi and
# /platform). exec, so the pid npm starts is the mock's own and a signal sent to it stops Prism too.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/mock.mjs "$@"

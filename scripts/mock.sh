#!/usr/bin/env bash
# Starts the Prism mock of openapi/ on 127.0.0.1:4010 for trying the API by hand (Ctrl-C stops it).
# Try: curl -H 'x-api-key: any' -H 'Prefer: example=envelope' http://127.0.0.1:4010/v1/external-support/PROJECT_ID
set -euo pipefail
cd "$(dirname "$0")/.."
export FORCE_COLOR=0
exec node node_modules/@stoplight/prism-cli/dist/index.js mock openapi/openapi.yaml -h 127.0.0.1 -p "${PORT:-4010}" --errors "$@"

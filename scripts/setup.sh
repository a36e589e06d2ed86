#!/usr/bin/env bash
# One command from a fresh clone to a running product: system Chromium, npm packages, build, demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx wxt build
npx wxt build -b firefox >/dev/null
echo "Built: .output/chrome-mv3 (Chrome) and .output/firefox-mv2 (Firefox)."
node scripts/demo.mjs "$@"

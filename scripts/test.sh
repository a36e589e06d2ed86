#!/usr/bin/env bash
# All tests, from a fresh clone: installs what is missing, type-checks, runs unit tests, builds the
# extension, then drives the built extension in Chromium. Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

reports=tests/artifacts/reports
rm -rf "$reports" && mkdir -p "$reports"

echo "== type check"; npx tsc --noEmit -p .
echo "== unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
echo "== detection accuracy on the labelled set (fails below precision 0.97 or recall 0.95)"
npx vite-node scripts/eval.ts -- --check 2>&1 | grep -E 'overall|Below target'
echo "== build (Chrome MV3 and Firefox)"; npx wxt build >/dev/null && npx wxt build -b firefox >/dev/null
echo "== Firefox package lint (web-ext: fails on errors, lists warnings)"
npx web-ext lint --source-dir .output/firefox-mv2
echo "== end-to-end tests in Chromium (and the Firefox build in Firefox ESR)"
npx vitest run --config tests/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json"
echo "== load: a page that never stops changing, with and without the extension (figures, no thresholds)"
LOAD_SECONDS=15 node scripts/load-test.mjs | tail -n 13
echo "== detection benchmark, as in the README (figures, no thresholds: a shared machine's timings vary)"
node scripts/bench.mjs
node scripts/test-summary.mjs "$reports"/*.json

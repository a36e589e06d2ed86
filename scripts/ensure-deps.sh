#!/usr/bin/env bash
# Makes a fresh clone ready: system Chromium, then npm packages when missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
export PUPPETEER_SKIP_DOWNLOAD=1
bash scripts/ensure-system.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Not `npm ci`: with this machine's npm (lock files without registry addresses) it rejects even a lock file
  # npm itself just wrote, for rollup's optional per-platform packages. `npm install` installs the locked versions.
  npm install --no-audit --no-fund
fi

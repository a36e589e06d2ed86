#!/usr/bin/env bash
# Installs what the project needs from outside npm: Debian's Chromium and Firefox ESR for the end-to-end tests.
# Puppeteer never downloads a browser here (PUPPETEER_SKIP_DOWNLOAD); it drives /usr/bin/chromium.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (needed by the end-to-end tests and the demo)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# Firefox ESR: tests/e2e/firefox.e2e.ts drives the Firefox build in it (puppeteer over WebDriver BiDi).
if [ ! -x /usr/bin/firefox-esr ]; then
  echo "Installing Debian's firefox-esr (needed by tests/e2e/firefox.e2e.ts)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
fi
# poppler-utils (pdftotext, pdftoppm): the action plan e2e test reads the printed PDF and saves its screenshots.
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "Installing poppler-utils (needed by tests/e2e/action-plan.e2e.ts)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -n 1
/usr/bin/firefox-esr --version 2>/dev/null | head -n 1

#!/usr/bin/env bash
# Install everything the tests need, then run them all.
# - Python packages: the project and its test extras, in .venv
# - Chromium from Debian for the browser tests (needs root; skipped loudly otherwise)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "WARNING: could not install Chromium: browser tests will be SKIPPED."
  else
    echo "WARNING: /usr/bin/chromium is missing and cannot be installed here: browser tests will be SKIPPED."
  fi
fi

exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

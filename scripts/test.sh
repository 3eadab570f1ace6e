#!/usr/bin/env bash
# Install everything the tests need, then run them all.
# - Python packages: the project and its test extras, in .venv
# - Chromium from Debian for the browser tests (needs root; skipped loudly otherwise)
# - PostgreSQL from Debian for the feedback store tests (the same)
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

# PostgreSQL from Debian for the feedback store's tests (they start their own
# throwaway server with initdb and pg_ctl; skipped loudly when it is missing).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL for the feedback store tests (apt-get)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || echo "WARNING: could not install PostgreSQL: its feedback tests will be SKIPPED."
  else
    echo "WARNING: PostgreSQL is missing and cannot be installed here: its feedback tests will be SKIPPED."
  fi
fi

exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

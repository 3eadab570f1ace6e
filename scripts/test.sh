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

# axe-core (the accessibility rules engine the browser tests inject) from the npm registry.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Node.js and npm for axe-core (apt-get)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) \
      || echo "WARNING: could not install npm: the axe-core browser tests will FAIL."
  else
    echo "WARNING: npm is missing and cannot be installed here: the axe-core browser tests will FAIL."
  fi
fi
if command -v npm >/dev/null 2>&1 && [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core 4 into .cache/axe (npm)..."
  mkdir -p .cache/axe
  (cd .cache/axe && npm install --no-audit --no-fund --silent axe-core@4 >/dev/null) \
    || echo "WARNING: could not install axe-core: the axe-core browser tests will FAIL."
fi

# Lint and type checks first (settings in pyproject.toml): a mistake they can
# find is cheaper to read there than as a failing test.
echo "ruff check..."
.venv/bin/ruff check .
echo "mypy wtfc_site..."
.venv/bin/mypy wtfc_site

exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

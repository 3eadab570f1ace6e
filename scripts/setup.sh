#!/usr/bin/env bash
# Set up wtfc_site on a fresh machine and build the example site.
# Makes a virtual environment in .venv, installs the package with its test
# tools, then builds content/ into _site/.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/python build.py --today "${WTFC_TODAY:-$(date +%F)}"

#!/usr/bin/env bash
# Set up wtfc_site on a fresh machine and build the example site.
# Makes a virtual environment in .venv, installs the package with its test
# tools, then builds content/ into _site/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
.venv/bin/python build.py --today "${WTFC_TODAY:-$(date +%F)}"

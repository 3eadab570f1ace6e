#!/usr/bin/env bash
# Prove that a refactoring commit did not change the example site's output:
# build the site as it was just before COMMIT and as it was at COMMIT (each from
# a clean `git archive`, so nobody's uncommitted work gets in), with a fixed
# date and no cache, and compare every file byte for byte.
#
#   scripts/same_output.sh COMMIT        # COMMIT^ against COMMIT
#   scripts/same_output.sh OLD NEW       # any two commits
#
# Exits 0 and says "identical" when the two outputs match; otherwise lists the
# files that differ and exits 1. Used for the "Structure:" commits of issue 12.
set -euo pipefail
cd "$(dirname "$0")/.."
new=$(git rev-parse "${2:-$1}")
if [ $# -ge 2 ]; then old=$(git rev-parse "$1"); else old=$(git rev-parse "$1^"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in old new; do
  rev=${!side}
  mkdir -p "$work/$side/src"
  git archive "$rev" | tar -x -C "$work/$side/src"
  # build.py puts its own folder first on sys.path, so each copy runs its own code
  (cd "$work/$side/src" && "$OLDPWD/.venv/bin/python" build.py build --today 2026-12-03 --no-cache \
      --out "$work/$side/out" >"$work/$side/log" 2>&1) || { echo "build at $rev failed:"; tail -20 "$work/$side/log"; exit 1; }
done
# The search index is compared too: it is written in sorted order, the same bytes for the same pages.
if diff -r "$work/old/out" "$work/new/out" >"$work/diff"; then
  echo "identical: ${old:0:9} and ${new:0:9} build the same example site, byte for byte"
else
  echo "DIFFERENT: ${old:0:9} and ${new:0:9}:"; grep -E '^(diff|Only in)' "$work/diff" | head -40; exit 1
fi

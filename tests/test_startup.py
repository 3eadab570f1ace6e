"""``build.py --help`` starts fast (issue 12 part 8: under 0.2 s).

Measured on the development machine: 0.05 s wall time for ``python build.py
--help`` once the feedback receiver's parser is loaded only for the
``feedback`` command (it was 0.22-0.38 s before, 0.7 s before the checker was
loaded lazily). Wall time on a shared machine is noisy, so the test checks
the cause — which heavy modules get imported — and the time with a margin.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from conftest import REPO

HEAVY = ("jinja2", "markdown", "PIL", "wordfreq", "yaml", "wtfc_site.pipeline", "wtfc_site.checker.rules",
         "wtfc_site.feedback.receiver", "wtfc_site.render")
"""Modules that --help has no use for; each costs tens of milliseconds."""

PROBE = """
import contextlib, io, json, sys
sys.path.insert(0, {repo!r})
from wtfc_site.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["--help"])
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def test_help_loads_none_of_the_heavy_modules():
    out = subprocess.run([sys.executable, "-c", PROBE.format(repo=str(REPO))], capture_output=True, text=True,
                         check=True).stdout
    loaded = set(json.loads(out))
    assert [m for m in HEAVY if m in loaded] == []


def test_help_answers_quickly():
    def once() -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, str(REPO / "build.py"), "--help"], capture_output=True, check=True)
        return time.perf_counter() - start
    best = min(once() for _ in range(5))
    assert best < 0.2, f"python build.py --help took {best:.2f} s at best of 5"

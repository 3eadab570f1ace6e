"""A preview server for authors: builds the site with drafts into a folder
outside the published one, and serves it on this computer only."""

from __future__ import annotations

import functools
import http.server
import tempfile
from dataclasses import replace
from pathlib import Path

from .output import print_problems
from .pipeline import Options, build, stop_problems


def serve(options: Options, port: int) -> int:
    """Build once (drafts included) and serve it on 127.0.0.1 until stopped."""
    import sys
    out = Path(tempfile.mkdtemp(prefix="wtfc-preview-")) / "site"
    report = build(replace(options, out_dir=out, include_drafts=True))
    if stop_problems(report.problems):
        print_problems(stop_problems(report.problems), sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Preview at http://127.0.0.1:{port}{options.site_dir and '/'} (press Ctrl+C to stop).")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0

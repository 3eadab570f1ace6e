"""A preview server for authors: builds the site with drafts into a folder
outside the published one, and serves it on this computer only."""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from .config import load_config
from .errors import SiteError
from .output import print_problems
from .pipeline import Options, build, stop_problems


def serve(options: Options, port: int) -> int:
    """Build once (drafts included) and serve it on 127.0.0.1 until stopped."""
    try:
        base_url = load_config(options.site_dir).base_url
    except SiteError as exc:
        print_problems(list(exc.problems), sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="wtfc-preview-"))
    # Put the site where its base URL says, so /my-tcp/ links work in the preview too.
    out = root.joinpath(*[part for part in base_url.split("/") if part]) if base_url.strip("/") else root / "site"
    report = build(replace(options, out_dir=out, include_drafts=True))
    if stop_problems(report.problems):
        print_problems(stop_problems(report.problems), sys.stderr)
        return 1
    served = root if base_url.strip("/") else out
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Preview at http://127.0.0.1:{server.server_port}{base_url} (drafts included). Press Ctrl+C to stop.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0

#!/usr/bin/env python3
"""How heavy is a page? Build a site and print the compressed weight of every page.

    python bench/page_weight.py                 # the example site
    python bench/page_weight.py --site ../our-tcp

A page's weight is its HTML plus every style sheet and script it links to,
each compressed with gzip (level 6, what web servers use by default), so it
is what a reader on a slow phone connection downloads before the words can
be shown and the reader controls work. Pictures are not counted: they load
lazily and do not block the words. The budget is 30 KB for a typical (median)
page. The script also lists any script that blocks rendering (no defer or
async) and any web font (@font-face), which can hide text while it loads.
Exit code 1 when the budget is broken or something blocks.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from wtfc_site.pipeline import Options, build  # noqa: E402

BUDGET = 30 * 1024
"""A typical page, compressed: HTML, CSS and JavaScript together."""


class LinkedFiles(HTMLParser):
    """Collects the style sheets and scripts a page links to, and scripts that block rendering."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []
        self.blocking: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and "stylesheet" in (found.get("rel") or "").split() and found.get("href"):
            self.files.append(found["href"] or "")
        if tag == "script" and found.get("src"):
            self.files.append(found["src"] or "")
            if "defer" not in found and "async" not in found and found.get("type") != "module":
                self.blocking.append(found["src"] or "")


@dataclass(frozen=True)
class Weight:
    """One page's compressed weight, in bytes."""

    page: str
    html: int
    assets: int

    @property
    def total(self) -> int:
        return self.html + self.assets


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def weigh(out: Path, base_url: str) -> tuple[list[Weight], set[str], list[str]]:
    """Return each page's weight, the scripts that block rendering, and the web fonts found."""
    asset_sizes: dict[str, int] = {}
    weights, blocking, fonts = [], set(), []
    for page in sorted(out.rglob("*.html")):
        html = page.read_bytes()
        links = LinkedFiles()
        links.feed(html.decode("utf-8", "replace"))
        blocking.update(links.blocking)
        for href in links.files:
            if href not in asset_sizes:
                file = out / href.removeprefix(base_url).lstrip("/") if href.startswith("/") else page.parent / href
                data = file.read_bytes() if file.is_file() else b""
                asset_sizes[href] = gzipped(data)
                if file.suffix == ".css" and re.search(rb"@font-face", data):
                    fonts.append(href)
        weights.append(Weight(page.relative_to(out).as_posix(), gzipped(html),
                              sum(asset_sizes[h] for h in dict.fromkeys(links.files))))
    return weights, blocking, fonts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO, help="the site folder (default: the example site)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        report = build(Options(site_dir=args.site, out_dir=Path(tmp) / "_site", cache_dir=Path(tmp) / "cache"))
        if not report.written:
            print("The site did not build; run 'python build.py' to see why.", file=sys.stderr)
            return 1
        base_url = report.site.config.base_url if report.site else "/"
        weights, blocking, fonts = weigh(Path(tmp) / "_site", base_url)
    typical = statistics.median(w.total for w in weights)
    print(f"{len(weights)} pages, compressed HTML + CSS + JavaScript (gzip -6):")
    print(f"  typical (median) page: {typical / 1024:.1f} KB   budget {BUDGET / 1024:.0f} KB")
    print(f"  lightest: {min(w.total for w in weights) / 1024:.1f} KB   heaviest:")
    for w in sorted(weights, key=lambda w: w.total, reverse=True)[:5]:
        print(f"    {w.total / 1024:5.1f} KB  {w.page}  (HTML {w.html / 1024:.1f} KB)")
    print(f"  scripts that block rendering: {', '.join(sorted(blocking)) or 'none'}")
    print(f"  web fonts: {', '.join(fonts) or 'none (the system font shows the words at once)'}")
    return 1 if typical > BUDGET or blocking or fonts else 0


if __name__ == "__main__":
    sys.exit(main())

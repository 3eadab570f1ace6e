#!/usr/bin/env python3
"""Time a whole build of a generated corpus, stage by stage, and print the numbers.

    python bench/bench_build.py            # 1,000 pages
    python bench/bench_build.py --pages 10000

Uses the shared corpus generator (../shared/bench/make_corpus.py) and turns
its pages into a site: each page becomes an update in content/updates/, its
pictures become the site's own picture library. Not a test: it prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import shutil
import sys
import tempfile
import time
import resource
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from wtfc_site.checks import check_site  # noqa: E402
from wtfc_site.pipeline import Options, build, load_site  # noqa: E402
from wtfc_site.render import make_environment, render_site  # noqa: E402

SITE_YAML = """\
name: Bench Partnership
area: Benchshire
contact: {email: hello@example.org, phone: 01632 960 000}
"""

HOME_PAGE = """\
---
title: Welcome to Bench Partnership
---
[picture: meeting] We work together. Read [our news](/updates/).
"""


def make_site(pages: int, folder: Path) -> Path:
    """Generate the corpus and lay it out as a site folder."""
    generator = REPO.parent / "shared" / "bench" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", generator)
    corpus = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(corpus)
    site = folder / "site"
    updates = site / "content" / "updates"
    updates.mkdir(parents=True)
    (site / "content" / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (site / "content" / "index.md").write_text(HOME_PAGE, encoding="utf-8")  # a site must have a home page
    for number in range(1, pages + 1):
        (updates / f"page-{number:05d}.md").write_text(corpus.page(number, 1), encoding="utf-8")
    images = site / "content" / "images"
    images.mkdir()
    index = ["pictures:"]
    for keyword in corpus.PICTURES:
        svg = corpus.picture_svg(keyword)
        (images / f"{keyword}.svg").write_text(svg, encoding="utf-8")
        own = site / "easyread_images"
        own.mkdir(exist_ok=True)
        (own / f"{keyword}.svg").write_text(svg, encoding="utf-8")
        index += [f"  {keyword}:", f"    file: {keyword}.svg", f"    description: {keyword}",
                  f"    keywords: [{keyword}]", "    licence: CC0-1.0", "    author: bench"]
    (site / "easyread_images" / "index.yaml").write_text("\n".join(index) + "\n", encoding="utf-8")
    return site


def timed(label: str, func, *args):
    """Run func, print how long it took, and return its result."""
    start = time.perf_counter()
    result = func(*args)
    print(f"  {label:<28} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wtfc-bench-"))
    try:
        site_dir = make_site(args.pages, folder)
        options = Options(site_dir=site_dir, today=dt.date(2026, 11, 23), cache_dir=folder / "cache")
        print(f"{args.pages} pages")
        loaded = timed("load + Markdown", load_site, options)
        timed("easy-read checker", check_site, loaded.site)
        env = make_environment(site_dir)
        timed("render", render_site, loaded.site, env)
        start = time.perf_counter()
        report = build(options)
        total = time.perf_counter() - start
        print(f"  {'whole build (written)':<28} {total:8.2f} s   {report.pages} pages, "
              f"{total / max(args.pages, 1) * 1000:.1f} ms a page")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {'peak memory (whole run)':<28} {peak:8.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

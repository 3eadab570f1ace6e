"""The page budget: a typical page, with the reader controls, stays under 30 KB compressed.

Uses bench/page_weight.py on the built example site, so the README's figure
and this test measure the same thing: HTML plus the style sheets and scripts
each page links to, gzip-compressed; no script that blocks the words from
showing, and no web font that hides them while it loads.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys

from conftest import REPO


def page_weight():
    spec = importlib.util.spec_from_file_location("page_weight", REPO / "bench" / "page_weight.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_a_typical_page_is_under_30_kb_with_nothing_blocking(built_example):
    bench = page_weight()
    weights, blocking, fonts = bench.weigh(built_example.out, "/")
    assert len(weights) == len(built_example.pages)
    assert statistics.median(w.total for w in weights) < bench.BUDGET
    assert all(w.assets > 0 for w in weights), "a page links to no style sheet"
    assert blocking == set() and fonts == []


def test_the_reader_controls_script_is_counted_and_deferred(built_example):
    bench = page_weight()
    home = (built_example.out / "index.html").read_text(encoding="utf-8")
    links = bench.LinkedFiles()
    links.feed(home)
    assert "/assets/reader.js" in links.files and "/assets/site.css" in links.files
    links.feed('<script src="/assets/slow.js"></script>')  # the check would catch a blocking script
    assert links.blocking == ["/assets/slow.js"]

"""'check' is 'build' without writing (issue 13 part 9).

After the site is loaded and checked, this renders every page once, copies
nothing, and runs the same picture, SVG safety, static file and layout
steps as 'build', all in memory, so whatever would stop 'build' stops
'check' too. The same rendered pages are followed for reach (see reach)
and, with ``checker: visible_text`` on, read as the reader sees them.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from jinja2 import Environment

from .assets import asset_outputs, picture_outputs, static_outputs
from .errors import Problem, collect
from .reach import unreachable_pages
from .render import render_site
from .site import Site
from .visiblecheck import check_visible_text


def build_without_writing(site: Site, env: Environment, *, pool: bool = False) -> list[Problem]:
    """Return what 'build' would find after loading: layouts, pictures, files, unreachable pages, visible text.

    ``pool``: the pages may be rendered and their visible text read on every core (``pagework.run_pages``)."""
    problems: list[Problem] = []
    outputs: dict[PurePosixPath, bytes | Path] = {}
    rendered = collect(problems, lambda: render_site(site, env, pool=pool))
    outputs.update(rendered or {})
    for make in (asset_outputs, picture_outputs, static_outputs):
        outputs.update(collect(problems, make, site) or {})
    if rendered is not None:
        problems += unreachable_pages(site, outputs)
        if site.config.checker.visible_text:  # what the reader sees, layouts' lines included
            # A pool process that dies reading them is a SITE-CRASH problem (pagework), not a traceback.
            problems += collect(problems, lambda: check_visible_text(site, rendered, pool=pool)) or []
    return problems

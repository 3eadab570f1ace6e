"""'check' is 'build' without writing (issue 13 part 9).

After the site is loaded and checked, this renders every page, copies
nothing, and runs the same picture, SVG safety, static file and layout
steps as 'build', all in memory, so whatever would stop 'build' stops
'check' too. It also follows the built pages' links (see reach).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .assets import asset_outputs, picture_outputs, static_outputs
from .errors import Problem, collect
from .reach import unreachable_pages
from .render import make_environment, render_site
from .site import Site


def build_without_writing(site: Site, site_dir: Path) -> list[Problem]:
    """Return the problems 'build' would find after loading: layouts, pictures, files, unreachable pages."""
    problems: list[Problem] = []
    outputs: dict[PurePosixPath, bytes | Path] = {}
    rendered = collect(problems, render_site, site, make_environment(site_dir))
    outputs.update(rendered or {})
    for make in (asset_outputs, picture_outputs, static_outputs):
        outputs.update(collect(problems, make, site) or {})
    if rendered is not None:
        problems += unreachable_pages(site, outputs)
    return problems

"""Outputs that are not pages: the style sheets, library pictures, files and photos."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .defaults import default_layouts
from .errors import Problem, SiteError
from .pictures.process import clean_png
from .pictures.svgsafety import check_svg
from .render import used_picture_names
from .site import Site
from .sources import relative_to_site

RASTER_PICTURE_WIDTH = 320
"""Library pictures are shown at most 160 CSS px wide; 320 keeps them sharp on dense screens."""


def asset_outputs(site: Site) -> dict[PurePosixPath, bytes | Path]:
    """Return the layouts' assets; a site's own layouts/assets/ file wins by name."""
    outputs: dict[PurePosixPath, bytes | Path] = {}
    for folder in (default_layouts() / "assets", site.site_dir / "layouts" / "assets"):
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                outputs[PurePosixPath("assets") / path.relative_to(folder).as_posix()] = path
    return outputs


def picture_outputs(site: Site) -> dict[PurePosixPath, bytes | Path]:
    """Return every library picture the site shows; unsafe SVGs stop the build."""
    outputs: dict[PurePosixPath, bytes | Path] = {}
    problems: list[Problem] = []
    for name in sorted(used_picture_names(site)):
        picture = site.library.get(name)
        if picture is None:
            problems.append(Problem(None, None, f"The layouts use a picture called '{name}', which is not in the library.",
                                    hint=f"Add {name}.svg and its entry to easyread_images/index.yaml.",
                                    rule="PIC-UNKNOWN"))
            continue
        if picture.suffix == ".svg":
            data = picture.path.read_bytes()
            problems.extend(check_svg(data, relative_to_site(picture.path, site.site_dir)))  # paths as the author sees them
            outputs[PurePosixPath("pictures") / f"{name}.svg"] = data
            continue
        try:  # raster pictures (a picture bank's PNGs, say) are never copied with their metadata
            outputs[PurePosixPath("pictures") / f"{name}.png"] = clean_png(picture.path, RASTER_PICTURE_WIDTH)
        except SiteError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SiteError(problems)
    return outputs


def static_outputs(site: Site) -> dict[PurePosixPath, bytes | Path]:
    """Return the files copied as they are (PDFs of full minutes, for example)."""
    return {item.output: item.source for item in site.static_files}

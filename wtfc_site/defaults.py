"""Where the default layouts and picture library are.

They live at the top of the repository (``layouts/``, ``easyread_images/``)
so a site folder can override them one file at a time. pyproject.toml has
the wheel carry them inside the package as ``wtfc_site/_layouts`` and
``wtfc_site/_images`` (hatchling's force-include); when the package runs from
a checkout or an editable install, we look beside the package instead.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _folder(package: str, folder: str) -> Path:
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return _REPO / folder


def default_layouts() -> Path:
    """Return the folder of the default Jinja layouts."""
    return _folder("wtfc_site._layouts", "layouts")


def default_pictures() -> Path:
    """Return the folder of the default picture library."""
    return _folder("wtfc_site._images", "easyread_images")

"""Turn a picture reference written in content into a real file, safely.

Authors write picture paths from the site's content/ folder, for example
"photos/team.jpg" or "/photos/team.jpg". A path must never lead outside the
site folder: a careless or hostile "../../home/me/secret.jpg", an absolute
path or a symlink would otherwise copy private files onto a public website.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from wtfc_site.errors import Problem, SiteError

CONTENT_FOLDER = "content"
"""Picture references are read from this folder inside the site folder."""

# "https:", "file:", "data:" and Windows drives such as "C:" all match.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_EXAMPLE = "for example photos/team.jpg for the file content/photos/team.jpg"


def resolve_site_path(site_dir: Path, reference: str, referring_file: Path, line: int | None) -> Path:
    """Return the real path of a picture reference, or raise SiteError if unsafe or missing."""
    shown = _shown_path(referring_file, site_dir)
    written = reference.strip().replace("\\", "/")  # Windows authors may type back slashes.
    if _SCHEME.match(written) or written.startswith("//"):
        raise _outside(shown, line, reference)
    site = site_dir.resolve()
    content = site / CONTENT_FOLDER
    try:
        # resolve() follows symlinks, so a link pointing out is caught too.
        real = (content / written.lstrip("/")).resolve()
    except (OSError, ValueError, RuntimeError):  # null bytes, symlink loops
        raise _missing(shown, line, reference, "") from None
    if not real.is_relative_to(site):
        raise _outside(shown, line, reference)
    if not _is_file(real) or not written.strip("/"):
        raise _missing(shown, line, reference, _suggestion(real, content))
    return real


def _shown_path(path: Path, site_dir: Path) -> Path:
    """Return path relative to the site folder when it is inside it, for messages."""
    for base in (site_dir, site_dir.resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base)
    return path  # Already relative to the site, or outside it: show it as given.


def _is_file(path: Path) -> bool:
    """Return True when path is an existing file (odd names count as missing)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _suggestion(wanted: Path, content: Path) -> str:
    """Return 'photos/team.jpg' for a file in the same folder with a close name, or ''."""
    try:
        names = {p.name.lower(): p for p in wanted.parent.iterdir() if p.is_file()}
    except (OSError, ValueError):
        return ""
    # Compare in lower case: "Team.JPG" for "team.jpg" is the commonest slip.
    close = difflib.get_close_matches(wanted.name.lower(), list(names), n=1, cutoff=0.6)
    if not close:
        return ""
    found = names[close[0]]
    return found.relative_to(content).as_posix() if found.is_relative_to(content) else ""


def _outside(file: Path, line: int | None, reference: str) -> SiteError:
    """Return the error for a reference that leads outside the site folder."""
    if _SCHEME.match(reference.strip()) and not re.match(r"^[A-Za-z]:", reference.strip()):
        message = f"The picture '{reference}' is on another website or computer, not in this site."
        hint = f"Save a copy of the picture in the content folder and write its path from there, {_EXAMPLE}."
    else:
        message = f"The picture '{reference}' is outside the site folder, so it cannot be used."
        hint = f"Move the picture into the content folder and write its path from there, {_EXAMPLE}."
    return SiteError(Problem(file, line, message, hint, "PIC-OUTSIDE"))


def _missing(file: Path, line: int | None, reference: str, suggestion: str) -> SiteError:
    """Return the error for a reference to a file that does not exist."""
    message = f"The picture '{reference}' cannot be found." if reference.strip() else "The picture has no file name."
    hint = f"Did you mean {suggestion}? " if suggestion else ""
    hint += f"Check the spelling and capital letters. Paths start from the content folder, {_EXAMPLE}."
    return SiteError(Problem(file, line, message, hint, "PIC-MISSING"))

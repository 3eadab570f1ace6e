"""Pure size maths for pictures: no Pillow, no files, easy to unit test.

Every size is in whole pixels. Nothing here ever makes a picture bigger than
its source, because an upscaled photo is blurry and heavier to download.
"""

from __future__ import annotations

import math

DENSITIES = (1, 2)
"""Screen densities we make files for: ordinary (1x) and high-density (2x)."""


def check_positive(**values: int) -> None:
    """Raise ValueError naming the first argument that is not a positive int."""
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive whole number, not {value!r}")


def fit_width(src_w: int, src_h: int, target_w: int) -> tuple[int, int]:
    """Return (width, height) scaled to target_w, keeping the shape, never upscaling."""
    check_positive(src_w=src_w, src_h=src_h, target_w=target_w)
    width = min(target_w, src_w)
    # round() keeps the shape closest to the source; max() stops a very
    # wide, thin picture from collapsing to zero pixels high.
    height = max(1, round(src_h * width / src_w))
    return width, height


def variant_widths(display_width: int, src_w: int) -> tuple[int, ...]:
    """Return the widths to make (1x and 2x), capped at src_w, smallest first, no repeats."""
    check_positive(display_width=display_width, src_w=src_w)
    widths = {min(display_width * density, src_w) for density in DENSITIES}
    return tuple(sorted(widths))


def oriented_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Return the size shown on screen for an EXIF orientation (5-8 swap the sides)."""
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def draft_request(stored: tuple[int, int], shown_w: int, needed_w: int) -> tuple[int, int]:
    """Return the smallest stored-orientation size still big enough for needed_w once shown.

    A JPEG decoder can decode at 1/2, 1/4 or 1/8 size for a fraction of the
    work; this is the size to ask it for so that no detail we need is lost.
    """
    check_positive(shown_w=shown_w, needed_w=needed_w)
    scale = min(1.0, needed_w / shown_w)
    return max(1, math.ceil(stored[0] * scale)), max(1, math.ceil(stored[1] * scale))


def too_many_pixels(width: int, height: int, limit: int) -> bool:
    """Return True when width x height is above the pixel limit."""
    return width * height > limit

"""Unit tests for the pure size maths in wtfc_site.pictures.geometry."""

from __future__ import annotations

import pytest

from wtfc_site.pictures.geometry import (
    draft_request,
    fit_width,
    oriented_size,
    too_many_pixels,
    variant_widths,
)


@pytest.mark.parametrize(
    ("src", "target", "expected"),
    [
        ((3000, 2000), 640, (640, 427)),  # 426.67 rounds up
        ((2000, 3000), 640, (640, 960)),  # portrait
        ((640, 480), 640, (640, 480)),  # already the right size
        ((320, 240), 640, (320, 240)),  # never upscaled
        ((10000, 10), 100, (100, 1)),  # a thin strip keeps at least one pixel
        ((1, 1), 5, (1, 1)),
    ],
)
def test_fit_width(src: tuple[int, int], target: int, expected: tuple[int, int]) -> None:
    assert fit_width(*src, target) == expected


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "640", None])
def test_fit_width_refuses_sizes_that_are_not_positive_whole_numbers(bad: object) -> None:
    with pytest.raises(ValueError, match="positive whole number"):
        fit_width(100, 100, bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fit_width(bad, 100, 50)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("display", "src_w", "expected"),
    [
        (320, 3000, (320, 640)),  # 1x and 2x
        (320, 500, (320, 500)),  # 2x capped at the source width
        (320, 320, (320,)),  # both capped: one file, not two the same
        (320, 200, (200,)),  # small source: never upscaled
        (1, 1, (1,)),
    ],
)
def test_variant_widths(display: int, src_w: int, expected: tuple[int, ...]) -> None:
    assert variant_widths(display, src_w) == expected


def test_variant_widths_refuses_zero() -> None:
    with pytest.raises(ValueError):
        variant_widths(0, 100)


@pytest.mark.parametrize(
    ("orientation", "expected"),
    [(1, (40, 30)), (3, (40, 30)), (5, (30, 40)), (6, (30, 40)), (8, (30, 40)), ("junk", (40, 30))],
)
def test_oriented_size_swaps_sides_for_quarter_turns(orientation: object, expected: tuple[int, int]) -> None:
    assert oriented_size(40, 30, orientation) == expected  # type: ignore[arg-type]


def test_draft_request_keeps_enough_pixels_for_the_widest_variant() -> None:
    # A 3000x2000 photo shown at 3000 wide, needing 1280: ask for at least 1280 wide.
    assert draft_request((3000, 2000), 3000, 1280) == (1280, 854)
    # Rotated: stored 4000x3000, shown 3000 wide; scale is 1280/3000 on both sides.
    assert draft_request((4000, 3000), 3000, 1280) == (1707, 1280)
    # Needing the full size asks for the full size.
    assert draft_request((800, 600), 800, 800) == (800, 600)


def test_too_many_pixels() -> None:
    assert too_many_pixels(8000, 5001, 40_000_000)
    assert not too_many_pixels(8000, 5000, 40_000_000)

"""Automatic picture choice: a table of points and the picture a reader would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtfc_site.defaults import default_pictures
from wtfc_site.pictures.library import MIN_SCORE, load_library, stem


@pytest.fixture(scope="module")
def library():
    return load_library([(default_pictures(), False)], default_pictures().parent)


@pytest.mark.parametrize("text, expected", [
    ("We meet every month in the town hall.", "meeting"),
    ("The board agreed the new plan.", "board"),
    ("Tell us what you think.", "feedback"),
    ("People want to live near their family.", "family"),
    ("Send us an email.", "email"),
    ("Please phone us on this number.", "phone"),
    ("You can take the bus to the day centre.", "bus"),
    ("We pay people for their time.", "pay"),
    ("The doctor will check your health.", "doctor"),
    ("We will read the easy read report together.", "easy-read"),
])
def test_the_library_chooses_the_picture_a_reader_expects(library, text, expected):
    name, score = library.choose(text)
    assert name == expected and score >= MIN_SCORE


def test_below_the_minimum_score_no_picture_is_chosen(library):
    assert library.choose("It is.") == (None, 0.0)


def test_ties_are_broken_the_same_way_every_time(library):
    first = library.choose("We talk and listen at the meeting.")
    assert all(library.choose("We talk and listen at the meeting.") == first for _ in range(5))


@pytest.mark.parametrize("word, expected", [
    ("themes", "theme"), ("notes", "note"), ("meetings", "meet"), ("buses", "bus"), ("stories", "story"),
])
def test_stems_keep_words_apart_from_stop_words(word, expected):
    assert stem(word) == expected


def test_a_site_picture_replaces_a_library_one_by_name(tmp_path: Path):
    own = tmp_path / "easyread_images"
    own.mkdir()
    (own / "meeting.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>', encoding="utf-8")
    (own / "index.yaml").write_text(
        "pictures:\n  meeting:\n    file: meeting.svg\n    description: Our own meeting room.\n"
        "    keywords: [meeting]\n    licence: CC0-1.0\n    author: Us\n", encoding="utf-8")
    library = load_library([(default_pictures(), False), (own, True)], tmp_path)
    assert library.get("meeting").from_site and library.get("meeting").path == own / "meeting.svg"
    assert library.get("bus") is not None and not library.get("bus").from_site


def test_a_raster_picture_from_a_picture_bank_is_published_without_its_metadata(tmp_path: Path):
    from PIL import Image, PngImagePlugin

    from wtfc_site.pipeline import Options, build, stop_problems

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.yaml").write_text(
        "name: Test\narea: Testshire\ncontact: {email: a@example.org, phone: 01632 960 000}\n", encoding="utf-8")
    (site / "content" / "index.md").write_text("---\ntitle: Home\n---\n\n[picture: our-bus] We go by bus.\n",
                                               encoding="utf-8")
    own = site / "easyread_images"
    own.mkdir()
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jo Bloggs, 12 High Street")
    Image.new("RGB", (800, 600), "blue").save(own / "our-bus.png", pnginfo=info)
    (own / "index.yaml").write_text(
        "pictures:\n  our-bus:\n    file: our-bus.png\n    description: Our bus.\n    keywords: [bus]\n"
        "    licence: Picture bank subscription\n    author: A picture bank\n", encoding="utf-8")
    report = build(Options(site_dir=site, cache_dir=tmp_path / "cache"))
    assert not stop_problems(report.problems), report.problems
    published = site / "_site" / "pictures" / "our-bus.png"
    with Image.open(published) as img:
        assert img.width == 320 and "Author" not in img.info and not img.getexif()
    assert b"Jo Bloggs" not in published.read_bytes()
    assert not (site / "_site" / "pictures" / "our-bus.png.orig").exists()

"""The checker reads what the reader sees: the visible text of a built page (issue 14 part 7)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from conftest import TODAY, count_conversions, new_site

from tests.test_wtfc import MINUTES, tiny
from wtfc_site.buildcache import Store
from wtfc_site.checker import CheckerSettings, check_page, load_wordlists
from wtfc_site.checker.plaintext import page_from_text
from wtfc_site.checker.visible import LAYOUT_HINT, check_visible, generated_points, visible_points
from wtfc_site.options import build_inputs
from wtfc_site.pipeline import Options, load_site
from wtfc_site.visiblecheck import VisibleCache, _built_pages

SETTINGS = CheckerSettings()
WORDS = load_wordlists()

PAGE_HTML = """<!doctype html><html><body>
<nav><a href="/">Home</a> <a href="/about/">About us and all the other things we want you to see</a></nav>
<main>
  <h1>Our meeting</h1>
  <div class="er-row"><p>We met on Monday.<br>Sam ran the meeting.</p>
    <p class="er-explain"><span class="er-explain-label">Hard word: </span><dfn>minutes</dfn> means the notes.</p></div>
  <ul><li>Sam Okafor, co-production worker</li></ul>
  <p>This story is told by Sam, who is a member of the group, and it was written down by the worker in 2026.</p>
  <blockquote><p>I liked it a lot.</p></blockquote>
  <div class="honeypot" aria-hidden="true"><label>Leave this empty</label></div>
  <p hidden>Secret words nobody sees.</p>
  <section class="page-feedback"><legend>Was this page easy to understand?</legend></section>
  <script>var x = "not text";</script>
</main>
<footer><p>Footer words are not in main.</p></footer>
</body></html>"""

SOURCE = "# Our meeting\n\nWe met on Monday.\nSam ran the meeting.\n"


def test_visible_points_are_the_leaf_blocks_a_reader_sees_in_main():
    points = visible_points(PAGE_HTML)
    assert [(p.kind, p.text) for p in points] == [
        ("heading", "Our meeting"),
        ("paragraph", "We met on Monday. Sam ran the meeting."),
        ("table-cell", "Hard word:"),
        ("paragraph", "minutes means the notes."),
        ("list-item", "Sam Okafor, co-production worker"),
        ("paragraph", "This story is told by Sam, who is a member of the group, and it was written down by "
                      "the worker in 2026."),
        ("quote", "I liked it a lot."),
    ]


def test_the_blocks_the_author_did_not_write_are_the_generated_ones():
    page = page_from_text(SOURCE, Path("m.md"))
    generated = [p.text for p in generated_points(page, visible_points(PAGE_HTML))]
    assert "We met on Monday. Sam ran the meeting." not in generated
    assert "This story is told by Sam, who is a member of the group, and it was written down by the worker in 2026." in generated


def test_generated_lines_get_the_sentence_rules_at_the_pages_title_line():
    page = page_from_text(SOURCE, Path("m.md"))
    authored = check_page(page, SETTINGS, WORDS, text_only=True)
    extra = check_visible(page, visible_points(PAGE_HTML), authored, SETTINGS, WORDS)
    long_line = [p for p in extra if p.rule == "ER-SENT-LEN"]
    assert [(p.line, p.severity.name) for p in long_line] == [(1, "ERROR")]
    assert long_line[0].hint.endswith(LAYOUT_HINT)
    assert not any("Monday" in p.excerpt for p in extra)  # the author's own lines are not reported twice


def test_page_length_counts_what_the_reader_sees():
    body = "\n".join(f"We met on day {n}." for n in range(90))  # 450 words written by the author
    page = page_from_text(f"# Days\n\n{body}\n", Path("d.md"))
    authored = check_page(page, SETTINGS, WORDS, text_only=True)
    assert not [p for p in authored if p.rule == "ER-PAGE-WORDS"]
    shown = "".join(f"<li>Job {n} is for Sam and Priya.</li>" for n in range(20))  # 140 more from the layout, 1 in the title
    html = f"<main><h1>Days</h1><p>{' '.join(f'We met on day {n}.' for n in range(90))}</p><ul>{shown}</ul></main>"
    extra = check_visible(page, visible_points(html), authored, SETTINGS, WORDS)
    assert [p.message for p in extra if p.rule == "ER-PAGE-WORDS"] == ["This page has 591 words."]


def test_words_the_generator_writes_are_its_own_to_explain():
    page = page_from_text("# Sam Okafor\n\nSam works with us.\n", Path("sam.md"))
    html = "<main><h1>Sam Okafor</h1><p>Sam works with us.</p><p>Sam brings lived experience to our work.</p></main>"
    extra = check_visible(page, visible_points(html), [], SETTINGS, WORDS)
    assert not [p for p in extra if p.rule == "ER-HARD-WORD"]
    authored = page_from_text("# Sam Okafor\n\nSam brings lived experience to our work.\n", Path("sam.md"))
    assert [p for p in check_page(authored, SETTINGS, WORDS) if p.rule == "ER-HARD-WORD"]  # an author's words


LONG_ROLE = "worker who helps the members of our group to get ready for every meeting that the board holds in the town"


def test_a_generated_line_that_is_too_long_is_reported_at_its_page(make_site, build_site):
    """The role is in the person's front matter, which the line-by-line check never reads; the built page shows it."""
    site = make_site({"content/people/sam.md": f"---\ntitle: Sam Okafor\nrole: {LONG_ROLE}\n---\n[picture: people]\nSam works with us.\n"})
    report = build_site(site)
    assert report.written
    at_page = [p for p in report.problems if p.rule == "ER-SENT-LEN" and p.file and p.file.as_posix() == "content/people/sam.md"]
    assert [(p.line, p.severity.name) for p in at_page] == [(2, "ERROR")]
    assert LONG_ROLE in at_page[0].excerpt.rstrip("\u2026") or at_page[0].excerpt.rstrip("\u2026") in f"{LONG_ROLE}."
    assert at_page[0].hint.endswith(LAYOUT_HINT)


def test_a_reference_list_is_left_out_but_the_text_around_it_is_read():
    html = ("<main><h1>Our pictures</h1><p>Who made each picture.</p><table><tbody data-reference-list>"
            "<tr><td>A warning sign: a triangle with an exclamation mark.</td><td>CC BY 4.0</td></tr></tbody></table></main>")
    assert [p.text for p in visible_points(html)] == ["Our pictures", "Who made each picture."]


def test_visible_text_is_on_by_default_and_the_example_site_is_strict_clean():
    import subprocess
    import sys

    from conftest import REPO
    assert CheckerSettings().visible_text
    check = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--strict", "--site", str(REPO)],
                           capture_output=True, text=True, timeout=300)
    assert "Easy read: 0 errors, 0 warnings" in check.stdout, check.stdout[-3000:]
    assert check.returncode == 0



def test_a_generated_page_s_kept_findings_follow_the_names_other_pages_give(tmp_path):
    """The checker never calls the site's people hard words, and a minutes page's attended: names them;
    a generated page (the action tracker shows who does each action) is checked again when they change."""
    minutes = MINUTES.replace("who: Jo Bloggs, by: 2026-06-01", "who: Ngozi Quorvanek, by: 2026-06-01")
    site_dir = new_site(tmp_path / "site", {**tiny(), "content/minutes/2026-01-21-board.md": minutes})

    def tracker_key() -> str:
        site = load_site(Options(site_dir=site_dir, today=TODAY)).site
        outputs = {PurePosixPath(g.url.strip("/")) / "index.html": "<main><p>Ngozi Quorvanek</p></main>"
                   for g in site.generated}
        cache = VisibleCache(Store.open(tmp_path / "visible.pickle"), "shared", {})
        [key] = [k for k, ready in _built_pages(site, outputs, cache)
                 if (built := ready()) is not None and built.path == PurePosixPath("actions/index.html")]
        return key
    before = tracker_key()
    (site_dir / "content/minutes/2026-01-21-board.md").write_text(
        minutes.replace("chairs: [Jo Bloggs]", "chairs: [Jo Bloggs]\nattended: [{name: Ngozi Quorvanek}]"),
        encoding="utf-8")
    assert tracker_key() != before


def test_a_build_reads_the_authors_points_back_without_splitting_them_again(make_site, build_site, monkeypatch,
                                                                              tmp_path):
    """The convert stage keeps its counts of each page's points (issue 16), so reading the built page back
    splits only the lines the layouts add; a page whose result comes from the build cache keeps them too."""
    from wtfc_site import visiblecheck
    from wtfc_site.checker.rules import context

    site = make_site({"content/people/sam.md": f"---\ntitle: Sam Okafor\nrole: {LONG_ROLE}\n---\n"
                                               "[picture: people]\nSam works with us.\n\nSam likes the garden.\n"})
    split_while_reading: list[str] = []
    reading = []
    real_split, real_check = context._split, visiblecheck.check_visible

    def split(point, text):
        if reading:
            split_while_reading.append(point.text)
        return real_split(point, text)

    def check(*args):
        reading.append(True)
        try:
            return real_check(*args)
        finally:
            reading.pop()
    monkeypatch.setattr(context, "_split", split)
    monkeypatch.setattr(visiblecheck, "check_visible", check)
    report = build_site(site)
    assert report.written
    assert any(LONG_ROLE in text for text in split_while_reading)  # the layout's line is read
    assert not [t for t in split_while_reading if "Sam works with us." in t or "garden" in t], split_while_reading
    assert [p.line for p in report.problems if p.rule == "ER-SENT-LEN" and p.file
            and p.file.as_posix() == "content/people/sam.md"] == [2]
    (site / "content/index.md").write_text((site / "content/index.md").read_text() + "\nA new line.\n")
    converted = count_conversions(monkeypatch)
    options = Options(site_dir=site, today=TODAY, cache_dir=tmp_path / "cache")  # build_site's cache
    again = load_site(options, build_inputs(options)).site
    assert converted == ["content/index.md"]  # Sam's page came from the cache, with its counts
    [sam] = [page for page in again.pages if page.file.as_posix() == "content/people/sam.md"]
    assert again.page_counts[sam.id].reading.sentences == 2 and again.page_counts[sam.id].words >= 8

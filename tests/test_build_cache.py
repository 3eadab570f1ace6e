"""A build that reuses the cache writes exactly what a clean build writes.

Each test builds a small site, changes one input (a page, a layout, the
glossary, a picture, the settings) or deletes a page, builds again with
the cache, builds a fresh copy with no cache, and compares the two output
folders file by file, byte for byte. Each also checks the change is really
visible, so a build that wrongly kept the old result fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY, count_conversions, new_site, read_html

from wtfc_site import buildcache, convert, pagework, pipeline
from wtfc_site.pipeline import Options, build

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="{colour}"/></svg>\n'

FILES = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] We meet once a month.

        Read [our news](/updates/).
        """,
    "content/updates/2026-01-05-new-bus.md": """
        ---
        title: A new bus
        date: 2026-01-05
        ---
        [picture: meeting] The new bus goes to the town centre.
        """,
    "content/updates/2026-02-09-cafe.md": """
        ---
        title: The cafe is open
        date: 2026-02-09
        ---
        [picture: meeting] The cafe is open on Mondays.

        Read about [the new bus](/updates/2026-01-05-new-bus/).
        """,
    "content/glossary.yaml": """
        - word: partnership
          meaning: a group of teams and people that work together.
        """,
    "easyread_images/index.yaml": """
        pictures:
          meeting:
            file: meeting.svg
            description: people at a meeting
            keywords: [meeting]
            licence: CC0-1.0
            author: test
        """,
    "easyread_images/meeting.svg": PICTURE.format(colour="blue"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` as {relative path: bytes}."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """Build a fresh copy of ``site`` with an empty cache; return its output."""
    copy = tmp_path / "clean-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".wtfc-cache"))
    report = build(Options(site_dir=copy, out_dir=tmp_path / "clean-out", today=TODAY,
                           cache_dir=tmp_path / "clean-cache", use_cache=False))
    assert report.written, report.problems
    # Absolute paths to the site folder would differ; our pages never contain them.
    return snapshot(tmp_path / "clean-out")


def cached_build(site: Path, tmp_path: Path) -> pipeline.Report:
    """Build ``site`` into tmp_path/out, reusing tmp_path/cache."""
    report = build(Options(site_dir=site, out_dir=tmp_path / "out", today=TODAY, cache_dir=tmp_path / "cache"))
    assert report.written, report.problems
    return report


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def edit_page(site: Path) -> None:
    append(site / "content/updates/2026-02-09-cafe.md", "\nThe cafe sells soup now.\n")


def edit_layout(site: Path) -> None:
    from wtfc_site.defaults import default_layouts
    base = (default_layouts() / "base.html").read_text(encoding="utf-8")
    assert "</main>" in base
    (site / "layouts").mkdir(exist_ok=True)
    (site / "layouts/base.html").write_text(base.replace("</main>", "<p>We changed the layout.</p></main>"),
                                            encoding="utf-8")


def edit_layout_twice(site: Path) -> None:
    """Compiled layouts are cached: a second edit of the same layout must still show."""
    edit_layout(site)
    cached_build(site, site.parent)
    path = site / "layouts/base.html"
    path.write_text(path.read_text(encoding="utf-8").replace("We changed the layout.", "We changed it again."),
                    encoding="utf-8")


def edit_glossary(site: Path) -> None:
    append(site / "content/glossary.yaml", "- word: cafe\n  meaning: a place to buy a drink and a snack.\n")


def edit_picture(site: Path) -> None:
    (site / "easyread_images/meeting.svg").write_text(PICTURE.format(colour="green"), encoding="utf-8")


def edit_settings(site: Path) -> None:
    path = site / "content/site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Testshire Together", "Testshire Working Together"),
                    encoding="utf-8")


def delete_page(site: Path) -> None:
    (site / "content/updates/2026-01-05-new-bus.md").unlink()
    path = site / "content/updates/2026-02-09-cafe.md"  # keep the site free of broken links
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Read about [the new bus](/updates/2026-01-05-new-bus/).", "The bus stops outside."), encoding="utf-8")


def edit_title(site: Path) -> None:
    """Another page's title: the lists show it, but no other page's body or findings read it."""
    path = site / "content/updates/2026-01-05-new-bus.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: A new bus", "title: The bus is new"),
                    encoding="utf-8")


def link_by_file(site: Path) -> None:
    """The cafe page names the bus page by its file, so its link follows the page's address."""
    path = site / "content/updates/2026-02-09-cafe.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "(/updates/2026-01-05-new-bus/)", "(updates/2026-01-05-new-bus.md)"), encoding="utf-8")


def edit_address(site: Path) -> None:
    """Move the bus page to a new address: the cafe page's link to it must move too."""
    link_by_file(site)
    cached_build(site, site.parent)
    path = site / "content/updates/2026-01-05-new-bus.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-01-05", "date: 2026-01-05\nslug: bus"),
                    encoding="utf-8")


def edit_imported_by_component(site: Path) -> None:
    """A site's hard word component imports another layout file: editing that file reaches cached pages."""
    append(site / "content/updates/2026-02-09-cafe.md", "\nThe partnership runs the cafe.\n")
    (site / "layouts/components").mkdir(parents=True)
    (site / "layouts/components/_style.html").write_text(
        '{% macro word_class() %}old-style{% endmacro %}\n', encoding="utf-8")
    (site / "layouts/components/hard_word.html").write_text(
        '{% import "components/_style.html" as style %}\n'
        '{% macro hard_word(word) -%}\n<strong class="{{ style.word_class() }}">{{ word }}</strong>\n{%- endmacro %}\n',
        encoding="utf-8")
    cached_build(site, site.parent)
    assert 'class="old-style"' in (site.parent / "out/updates/2026-02-09-cafe/index.html").read_text(encoding="utf-8")
    (site / "layouts/components/_style.html").write_text(
        '{% macro word_class() %}new-style{% endmacro %}\n', encoding="utf-8")


def cafe_links(out: Path) -> list[str]:
    return [a["href"] for a in read_html(out / "updates/2026-02-09-cafe/index.html").select("main a[href]")]


def seen_page(out: Path) -> str:
    return read_html(out / "updates/2026-02-09-cafe/index.html").get_text(" ")


EDITS: dict[str, tuple[Callable[[Path], None], Callable[[dict[str, bytes], Path], bool]]] = {
    "page": (edit_page, lambda files, out: "The cafe sells soup now." in seen_page(out)),
    "layout": (edit_layout, lambda files, out: "We changed the layout." in seen_page(out)),
    "layout twice": (edit_layout_twice, lambda files, out: "We changed it again." in seen_page(out)
                     and "We changed the layout." not in seen_page(out)),
    "glossary": (edit_glossary, lambda files, out: "a place to buy a drink" in seen_page(out)),
    "picture": (edit_picture, lambda files, out: b"green" in files["pictures/meeting.svg"]),
    "settings": (edit_settings, lambda files, out: "Testshire Working Together" in seen_page(out)),
    "other page's title": (edit_title, lambda files, out: "The bus is new" in read_html(
        out / "updates/index.html").get_text(" ")),
    "other page's address": (edit_address, lambda files, out: any(
        "/bus/" in href for href in cafe_links(out)) and not any("new-bus" in href for href in cafe_links(out))),
    "file a hard word component imports": (edit_imported_by_component, lambda files, out: [
        word.get_text() for word in read_html(out / "updates/2026-02-09-cafe/index.html").select("main .new-style")
    ] == ["partnership"]),
    "deleted page": (delete_page, lambda files, out: "updates/2026-01-05-new-bus/index.html" not in files
                     and "A new bus" not in read_html(out / "updates/index.html").get_text(" ")),
}


@pytest.mark.parametrize("change", list(EDITS))
def test_a_cached_build_after_a_change_is_byte_identical_to_a_clean_build(tmp_path: Path, change: str) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    edit, visible = EDITS[change]
    edit(site)
    cached_build(site, tmp_path)
    cached = snapshot(tmp_path / "out")
    assert visible(cached, tmp_path / "out"), f"the {change} change is not in the cached build"
    clean = clean_build(site, tmp_path)
    assert sorted(cached) == sorted(clean)
    different = [name for name in clean if cached[name] != clean[name]]
    assert different == []


def test_after_one_page_changes_only_that_page_is_converted_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    converted = count_conversions(monkeypatch)
    edit_page(site)
    cached_build(site, tmp_path)
    assert len(converted) == 1


def test_after_a_title_changes_only_that_page_is_converted_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's key covers only what other pages give its body and findings (convert.from_other_pages):
    a title of a page that is not a person's is not in it, so the other pages are not converted again."""
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    converted = count_conversions(monkeypatch)
    edit_title(site)
    cached_build(site, tmp_path)
    assert converted == ["content/updates/2026-01-05-new-bus.md"]
    converted.clear()
    edit_address(site)  # builds once after the cafe's link changes, then moves the bus page
    converted.clear()
    cached_build(site, tmp_path)
    assert "content/updates/2026-02-09-cafe.md" in converted  # its link now goes somewhere else


def test_a_build_with_nothing_changed_does_nothing_and_says_the_same(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    first = cached_build(site, tmp_path)
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*") if p.is_file()}
    second = cached_build(site, tmp_path)
    assert second.unchanged and not first.unchanged
    assert (second.pages, second.pictures_chosen) == (first.pages, first.pictures_chosen)
    assert [p.message for p in second.problems] == [p.message for p in first.problems]
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*") if p.is_file()} == before


def test_a_hand_edited_output_file_is_put_right_by_the_next_build(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    page = tmp_path / "out/updates/2026-02-09-cafe/index.html"
    good = page.read_bytes()
    page.write_bytes(b"broken by hand")
    report = cached_build(site, tmp_path)
    assert not report.unchanged
    assert page.read_bytes() == good


def test_only_files_whose_bytes_changed_are_written_again(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    out = tmp_path / "out"
    untouched, edited = out / "updates/2026-01-05-new-bus/index.html", out / "updates/2026-02-09-cafe/index.html"
    before = {path: os.stat(path) for path in (untouched, edited)}
    edit_page(site)
    cached_build(site, tmp_path)
    assert (untouched.stat().st_ino, untouched.stat().st_mtime_ns) == \
        (before[untouched].st_ino, before[untouched].st_mtime_ns)
    assert edited.stat().st_ino != before[edited].st_ino
    assert "soup" in edited.read_text(encoding="utf-8")


def test_pages_done_by_a_pool_of_processes_give_the_same_site(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    files = dict(FILES)
    for number in range(12):
        files[f"content/updates/2026-03-{number + 1:02d}-news.md"] = f"""
            ---
            title: News number {number}
            date: 2026-03-{number + 1:02d}
            ---
            [picture: meeting] We met {number} times this month.
            """
    site = new_site(tmp_path / "site", files)
    serial = clean_build(site, tmp_path)
    pids = tmp_path / "pids.txt"
    original = convert.page_worker

    def recording(site_, cache_dir):
        work = original(site_, cache_dir)

        def recorded(page):
            with pids.open("a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
            return work(page)
        return recorded
    monkeypatch.setattr(convert, "page_worker", recording)
    monkeypatch.setattr(pagework, "POOL_FROM", 1)
    monkeypatch.setattr(pagework, "CHUNK", 2)
    build(Options(site_dir=site, out_dir=tmp_path / "pooled", today=TODAY, cache_dir=tmp_path / "c2",
                  use_cache=False))
    workers = set(pids.read_text(encoding="utf-8").split())
    # Pool processes did the pages (how many of the two got work depends on how busy the machine is).
    assert workers and str(os.getpid()) not in workers
    assert snapshot(tmp_path / "pooled") == serial


def record_rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return a list that gets the output path of every page the build renders from now on."""
    from wtfc_site import render
    rendered: list[str] = []
    original = render._render_into

    def counting(outputs, problems, env, layout, path, context):
        rendered.append(path.as_posix())
        return original(outputs, problems, env, layout, path, context)
    monkeypatch.setattr(render, "_render_into", counting)
    return rendered


def test_after_one_page_changes_only_that_page_and_the_lists_are_rendered_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    rendered = record_rendered_pages(monkeypatch)
    edit_page(site)
    cached_build(site, tmp_path)
    written_pages = {"index.html", "updates/2026-01-05-new-bus/index.html", "updates/2026-02-09-cafe/index.html"}
    assert written_pages & set(rendered) == {"updates/2026-02-09-cafe/index.html"}
    assert "updates/index.html" not in rendered  # a list shows no body: it is kept (test_one_page_edit.py)


def test_findings_on_what_readers_see_come_from_the_cache_the_same_as_from_a_clean_build(tmp_path: Path) -> None:
    """The visible-text check keeps each page's findings; a layout or page change must still show."""
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    edit_layout(site)
    path = site / "layouts/base.html"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "We changed the layout.", "We endeavour to utilise the facility."), encoding="utf-8")
    cached_build(site, tmp_path)
    edit_page(site)  # the other pages' visible findings now come from the cache
    cached = cached_build(site, tmp_path).problems
    copy = tmp_path / "clean-copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".wtfc-cache"))
    clean = build(Options(site_dir=copy, out_dir=tmp_path / "clean-out", today=TODAY,
                          cache_dir=tmp_path / "clean-cache", use_cache=False)).problems

    def seen(problems) -> list[tuple]:
        return sorted((p.rule, p.message, p.line, p.file.name if p.file else "") for p in problems)
    assert any("utilise" in p.message or "endeavour" in p.message for p in clean), "the layout's line is checked"
    assert seen(cached) == seen(clean)


def test_the_search_index_reads_only_changed_pages_and_changes_only_their_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is made page by page: a draft's edit changes no HTML, so no page is read again; one
    page's edit reads that page alone and patches the last index; a spoilt index is made whole again.
    Every time the output is the same as a clean build's."""
    from wtfc_site.publish import search
    files = {**FILES, "content/updates/2026-04-01-plans.md": """
        ---
        title: Our plans
        date: 2026-04-01
        draft: yes
        ---
        [picture: meeting] We plan a trip.
        """}
    site = new_site(tmp_path / "site", files)
    cached_build(site, tmp_path)
    read: list[bytes] = []
    made_whole: list[int] = []
    original_read, original_build = search.page_record, search.build_index

    def reading(page: bytes):
        read.append(page)
        return original_read(page)

    def building(pages):
        made_whole.append(1)
        return original_build(pages)
    monkeypatch.setattr(search, "page_record", reading)
    monkeypatch.setattr(search, "build_index", building)
    append(site / "content/updates/2026-04-01-plans.md", "\nWe plan a picnic too.\n")
    report = cached_build(site, tmp_path)
    assert not report.unchanged and read == [] and made_whole == []
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)
    read.clear(), made_whole.clear()  # the clean build read every page
    (tmp_path / "out/search-index/entry.json").write_text("{}", encoding="utf-8")  # a hand-spoilt index
    cached_build(site, tmp_path)
    assert read == [] and made_whole == [1]  # made whole from the kept records
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)
    read.clear(), made_whole.clear()
    before = {p.name: p.stat().st_ino for p in (tmp_path / "out/search-index").iterdir()}
    old_pages = {name: data for name, data in snapshot(tmp_path / "out").items() if name.endswith(".html")}
    append(site / "content/updates/2026-02-09-cafe.md", "\nThe cafe sells kiwi fruit now.\n")
    cached_build(site, tmp_path)
    assert any(b"The cafe sells kiwi fruit now." in page for page in read) and made_whole == []
    assert not set(read) & set(old_pages.values()), "only pages whose bytes changed are read"
    assert len(read) <= 2, len(read)  # the cafe and the pictures page, which lists where each is shown
    after = {p.name: p.stat().st_ino for p in (tmp_path / "out/search-index").iterdir()}
    assert set(before) <= set(after)
    rewritten = sorted(name for name in before if before[name] != after[name])
    assert "terms-ki.json" in set(after) - set(before)  # 'kiwi' is a new word, in a new shard
    assert "terms-bu.json" not in rewritten and len(rewritten) < len(before) / 3, rewritten  # the rest linked
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_page_showing_a_new_picture_renders_again_only_itself_the_lists_and_the_credits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a layout that lists every picture (the credits) depends on the set of pictures the site shows."""
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    rendered = record_rendered_pages(monkeypatch)
    append(site / "content/updates/2026-02-09-cafe.md", "\n[picture: money] The soup costs one pound.\n")
    cached_build(site, tmp_path)
    content_pages = {"index.html", "updates/2026-01-05-new-bus/index.html", "updates/2026-02-09-cafe/index.html"}
    assert content_pages & set(rendered) == {"updates/2026-02-09-cafe/index.html"}
    cached = snapshot(tmp_path / "out")
    assert "pictures/money.svg" in cached and b"money" in cached["pictures/index.html"]
    assert cached == clean_build(site, tmp_path)


def test_a_build_with_nothing_changed_loads_no_stage_of_the_pipeline(tmp_path: Path) -> None:
    """The command line asks whether anything changed before it loads Markdown, Jinja or the checker."""
    import json
    import subprocess
    import sys
    site = new_site(tmp_path / "site", FILES)
    script = ("import json, sys; from wtfc_site.cli import main; "
              f"code = main(['build', '--site', {str(site)!r}, '--today', {TODAY.isoformat()!r}]); "
              "print(json.dumps([code, sorted(m for m in ('wtfc_site.pipeline', 'jinja2', 'markdown') "
              "if m in sys.modules)]))")
    said = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).resolve().parent.parent)
        said.append((json.loads(done.stdout.splitlines()[-1]), done.stdout))
    (first_code, first_loaded), first_out = said[0]
    (second_code, second_loaded), second_out = said[1]
    assert first_code == second_code == 0 and "wtfc_site.pipeline" in first_loaded
    assert second_loaded == [] and "(nothing had changed)" in second_out


def test_a_settings_file_added_at_the_top_of_the_site_is_refused_after_a_good_build(tmp_path: Path) -> None:
    """The "nothing changed" short cut must see a misplaced site.yaml, which a clean build refuses."""
    import subprocess
    import sys
    site = new_site(tmp_path / "site", FILES)
    command = [sys.executable, "build.py", "build", "--site", str(site), "--today", TODAY.isoformat()]
    here = Path(__file__).resolve().parent.parent
    first = subprocess.run(command, capture_output=True, text=True, cwd=here)
    assert first.returncode == 0, first.stdout + first.stderr
    before = buildcache.site_inputs(site, "options").files
    (site / "site.yaml").write_text("site_name: Misplaced\n", encoding="utf-8")
    assert buildcache.site_inputs(site, "options").files == {**before, "site.yaml": buildcache.digest(
        b"site_name: Misplaced\n")}  # the key the short cut compares covers it
    second = subprocess.run(command, capture_output=True, text=True, cwd=here)
    said = second.stdout + second.stderr
    assert second.returncode != 0 and "SITE-CONFIG-PLACE" in said and "nothing had changed" not in said, said


@pytest.mark.parametrize("library", ["wordfreq", "lxml"])
def test_a_new_version_of_a_library_the_checks_use_is_a_new_generator(library: str, monkeypatch) -> None:
    """A wordfreq upgrade changes which words are hard, an lxml one the visible text: no cached findings."""
    before = buildcache.generator_key()
    real = buildcache._installed_versions
    monkeypatch.setattr(buildcache, "_installed_versions", lambda: {**real(), library: "999.0"})
    assert buildcache.generator_key() != before


def test_a_library_not_found_by_its_folder_name_is_asked_of_importlib_metadata(monkeypatch) -> None:
    """An egg or an odd install: the version comes from its metadata, the same as a wheel's folder name says."""
    before = buildcache.generator_key()
    monkeypatch.setattr(buildcache, "_installed_versions", lambda: {})
    assert buildcache.generator_key() == before

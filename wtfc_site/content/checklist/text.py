"""The checklist's own words, for the easy-read checker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...points import PageText, Point
from .data import SYMBOLS, Check, Checklist, IdeaDefinition
from .links import BASE_URL
from .pages import evidence_view, words_explained


def make_texts(site: Any, checklist: Checklist) -> list[PageText]:
    """Return the checklist's own words, by source file and page, for the easy-read checker.

    Each sentence is given once, on the page that shows it in full: the
    definition and the latest evidence and next steps on the big idea pages,
    the check before's next steps there too, and each summary on its check's page.
    """
    texts = []
    latest = checklist.checks[-1]
    before = checklist.checks[-2] if len(checklist.checks) > 1 else None
    for index, idea in enumerate(checklist.definition.ideas):
        url = f"{BASE_URL}{idea.id}/"
        texts.append(_text(site, checklist.definition_file, url, idea.title,
                           checklist.idea_line(index, "title"), _definition_points(checklist, index, latest)))
        texts.append(_text(site, latest.file, url, "", 0, _result_points(latest, idea, site)))
        if before is not None:
            texts.append(_text(site, before.file, url, "", 0, _step_points(before, idea, latest)))
    texts += _own_words(site, checklist)
    for check in checklist.checks:
        if check.data.title or check.data.intro:
            points = [_point(check.lines.line_of(("intro", i)), text, "paragraph", "date")
                      for i, text in enumerate(check.data.intro)]
            texts.append(_text(site, check.file, f"{BASE_URL}{check.key}/", check.data.title,
                               check.lines.line_of(("title",)) if check.data.title else 0, points))
        if check.data.summary:
            point = Point(check.lines.line_of(("summary",)), check.data.summary, "paragraph",
                          picture="date", chosen_picture="date")
            texts.append(_text(site, check.file, f"{BASE_URL}{check.key}/", "", 0, [point]))
    return [t for t in texts if t.points or t.title]


def _own_words(site: Any, checklist: Checklist) -> list[PageText]:
    """Return the own titles and introductions of pages.yaml, each on the page that shows it."""
    if checklist.pages_file is None:
        return []
    pages: list[tuple[tuple[str, ...], str, Any, str]] = [(("overview",), BASE_URL, checklist.pages.overview, "check")]
    pages += [(("ideas", key), f"{BASE_URL}{key}/", words, "check") for key, words in checklist.pages.ideas.items()]
    texts = []
    for path, url, words, picture in pages:
        points = [_point(checklist.pages_line(*path, "intro", i), text, "paragraph", picture)
                  for i, text in enumerate(words.intro)]
        if words.summary:
            points.append(_point(checklist.pages_line(*path, "summary"), words.summary, "paragraph", None))
        title_line = checklist.pages_line(*path, "title") if words.title else 0
        texts.append(_text(site, checklist.pages_file, url, words.title, title_line, points))
    return texts


def _text(site: Any, file: Path, url: str, title: str, title_line: int, points: list[Point]) -> PageText:
    hard, short = words_explained(site, [title, *(p.text for p in points)])
    return PageText(file=file, url=url, title=title, title_line=title_line, content_type="checklist",
                    easy_read=True, points=tuple(points),
                    abbreviations_explained=frozenset(s for s, _ in short),
                    glossary_words=site.glossary.known_forms)


def _point(line: int, text: str, kind: str, picture: str | None) -> Point:
    return Point(line, " ".join(text.split()), kind, picture=picture or "none", chosen_picture=picture)


def _definition_points(checklist: Checklist, index: int, latest: Check) -> list[Point]:
    idea = checklist.definition.ideas[index]
    points = [_point(checklist.idea_line(index, "about"), idea.about, "paragraph", idea.picture)]
    for number, item in enumerate(idea.items):
        line = lambda key, number=number: checklist.idea_line(index, "items", number, key)  # noqa: E731
        points += [_point(line("title"), item.title, "heading", SYMBOLS[latest.data.ratings[item.id].rating]),
                   _point(line("doing_well"), item.doing_well, "paragraph", SYMBOLS["doing well"]),
                   _point(line("more_to_do"), item.more_to_do, "paragraph", SYMBOLS["more to do"])]
    return points


def _result_points(check: Check, idea: IdeaDefinition, site: Any) -> list[Point]:
    points = []
    for item in idea.items:
        for index, evidence in enumerate(check.data.ratings[item.id].evidence):
            points.append(_point(check.line(item.id, "evidence", index, "text"), evidence.text, "list-item",
                                 evidence_view(site, evidence).picture))
    return points + _step_points(check, idea)


def _step_points(check: Check, idea: IdeaDefinition, latest: Check | None = None) -> list[Point]:
    """Return a check's next steps as points; with ``latest``, only those it does not say again."""
    return [_point(check.line(item.id, "next_steps", index), step, "list-item", "action")
            for item in idea.items for index, step in enumerate(check.data.ratings[item.id].next_steps)
            if not (latest and step in latest.data.ratings[item.id].next_steps)]

"""Assemble every parsed page into a Site: indexes, versions, actions, links.

All pages are parsed before any is converted or rendered, so links,
counterparts and action references can be checked across the whole site.
"""

from __future__ import annotations

import datetime as dt
import pickle
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .actions import Action
from .config import SiteConfig
from .content import url_for
from .content.base import Page
from .content.minutes import MinutesMeta
from .datasets import Backlink, DataPage, DataResult
from .discover import link_keys
from .errors import Problem
from .findings import PackedProblems
from .markdown import Body
from .pictures.library import PictureLibrary
from .words import Abbreviations, Glossary

if TYPE_CHECKING:  # Pillow is loaded only by the stage that makes pictures; the checker's rules by the checks
    from .checker import PointCounts
    from .pictures.process import ImageFile, ProcessedImage


@dataclass(frozen=True)
class PackedBody:
    """A converted body kept pickled, with the little every build needs from each page's body.

    A page's result comes from the build cache with its body still packed:
    a build after a one-page edit renders, checks and reads back only that
    page, so unpickling every page's points was wasted (a third of loading
    the cache). The pickle is compressed (zlib's fastest level): every
    page's body is held to the end of the build, and packed so it is a fifth
    the size (11 KB a page to 2.3 KB on the bench site: some 90 MB less at
    10,000 pages) for about 0.08 ms to pack and 0.04 ms to unpack a page.
    """

    data: bytes
    pictures: tuple[str, ...]
    """The library pictures the body shows (Body.pictures)."""
    chosen: int
    """How many of its points' pictures the library chose."""

    @classmethod
    def pack(cls, body: Body) -> PackedBody:
        """Return ``body`` packed."""
        return cls(zlib.compress(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL), 1), tuple(body.pictures),
                   sum(point.picture_was_chosen for point in body.points))

    def unpack(self) -> Body:
        """Return the body."""
        return pickle.loads(zlib.decompress(self.data))


class Bodies(Mapping[str, Body]):
    """Page id -> converted body, each unpacked the first time it is asked for."""

    def __init__(self, packed: dict[str, PackedBody]):
        self._packed = packed
        self._unpacked: dict[str, Body] = {}

    def __getitem__(self, page_id: str) -> Body:
        body = self._unpacked.get(page_id)
        if body is None:
            body = self._unpacked[page_id] = self._packed[page_id].unpack()
        return body

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def unpacked_once(self, page_id: str) -> Body | None:
        """Return the body (None if there is none) without keeping it unpacked: a stage that reads each
        body once (rendering, reading back) would otherwise end up holding every page's points."""
        body = self._unpacked.get(page_id)
        if body is None and page_id in self._packed:
            return self._packed[page_id].unpack()
        return body

    def pictures_shown(self) -> set[str]:
        """Return every library picture the bodies show, unpacking none."""
        return {name for packed in self._packed.values() for name in packed.pictures}

    def pictures_chosen(self) -> int:
        """Return how many pictures the library chose in all the bodies, unpacking none."""
        return sum(packed.chosen for packed in self._packed.values())


def pictures_shown(bodies: Mapping[str, Body]) -> set[str]:
    """Return every library picture the bodies show."""
    if isinstance(bodies, Bodies):
        return bodies.pictures_shown()
    return {name for body in bodies.values() for name in body.pictures}


def body_once(bodies: Mapping[str, Body], page_id: str) -> Body | None:
    """Return a page's body (None if it has none), not keeping it unpacked (``Bodies.unpacked_once``)."""
    return bodies.unpacked_once(page_id) if isinstance(bodies, Bodies) else bodies.get(page_id)


def pictures_chosen(bodies: Mapping[str, Body]) -> int:
    """Return how many of the bodies' pictures the library chose."""
    if isinstance(bodies, Bodies):
        return bodies.pictures_chosen()
    return sum(point.picture_was_chosen for body in bodies.values() for point in body.points)


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes itself (a list, the hard words, the form)."""

    url: str
    title: str
    layout: str
    summary: str
    picture: str
    content_type: str = ""
    """For list pages: the type they list."""


GENERATED_PAGES: tuple[GeneratedPage, ...] = (
    GeneratedPage("/minutes/", "Meeting notes", "list.html",
                  "Notes from our meetings. They say what we decided.", "minutes", "minutes"),
    GeneratedPage("/updates/", "News", "list.html",
                  "News about our work. The newest news is first.", "news", "update"),
    GeneratedPage("/stories/", "Our stories", "list.html",
                  "Real stories, told by people in their own words.", "story", "story"),
    GeneratedPage("/people/", "Who we are", "people.html",
                  "The people who do this work with us.", "people", "person"),
    GeneratedPage("/you-said-we-did/", "You said, we did", "answers.html",
                  "What people told us. What we did about it.", "feedback", "answer"),
    GeneratedPage("/actions/", "Jobs we agreed to do", "actions.html",
                  "The jobs our meetings agreed. It says if each job is done.", "action"),
    GeneratedPage("/hard-words/", "Hard words", "hard_words.html",
                  "Hard words we use. What each word means.", "hard-words"),
    GeneratedPage("/short-forms/", "Short forms of words", "short_forms.html",
                  "We write some words in a short way. This page says what they mean.", "short-forms"),
    GeneratedPage("/pictures/", "Our pictures", "credits.html",
                  "Where the pictures on this website come from.", "photo-consent"),
    GeneratedPage("/feedback/", "Tell us what you think", "feedback.html",
                  "You can tell us what you think about our work.", "feedback"),
    GeneratedPage("/feedback/thank-you/", "Thank you", "thank_you.html",
                  "Thank you for telling us what you think.", "thank-you"),
    GeneratedPage("/search/", "Search this website", "search.html",
                  "Type a word to find the pages about it.", "search"),
    GeneratedPage("/a-z/", "All our pages from A to Z", "a_z.html",
                  "Every page on this website, in A to Z order.", "search"),
)


@dataclass(frozen=True)
class StaticFile:
    """A file copied to the site as it is."""

    source: Path
    output: PurePosixPath


@dataclass(frozen=True)
class Site:
    """Everything the checker and the renderer need, as plain data."""

    site_dir: Path
    config: SiteConfig
    pages: tuple[Page, ...]
    by_id: dict[str, Page]
    by_url: dict[str, Page]
    counterparts: dict[str, str]
    """Page id -> the id of its other version (both ways)."""
    glossary: Glossary
    abbreviations: Abbreviations
    library: PictureLibrary
    static_files: tuple[StaticFile, ...]
    generated: tuple[GeneratedPage, ...]
    today: dt.date
    actions: tuple[Action, ...] = ()
    bodies: Mapping[str, Body] = field(default_factory=dict)
    """Page id -> converted body (a Bodies after the convert stage: unpacked only when used)."""
    datasets: dict[str, DataResult] = field(default_factory=dict)
    """What each dataset (checklist, Working Together for Change) added, by the content/ folder it reads."""
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    """Page id -> links shown on that page to the pages that use it (the golden thread, both ways)."""
    page_findings: dict[str, PackedProblems] = field(default_factory=dict)
    """Page id -> its easy-read findings, made when its body was converted (check_site reads them), packed."""
    page_counts: dict[str, PointCounts] = field(default_factory=dict)
    """Page id -> the checker's counts of its points, made with its findings: the visible-text check adds
    the layouts' lines to them instead of splitting every point into sentences again."""
    decision_pictures: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Minutes page id -> the picture beside each decision, in order."""
    photos: dict[str, ProcessedImage] = field(default_factory=dict)
    """Person page id -> the person's processed photo (only when they agreed to show it)."""
    photo_files: dict[PurePosixPath, ImageFile] = field(default_factory=dict)
    """Every processed photo file to write, by its path in the output."""
    layout_pictures: set[str] = field(default_factory=set)
    """Library pictures the layouts asked for while the pages were rendered (render.LayoutPictures)."""

    def data_pages(self) -> list[DataPage]:
        """Return every page the datasets add."""
        return [page for result in self.datasets.values() for page in result.pages]

    def dataset_actions(self) -> tuple[Action, ...]:
        """Return the jobs the datasets add (a plan's own steps), to list with the meetings' jobs."""
        return tuple(action for result in self.datasets.values() for action in result.actions)

    def pages_of(self, content_type: str) -> list[Page]:
        """Return the pages of one type, in their list order."""
        pages = [p for p in self.pages if p.content_type == content_type]
        return sorted(pages, key=_list_order)

    def url(self, path: str) -> str:
        """Return a site path with the base URL in front, e.g. /my-tcp/minutes/."""
        return self.config.base_url + path.lstrip("/")

    def picture_url(self, name: str) -> str:
        """Return the address of a library picture."""
        picture = self.library.get(name)
        suffix = ".svg" if picture is None or picture.suffix == ".svg" else ".png"  # rasters become clean PNGs
        return self.url(f"/pictures/{name}{suffix}")

    @property
    def policy(self) -> Page | None:
        """Return the easy-read co-production policy, linked from every page."""
        policies = [p for p in self.pages_of("policy") if p.easy_read] or self.pages_of("policy")
        return policies[0] if policies else None

    def counterpart(self, page: Page) -> Page | None:
        """Return the other version of ``page`` (easy read or standard), if any."""
        other = self.counterparts.get(page.id)
        return self.by_id.get(other) if other else None

    def actions_of(self, page: Page) -> list[Action]:
        """Return the actions agreed in a meeting (shared by both versions)."""
        owner = self.action_owner(page)
        return [a for a in self.actions if a.page_id == owner]

    def actions_for(self, name: str) -> list[Action]:
        """Return the actions a person agreed to do, also when shared ('Sam Okafor and Priya Shah')."""
        import re
        pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        return sorted((a for a in self.actions if pattern.search(a.who)), key=lambda a: (a.by, a.ref))

    def action_owner(self, page: Page) -> str:
        """Return the id of the page that owns a meeting's actions."""
        other = self.counterpart(page)
        if other and other.easy_read and not page.easy_read and getattr(other.meta, "actions", None):
            return other.id
        return page.id


def _list_order(page: Page) -> tuple:
    meta = page.meta
    when = getattr(meta, "date", None) or getattr(meta, "meeting_date", None)
    newest_first = -(when.toordinal()) if when else 0
    return (meta.order, newest_first, meta.title.lower())


def index_pages(pages: list[Page]) -> tuple[dict[str, Page], dict[str, Page], list[Problem]]:
    """Return pages by id and by URL; two pages with one URL are errors."""
    by_id: dict[str, Page] = {}
    by_url: dict[str, Page] = {}
    problems: list[Problem] = []
    generated = {g.url for g in GENERATED_PAGES}
    for page in pages:
        by_id[page.id] = page
        if page.url in by_url or page.url in generated:
            first = by_url.get(page.url)
            if first:
                message = (f"{first.file.as_posix()} and {page.file.as_posix()} would both have the address "
                           f"{page.url}.")
            else:
                message = f"This page would have the address {page.url}, which the build uses for its own page."
            problems.append(Problem(
                page.file, page.line_of("slug") if page.meta.slug else 1, message,
                hint="Rename one of the files, or give one a 'slug:' in its front matter, so each page has "
                     "its own address.", rule="LINK-DUPLICATE-URL"))
            continue
        by_url[page.url] = page
    return by_id, by_url, problems


def link_versions(pages: list[Page], by_id: dict[str, Page]) -> tuple[dict[str, str], list[Problem]]:
    """Return each page's other version, checking that both name each other."""
    pairs: dict[str, str] = {}
    problems: list[Problem] = []
    for page in pages:
        key = "full_version" if page.easy_read else "easy_read_version"
        named = getattr(page.meta, key).strip().strip("/").removesuffix(".md")
        if not named:
            continue
        other = by_id.get(named)
        if other is None:
            problems.append(_version_problem(page, key, f"There is no page '{named}'.",
                                             "Write the other version's id: its path in content/ without .md."))
        elif other.easy_read == page.easy_read:
            problems.append(_version_problem(page, key, f"'{named}' is also {'an easy-read' if page.easy_read else 'a standard'} page.",
                                             "One version must be easy-read and the other standard."))
        elif pairs.get(page.id, named) != named or pairs.get(named, page.id) != page.id:
            problems.append(_version_problem(page, key, f"'{named}' already belongs with another page.",
                                             "Each page can have one other version. Check both files."))
        else:
            pairs[page.id], pairs[named] = named, page.id
    problems.extend(_check_back_links(pages, by_id, pairs))
    return pairs, problems


def _check_back_links(pages: list[Page], by_id: dict[str, Page], pairs: dict[str, str]) -> list[Problem]:
    problems = []
    for page in pages:
        key = "easy_read_version" if page.easy_read else "full_version"
        named = getattr(page.meta, key).strip().strip("/").removesuffix(".md")
        if named and pairs.get(page.id) not in (None, named):
            problems.append(_version_problem(
                page, key, f"This page names '{named}', but '{pairs[page.id]}' names this page.",
                "Make the two pages name each other, or delete this line (the link back is made for you)."))
    return problems


def _version_problem(page: Page, key: str, message: str, hint: str) -> Problem:
    return Problem(page.file, page.line_of(key), message, hint=hint, rule="LINK-VERSION")


def gather_actions(pages: list[Page], pairs: dict[str, str]) -> tuple[list[Action], list[Problem]]:
    """Return every meeting action once: the easy-read minutes own a meeting's list."""
    actions: list[Action] = []
    problems: list[Problem] = []
    for page in pages:
        meta = page.meta
        if not isinstance(meta, MinutesMeta) or not meta.actions:
            continue
        other_id = pairs.get(page.id)
        if not page.easy_read and other_id:
            continue  # its easy-read version owns the list; the checker compares the two
        for index, item in enumerate(meta.actions):
            actions.append(Action(
                ref=f"{page.id}#{item.id}", id=item.id, what=item.what, who=item.who, by=item.by,
                status=item.status, page_id=page.id, page_url=page.url, meeting_title=meta.title,
                meeting_date=meta.meeting_date, file=page.file, line=page.line_of("actions", index),
                done_on=item.done_on, checklist=item.checklist, note=item.note))
    return actions, problems


def known_urls(pages: list[Page]) -> set[str]:
    """Return every site path a link may point to."""
    return {p.url for p in pages} | {g.url for g in GENERATED_PAGES}


def resolver(by_id: dict[str, Page], urls: set[str], static: set[str], base_url: str):
    """Return resolve(href) -> final href or None, for links written by authors.

    A link may name a page by its file (with or without .md, spaces or %20,
    in any case) or by its address.
    """
    pages = _page_lookup(by_id)
    static_lower = {s.lower(): s for s in static}

    def resolve(href: str) -> str | None:
        path, hash_, fragment = href.partition("#")
        path = path.split("?", 1)[0].strip()
        fragment = hash_ + fragment
        target = _target(path.lstrip("/"), pages, urls, static, static_lower)
        return None if target is None else base_url + target.lstrip("/") + fragment
    return resolve


def _page_lookup(by_id: dict[str, Page]) -> dict[str, str]:
    """Return every way of naming a page (id, id in lower case, address) -> its address."""
    lookup: dict[str, str] = {}
    for page_id, page in by_id.items():
        for key in (page.url.strip("/"), page_id.lower(), page_id):
            lookup[key] = page.url
    return lookup


def _target(path: str, pages: dict[str, str], urls: set[str], static: set[str],
            static_lower: dict[str, str]) -> str | None:
    if path in static:
        return "/" + path
    written = unquote(path)
    if written in static or written.lower() in static_lower:
        return "/" + static_lower.get(written.lower(), written)
    if not path.strip("/"):
        return "/" if "/" in urls else None
    for key in link_keys(path):
        if key in pages:
            return pages[key]
        candidate = "/" + key + "/"
        if key and candidate in urls:
            return candidate
    return None


__all__ = ["Site", "GeneratedPage", "GENERATED_PAGES", "StaticFile", "index_pages", "link_versions",
           "gather_actions", "known_urls", "resolver", "url_for"]


def reference_exists(site: Site, ref: str) -> bool:
    """Return True when ``ref`` names a page, a page's action, or a generated page."""
    path, _, fragment = ref.strip().strip("/").partition("#")
    path = path.removesuffix(".md")
    page = site.by_id.get(path)
    if page is None:
        return ("/" + path + "/") in {g.url for g in site.generated} and not fragment
    if not fragment:
        return True
    owner = site.action_owner(page)
    return any(a.page_id == owner and a.id == fragment for a in site.actions)

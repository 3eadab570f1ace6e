"""The convert stage: every page's Markdown body → HTML rows of points, with
pictures chosen, photos made, links resolved and the page's easy-read
findings worked out at the same time.

``convert_bodies`` is all the pipeline calls. A page whose key is in the
build cache is not converted again; the others are shared out over the
cores by ``pagework.run_pages``.

What a page's key covers (``page_keys``)
----------------------------------------
Its own file's bytes; every input that is not a page (settings, glossary,
short forms, pictures, data files, the body's layout components, this
program — ``SiteInputs.shared_key``); the build date; and exactly what the
conversion and the checker read from the OTHER pages (``from_other_pages``):

- every page's id and address, and the addresses of the pages made from
  data: links are resolved to them, and a missing one is a broken link;
- the proper names: the picture chooser's (people's page titles) and the
  checker's (people's page titles, who chaired, came to or sent apologies
  to a meeting, who told a story), which are never hard words.

Nothing else from another page reaches a page's body or findings: a link
shows the words its author wrote, never the other page's title. So editing
one page's body, summary or date converts only that page again; editing a
title converts again only when the page is a person's (a name) or its
address changes. What a LAYOUT may read from any page's front matter is
covered by the render key instead (``pipeline``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .buildcache import SiteInputs, Store, digest
from .checks import checker_names, page_check, site_wordlists
from .content.base import Page
from .crosschecks import link_resolver
from .errors import Problem
from .findings import PackedProblems
from .markdown import BodyContext, BodyConverter, PictureChoice
from .pagework import PageResult, page_key, run_pages
from .photos import Photos, photo_maker
from .pictures.choice import PictureChooser, make_chooser, site_names
from .pictures.library import PictureLibrary, unknown_picture
from .progress import Counter, Progress
from .render import make_environment
from .site import Bodies, PackedBody, Site
from .wordmarkup import BODY_LAYOUTS, WordMarkup


def convert_bodies(site: Site, photos: Photos, problems: list[Problem], store: Store | None = None,
                   inputs: SiteInputs | None = None, *, progress: Progress | None = None,
                   pool: bool = True) -> Bodies:
    """Return every page's converted body; link and picture problems go to ``problems``.

    Each page's easy-read findings are worked out at the same time and kept
    in ``site.page_findings`` for check_site; the pictures beside the
    decisions in minutes go to ``site.decision_pictures``.
    """
    keys = page_keys(site, inputs) if store is not None else [""] * len(site.pages)
    counter = Counter(progress, len(site.pages))
    worker = page_worker(site, photos.cache_dir)
    results = run_pages(site.pages, keys, worker, store, counter, pool=pool)
    packed = {}
    for page, result in zip(site.pages, results):
        problems.extend(result.problems)
        photos.files.update(result.photo_files)
        packed[page.id] = result.body
        site.page_findings[page.id] = result.findings
        if result.counts is not None:
            site.page_counts[page.id] = result.counts
    bodies = Bodies(packed)
    # The worker's chooser: made once whether pages or decisions want it first, and not at all for a site with
    # no minutes whose pages all come from the cache (making one cost 0.03 s, twice on a one-page edit).
    site.decision_pictures.update({
        page.id: decision_pictures(page, picture_chooser(site, page, worker.chooser()), problems)
        for page in site.pages_of("minutes")})
    return bodies


def page_files(site: Site) -> list[str]:
    """Return each page's file as named in SiteInputs.files (relative to the site folder)."""
    site_dir = site.site_dir
    resolved = site_dir.resolve()
    # Pages are found under the site folder, so cutting off its name is enough: no look-up on the disk,
    # and no Path arithmetic (relative_to for 10,000 pages, four times a build, cost 0.3 s).
    prefix = str(site_dir).rstrip(os.sep) + os.sep
    names = []
    for page in site.pages:
        text = str(page.path)
        if text.startswith(prefix):
            names.append(text[len(prefix):].replace(os.sep, "/"))
        else:
            names.append(page.path.resolve().relative_to(resolved).as_posix())
    return names


def page_keys(site: Site, inputs: SiteInputs | None) -> list[str]:
    """Return each page's cache key ('' for none): see the module's notes for what it covers."""
    if inputs is None:
        return [""] * len(site.pages)
    names = page_files(site)
    shared = digest(shared_key(inputs, names), from_other_pages(site), site.today.isoformat())
    return [page_key(shared, page.id, inputs.files[name]) if inputs.files.get(name) else ""
            for page, name in zip(site.pages, names)]


def shared_key(inputs: SiteInputs, names: list[str]) -> str:
    """Return the hash of every input that is not a page (``names``) and reaches every page's conversion."""
    return inputs.shared_key(set(names), BODY_LAYOUTS)


def from_other_pages(site: Site) -> str:
    """Return the hash of all that one page's conversion and check read from the other pages."""
    addresses = sorted((page_id, page.url) for page_id, page in site.by_id.items())
    data_addresses = sorted(page.url for page in site.data_pages())
    return digest("from other pages", repr(addresses), repr(data_addresses), repr(site_names(site)),
                  repr(checker_names(site)))


def page_worker(site: Site, cache_dir: Path) -> PageWorker:
    """Return work(page) -> PageResult, converting and checking one page."""
    return PageWorker(site, cache_dir)


@dataclass
class PageWorker:
    """Converts and checks one page; its tools are made on first use, so a build whose
    pages all come from the cache never makes them, and a pool's processes inherit them."""

    site: Site
    cache_dir: Path
    _tools: tuple | None = None
    _chooser: PictureChooser | None = None

    def prepare(self) -> tuple:
        """Make the Markdown converter, link resolver, picture chooser, word lists and word markup, once."""
        if self._tools is None:
            site = self.site
            self._tools = (BodyConverter(), link_resolver(site), self.chooser(),
                           site_wordlists(site), WordMarkup(make_environment(site.site_dir)))
        return self._tools

    def chooser(self) -> PictureChooser:
        """Return the site's picture chooser, made on first use (its caches are only memos: sharing is safe)."""
        if self._chooser is None:
            self._chooser = make_chooser(self.site.library, site_names(self.site))
        return self._chooser

    def __call__(self, page: Page) -> PageResult:
        converter, resolve, chooser, words, word_markup = self.prepare()
        site = self.site
        photos = Photos(site.site_dir, self.cache_dir)
        problems: list[Problem] = []
        ctx = BodyContext(
            file=page.file, body_line=page.body_line, easy_read=page.easy_read,
            glossary=site.glossary, abbreviations=site.abbreviations,
            choose_picture=picture_chooser(site, page, chooser), resolve_link=resolve,
            image_html=photo_maker(site, page, photos, problems),
            quoted=page.content_type == "story", words=word_markup)
        body = converter.convert(page.body, ctx)
        problems.extend(body.problems)
        problems.extend(broken_links(page, body))
        findings, counts = page_check(site, page, site.config.checker, words, body)
        return PageResult(PackedBody.pack(body), tuple(problems), PackedProblems.pack(findings), dict(photos.files),
                          counts)


def decision_pictures(page: Page, choose, problems: list[Problem]) -> tuple[str, ...]:
    """Return the picture name ('' for none) beside each decision in a set of minutes."""
    names = []
    for index, decision in enumerate(getattr(page.meta, "decisions", ())):
        if decision.picture == "none":
            names.append("")
            continue
        choice = choose(decision.picture, decision.what, page.line_of("decisions", index))
        if choice.problem:
            problems.append(choice.problem)
        names.append(choice.name or "")
    return tuple(names)


def picture_chooser(site: Site, page: Page, chooser: PictureChooser):
    """Return choose(marker, text, line) -> PictureChoice for one page's points."""
    library: PictureLibrary = site.library

    def choose(marker: str, text: str, line: int) -> PictureChoice:
        if marker != "auto":
            if library.get(marker) is None:
                return PictureChoice(None, problem=unknown_picture(page.file, line, marker, library))
            return PictureChoice(marker, site.picture_url(marker))
        name = chooser.choose(text, page.content_type).name
        return PictureChoice(name, site.picture_url(name) if name else "")
    return choose


def broken_links(page: Page, body) -> list[Problem]:
    """Return a problem for each link in the body that leads nowhere."""
    return [Problem(page.file, link.line, f"The link to '{link.target}' goes to a page or file that is not there.",
                    hint="Check the spelling. Links inside the site start with /, for example /minutes/ "
                         "or /files/board-papers.pdf.", rule="LINK-BROKEN")
            for link in body.links if not link.found]

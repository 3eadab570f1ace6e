"""Render the assembled site to {output path: bytes}, touching no disk.

Templates come from the site's own ``layouts/`` first, then the default
layouts; ``{% extends "default/minutes.html" %}`` lets an override change
one block of the layout it replaces.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

import jinja2
from markupsafe import Markup

from .a_to_z import a_to_z_entries
from .actions import group_actions
from .addresses import absolute_url
from .checked import check_state
from .content import CONTENT_TYPES
from .content.base import Page
from .dates import long_date, short_date
from .defaults import default_layouts
from .errors import Problem, SiteError, template_position
from .layout_pictures import LayoutPictures, PicturesUsed
from .layout_pictures import used_picture_names as used_picture_names  # the pipeline and assets ask render for it
from .markdown import Body
from .pagework import run_pages
from .pagination import list_pages
from .search_words import short_forms_spelled_out
from .site import GeneratedPage, Site, body_once
from .siteparts import SiteParts, site_part
from .sources import relative_to_site
from .words import in_sentence
from .write import Staging


def make_environment(site_dir: Path, cache_dir: Path | None = None, *, one_build: bool = False) -> jinja2.Environment:
    """Return the Jinja environment: the site's layouts, then the defaults.

    With ``cache_dir``, compiled layouts are kept there (Jinja checks each against a hash of its
    source), so a build does not compile every layout again: about 0.35 s of a small rebuild.
    ``one_build``: the environment lives for one build, so a layout read once is not looked at on
    the disk again each time a page includes it (a stat for each of about 15 parts of every page).
    """
    default = jinja2.FileSystemLoader(str(default_layouts()))
    own = own_layouts(site_dir)
    loaders: list[jinja2.BaseLoader] = []
    if own is not None:
        loaders.append(jinja2.FileSystemLoader(str(own)))
    loaders.append(default)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"default": default}), *loaders]),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        bytecode_cache=_layout_cache(cache_dir) if cache_dir else None, auto_reload=not one_build)
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["clock"] = clock
    env.filters["in_sentence"] = in_sentence  # a title inside a generated sentence, without its capital
    env.globals["site_part"] = site_part  # a part every page shows alike, made once per build (siteparts)
    return env


def own_layouts(site_dir: Path) -> Path | None:
    """Return the site's own layouts folder, found before the defaults (None if it has none).

    The example site at the top of the repository has the default layouts as its layouts/: those are
    not its own, and the same folder is not looked in twice."""
    own = site_dir / "layouts"
    if own.is_dir() and own.resolve() != default_layouts().resolve():
        return own
    return None


def _layout_cache(cache_dir: Path) -> jinja2.BytecodeCache | None:
    folder = cache_dir / "layouts"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a folder we may not write to: compile as before
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def clock(value: dt.time | None) -> str:
    """Return a time as people say it, e.g. '10:30am', '2pm', '12 noon'."""
    if value is None:
        return ""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def output_path(url: str) -> PurePosixPath:
    """Return the file a site path is written to: /a/b/ -> a/b/index.html."""
    inner = url.strip("/")
    return PurePosixPath(f"{inner}/index.html" if inner else "index.html")  # one parse, not two and a join


class KeepPages(Protocol):
    """Names the pages whose file from the last build can be kept (lastbuild.RenderReuse)."""

    def __call__(self, page_id: str, path: PurePosixPath) -> Path | None:
        """Return the file to keep for this page, or None to render it."""

    def listed_pictures(self, path: PurePosixPath) -> None:
        """Hear that the page just rendered at ``path`` listed every picture the site shows."""

    def fact(self, kind: str, path: PurePosixPath, find: Callable[[], list[str]]) -> list[str]:
        """Return what ``find`` finds in the page at ``path``, from the last build when it was made the same."""

    def kept_list(self, list_id: str) -> dict[PurePosixPath, Path] | None:
        """Return the files to keep for a page the build makes (every page of a long list), or None to make it."""

    def made_list(self, list_id: str, path: PurePosixPath, listed_pictures: bool) -> None:
        """Hear that the page at ``path``, one of ``list_id``'s, was made (and if it listed every picture)."""


def render_site(site: Site, env: jinja2.Environment, keep: KeepPages | None = None, *,
                staging: Staging | None = None, pool: bool = False) -> dict[PurePosixPath, bytes | Path]:
    """Return every page of the site as {output path: bytes}; raise SiteError on template errors.

    ``keep(page id, output path)`` may name an already written file whose
    inputs are unchanged; it is used instead. It is told which pages
    listed every picture the site shows (their file depends on that too).

    With ``staging``, each content page goes into the new site's folder as soon as it is made and
    the outputs name that file instead of holding its bytes (a big site's HTML is never all in
    memory). ``pool``: content pages are shared out over the cores (``pagework.run_pages``); the
    lists, data pages and credits, few and reading every page, are made here afterwards.
    """
    outputs: dict[PurePosixPath, bytes | Path] = {}
    problems: list[Problem] = []
    common = common_context(site)
    listing: PicturesUsed = common["pictures_used"]
    kept = {page.id: keep(page.id, output_path(page.url)) for page in site.pages} if keep else {}
    todo = [page for page in site.pages if kept.get(page.id) is None]
    rendered = iter(run_pages(todo, [""] * len(todo), PageRenderer(site, env, common, staging), None, pool=pool))
    for page in site.pages:
        path = output_path(page.url)
        file = kept.get(page.id)
        if file is not None and keep is not None:
            outputs[path] = file
            # What it showed when it was made (known from the last build when it was made the same)
            site.layout_pictures.update(keep.fact("pictures", path, partial(_pictures_in_file, file)))
            continue
        result = next(rendered)
        if result.stop:
            raise SiteError(list(result.stop))
        site.layout_pictures.update(result.pictures)
        problems.extend(result.problems)
        if result.output is not None:
            outputs[path] = result.output
        if result.listed_pictures:
            listing.pages.append((result.layout, path, {**common, **page_context(site, page)}))
            if keep is not None:
                keep.listed_pictures(path)
    # With the default layouts the pages the build makes read no page's body, so a body edit keeps them all;
    # with layouts of the site's own their key covers the bodies too (lastbuild.RenderReuse.list_key).
    for generated in site.generated:
        if _kept_list(site, outputs, keep, f"list {generated.url}"):
            continue
        context = {**common, **generated_context(site, generated)}
        for list_page in list_pages(generated, context):  # long lists are split into pages of 50
            path = output_path(list_page.url)
            _render_into(outputs, problems, env, generated.layout, path, {**context, **list_page.context})
            if keep is not None:
                keep.made_list(f"list {generated.url}", path, listing.asked)
    for data_page in site.data_pages():
        if _kept_list(site, outputs, keep, f"data {data_page.url}"):
            continue
        path = output_path(data_page.url)
        _render_into(outputs, problems, env, data_page.layout, path, {**common, **data_page_context(data_page)})
        if keep is not None:
            keep.made_list(f"data {data_page.url}", path, listing.asked)
    for layout, path, context in listing.render_again():  # the credits: now that every picture is known
        _render_into(outputs, problems, env, layout, path, context)
        made = outputs.get(path)
        if staging is not None and isinstance(made, bytes):
            outputs[path] = staging.put(path, made)  # over the first go, which did not know them all
    if problems:
        # A site's own layout is named as the author sees it (layouts/page.html), not by its disk path.
        raise SiteError([replace(p, file=relative_to_site(p.file, site.site_dir)) if p.file else p for p in problems])
    return outputs


def _kept_list(site: Site, outputs: dict[PurePosixPath, bytes | Path], keep: KeepPages | None, list_id: str) -> bool:
    """Put the last build's files of a page the build makes into ``outputs`` when they can all be kept."""
    files = keep.kept_list(list_id) if keep is not None else None
    if files is None or keep is None:
        return False
    outputs.update(files)
    for path, file in files.items():  # the pictures it showed are copied, and listed by the credits
        site.layout_pictures.update(keep.fact("pictures", path, partial(_pictures_in_file, file)))
    return True


@dataclass(frozen=True)
class RenderedPage:
    """What rendering one content page made, small enough to come back from a pool process."""

    layout: str
    output: bytes | Path | None
    """Its HTML, or the file in the staging folder holding it; None when the layout failed."""
    problems: tuple[Problem, ...]
    """The layout's mistakes (SITE-LAYOUT)."""
    pictures: frozenset[str]
    """The library pictures the layouts showed on it."""
    listed_pictures: bool
    """It listed every picture the site shows, so it is made again once they are all known."""
    stop: tuple[Problem, ...] = ()
    """Problems that stop the build at once (a layout asked for a picture the library lacks)."""


class PageRenderer:
    """Renders one content page. Made before a pool forks, so the site, the layouts (compiled by
    ``prepare``) and the context every page shares reach each pool process once, by inheritance."""

    def __init__(self, site: Site, env: jinja2.Environment, common: dict[str, Any],
                 staging: Staging | None) -> None:
        self.site, self.env, self.common, self.staging = site, env, common, staging

    def prepare(self) -> None:
        """Compile every content page's layout once, before the pool's processes are forked."""
        for content_type in sorted({page.content_type for page in self.site.pages}):
            try:
                self.env.get_template(CONTENT_TYPES[content_type].layout)
            except jinja2.TemplateError:
                pass  # reported, with its page, when the page is rendered

    def __call__(self, page: Page) -> RenderedPage:
        layout = CONTENT_TYPES[page.content_type].layout
        path = output_path(page.url)
        pictures: LayoutPictures = self.common["picture_url"]
        listing: PicturesUsed = self.common["pictures_used"]
        outputs: dict[PurePosixPath, bytes] = {}
        problems: list[Problem] = []
        with pictures.recording() as shown:
            try:
                # Its body is unpacked for this page only: a pool process keeping every body it renders
                # would hold half the site's points by the end.
                context = {**self.common, **page_context(self.site, page, body_once(self.site.bodies, page.id))}
                _render_into(outputs, problems, self.env, layout, path, context)
            except SiteError as exc:
                return RenderedPage(layout, None, (), frozenset(), False, tuple(exc.problems))
        html = outputs.get(path)
        output = self.staging.put(path, html) if self.staging is not None and html is not None else html
        return RenderedPage(layout, output, tuple(problems), frozenset(shown), listing.asked)


def _render_into(outputs: dict, problems: list[Problem], env: jinja2.Environment, layout: str,
                 path: PurePosixPath, context: dict[str, Any]) -> None:
    """Render one page into ``outputs``; a layout's mistake goes to ``problems``.

    A page that listed every picture the site shows (``PicturesUsed``) is
    noted on the list to be made again, unless it is a content page, whose
    renderer says so itself."""
    listing = context.get("pictures_used")
    if isinstance(listing, PicturesUsed):
        listing.asked = False
    try:
        outputs[path] = env.get_template(layout).render(context).encode("utf-8")
        if isinstance(listing, PicturesUsed) and listing.asked and context.get("page") is None:
            listing.pages.append((layout, path, context))
    except jinja2.TemplateSyntaxError as exc:
        problems.append(Problem(Path(exc.filename or exc.name or layout), exc.lineno,
                                f"The layout has a mistake: {exc.message}.",
                                hint="Check the {% %} and {{ }} tags near this line.", rule="SITE-LAYOUT"))
    except jinja2.TemplateError as exc:
        file, line = template_position(exc)
        problems.append(Problem(file or Path(layout), line,
                                f"The layout could not be filled in for {path.parent.as_posix() or 'the home page'}: {exc}.",
                                hint="Check the names used near this line of the layout.", rule="SITE-LAYOUT"))
    except SiteError:
        raise  # the layout's own plain message (a picture the library lacks): it stops the build
    except Exception as exc:  # a sum or filter in the layout that fails (1 // 0) is no TemplateError
        file, line = template_position(exc)
        problems.append(Problem(file or Path(layout), line,
                                f"The layout stopped while making {path.parent.as_posix() or 'the home page'}: "
                                f"{exc or type(exc).__name__}.",
                                hint="Check the sums, filters and values used near this line of the layout; "
                                     "an 'if' around them can leave out pages they do not suit.",
                                rule="SITE-LAYOUT"))


def common_context(site: Site) -> dict[str, Any]:
    """Return what every layout can use: the site, its settings and the helpers."""
    # Worked out once per build; the generated pages (tracker, credits) use them.
    common = {
        "site": site, "config": site.config, "url": site.url, "picture_url": LayoutPictures(site),
        "policy": site.policy, "today": site.today, "CONTENT_TYPES": CONTENT_TYPES,
        "action_groups": group_actions(list(site.actions), site.today),
        "pictures_used": PicturesUsed(site),
        **publishing_context(site),
    }
    common["site_parts"] = SiteParts(common)
    return common


def publishing_context(site: Site) -> dict[str, Any]:
    """Return the helpers the search, A to Z and head metadata parts of the layouts use."""

    def search_words(page: Page) -> list[str]:
        return short_forms_spelled_out(site.abbreviations, " ".join((page.title, page.meta.summary, page.body)))
    return {"absolute_url": lambda path: absolute_url(site.config, path),
            "a_to_z": lambda: a_to_z_entries(site, site.data_pages()), "search_words": search_words}


def page_context(site: Site, page: Page, body: Body | None = None) -> dict[str, Any]:
    """Return what a page's layout can use (``body``: its converted body, if already at hand)."""
    body = body or site.bodies.get(page.id)
    return {
        "page": page, "meta": page.meta, "title": page.title, "summary": page.meta.summary,
        "page_picture": page.meta.picture, "current_url": page.url,
        "body": Markup(body.html) if body else Markup(""),
        "hard_words": body.hard_words if body else (),
        "short_forms": body.short_forms if body else (),
        "counterpart": site.counterpart(page),
        "actions": site.actions_of(page) if page.content_type == "minutes" else [],
        "decision_pictures": site.decision_pictures.get(page.id, ()),
        "check_status": checked_status(site, page),
        "easy_read": page.easy_read,
        "backlinks": site.backlinks.get(page.id, ()),
    }


def data_page_context(data_page) -> dict[str, Any]:
    """Return what a dataset page's layout can use."""
    return {
        "page": None, "generated": None, "title": data_page.title, "summary": data_page.summary,
        "page_picture": data_page.picture, "current_url": data_page.url, "body": Markup(""),
        "hard_words": (), "short_forms": (), "actions": [], "check_status": None,
        "counterpart": {"url": data_page.counterpart_url} if data_page.counterpart_url else None,
        "easy_read": data_page.easy_read, "backlinks": (), **data_page.context,
    }


def generated_context(site: Site, generated: GeneratedPage) -> dict[str, Any]:
    """Return what a generated page's layout can use."""
    listed = site.pages_of(generated.content_type) if generated.content_type else []
    return {
        "page": None, "generated": generated, "title": generated.title, "summary": generated.summary,
        "page_picture": generated.picture, "current_url": generated.url, "body": Markup(""),
        "hard_words": (), "short_forms": (), "counterpart": None, "actions": [],
        "check_status": None, "easy_read": True, "listed": [p for p in listed if p.easy_read or not site.counterpart(p)],
        "backlinks": (),
    }


_PICTURE_ADDRESS = re.compile(rb"/pictures/([A-Za-z0-9_-]+)\.(?:svg|png)\b")


def _pictures_in_file(file: Path) -> list[str]:
    return sorted(pictures_in(file.read_bytes()))


def pictures_in(html: bytes) -> set[str]:
    """Return the library pictures a rendered page shows (for a page kept from the last build)."""
    return {m.group(1).decode("ascii") for m in _PICTURE_ADDRESS.finditer(html)}


def checked_status(site: Site, page: Page) -> dict[str, Any] | None:
    """Return whether people checked this page and if the text is unchanged since."""
    return check_state(page)

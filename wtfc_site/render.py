"""Render the assembled site to {output path: bytes}, touching no disk.

Templates come from the site's own ``layouts/`` first, then the default
layouts; ``{% extends "default/minutes.html" %}`` lets an override change
one block of the layout it replaces.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
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
from .pagination import list_pages
from .pictures.library import Picture, unknown_picture
from .search_words import short_forms_spelled_out
from .site import GeneratedPage, Site
from .sources import relative_to_site
from .words import in_sentence


def make_environment(site_dir: Path, cache_dir: Path | None = None) -> jinja2.Environment:
    """Return the Jinja environment: the site's layouts, then the defaults.

    With ``cache_dir``, compiled layouts are kept there (Jinja checks each against a hash of its
    source), so a build does not compile every layout again: about 0.35 s of a small rebuild.
    """
    default = jinja2.FileSystemLoader(str(default_layouts()))
    own = site_dir / "layouts"
    loaders: list[jinja2.BaseLoader] = []
    if own.is_dir() and own.resolve() != default_layouts().resolve():
        loaders.append(jinja2.FileSystemLoader(str(own)))
    loaders.append(default)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"default": default}), *loaders]),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        bytecode_cache=_layout_cache(cache_dir) if cache_dir else None)
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["clock"] = clock
    env.filters["in_sentence"] = in_sentence  # a title inside a generated sentence, without its capital
    return env


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
    return PurePosixPath(url.strip("/")) / "index.html" if url.strip("/") else PurePosixPath("index.html")


class KeepPages(Protocol):
    """Names the pages whose file from the last build can be kept (lastbuild.RenderReuse)."""

    def __call__(self, page_id: str, path: PurePosixPath) -> Path | None:
        """Return the file to keep for this page, or None to render it."""

    def listed_pictures(self, path: PurePosixPath) -> None:
        """Hear that the page just rendered at ``path`` listed every picture the site shows."""


def render_site(site: Site, env: jinja2.Environment,
                keep: KeepPages | None = None) -> dict[PurePosixPath, bytes | Path]:
    """Return every page of the site as {output path: bytes}; raise SiteError on template errors.

    ``keep(page id, output path)`` may name an already written file whose
    inputs are unchanged; it is used instead. It is told which pages
    listed every picture the site shows (their file depends on that too).
    """
    outputs: dict[PurePosixPath, bytes | Path] = {}
    problems: list[Problem] = []
    common = common_context(site)
    for page in site.pages:
        kept = keep(page.id, output_path(page.url)) if keep else None
        if kept is not None:
            outputs[output_path(page.url)] = kept
            site.layout_pictures.update(pictures_in(kept.read_bytes()))  # what it showed when it was made
            continue
        layout = CONTENT_TYPES[page.content_type].layout
        _render_into(outputs, problems, env, layout, output_path(page.url),
                     {**common, **page_context(site, page)})
        if keep is not None and common["pictures_used"].asked:
            keep.listed_pictures(output_path(page.url))
    for generated in site.generated:
        context = {**common, **generated_context(site, generated)}
        for list_page in list_pages(generated, context):  # long lists are split into pages of 50
            _render_into(outputs, problems, env, generated.layout, output_path(list_page.url),
                         {**context, **list_page.context})
    for data_page in site.data_pages():
        _render_into(outputs, problems, env, data_page.layout, output_path(data_page.url),
                     {**common, **data_page_context(data_page)})
    listing = common["pictures_used"]
    for layout, path, context in listing.render_again():  # the credits: now that every picture is known
        _render_into(outputs, problems, env, layout, path, context)
    if problems:
        # A site's own layout is named as the author sees it (layouts/page.html), not by its disk path.
        raise SiteError([replace(p, file=relative_to_site(p.file, site.site_dir)) if p.file else p for p in problems])
    return outputs


def _render_into(outputs: dict, problems: list[Problem], env: jinja2.Environment, layout: str,
                 path: PurePosixPath, context: dict[str, Any]) -> None:
    listing = context.get("pictures_used")
    if isinstance(listing, PicturesUsed):
        listing.asked = False
    try:
        outputs[path] = env.get_template(layout).render(context).encode("utf-8")
        if isinstance(listing, PicturesUsed) and listing.asked:
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


def common_context(site: Site) -> dict[str, Any]:
    """Return what every layout can use: the site, its settings and the helpers."""
    # Worked out once per build; the generated pages (tracker, credits) use them.
    return {
        "site": site, "config": site.config, "url": site.url, "picture_url": LayoutPictures(site),
        "policy": site.policy, "today": site.today, "CONTENT_TYPES": CONTENT_TYPES,
        "action_groups": group_actions(list(site.actions), site.today),
        "pictures_used": PicturesUsed(site),
        **publishing_context(site),
    }


def publishing_context(site: Site) -> dict[str, Any]:
    """Return the helpers the search, A to Z and head metadata parts of the layouts use."""

    def search_words(page: Page) -> list[str]:
        return short_forms_spelled_out(site.abbreviations, " ".join((page.title, page.meta.summary, page.body)))
    return {"absolute_url": lambda path: absolute_url(site.config, path),
            "a_to_z": lambda: a_to_z_entries(site, site.data_pages()), "search_words": search_words}


def page_context(site: Site, page: Page) -> dict[str, Any]:
    """Return what a page's layout can use."""
    body = site.bodies.get(page.id)
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


def pictures_used(site: Site) -> list:
    """Return the library pictures the site shows, for the credits page."""
    names = set(used_picture_names(site))
    return [site.library.pictures[n] for n in sorted(names) if n in site.library.pictures]


def used_picture_names(site: Site) -> set[str]:
    """Return the name of every library picture any page shows."""
    names: set[str] = set()
    for body in site.bodies.values():
        names.update(body.pictures)
    for page in site.pages:
        if page.meta.picture:
            names.add(page.meta.picture)
    names.update(g.picture for g in site.generated)
    names.update(item.picture for item in site.config.navigation if item.picture)
    names.update(entry.picture for entry in site.glossary.entries if entry.picture)
    names.update(site.layout_pictures)
    for chosen in site.decision_pictures.values():
        names.update(chosen)
    for links in site.backlinks.values():
        names.update(link.picture for link in links)
    for data_page in site.data_pages():
        names.add(data_page.picture)
        names.update(data_page.context.get("pictures", ()))
    return {n for n in names if n}


class LayoutPictures:
    """``picture_url`` for the layouts: records each picture they show, and stops at an unknown one.

    The pictures a layout uses are learnt while rendering, so there is no
    hand-kept list to forget: a new picture in a layout is copied, and a name
    that is not in the library stops the build at the layout's line.
    """

    def __init__(self, site: Site) -> None:
        self.site = site

    def __call__(self, name: str) -> str:
        if self.site.library.get(name) is None:
            file, line = _calling_layout()
            problem = unknown_picture(file, line, name, self.site.library)
            raise SiteError([Problem(problem.file, problem.line, problem.message + " A layout asks for it.",
                                     hint=problem.hint, rule=problem.rule)])
        self.site.layout_pictures.add(name)
        return self.site.picture_url(name)


class PicturesUsed:
    """The credits' list of every picture the site shows, read when the layout loops over it.

    A page that reads it is rendered once more at the end of ``render_site``,
    when every other page has said which pictures it shows.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self.asked = False
        self.pages: list[tuple[str, PurePosixPath, dict[str, Any]]] = []

    def __iter__(self) -> Iterator[Picture]:
        self.asked = True
        return iter(pictures_used(self.site))

    def render_again(self) -> list[tuple[str, PurePosixPath, dict[str, Any]]]:
        """Return the pages that listed the pictures, once (they are not recorded again)."""
        pages, self.pages = self.pages, []
        return pages


_PICTURE_ADDRESS = re.compile(rb"/pictures/([A-Za-z0-9_-]+)\.(?:svg|png)\b")


def pictures_in(html: bytes) -> set[str]:
    """Return the library pictures a rendered page shows (for a page kept from the last build)."""
    return {m.group(1).decode("ascii") for m in _PICTURE_ADDRESS.finditer(html)}


def _calling_layout() -> tuple[Path, int | None]:
    """Return the layout file and line being rendered now (the innermost template on the stack)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            name = (template.name or "").removeprefix("default/")
            return Path("layouts") / name, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return Path("layouts"), None


def checked_status(site: Site, page: Page) -> dict[str, Any] | None:
    """Return whether people checked this page and if the text is unchanged since."""
    return check_state(page)

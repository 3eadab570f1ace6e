"""The build, stage by stage: load → convert → check → render → write.

Each stage takes plain data and returns plain data. Problems are collected
file by file so one run reports them all; the pipeline stops between
stages, never half way through writing.

Read top to bottom, this module is the orchestration. The load stage's glue
(reading page files, datasets) is in ``load``; the convert stage (each
page's body, pictures and easy-read findings, and what its cache key
covers) in ``convert``; photos and the cross-page checks in ``photos`` and
``crosschecks``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .assets import asset_outputs, picture_outputs, static_outputs
from .buildcache import SiteInputs, Store, combine, digest, thawed_after
from .checks import check_site
from .config import SiteConfig, load_config
from .convert import convert_bodies, page_files, page_keys, shared_key
from .crosschecks import (
    check_front_matter_links,
    check_navigation,
    check_page_pictures,
    scan_peoples_words,
)
from .discover import discover
from .dryrun import build_without_writing
from .errors import Problem, SiteError, collect, sort_problems
from .findings import ProblemList
from .lastbuild import RenderReuse, last_record, remember_build, render_reuse
from .load import ParseCache, load_datasets, parse_pages, picture_folders, static_files
from .options import Options, Report, build_date, build_inputs, stop_problems, unchanged_report
from .output import build_findings
from .photos import Photos, person_photos
from .pictures.library import load_library
from .progress import stage
from .publish import PublishOptions, publish_outputs
from .publish.search import SearchReuse, kept_search_index
from .reach import reach_site, unreachable_pages
from .render import make_environment, own_layouts, render_site, used_picture_names
from .site import (
    GENERATED_PAGES,
    Site,
    gather_actions,
    index_pages,
    link_versions,
    pictures_chosen,
)
from .visiblecheck import VisibleCache, check_visible_text
from .words import load_abbreviations, load_glossary
from .write import build_lock, staging


@dataclass(frozen=True)
class Loaded:
    """The result of loading a site: the site (if it could be made) and every problem."""

    site: Site | None
    problems: list[Problem]
    photos: Photos


def load_site(options: Options, inputs: SiteInputs | None = None) -> Loaded:
    """Return the parsed, converted and cross-checked site with every problem found.

    With ``inputs`` (the hashes of the site's files), results of pages whose
    inputs are unchanged come from the build cache.
    """
    site_dir = options.site_dir
    store = Store.open(options.cache / "pages.sqlite") if inputs is not None else None
    photos = Photos(site_dir, options.cache)
    try:
        config = load_config(site_dir)
    except SiteError as exc:
        return Loaded(None, list(exc.problems), photos)
    problems: list[Problem] = []
    glossary = collect(problems, load_glossary, site_dir)
    abbreviations = collect(problems, load_abbreviations, site_dir)
    library = collect(problems, load_library, picture_folders(site_dir), site_dir)
    sources = discover(site_dir)
    with stage(options.progress, "load"):
        pages = parse_pages(sources, site_dir, problems, options.include_drafts, ParseCache(store, inputs))
    if glossary is None or abbreviations is None or library is None:
        return Loaded(None, problems, photos)
    by_id, by_url, url_problems = index_pages(pages)
    pairs, version_problems = link_versions(pages, by_id)
    actions, action_problems = gather_actions(pages, pairs)
    problems += url_problems + version_problems + action_problems
    site = Site(
        site_dir=site_dir, config=config, pages=tuple(pages), by_id=by_id, by_url=by_url,
        counterparts=pairs, glossary=glossary, abbreviations=abbreviations, library=library,
        static_files=static_files(sources, site_dir), generated=GENERATED_PAGES, today=options.today or build_date(),
        actions=tuple(actions))
    problems += load_datasets(site, sources)
    site = replace(site, actions=site.actions + site.dataset_actions())
    with stage(options.progress, "convert"):
        try:
            bodies = convert_bodies(site, photos, problems, store, inputs, progress=options.progress,
                                    pool=options.pool)
        except SiteError as exc:  # a pool process died (pagework): without the bodies there is no site
            return Loaded(None, problems + list(exc.problems), photos)
    site = replace(site, bodies=bodies)
    if store is not None:
        store.save()
    problems += check_front_matter_links(site)
    problems += check_navigation(site)
    problems += check_page_pictures(site)
    problems += scan_peoples_words(site)
    problems += person_photos(site, photos)
    site.photo_files.update(photos.files)
    site, reach = reach_site(site)  # the menu (made from the sections if site.yaml has none), a home page
    return Loaded(site, problems + reach, photos)


__all__ = ["Options", "load_site", "build_date", "stop_problems", "sort_problems", "SiteConfig"]


def check(options: Options, inputs: SiteInputs | None = None, *, visible: bool = True) -> Report:
    """Return every problem in the site, including easy-read findings; write nothing.

    ``visible``: also render the pages in memory, once, and find what 'build'
    would find while making them, including what the reader sees (build does
    that after its own render, so it asks for no second one).
    """
    with thawed_after():
        return _check(options, inputs, visible=visible)


def _check(options: Options, inputs: SiteInputs | None = None, *, visible: bool = True) -> Report:
    if inputs is None:
        with stage(options.progress, "inputs"):
            inputs = build_inputs(options)
    loaded = load_site(options, inputs)
    problems = ProblemList.of(loaded.problems)
    site = loaded.site
    if site is not None:
        with stage(options.progress, "check"):
            problems += check_site(site)
        if visible and not stop_problems(problems):
            with stage(options.progress, "check what readers see"):
                problems += build_without_writing(site, make_environment(
                    options.site_dir, options.cache if options.use_cache else None, one_build=True), pool=options.pool)
    return Report(problems, written=False, site=site)  # in order when gone through; most findings stay packed


def build(options: Options, looked: tuple[SiteInputs | None] | None = None) -> Report:
    """Build the site into its output folder, or write nothing if anything stops it.

    ``looked``: the input hashes, when the caller has already found (options.unchanged_report) that
    the last build is not the same; that caller holds write.build_lock from that look on. Without it,
    the lock is taken here, so two builds into one output folder run one after the other.
    """
    if looked is not None:
        with thawed_after():
            return _build(options, looked)
    with build_lock(options.output, options.cache), thawed_after():
        return _build(options, looked)


def _build(options: Options, looked: tuple[SiteInputs | None] | None = None) -> Report:
    if looked is None:
        inputs, unchanged = unchanged_report(options)
        if unchanged is not None:
            return unchanged
    else:
        (inputs,) = looked
    report = _check(options, inputs, visible=False)
    site = report.site
    if site is None or stop_problems(report.problems):
        return report
    try:
        with staging(options.output) as folder:  # pages go in as they are made; deleted unless swapped in
            with stage(options.progress, "render"):
                env = make_environment(options.site_dir, options.cache if options.use_cache else None, one_build=True)
                keys = page_keys(site, inputs)
                keep = _render_reuse(options, inputs, site, keys)
                # Offline pages are rewritten after rendering (publish.offline), so they stay in memory.
                outputs: dict = dict(render_site(site, env, keep, staging=None if options.offline else folder,
                                                 pool=options.pool))
                outputs.update(asset_outputs(site))
                outputs.update(static_outputs(site))
                outputs.update({path: f.data for path, f in site.photo_files.items()})
                for result in site.datasets.values():
                    outputs.update(result.outputs)
                report = replace(report, problems=ProblemList.of(report.problems, unreachable_pages(site, outputs, keep)))
                if site.config.checker.visible_text:  # what the reader sees, layouts' lines included
                    found = check_visible_text(site, outputs, _visible_cache(options, inputs, site, keys, keep),
                                               pool=options.pool)
                    report = replace(report, problems=ProblemList.of(report.problems, found))  # in order when gone through
            with stage(options.progress, "publish"):
                search = _search_reuse(options, inputs) if inputs and options.search_index else None
                outputs.update(publish_outputs(site, env, outputs, PublishOptions(
                    offline=options.offline, search=options.search_index, search_reuse=search)))
                if not options.search_index:
                    outputs.update(kept_search_index(options.output))
                outputs.update(picture_outputs(site))  # last: the 404 page's pictures are known once it is made
            with stage(options.progress, "write"):
                folder.finish(outputs, keep.kept if keep else None)
    except SiteError as exc:
        return Report(ProblemList.of(report.problems, exc.problems), written=False, site=site)
    except OSError as exc:
        problem = Problem(options.output, None, f"The site could not be written: {exc.strerror or exc}.",
                          hint="Check there is space on the disk and that you may write to this folder. "
                               "The old site was left as it was.", rule="SITE-WRITE")
        return Report(ProblemList.of(report.problems, [problem]), written=False, site=site)
    pages = sum(1 for p in outputs if p.name == "index.html")
    chosen = pictures_chosen(site.bodies)
    # What build prints comes from the few packs that hold its first findings, and the packs' counts.
    findings = build_findings(report.problems)
    if inputs is not None:
        remember_build(options.output, options.cache, inputs, report.problems, pages, chosen,
                       keep, (search.fingerprint, search.hashes) if search else None,
                       findings, manifest=folder.manifest)
    return Report(report.problems, written=True, pages=pages, site=site, pictures_chosen=chosen, findings=findings)


def _visible_cache(options: Options, inputs: SiteInputs | None, site: Site,
                   page_keys: list[str], keep: RenderReuse | None) -> VisibleCache | None:
    """Return where the visible-text findings of unchanged pages are kept (None with no cache)."""
    if inputs is None:
        return None
    keys = dict(zip((page.id for page in site.pages), page_keys))
    return VisibleCache(Store.open(options.cache / "visible.sqlite"), shared_key(inputs, page_files(site)),
                        keys, keep.made if keep else {})


def _render_reuse(options: Options, inputs: SiteInputs | None, site: Site, page_keys: list[str]):
    """Return what finds pages that need no rendering again (None with no cache, or --offline)."""
    if inputs is None or options.offline:  # offline pages are rewritten after rendering
        return None
    layouts = combine({name: value for name, value in inputs.files.items() if name.startswith("layouts/")})
    pictures = digest(*sorted(used_picture_names(site)))  # for a layout that lists them (the credits)
    # A layout may read any page's front matter (menus, lists, titles of the pages it links to), more than
    # a page's own key covers (convert.from_other_pages), so every page's front matter is part of it.
    # The default layouts show no other page's body; a site's own layout may (item.body, site.bodies,
    # search_words(item), all reached through the page and site objects), so then each whole page file counts.
    heads = {} if _has_own_layouts(options, inputs) else inputs.heads
    fronts = digest(*(f"{name}\0{heads.get(name) or inputs.files.get(name, '')}" for name in page_files(site)))
    keys = {page.id: digest("render", key, layouts, fronts) for page, key in zip(site.pages, page_keys) if key}
    # A page the build makes (a list, the A to Z, a data page) reads every input but, with the default
    # layouts, the pages' bodies: the settings, word lists, pictures, data files, this program and the date
    # (the shared key), the layouts and every page's front matter (``fronts``: its body too with layouts of
    # the site's own). Its pictures' credits are covered as above (``pictures``).
    lists = digest("render lists", inputs.shared_key(set(page_files(site))), site.today.isoformat(), layouts, fronts)
    return render_reuse(options.output, options.cache, keys, pictures, lists)


def _has_own_layouts(options: Options, inputs: SiteInputs) -> bool:
    """Whether the site has a layout file of its own, looked for before the defaults (render.own_layouts)."""
    return own_layouts(options.site_dir) is not None and any(name.startswith("layouts/") for name in inputs.files)


def _search_reuse(options: Options, inputs: SiteInputs) -> SearchReuse:
    """Return what keeps the search index in the output when this build's HTML is the same as the last's."""
    record = last_record(options.output, options.cache) or {}
    return SearchReuse(options.output.resolve(), inputs.generator, record.get("search", ""), record.get("html", {}),
                       record.get("manifest", {}), options.cache)

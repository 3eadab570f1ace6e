"""The command line: build (the default), check, checked, pictures, serve, new, feedback.

Exit codes: 0 success; 1 the site has problems (or, with --strict, any
easy-read error or warning); 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import Problem, Severity, SiteError
from .output import count, print_build_findings, print_findings, print_problems
from .usercache import user_cache
from .write import build_lock  # light: the standard library and errors only

if TYPE_CHECKING:
    from .options import Options
# The pipeline (Markdown, Jinja, pictures, the checker's word lists) is imported
# by the commands that use it, so 'check --text' and '--help' start fast.

COMMANDS = ("build", "check", "checked", "pictures", "serve", "new", "feedback")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("-") and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "build")  # build is the default command
    parser = make_parser(None if args[0].startswith("-") else args[0])
    options = parser.parse_args(args)
    return options.run(options)


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser for every sub-command (``command``: the one being run, if known, to load less)."""
    parser = argparse.ArgumentParser(
        prog="wtfc-site", description="Build an easy-read website for a partnership from its content/ folder.")
    parser.add_argument("--version", action="version", version=f"wtfc_site {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_build(commands)
    _add_check(commands)
    _add_checked(commands)
    _add_pictures(commands)
    _add_serve(commands)
    _add_new(commands)
    if command == "feedback":
        from .feedback.cli import add_feedback_parser
        feedback = add_feedback_parser(commands)
    else:  # its parser loads the receiver (a web server); --help and other commands only need its name listed
        feedback = commands.add_parser("feedback", help="Run the feedback receiver, or export the feedback it has kept.")
    feedback.set_defaults(run=_run_feedback)
    return parser


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                        help="the site folder, holding content/ (default: this folder)")
    parser.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the date used to decide which jobs are late (default: today)")


def _add_build(commands) -> None:
    parser = commands.add_parser("build", help="build the site into _site/ (the default command)")
    _site_options(parser)
    parser.add_argument("--out", type=Path, metavar="DIR", help="where to write the site (default: DIR/_site)")
    parser.add_argument("--drafts", action="store_true", help="include pages marked 'draft: yes'")
    parser.add_argument("--offline", action="store_true",
                        help="write links that work when the files are opened straight from a disk, "
                             "without a web server (for reviewing on a laptop or a memory stick)")
    parser.add_argument("--timings", action="store_true",
                        help="also print how long each stage took, one 'timing STAGE SECONDS' line each")
    parser.add_argument("--no-cache", action="store_true",
                        help="do every page again, ignoring results kept in .wtfc-cache/ from earlier builds")
    parser.set_defaults(run=_run_build)


def _add_check(commands) -> None:
    parser = commands.add_parser("check", help="check every page for easy read; write nothing")
    _site_options(parser)
    parser.add_argument("--strict", action="store_true", help="exit 1 on any error or warning")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="text for people, json for programs, github for GitHub Actions annotations")
    parser.add_argument("--text", nargs="+", type=Path, metavar="FILE",
                        help="check these plain-text or Markdown files instead of the site")
    parser.add_argument("--report", action="store_true",
                        help="also list easy-read pages never checked by people, or changed since")
    parser.add_argument("--quiet-info", action="store_true", help="leave out information-only findings")
    parser.set_defaults(run=_run_check)


def _add_checked(commands) -> None:
    parser = commands.add_parser("checked", help="record that a group checked a page is easy to read")
    parser.add_argument("page", type=Path, help="the page's file, e.g. content/policy/co-production-policy.md")
    parser.add_argument("--group", required=True, help="the group that checked it")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="when (default: today)")
    parser.add_argument("--method", default="", help="how it was checked, e.g. 'read aloud by 3 members'")
    parser.add_argument("--person", action="append", default=[], help="a checker's name (repeat for more)")
    parser.add_argument("--show-names", action="store_true", help="the checkers agreed to be named")
    parser.add_argument("--site", type=Path, default=Path("."), metavar="DIR")
    parser.set_defaults(run=_run_checked)


def _add_pictures(commands) -> None:
    parser = commands.add_parser("pictures", help="list the picture chosen for every point")
    _site_options(parser)
    parser.add_argument("--chosen", action="store_true",
                        help="show only pictures the library or the build chose (generated pages too)")
    parser.set_defaults(run=_run_pictures)


def _add_serve(commands) -> None:
    parser = commands.add_parser("serve", help="preview the site, drafts included, on this computer")
    _site_options(parser)
    parser.add_argument("--port", type=int, default=8000)
    parser.set_defaults(run=_run_serve)


def _add_new(commands) -> None:
    parser = commands.add_parser("new", help="start a new page from a template, or a whole new site")
    parser.add_argument("type", help="the type of page, e.g. minutes, update, story, person; or 'site'")
    parser.add_argument("name", help="the file name without .md, e.g. 2026-03-18-board; for 'site', a new folder")
    parser.add_argument("--site", type=Path, default=Path("."), metavar="DIR")
    parser.set_defaults(run=_run_new)


def _options(args: argparse.Namespace, drafts: bool = False) -> Options:
    from .options import Options
    return Options(site_dir=args.site.resolve(), out_dir=getattr(args, "out", None),
                   include_drafts=drafts or getattr(args, "drafts", False), today=args.today,
                   offline=getattr(args, "offline", False))


def _run_build(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .options import stop_problems, unchanged_report
    from .progress import Progress
    progress = Progress(stream=sys.stderr)  # a progress line only on a terminal, only after 2 s
    options = replace(_options(args), use_cache=not args.no_cache, progress=progress)
    # Nothing changed: done without loading the pipeline at all, or reading back more findings than it prints.
    # One build into this output folder at a time, from the look at what changed to the record of the build.
    with build_lock(options.output, options.cache):
        inputs, report = unchanged_report(options, every_problem=False)
        if report is None:
            from .pipeline import build
            report = build(options, looked=(inputs,))
    progress.finish()
    if args.timings:
        for name, seconds in progress.timings.items():
            print(f"timing {name} {seconds:.3f}")
    stopping = stop_problems(report.problems)
    if stopping:
        print_problems(stopping, sys.stderr)
        print(f"The site was not built: {count(len(stopping), 'problem')} to fix. Nothing was changed.",
              file=sys.stderr)
        return 1
    if report.findings is not None:
        print_build_findings(report.findings, sys.stdout)
    else:
        print_findings(report.problems, sys.stdout)
    chosen = report.pictures_chosen
    if chosen:
        print(f"The picture library chose {count(chosen, 'picture')} for you. "
              "Run 'python build.py pictures --chosen' to see them.")
    where = (args.out or args.site / "_site").resolve()
    took = f" in {progress.seconds:.1f} s" + (" (nothing had changed)" if report.unchanged else "")
    print(how_to_look(report.pages, where, args.offline, args.site, took))
    return 0


def how_to_look(pages: int, where: Path, offline: bool, site: Path, took: str = "") -> str:
    """Return the build's closing message: where the site is and the way to look at it that works."""
    if offline:
        return (f"Built {pages} pages{took} into {where}, with links that work from the disk. "
                f"Open {where / 'index.html'} in a web browser. Search needs a web server; "
                "the 'All pages from A to Z' list works without one.")
    serve = "python build.py serve" + ("" if site == Path(".") else f" --site {site}")
    return (f"Built {pages} pages{took} into {where}, ready for a web server. To look at it on this computer, "
            f"run '{serve}'. To open the files straight from the disk, build again with --offline.")


def _run_check(args: argparse.Namespace) -> int:
    if args.text:
        from .textcheck import check_text_files
        return check_text_files(args.text, args.site.resolve(), args.format)
    from dataclasses import replace

    from .pipeline import check
    report = check(replace(_options(args), cache_dir=check_cache(args.site.resolve())))
    problems = [p for p in report.problems if not (args.quiet_info and p.severity is Severity.INFO)]
    print_problems(problems, sys.stdout, args.format)
    if args.report and report.site is not None:
        from .checked import unchecked_report
        for page, why in unchecked_report(list(report.site.pages)):
            print(f"{page.file.as_posix()}: {why}")
    return check_exit_code(report.problems, args.strict)


def check_cache(site_dir: Path) -> Path:
    """Return where 'check' keeps its cache: outside the site folder, so check writes nothing in it.

    The user's cache folder (XDG_CACHE_HOME or ~/.cache), one folder per site path.
    """
    import hashlib
    return user_cache() / hashlib.sha256(str(site_dir).encode()).hexdigest()[:16]


def check_exit_code(problems: Sequence[Problem], strict: bool) -> int:
    """Return 1 when something would stop 'build' or, with --strict, for any error or warning; else 0."""
    from .pipeline import stop_problems
    if stop_problems(list(problems)):
        return 1
    if strict and any(not p.silenced and p.severity is not Severity.INFO for p in problems):
        return 1
    return 0


def _run_checked(args: argparse.Namespace) -> int:
    from .checked import record_check
    if not args.page.is_file():  # a plain message, not a traceback, for a mistyped page
        print_problems([Problem(args.page, None, "There is no page file here.",
                                hint="Give the page's file from where you run the command, "
                                     "for example content/policy/co-production-policy.md.",
                                rule="SITE-MISSING-FILE")], sys.stderr)
        return 1
    try:
        fingerprint = record_check(args.page.resolve(), args.site.resolve(), args.group,
                                   args.date or dt.date.today(), args.method, tuple(args.person), args.show_names)
    except SiteError as exc:
        print_problems(list(exc.problems), sys.stderr)
        return 1
    print(f"Recorded: {args.group} checked {args.page} (fingerprint {fingerprint}).")
    return 0


def _run_pictures(args: argparse.Namespace) -> int:
    from .pipeline import check
    report = check(_options(args))
    if report.site is None:
        print_problems(report.problems, sys.stderr)
        return 1
    from .pictures.listing import picture_rows
    for row in picture_rows(report.site, only_chosen=args.chosen):
        print(row)
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import serve
    return serve(_options(args, drafts=True), args.port)


def _run_new(args: argparse.Namespace) -> int:
    from .new import new_page, new_site
    try:
        if args.type == "site":
            folder = Path(args.name)
            new_site(folder)
            print(f"Made a small working site in {folder}. Read {folder / 'README.md'} first: "
                  f"it says what to fill in. Look at it with 'python build.py serve --site {folder}'.")
            return 0
        made = new_page(args.site.resolve(), args.type, args.name)
    except SiteError as exc:
        print_problems(list(exc.problems), sys.stderr)
        return 1
    dated = f" Its date is {made.date.isoformat()}, " + ("from its name." if made.date_from_name else "today.")
    print(f"Made {made.path}.{dated if args.type in ('minutes', 'update', 'answer') else ''} "
          "It is a draft until you take out 'draft: yes'. Open it in a text editor and fill it in.")
    return 0


def _run_feedback(args: argparse.Namespace) -> int:
    from .feedback.cli import run_feedback
    return run_feedback(args)


__all__ = ["main", "make_parser", "COMMANDS", "Problem"]

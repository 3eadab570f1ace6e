"""The ``feedback`` commands: run the receiver, and export what it kept.

The main command line adds these with ``add_feedback_parser(subparsers)``
and runs them with ``run_feedback(args)``. They also run on their own:

    python -m wtfc_site.feedback.cli serve --db feedback.sqlite3 --thanks-url https://www.example.org/thanks/
    python -m wtfc_site.feedback.cli export --db feedback.sqlite3 --format csv --out feedback.csv
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, SiteError, format_problem
from .connections import ConnectionSettings
from .database import read_submissions
from .export import FORMATS, check_out_path, write_file_safely, write_rows
from .origin import origin_of
from .receiver import DEFAULT_RATE_LIMIT, make_app
from .server import serve
from .site import receiver_settings


def add_feedback_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``feedback`` command (with ``serve`` and ``export``) and return its parser."""
    parser = subparsers.add_parser(
        "feedback",
        help="Run the feedback receiver, or export the feedback it has kept.",
        description="Run the feedback receiver, or export the feedback it has kept.",
    )
    add_feedback_commands(parser)
    return parser


def add_feedback_commands(parser: argparse.ArgumentParser) -> None:
    """Add the ``serve`` and ``export`` sub-commands to ``parser``."""
    commands = parser.add_subparsers(dest="feedback_command", required=True, metavar="COMMAND")
    _add_serve(commands)
    _add_export(commands)


def _add_serve(commands: Any) -> None:
    """Add ``serve`` and its options, each explained in plain English."""
    serve_parser = commands.add_parser(
        "serve",
        help="Run the receiver that the site's feedback form sends to.",
        description=(
            "Run the receiver that the site's feedback form sends to. It keeps each "
            "message in its database, then sends the person to the thank-you page. "
            "Stop it with Ctrl+C."
        ),
    )
    add = serve_parser.add_argument
    add(
        "--host",
        default="127.0.0.1",
        help="The address to listen on. Default: 127.0.0.1 (this computer only).",
    )
    add("--port", type=_port, default=8080, help="The port to listen on. Default: 8080. 0 picks a free port.")
    add(
        "--db",
        required=True,
        metavar="FILE_OR_URL",
        help="Where to keep the feedback: an SQLite file (made if it is missing), or a PostgreSQL "
        "database as postgresql://user@host/dbname (made with the README's steps).",
    )
    add(
        "--thanks-url",
        metavar="URL",
        help="Where to send people after they send feedback, e.g. https://www.example.org/thanks/.",
    )
    add(
        "--page-check-thanks-url",
        metavar="URL",
        help="Where to send people after they answer 'Was this page easy to understand?'. "
        "Default: the thank-you address with ?page-check=1 added.",
    )
    add(
        "--allowed-origin",
        dest="allowed_origins",
        action="extend",
        nargs="+",
        default=[],
        metavar="ORIGIN",
        help="A website allowed to send the form, e.g. https://www.example.org. You can give more than one. "
        "Default: the website of the thank-you address.",
    )
    add(
        "--rate-limit",
        type=_whole_number,
        default=DEFAULT_RATE_LIMIT,
        metavar="N",
        help=f"The most messages kept from one address in an hour. Messages with mistakes do not count. "
        f"Default: {DEFAULT_RATE_LIMIT}, enough for a group filling the form in one room. 0 turns the limit off.",
    )
    _add_connection_options(add)
    add(
        "--trusted-proxy",
        metavar="ADDR",
        help="The address of your proxy server. Only requests from it may tell us the person's address "
        "(in X-Forwarded-For).",
    )
    add(
        "--site",
        type=Path,
        metavar="DIR",
        help="The site folder. Its content/site.yaml gives the thank-you page (from site_url), the "
        "websites allowed to send the form (feedback: allowed_origins), and the form page shown again "
        "when something needs fixing. Options given here win.",
    )


def _add_connection_options(add: Callable[..., Any]) -> None:
    """Add the options that keep slow, idle and crowded connections from shutting people out."""
    default = ConnectionSettings()
    add("--max-connections", type=_positive_number, default=default.max_connections, metavar="N",
        help=f"The most connections open at once, from everyone. Default: {default.max_connections}.")
    add("--max-connections-per-address", type=_positive_number, default=default.per_address, metavar="N",
        help=f"How many connections one address may keep open. Beyond this, its connections that send "
        f"nothing for 2 seconds are closed; ones sending messages never are. The trusted proxy has no "
        f"limit. Default: {default.per_address}.")
    add("--idle-timeout", type=_seconds, default=default.idle_timeout, metavar="SECONDS",
        help=f"Close a connection that sends nothing for this long. Default: {default.idle_timeout:g}.")
    add("--request-timeout", type=_seconds, default=default.request_timeout, metavar="SECONDS",
        help=f"Close a connection whose request takes longer than this to arrive. "
        f"Default: {default.request_timeout:g}.")


def _add_export(commands: Any) -> None:
    """Add ``export`` and its options, each explained in plain English."""
    export_parser = commands.add_parser(
        "export",
        help="Write out all the feedback kept, oldest first.",
        description=(
            "Write out all the feedback kept, oldest first. In CSV, a cell that a spreadsheet "
            "would run as a formula starts with a ' so it stays text."
        ),
    )
    add = export_parser.add_argument
    add(
        "--db",
        required=True,
        metavar="FILE_OR_URL",
        help="The database the receiver keeps feedback in: the same --db given to 'feedback serve'.",
    )
    add(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv for spreadsheets, json for programs. Default: csv.",
    )
    add(
        "--out",
        type=Path,
        metavar="FILE",
        help="The file to write. Default: show it on the screen. A CSV file starts with a byte-order mark "
        "so Excel shows every letter correctly.",
    )


def run_feedback(args: argparse.Namespace) -> int:
    """Run ``feedback serve`` or ``feedback export``; return the exit code (0 is success)."""
    try:
        if args.feedback_command == "serve":
            return _run_serve(args)
        return _run_export(args)
    except SiteError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        return 1


def _run_serve(args: argparse.Namespace) -> int:
    """Start the receiver with settings from the options and the site folder."""
    settings = receiver_settings(args.site) if args.site else {}
    thanks_url = args.thanks_url or settings.get("thanks_url")
    if not thanks_url:
        raise SiteError(
            _setting_problem(
                "The receiver needs the address of your thank-you page.",
                "Give --thanks-url https://www.example.org/thanks/ or --site with 'site_url:' in content/site.yaml.",
            )
        )
    origins = args.allowed_origins or settings.get("allowed_origins") or _origin_list(thanks_url)
    if not origins:
        raise SiteError(
            _setting_problem(
                "The receiver needs the address of the website that sends the form.",
                "Give --allowed-origin https://www.example.org or use a full --thanks-url.",
            )
        )
    try:
        app = make_app(
            args.db,
            thanks_url=thanks_url,
            allowed_origins=origins,
            rate_limit=args.rate_limit,
            trusted_proxy=args.trusted_proxy,
            page_check_thanks_url=args.page_check_thanks_url,
            form_renderer=settings.get("form_renderer"),
            message_pages=settings.get("message_pages"),
            asset_origins=settings.get("asset_origins", ()),
        )
    except ValueError as error:
        raise SiteError(
            _setting_problem(str(error), "Check the options you gave to 'feedback serve'.")
        ) from error
    try:
        connections = ConnectionSettings(
            max_connections=args.max_connections,
            per_address=args.max_connections_per_address,
            idle_timeout=args.idle_timeout,
            request_timeout=args.request_timeout,
        )
        serve(app, args.host, args.port, connections=connections)
    except KeyboardInterrupt:
        print("The feedback receiver has stopped.", file=sys.stderr)
    except OSError as error:
        raise SiteError(
            _setting_problem(
                f"The receiver could not listen on {args.host} port {args.port}: {error.strerror or error}",
                "Choose another --port, or stop the program that is using it.",
            )
        ) from error
    return 0


def _run_export(args: argparse.Namespace) -> int:
    """Export the feedback to a file or the screen; never harm the database or a file."""
    if args.out is not None:
        check_out_path(args.out, args.db)
    rows = read_submissions(args.db)
    if args.out is None:
        write_rows(rows, args.format, sys.stdout)
        sys.stdout.flush()
    else:
        try:
            write_file_safely(rows, args.format, args.out)
        except OSError as error:
            raise SiteError(Problem(
                file=args.out, line=None, rule="FEEDBACK-EXPORT",
                message=f"The export could not be written to {args.out}: {error.strerror or error}",
                hint="Check you may write in that folder and that the disk is not full. "
                     "Nothing else was changed.")) from error
    count = len(rows)
    where = f" to {args.out}" if args.out else ""
    print(f"Exported {count} feedback {'entry' if count == 1 else 'entries'}{where}.", file=sys.stderr)
    return 0


def _origin_list(url: str) -> list[str]:
    """Return the origin of a full URL as a one-item list, or [] for a path."""
    origin = origin_of(url)
    return [origin] if origin else []


def _setting_problem(message: str, hint: str) -> Problem:
    """Return a problem with the receiver's settings."""
    return Problem(file=None, line=None, message=message, hint=hint, rule="FEEDBACK-SETTINGS")


def _whole_number(text: str) -> int:
    """Return ``text`` as a whole number of 0 or more, for argparse."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number (0, 1, 2 ...).")
    return value


def _positive_number(text: str) -> int:
    """Return ``text`` as a whole number above 0, for argparse."""
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be a whole number above 0 (1, 2, 3 ...).")
    return value


def _seconds(text: str) -> float:
    """Return ``text`` as a number of seconds above 0, for argparse."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0 (for example 10).")
    return value


def _port(text: str) -> int:
    """Return ``text`` as a port number (0 to 65535), for argparse."""
    value = _whole_number(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: use a number from 0 to 65535.")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the feedback commands on their own; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m wtfc_site.feedback.cli",
        description="Run the feedback receiver, or export the feedback it has kept.",
    )
    add_feedback_commands(parser)
    return run_feedback(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())

"""The live preview for authors: ``python build.py serve``.

It builds the site with drafts into a private temporary folder, serves it on
this computer only, watches the site folder and builds again when a file
changes. Every page it serves gets a panel with the checker's findings for
that page and a tiny script that reloads the page after each build. A file
that stops the build shows its problem on the page; the server keeps going
with the last version that worked. Ctrl+C removes the temporary folder.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2

from .config import load_config
from .defaults import default_layouts
from .errors import Problem, Severity, SiteError
from .output import print_problems, problem_dict, summary_line
from .pipeline import Options, build, stop_problems
from .render import make_environment

BUILD_ID_PATH = "/__preview__/build-id"
"""The address the reload script asks for the number of the latest build."""

WATCHED = ("content", "layouts", "easyread_images")
"""The parts of a site folder that change what the site looks like."""


@dataclass
class PreviewState:
    """What the latest build did, shared by the watcher and the web server."""

    build_id: int = 0
    failed: bool = False
    problems: list[Problem] = field(default_factory=list)
    files_by_url: dict[str, str] = field(default_factory=dict)
    built_once: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Preview:
    """Where the preview is built and served from."""

    options: Options
    root: Path
    """The temporary folder holding everything the preview writes; removed when it stops."""
    served: Path
    """The folder served at http://127.0.0.1:PORT/."""
    out: Path
    """Where the site is built: inside ``served`` at its base URL."""
    base_url: str


def serve(options: Options, port: int) -> int:
    """Build, serve on 127.0.0.1, rebuild on every change; return 0 when stopped with Ctrl+C."""
    try:
        base_url = load_config(options.site_dir).base_url
    except SiteError as exc:
        print_problems(list(exc.problems), sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="wtfc-preview-"))
    if threading.current_thread() is threading.main_thread():
        # Also when started in the background, where Ctrl+C (SIGINT) may be set to be ignored.
        signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
        signal.signal(signal.SIGINT, _stop_like_ctrl_c)
    try:
        # Put the site where its base URL says, so /my-tcp/ links work in the preview too.
        # The build writes beside its output folder, so that folder is never root itself.
        served = root / "web"
        parts = [part for part in base_url.split("/") if part]
        out = served.joinpath(*parts) if parts else served / "site"
        served = served if parts else out
        preview = Preview(preview_options(options), root, served, out, base_url)
        return _run(preview, port)
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)
        print("The preview has stopped. Its temporary folder was removed.", flush=True)


def preview_options(options: Options) -> Options:
    """Return the build options of the preview: drafts included, and never a forked pool, since
    the preview's web-server threads run while it builds and forking beside threads can hang the child.

    The preview keeps its results in a cache folder of its own (``.wtfc-cache/preview``): with drafts
    its pages' keys differ from a terminal build's, and each build drops the rows it did not use, so
    sharing one cache made every save after a terminal ``build`` do every page again.
    """
    return replace(options, include_drafts=True, pool=False, cache_dir=options.cache / "preview")


def _stop_like_ctrl_c(signum, frame) -> None:
    raise KeyboardInterrupt


def _run(preview: Preview, port: int) -> int:
    state = PreviewState()
    rebuild(preview, state)
    handler = functools.partial(PreviewHandler, directory=str(preview.served))
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild, args=(preview, state, stop), daemon=True)
    with PreviewServer(("127.0.0.1", port), handler) as server:
        server.preview, server.state, server.panel = preview, state, _panel_template(preview.options.site_dir)
        watcher.start()
        print(f"Preview at http://127.0.0.1:{server.server_port}{preview.base_url} (drafts included). "
              "Pages reload by themselves when you save a file. Press Ctrl+C to stop.", flush=True)
        try:
            server.serve_forever(poll_interval=0.2)
        finally:
            stop.set()
            watcher.join(timeout=30)  # let a build that is running finish before its folder goes
    return 0


def rebuild(preview: Preview, state: PreviewState) -> None:
    """Build the site again and record what happened; never raise, so the server keeps going.

    The search index is made again too: it changes only the files a saved page's words touch
    (publish.search), a few milliseconds, so a search in the preview finds what was just written.
    """
    started = time.monotonic()
    try:
        report = build(replace(preview.options, out_dir=preview.out))
        problems, failed = (stop_problems(report.problems), True) if not report.written else (report.problems, False)
        files = {page.url: page.file.as_posix() for page in report.site.pages} if report.site else {}
    except Exception as exc:  # a bug must not stop the preview; show it like a problem
        problems = [Problem(None, None, f"The build stopped unexpectedly: {exc!r}.",
                            hint="Undo your last change to see if it is the cause, and tell the developers.",
                            rule="SITE-CRASH")]
        failed, files = True, {}
    shown = [p for p in problems if p.severity is not Severity.INFO and not p.silenced]
    with state.lock:
        state.failed, state.problems = failed, shown
        if not failed:
            state.files_by_url, state.built_once = files, True
        state.build_id += 1
    _tell_terminal(shown, failed, problems, time.monotonic() - started)


def _tell_terminal(shown: list[Problem], failed: bool, problems: Sequence[Problem], seconds: float) -> None:
    if shown:
        print_problems(shown, sys.stderr)
    if failed:
        print("The site could not be built. The preview shows the last version that worked, and the problem.",
              flush=True)
    else:
        print(f"Built in {seconds:.1f} s. {summary_line(problems)}", flush=True)


def watch_and_rebuild(preview: Preview, state: PreviewState, stop: threading.Event) -> None:
    """Build again each time a file in content/, layouts/ or easyread_images/ changes."""
    from watchfiles import watch

    folders = [preview.options.site_dir / name for name in WATCHED if (preview.options.site_dir / name).is_dir()]
    # A short debounce: an editor's save is one change, and the page should refresh within a second.
    for changes in watch(*folders, stop_event=stop, debounce=150, step=50, rust_timeout=500, yield_on_timeout=False):
        names = sorted({Path(path).name for _, path in changes})
        print(f"Changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}. Building again…", flush=True)
        rebuild(preview, state)


class PreviewServer(http.server.ThreadingHTTPServer):
    """The web server, holding the preview and its state for the handlers."""

    daemon_threads = True
    preview: Preview
    state: PreviewState
    panel: jinja2.Template


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built files; adds the findings panel and the reload script to each page."""

    server: PreviewServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = unquote(urlsplit(self.path).path)
        state = self.server.state
        if path == BUILD_ID_PATH:
            self._send(200, "text/plain; charset=utf-8", str(state.build_id).encode())
            return
        if not state.built_once:
            self._send(500, "text/html; charset=utf-8", self._panel(None, standalone=True).encode())
            return
        file = Path(self.translate_path(self.path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            self._send_page(200, file, path)
        elif not file.exists() and (self.server.preview.out / "404.html").is_file():
            self._send_page(404, self.server.preview.out / "404.html", path)
        else:
            super().do_GET()

    def _send_page(self, status: int, file: Path, path: str) -> None:
        html = file.read_text(encoding="utf-8")
        site_path = "/" + path[len(self.server.preview.base_url):].removesuffix("index.html") \
            if path.startswith(self.server.preview.base_url) else path
        panel = self._panel(self.server.state.files_by_url.get(site_path))
        at = html.rfind("</body>")
        html = html[:at] + panel + html[at:] if at >= 0 else html + panel
        self._send(status, "text/html; charset=utf-8", html.encode("utf-8"))

    def _panel(self, page_file: str | None, standalone: bool = False) -> str:
        state = self.server.state
        with state.lock:
            failed, problems, build_id = state.failed, list(state.problems), state.build_id
            page_files = set(state.files_by_url.values())
        if not failed:
            # This page's findings, and those of files that are no page (site.yaml, the glossary).
            problems = [p for p in problems if (p.file.as_posix() if p.file else None) == page_file
                        or p.file is None or p.file.as_posix() not in page_files]
        return self.server.panel.render(failed=failed, problems=[problem_dict(p) for p in problems],
                                        page_file=page_file, build_id=build_id, standalone=standalone,
                                        build_id_path=BUILD_ID_PATH)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # always show the newest build
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the name http.server uses
        pass  # the terminal is for the checker's findings, not for every request


def _panel_template(site_dir: Path) -> jinja2.Template:
    try:
        return make_environment(site_dir).get_template("preview_panel.html")
    except jinja2.TemplateError:
        # A site's own broken layouts must not hide the panel that says so.
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(default_layouts())), autoescape=True)
        return env.get_template("preview_panel.html")

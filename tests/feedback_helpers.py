"""Helpers for the feedback tests: call the WSGI app, run a real receiver, post to it."""

from __future__ import annotations

import http.client
import io
import os
import re
import select
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from wtfc_site.feedback.database import read_submissions

REPO_ROOT = Path(__file__).resolve().parents[1]
SITE_ORIGIN = "https://site.example"
THANKS_URL = "https://site.example/thanks/"
FORM_TYPE = "application/x-www-form-urlencoded"

# Every wait in these tests is bounded, so a broken receiver fails a test
# instead of hanging the suite.
START_TIMEOUT = 20.0
REQUEST_TIMEOUT = 20.0


@dataclass
class Reply:
    """What came back from one request."""

    status: int
    headers: dict[str, str]
    text: str


def token() -> str:
    """Return a unique marker to put in a message, so it can be counted later."""
    return "tok" + uuid.uuid4().hex


def form(**fields: str) -> bytes:
    """Return a URL-encoded form body."""
    return urlencode(fields).encode("ascii")


def call_app(
    app,
    body: bytes = b"",
    *,
    method: str = "POST",
    path: str = "/feedback",
    env: Mapping[str, str] | None = None,
) -> tuple[Reply, str]:
    """Call a WSGI app in-process; return the reply and what it wrote to wsgi.errors."""
    errors = io.StringIO()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "CONTENT_TYPE": FORM_TYPE,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": errors,
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "feedback.site.example",
        "HTTP_ORIGIN": SITE_ORIGIN,
    }
    environ.update(env or {})
    environ = {key: value for key, value in environ.items() if value is not None}
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, headers

    payload = b"".join(app(environ, start_response))
    status = int(str(seen["status"]).split()[0])
    headers = {name.lower(): value for name, value in seen["headers"]}  # type: ignore[union-attr]
    return Reply(status, headers, payload.decode("utf-8")), errors.getvalue()


@dataclass
class Receiver:
    """A feedback receiver running as a real subprocess on 127.0.0.1."""

    db: Path | str  # an SQLite file, or a postgresql:// address
    args: tuple[str, ...] = ()
    log: Path | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)
    port: int = 0

    def start(self) -> Receiver:
        """Start the receiver on a free port and wait until it is listening."""
        command = [
            sys.executable, "-m", "wtfc_site.feedback.cli", "serve",
            "--host", "127.0.0.1", "--port", "0", "--db", str(self.db), *self.args,
        ]  # fmt: skip
        if not any(arg == "--thanks-url" or arg == "--site" for arg in self.args):
            command += ["--thanks-url", THANKS_URL, "--allowed-origin", SITE_ORIGIN]
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), PYTHONUNBUFFERED="1")
        log = open(self.log or os.devnull, "ab")
        self.process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL
        )
        log.close()
        self.port = self._read_port()
        return self

    def _read_port(self) -> int:
        """Return the port from the receiver's "running at" line (bounded wait)."""
        assert self.process is not None and self.process.stdout is not None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                line = self.process.stdout.readline().decode("utf-8", "replace")
                found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if found:
                    return int(found.group(1))
            if self.process.poll() is not None:
                break
        self.stop()
        raise AssertionError(f"The feedback receiver did not start (see {self.log}).")

    def kill(self) -> None:
        """Kill the receiver at once (SIGKILL), as a crash or power cut would."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the receiver politely, then firmly."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process.stdout:
            self.process.stdout.close()

    def post(self, body: bytes, **kwargs) -> Reply:
        """Send one request to this receiver."""
        return request(self.port, body, **kwargs)


@contextmanager
def running(db: Path | str, *args: str, log: Path | None = None) -> Iterator[Receiver]:
    """Run a receiver for the length of a with-block."""
    receiver = Receiver(db, tuple(args), log).start()
    try:
        yield receiver
    finally:
        receiver.stop()


def request(
    port: int,
    body: bytes = b"",
    *,
    method: str = "POST",
    path: str = "/feedback",
    headers: Mapping[str, str | None] | None = None,
    timeout: float = REQUEST_TIMEOUT,
) -> Reply:
    """Send one HTTP request to 127.0.0.1 (no redirects followed); return the reply.

    By default it looks like the site's own form: form content type and the
    site's Origin. A header given as None is left out.
    """
    sent = {"Content-Type": FORM_TYPE, "Origin": SITE_ORIGIN}
    sent.update(headers or {})
    sent = {name: value for name, value in sent.items() if value is not None}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body if method != "GET" else None, headers=sent)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
    finally:
        conn.close()


def stored(db: Path | str) -> list[dict[str, object]]:
    """Return every stored row (oldest first)."""
    return read_submissions(db)


def count_with(db: Path | str, marker: str) -> int:
    """Return how many stored rows mention ``marker`` in any text column."""
    return sum(1 for row in stored(db) if any(marker in str(value) for value in row.values()))

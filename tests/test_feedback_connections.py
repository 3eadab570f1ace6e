"""Slow, idle and crowded connections, and waitress's own answers, against a real receiver.

Sockets are opened on the loopback only (127.0.0.1 and 127.0.0.2, which
Linux routes to this computer), every loop is bounded, and every socket
is closed at the end of its test.
"""

from __future__ import annotations

import http.client
import socket
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from feedback_helpers import FORM_TYPE, SITE_ORIGIN, count_with, form, running, token

OTHER_ADDRESS = "127.0.0.2"  # "someone else": a second loopback address


def open_idle(port: int, count: int, stack: ExitStack) -> list[socket.socket]:
    """Open ``count`` connections from 127.0.0.1 that send nothing."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        stack.callback(sock.close)
        sockets.append(sock)
    return sockets


def post_from(address: str, port: int, body: bytes, timeout: float) -> int:
    """Post the form from a given loopback address; return the status."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(address, 0))
    try:
        conn.request("POST", "/feedback", body=body, headers={"Content-Type": FORM_TYPE, "Origin": SITE_ORIGIN})
        return conn.getresponse().status
    finally:
        conn.close()


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """Return True when the server closes ``sock`` within ``within`` seconds."""
    sock.settimeout(within)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_200_idle_connections_from_one_address_do_not_shut_out_another(tmp_path: Path):
    with running(tmp_path / "f.sqlite3", log=tmp_path / "log.txt") as live, ExitStack() as stack:
        open_idle(live.port, 200, stack)
        time.sleep(0.5)  # let the receiver take them all in
        marker = token()
        started = time.monotonic()
        status = post_from(OTHER_ADDRESS, live.port, form(face="happy", message=marker), timeout=10)
        took = time.monotonic() - started
        assert status == 303
        assert took < 2, f"a person waited {took:.1f} s behind someone else's idle connections"
        assert count_with(live.db, marker) == 1


def test_an_idle_connection_is_closed_after_the_idle_timeout(tmp_path: Path):
    with running(tmp_path / "f.sqlite3", "--idle-timeout", "1", log=tmp_path / "log.txt") as live, \
            ExitStack() as stack:
        [idle] = open_idle(live.port, 1, stack)
        assert closed_by_server(idle, within=5)


def test_a_request_dripping_in_slowly_is_closed_after_the_request_timeout(tmp_path: Path):
    with running(tmp_path / "f.sqlite3", "--request-timeout", "2", log=tmp_path / "log.txt") as live, \
            ExitStack() as stack:
        [slow] = open_idle(live.port, 1, stack)
        started = time.monotonic()
        closed = False
        for piece in [b"POST /feedback HTTP/1.1\r\n"] + [b"X-Slow: a\r\n"] * 20:  # one line every 0.5 s
            try:
                slow.sendall(piece)
            except OSError:
                closed = True
                break
            if closed_by_server(slow, within=0.5):
                closed = True
                break
        assert closed, "the slow request was never cut off"
        assert time.monotonic() - started < 6


def test_a_crowd_posting_at_once_from_one_address_is_not_cut_off(tmp_path: Path):
    # 60 people in one room press Send together: far more than the idle share of 20.
    from concurrent.futures import ThreadPoolExecutor

    with running(tmp_path / "f.sqlite3", "--rate-limit", "0", log=tmp_path / "log.txt") as live:
        markers = [token() for _ in range(60)]
        with ThreadPoolExecutor(max_workers=60) as pool:
            statuses = list(pool.map(
                lambda marker: post_from("127.0.0.1", live.port, form(face="okay", message=marker), 20), markers))
        assert statuses == [303] * 60
        assert all(count_with(live.db, marker) == 1 for marker in markers)


WAITRESS_OWN_ANSWERS = [
    pytest.param(b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM_TYPE.encode()
                 + b"\r\nContent-Length: 50000000\r\n\r\n", 413, id="body-too-big"),
    pytest.param(b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n", 400, id="bad-length"),
    pytest.param(b"POST /feedback HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n", 431,
                 id="headers-too-big"),
]


@pytest.mark.parametrize("raw, status", WAITRESS_OWN_ANSWERS)
def test_waitress_own_answers_carry_the_security_headers_and_a_plain_page(tmp_path: Path, raw: bytes, status: int):
    log = tmp_path / "log.txt"
    with running(tmp_path / "f.sqlite3", log=log) as live:
        with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
            sock.sendall(raw)
            response = http.client.HTTPResponse(sock)
            response.begin()
            headers = {name.lower(): value for name, value in response.getheaders()}
            text = response.read().decode("utf-8")
    assert response.status == status
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "waitress" not in text and "<h1>" in text
    assert f"({status})" in log.read_text(encoding="utf-8")

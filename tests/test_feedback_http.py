"""The feedback receiver over real HTTP, as a real process, on 127.0.0.1.

Every loop here is bounded in count and time, so a broken receiver fails
fast rather than hanging the suite.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from feedback_helpers import (
    REPO_ROOT,
    SITE_ORIGIN,
    THANKS_URL,
    Receiver,
    count_with,
    form,
    running,
    stored,
    token,
)
from feedback_postgres import BACKENDS, database_for

SECURITY_HEADERS = ("x-content-type-options", "content-security-policy", "referrer-policy")


@pytest.fixture(scope="module", params=BACKENDS)
def receiver(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """One receiver with the rate limit off, shared by the tests that only add rows.

    Every test using it runs twice: with an SQLite file and with a real PostgreSQL database.
    """
    folder = tmp_path_factory.mktemp("receiver")
    db = database_for(request.param, request, folder)
    with running(db, "--rate-limit", "0", log=folder / "log.txt") as live:
        yield live


def export_cli(db: Path | str, fmt: str, out: Path) -> str:
    """Run ``feedback export`` as a real command and return what it wrote."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "wtfc_site.feedback.cli",
            "export",
            "--db",
            str(db),
            "--format",
            fmt,
            "--out",
            str(out),
        ],
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        check=True,
        timeout=30,
        capture_output=True,
    )
    return out.read_text(encoding="utf-8-sig")


def test_a_good_submission_is_stored_and_appears_in_both_exports(receiver: Receiver, tmp_path: Path):
    marker = token()
    reply = receiver.post(
        form(page="/minutes/2026-01-21-board/", face="happy", message=f"Good meeting {marker}")
    )
    assert reply.status == 303
    assert reply.headers["location"] == THANKS_URL

    csv_rows = list(csv.DictReader(io.StringIO(export_cli(receiver.db, "csv", tmp_path / "out.csv"))))
    json_rows = json.loads(export_cli(receiver.db, "json", tmp_path / "out.json"))

    for rows in (csv_rows, json_rows):
        mine = [row for row in rows if marker in row["message"]]
        assert len(mine) == 1
        assert mine[0]["face"] == "happy"
        assert mine[0]["page"] == "/minutes/2026-01-21-board/"
        assert mine[0]["kind"] == "feedback"


def test_a_page_check_answer_is_stored_and_goes_to_its_own_thank_you(receiver: Receiver):
    page = f"/policies/{token()}/"
    reply = receiver.post(form(kind="page-check", page=page, easy="no"))
    assert reply.status == 303
    assert reply.headers["location"] == THANKS_URL + "?page-check=1"
    [row] = [row for row in stored(receiver.db) if row["page"] == page]
    assert (row["kind"], row["easy"], row["face"]) == ("page-check", "no", "")


def test_no_origin_and_no_referer_is_accepted(receiver: Receiver):
    marker = token()
    reply = receiver.post(form(face="okay", message=marker), headers={"Origin": None})
    assert reply.status == 303
    assert count_with(receiver.db, marker) == 1


def test_200_concurrent_submissions_are_all_stored_exactly_once(receiver: Receiver):
    markers = [token() for _ in range(200)]
    start_together = threading.Barrier(len(markers), timeout=30)

    def send(marker: str) -> int:
        start_together.wait()
        return receiver.post(form(face="happy", message=f"Load test {marker}")).status

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(markers)) as pool:
        statuses = list(pool.map(send, markers, timeout=60))
    assert statuses == [303] * len(markers)
    assert time.monotonic() - started < 30

    messages = [str(row["message"]) for row in stored(receiver.db)]
    for marker in markers:
        assert sum(marker in message for message in messages) == 1, marker


def test_every_submission_answered_303_survives_a_sigkill(feedback_db: str, tmp_path: Path):
    db = feedback_db
    answered: list[str] = []
    attempted: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def keep_sending(live: Receiver) -> None:
        for _ in range(300):  # bounded, even if nothing stops us
            if stop.is_set():
                return
            marker = token()
            with lock:
                attempted.append(marker)
            try:
                reply = live.post(form(face="unhappy", message=marker), timeout=5)
            except (OSError, http.client.HTTPException):
                continue  # the receiver died mid-request: no 303, no promise
            if reply.status == 303:
                with lock:
                    answered.append(marker)

    live = Receiver(db, ("--rate-limit", "0"), tmp_path / "log.txt").start()
    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            workers = [pool.submit(keep_sending, live) for _ in range(12)]
            deadline = time.monotonic() + 20
            while len(answered) < 60 and time.monotonic() < deadline:
                time.sleep(0.01)
            live.kill()  # in the middle of the load: workers are still sending
            stop.set()
            for worker in workers:
                worker.result(timeout=30)
    finally:
        live.stop()
    assert len(answered) >= 60, "the load never got going"

    with running(db, "--rate-limit", "0", log=tmp_path / "log2.txt") as restarted:
        after = token()
        assert restarted.post(form(face="happy", message=after)).status == 303
        messages = [str(row["message"]) for row in stored(db)]

    counts: dict[str, int] = {}
    for message in messages:
        counts[message] = counts.get(message, 0) + 1
    assert all(counts.get(marker) == 1 for marker in answered)
    assert max(counts.values()) == 1, "a submission was stored twice"
    assert counts.get(after) == 1


BAD_REQUESTS = [
    pytest.param(dict(body_extra="&message=" + "x" * 70_000), 413, id="oversized-body"),
    pytest.param(dict(raw=b"face=happy&message=MARKER&%FF%FE=1"), 400, id="malformed-not-utf8"),
    pytest.param(dict(raw=b"face=happy&message=MARKER&junk"), 400, id="malformed-no-equals"),
    pytest.param(dict(raw=b"face=happy&message=MARKER&\xff"), 400, id="malformed-not-ascii"),
    pytest.param(dict(method="GET"), 405, id="wrong-method-get"),
    pytest.param(dict(method="PUT"), 405, id="wrong-method-put"),
    pytest.param(dict(path="/other"), 404, id="wrong-path"),
    pytest.param(dict(path="/feedback/more"), 404, id="wrong-path-below"),
    pytest.param(dict(headers={"Origin": "https://evil.example"}), 403, id="wrong-origin"),
    pytest.param(
        dict(headers={"Origin": None, "Referer": "https://evil.example/page"}), 403, id="wrong-referer"
    ),
    pytest.param(dict(headers={"Origin": "null"}), 403, id="origin-null-from-another-site"),
    pytest.param(dict(headers={"Origin": "null", "Referer": None}, body_extra="&resend=1999999999.made-up"), 403,
                 id="origin-null-with-a-made-up-token"),
    pytest.param(dict(headers={"Content-Type": "text/plain"}), 415, id="wrong-type-text"),
    pytest.param(dict(headers={"Content-Type": "application/json"}), 415, id="wrong-type-json"),
    pytest.param(
        dict(headers={"Content-Type": "multipart/form-data; boundary=x"}), 415, id="wrong-type-multipart"
    ),
    pytest.param(dict(body_extra="&website=http://spam.example"), 303, id="honeypot-filled"),
    pytest.param(dict(body_extra="", no_face=True), 400, id="no-face"),
]


@pytest.mark.parametrize("case, status", BAD_REQUESTS)
def test_refused_and_honeypot_requests_store_nothing(receiver: Receiver, case: dict, status: int):
    marker = token()
    body = case.get("raw", b"").replace(b"MARKER", marker.encode())
    if not body:
        fields = {"message": marker} if case.get("no_face") else {"face": "happy", "message": marker}
        body = form(**fields) + case.get("body_extra", "").encode()
    before = len(stored(receiver.db))

    reply = receiver.post(
        body,
        method=case.get("method", "POST"),
        path=case.get("path", "/feedback"),
        headers=case.get("headers"),
    )

    assert reply.status == status
    for name in SECURITY_HEADERS:
        assert name in reply.headers
    assert "Traceback" not in reply.text
    if status == 303:
        assert reply.headers["location"] == THANKS_URL  # looks just like success
    if status == 405:
        assert reply.headers["allow"] == "POST"
    assert count_with(receiver.db, marker) == 0
    assert len(stored(receiver.db)) == before


def test_html_in_a_message_is_kept_as_text_and_escaped_when_shown_again(receiver: Receiver):
    marker = token()
    words = f'<script>alert(1)</script> <b>bold</b> & "quotes" {marker}'

    assert receiver.post(form(face="okay", message=words)).status == 303
    [row] = [row for row in stored(receiver.db) if marker in str(row["message"])]
    assert row["message"] == words

    again = receiver.post(form(message=words, contact='<img src=x onerror="alert(2)">'))
    assert again.status == 400
    soup = BeautifulSoup(again.text, "html.parser")
    assert soup.find("script") is None
    assert soup.find("img") is None
    assert soup.find("textarea", id="message").get_text() == words
    assert soup.find("input", id="contact")["value"] == '<img src=x onerror="alert(2)">'
    assert "Please choose a face" in soup.get_text()
    assert count_with(receiver.db, marker) == 1


def test_csv_export_neutralises_formulas_and_json_keeps_them(receiver: Receiver, tmp_path: Path):
    page = f"/csv/{token()}/"
    formulas = ["=1+1", "+x", "-x", "@x"]
    for text in formulas:
        assert receiver.post(form(page=page, face="happy", message=text, contact=text)).status == 303

    csv_rows = [
        row
        for row in csv.DictReader(io.StringIO(export_cli(receiver.db, "csv", tmp_path / "f.csv")))
        if row["page"] == page
    ]
    assert [row["message"] for row in csv_rows] == ["'" + text for text in formulas]
    assert [row["contact"] for row in csv_rows] == ["'" + text for text in formulas]

    json_rows = [
        row for row in json.loads(export_cli(receiver.db, "json", tmp_path / "f.json")) if row["page"] == page
    ]
    assert [row["message"] for row in json_rows] == formulas


def test_the_fourth_stored_post_in_an_hour_is_refused_with_429_and_the_words_kept(tmp_path: Path):
    with running(tmp_path / "limit.sqlite3", "--rate-limit", "3", log=tmp_path / "log.txt") as live:
        markers = [token() for _ in range(4)]
        statuses = [live.post(form(face="happy", message=marker)).status for marker in markers]
        assert statuses == [303, 303, 303, 429]
        refused = live.post(form(face="happy", message="again"))
        assert refused.status == 429
        assert 3500 <= int(refused.headers["retry-after"]) <= 3600
        assert BeautifulSoup(refused.text, "html.parser").find("textarea", id="message").get_text() == "again"
        assert count_with(live.db, markers[3]) == 0
        assert all(count_with(live.db, marker) == 1 for marker in markers[:3])


def test_forwarded_address_is_used_only_from_the_trusted_proxy(tmp_path: Path):
    def statuses(live: Receiver, forwarded: list[str]) -> list[int]:
        return [
            live.post(form(face="happy", message=token()), headers={"X-Forwarded-For": value}).status
            for value in forwarded
        ]

    trusted = ("--rate-limit", "2", "--trusted-proxy", "127.0.0.1")
    with running(tmp_path / "trusted.sqlite3", *trusted, log=tmp_path / "t.txt") as live:
        # Two people behind our proxy each get their own limit; a made-up
        # left-hand entry does not help someone get round theirs.
        assert statuses(live, ["203.0.113.5", "203.0.113.5", "198.51.100.9, 203.0.113.5"]) == [303, 303, 429]
        assert statuses(live, ["203.0.113.6", "203.0.113.6"]) == [303, 303]

    untrusted = ("--rate-limit", "2", "--trusted-proxy", "192.0.2.1")
    with running(tmp_path / "untrusted.sqlite3", *untrusted, log=tmp_path / "u.txt") as live:
        # We are not the proxy, so the header is ignored: one address, one limit.
        assert statuses(live, ["203.0.113.5", "203.0.113.6", "203.0.113.7"]) == [303, 303, 429]


def test_serve_reads_thanks_url_and_origins_from_site_yaml(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.yaml").write_text(
        "name: Test partnership\n"
        "area: Testshire\n"
        "site_url: https://partnership.example\n"
        "contact: {email: hello@partnership.example, phone: 01632 960 000}\n"
        "feedback:\n"
        "  destination: receiver\n"
        "  url: https://partnership.example/feedback\n"
        "  allowed_origins: [https://partnership.example]\n",
        encoding="utf-8",
    )
    with running(tmp_path / "site.sqlite3", "--site", str(site), log=tmp_path / "log.txt") as live:
        ok = live.post(form(face="happy"), headers={"Origin": "https://partnership.example"})
        assert ok.status == 303
        assert ok.headers["location"] == "https://partnership.example/feedback/thank-you/"
        assert live.post(form(face="happy"), headers={"Origin": SITE_ORIGIN}).status == 403


def test_the_receivers_own_form_page_is_sent_again_over_http_while_origin_null_from_elsewhere_is_not(
        tmp_path: Path):
    log = tmp_path / "log.txt"
    with running(tmp_path / "resend.sqlite3", log=log) as live:
        words = token()
        mistake = live.post(form(message=words))
        assert mistake.status == 400
        resend = BeautifulSoup(mistake.text, "html.parser").find("input", attrs={"name": "resend"})["value"]
        forged = live.post(form(face="happy", message=words), headers={"Origin": "null"})
        assert forged.status == 403
        again = live.post(form(face="happy", message=words, resend=resend), headers={"Origin": "null"})
        assert again.status == 303
        assert count_with(live.db, words) == 1
    logged = log.read_text(encoding="utf-8")
    assert "refused a POST (403)" in logged and "Origin: null" in logged
    assert words not in logged


def test_trying_the_form_locally_logs_how_to_allow_it(tmp_path: Path):
    log = tmp_path / "log.txt"
    with running(tmp_path / "local.sqlite3", log=log) as live:
        reply = live.post(form(face="happy", message="testing"), headers={"Origin": "http://localhost:8000"})
        assert reply.status == 403
        assert "another website" in reply.text
    logged = log.read_text(encoding="utf-8")
    assert "--allowed-origin http://localhost:8000" in logged
    assert "testing" not in logged

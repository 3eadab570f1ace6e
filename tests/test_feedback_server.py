"""The feedback receiver's WSGI app, called in-process, and its store."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from feedback_helpers import SITE_ORIGIN, THANKS_URL, call_app, form, stored, token

from wtfc_site.feedback.cli import main as feedback_main
from wtfc_site.feedback.database import open_store
from wtfc_site.feedback.form import FieldLimits
from wtfc_site.feedback.limits import RateLimiter, client_address, limit_group
from wtfc_site.feedback.origin import add_query, origin_of
from wtfc_site.feedback.receiver import make_app
from wtfc_site.feedback.request import parse_form


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "feedback.sqlite3"


def new_app(db: Path, **options):
    """Return an app with the test site's settings, changed by ``options``."""
    settings = dict(thanks_url=THANKS_URL, allowed_origins=[SITE_ORIGIN], rate_limit=0)
    settings.update(options)
    return make_app(db, **settings)


def test_success_stores_then_redirects_with_security_headers(db: Path):
    fixed = datetime(2026, 1, 21, 10, 30, 5, 123456, tzinfo=UTC)
    app = new_app(db, now=lambda: fixed)
    reply, logged = call_app(app, form(page="/a/", face="happy", message="Hello"))
    assert reply.status == 303
    assert reply.headers["location"] == THANKS_URL
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["content-security-policy"].startswith("default-src 'none'")
    assert reply.headers["referrer-policy"] == "no-referrer"
    assert reply.headers["cache-control"] == "no-store"
    assert logged == ""
    [row] = stored(db)
    assert row["received_at"] == "2026-01-21T10:30:05+00:00"
    assert (row["kind"], row["page"], row["face"], row["message"]) == ("feedback", "/a/", "happy", "Hello")


def test_database_uses_wal_and_stores_no_address(db: Path):
    new_app(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = [row[1] for row in conn.execute("PRAGMA table_info(feedback)")]
    assert columns == ["id", "received_at", "kind", "page", "face", "easy", "message", "contact"]
    assert not any("addr" in name or "ip" in name for name in columns)


@pytest.mark.parametrize(
    "kwargs, status",
    [
        (dict(path="/nope"), 404),
        (dict(method="GET"), 405),
        (dict(method="HEAD"), 405),
        (dict(method="OPTIONS"), 405),
        (dict(env={"HTTP_ORIGIN": "https://evil.example"}), 403),
        (dict(env={"HTTP_ORIGIN": "not a url"}), 403),
        (dict(env={"HTTP_ORIGIN": "null", "HTTP_REFERER": "https://evil.example/x"}), 403),
        (dict(env={"CONTENT_TYPE": "text/plain"}), 415),
        (dict(env={"CONTENT_TYPE": "application/x-www-form-urlencoded; charset=latin-1"}), 415),
        (dict(env={"CONTENT_LENGTH": None}), 411),
        (dict(env={"CONTENT_LENGTH": "12abc"}), 400),
        (dict(env={"CONTENT_LENGTH": "999"}), 400),  # body shorter than it says
        (dict(env={"CONTENT_LENGTH": str(64 * 1024 + 1)}), 413),
    ],
)
def test_refusals_have_plain_english_pages_and_store_nothing(db: Path, kwargs: dict, status: int):
    app = new_app(db)
    reply, _ = call_app(app, form(face="happy", message=token()), **kwargs)
    assert reply.status == status
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert '<html lang="en-GB">' in reply.text
    assert "Please" in reply.text
    assert stored(db) == []
    if status == 405:
        assert reply.headers["allow"] == "POST"


def test_413_is_decided_from_content_length_before_reading(db: Path):
    class Untouchable:
        def read(self, *args):
            raise AssertionError("the body was read")

    app = new_app(db, limits=FieldLimits(request_bytes=100))
    reply, _ = call_app(app, env={"CONTENT_LENGTH": "101", "wsgi.input": Untouchable()})
    assert reply.status == 413


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": None},
        {"HTTP_ORIGIN": None, "HTTP_REFERER": "https://site.example/minutes/a/"},
        {"HTTP_ORIGIN": "https://SITE.example:443"},
        {"HTTP_ORIGIN": "https://feedback.site.example"},  # its own form, sent again
        {"HTTP_ORIGIN": "https://www.other.example"},
    ],
)
def test_origins_that_are_accepted(db: Path, headers: dict):
    app = new_app(db, allowed_origins=[SITE_ORIGIN, "https://www.other.example/"])
    assert call_app(app, form(face="happy"), env=headers)[0].status == 303


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(db: Path):
    app = new_app(db)
    reply, _ = call_app(app, form(kind="page-check", easy="yes", website="spam"))
    assert reply.status == 303
    assert reply.headers["location"] == THANKS_URL + "?page-check=1"
    assert stored(db) == []


def test_page_check_has_its_own_thank_you_address_when_given(db: Path):
    app = new_app(db, page_check_thanks_url="/thanks-for-checking/")
    reply, _ = call_app(app, form(kind="page-check", easy="no"))
    assert reply.headers["location"] == "/thanks-for-checking/"


def test_validation_errors_use_the_renderer_given(db: Path):
    seen = {}

    def renderer(values, errors, resend_token):
        seen.update(values=dict(values), errors=dict(errors), token=resend_token)
        return "<p>site form</p>"

    app = new_app(db, form_renderer=renderer)
    reply, _ = call_app(app, form(message="My words"))
    assert reply.status == 400
    assert reply.text == "<p>site form</p>"
    assert seen["values"]["message"] == "My words"
    assert set(seen["errors"]) == {"face"}
    assert seen["token"]
    assert stored(db) == []


def test_an_unexpected_error_is_logged_but_never_shown(db: Path):
    def broken(values, errors, resend_token):
        raise RuntimeError("secret internals")

    app = new_app(db, form_renderer=broken)
    reply, logged = call_app(app, form(message="x"))
    assert reply.status == 500
    assert "secret" not in reply.text and "Traceback" not in reply.text
    assert "Your message was not saved" in reply.text
    assert "RuntimeError: secret internals" in logged
    assert reply.headers["content-security-policy"].startswith("default-src 'none'")


def test_rate_limit_counts_stored_posts_per_address_in_an_hour_and_says_when_to_retry(db: Path):
    clock = FakeClock()
    app = new_app(db, rate_limit=2, clock=clock)
    one = {"REMOTE_ADDR": "192.0.2.1"}
    assert [call_app(app, form(face="happy"), env=one)[0].status for _ in range(2)] == [303, 303]
    clock.now += 1200
    refused, logged = call_app(app, form(face="happy", message="Words to keep"), env=one)
    assert refused.status == 429
    assert refused.headers["retry-after"] == "2400"
    assert "(429)" in logged and "--rate-limit" in logged and "Words to keep" not in logged
    assert call_app(app, form(face="happy"), env={"REMOTE_ADDR": "192.0.2.2"})[0].status == 303
    clock.now += 2401
    assert call_app(app, form(face="happy"), env=one)[0].status == 303
    assert len(stored(db)) == 4


def test_posts_with_mistakes_do_not_count_towards_the_limit(db: Path):
    app = new_app(db, rate_limit=2)
    for _ in range(10):  # a person fixing mistakes, or a whole room of them
        assert call_app(app, form(message="no face yet"))[0].status == 400
    assert [call_app(app, form(face="okay"))[0].status for _ in range(3)] == [303, 303, 429]


def test_a_post_over_the_limit_comes_back_on_the_form_with_the_words_kept(db: Path):
    app = new_app(db, rate_limit=1)
    assert call_app(app, form(face="happy"))[0].status == 303
    refused, _ = call_app(app, form(face="unhappy", message="The bus was late again", contact="Sam"))
    assert refused.status == 429
    soup = BeautifulSoup(refused.text, "html.parser")
    assert soup.find("textarea", id="message").get_text() == "The bus was late again"
    assert soup.find("input", id="contact")["value"] == "Sam"
    assert soup.find("input", id="face-unhappy").has_attr("checked")
    assert "Please wait a minute, then press Send again." in " ".join(soup.get_text(" ").split())
    assert soup.find("input", attrs={"name": "resend"})["value"]


def test_rate_limiter_slides_and_zero_turns_it_off():
    clock = FakeClock()
    limiter = RateLimiter(3, window=60, clock=clock)
    assert [limiter.hit(b"a") for _ in range(3)] == [0, 0, 0]
    assert limiter.hit(b"a") == 60
    clock.now += 59.5
    assert limiter.hit(b"a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.hit(b"a") == 0
    off = RateLimiter(0, clock=clock)
    assert all(off.hit(b"a") == 0 for _ in range(100))


def test_rate_limiter_forgets_old_addresses():
    clock = FakeClock()
    limiter = RateLimiter(1, window=60, clock=clock)
    for number in range(50):
        limiter.hit(str(number).encode())
    clock.now += 61
    limiter.hit(b"new")
    assert len(limiter._hits) == 1


def test_rate_limiter_is_thread_safe():
    limiter = RateLimiter(100)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: limiter.hit(b"same"), range(400)))
    assert results.count(0) == 100


def test_forwarded_for_is_used_only_from_the_trusted_proxy():
    env = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.9"}
    assert client_address(env, "10.0.0.1") == "203.0.113.9"
    assert client_address(env, "10.0.0.2") == "10.0.0.1"
    assert client_address(env, None) == "10.0.0.1"
    assert client_address({**env, "HTTP_X_FORWARDED_FOR": "junk"}, "10.0.0.1") == "10.0.0.1"


def test_ipv6_addresses_are_limited_per_64_network():
    assert limit_group("2001:db8:1:2:aaaa::1") == limit_group("2001:db8:1:2:bbbb::2")
    assert limit_group("2001:db8:1:3::1") != limit_group("2001:db8:1:2::1")
    assert limit_group("::ffff:192.0.2.1") == "192.0.2.1"
    assert limit_group("192.0.2.1") == "192.0.2.1"


def test_parse_form_refuses_malformed_bodies():
    assert parse_form(b"face=happy&message=a+b%21") == {"face": "happy", "message": "a b!"}
    assert parse_form(b"") == {}
    assert parse_form(b"face=happy&") == {"face": "happy"}
    assert parse_form(b"face") is None
    assert parse_form(b"message=%FF") is None
    assert parse_form("message=é".encode()) is None
    assert parse_form(b"face=happy&face=sad") is None
    assert parse_form(b"&".join(b"f%d=1" % n for n in range(51))) is None


def test_origin_of_gives_a_standard_origin():
    assert origin_of("https://Site.Example:443/a/b?c") == "https://site.example"
    assert origin_of("http://site.example:8080/") == "http://site.example:8080"
    assert origin_of("http://[::1]:8080/") == "http://[::1]:8080"
    assert origin_of("javascript:alert(1)") is None
    assert origin_of("https://site.example:99999/") is None


def test_add_query_keeps_an_existing_query_and_fragment():
    assert add_query("/thanks/?a=1#top", "page-check=1") == "/thanks/?a=1&page-check=1#top"


@pytest.mark.parametrize(
    "options",
    [
        dict(thanks_url="javascript:alert(1)"),
        dict(thanks_url="//evil.example/"),
        dict(thanks_url="/thanks/\r\nSet-Cookie: x=1"),
        dict(thanks_url=""),
        dict(allowed_origins=["site.example"]),
        dict(allowed_origins=["https://site.example/feedback/"]),
        dict(rate_limit=-1),
        dict(path="feedback"),
    ],
)
def test_settings_that_cannot_work_are_refused(db: Path, options: dict):
    with pytest.raises(ValueError):
        new_app(db, **options)


def test_200_writers_at_once_all_succeed(feedback_db: str):
    db = feedback_db
    store = open_store(db, create=True)
    markers = [token() for _ in range(200)]
    start_together = threading.Barrier(len(markers), timeout=30)

    def write(marker: str) -> int:
        start_together.wait()
        return store.add({"kind": "feedback", "face": "happy", "message": marker}, datetime.now(UTC))

    with ThreadPoolExecutor(max_workers=len(markers)) as pool:
        ids = list(pool.map(write, markers, timeout=60))
    assert len(set(ids)) == 200
    assert sorted(row["message"] for row in stored(db)) == sorted(markers)


def test_serve_without_a_thanks_address_explains_what_to_give(db: Path, capsys):
    assert feedback_main(["serve", "--db", str(db), "--port", "0"]) == 1
    message = capsys.readouterr().err
    assert "thank-you page" in message and "--thanks-url" in message


def test_serve_with_a_bad_origin_explains_it(db: Path, capsys):
    code = feedback_main(["serve", "--db", str(db), "--thanks-url", "/t/", "--allowed-origin", "nope"])
    assert code == 1
    assert "is not a website address" in capsys.readouterr().err


def test_serve_reports_broken_site_yaml_with_its_line(tmp_path: Path, capsys):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yaml").write_text("name: x\nfeedback: [unclosed\n", encoding="utf-8")
    code = feedback_main(["serve", "--db", str(tmp_path / "f.db"), "--site", str(tmp_path)])
    assert code == 1
    assert "site.yaml:" in capsys.readouterr().err


def test_serve_refuses_a_database_in_a_missing_folder(tmp_path: Path, capsys):
    code = feedback_main(["serve", "--db", str(tmp_path / "no" / "f.db"), "--thanks-url", THANKS_URL])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_the_policy_lets_the_sites_own_files_in_and_nothing_else():
    from wtfc_site.feedback.responses import content_security_policy
    bare = content_security_policy()
    assert "img-src 'none'" in bare and "script-src" not in bare and bare.startswith("default-src 'none'")
    site = content_security_policy(["https://ourtcp.example.org"])
    parts = dict(part.strip().split(" ", 1) for part in site.split(";"))
    assert parts["style-src"] == "'unsafe-inline' https://ourtcp.example.org"
    assert parts["img-src"] == "https://ourtcp.example.org"
    assert parts["form-action"] == "'self' https://ourtcp.example.org"


def resend_token_from(reply) -> str:
    """Return the resend token the receiver signed into the form page it showed."""
    return BeautifulSoup(reply.text, "html.parser").find("input", attrs={"name": "resend"})["value"]


def test_origin_null_is_refused_without_the_receivers_own_token(db: Path):
    app = new_app(db)
    reply, logged = call_app(app, form(face="happy", message="forged"), env={"HTTP_ORIGIN": "null"})
    assert reply.status == 403
    assert "(403)" in logged and "Origin: null" in logged and "forged" not in logged
    assert stored(db) == []


def test_the_receivers_own_form_page_can_be_sent_again_with_origin_null(db: Path):
    app = new_app(db)
    mistake, _ = call_app(app, form(message="I forgot the face"))
    assert mistake.status == 400
    token_value = resend_token_from(mistake)
    fixed = form(face="okay", message="I forgot the face", resend=token_value)
    assert call_app(app, fixed, env={"HTTP_ORIGIN": "null"})[0].status == 303
    # The same token does not work for someone at another address, nor once changed.
    elsewhere = {"HTTP_ORIGIN": "null", "REMOTE_ADDR": "198.51.100.4"}
    assert call_app(app, fixed, env=elsewhere)[0].status == 403
    changed = form(face="okay", resend=token_value[:-2] + "AA")
    assert call_app(app, changed, env={"HTTP_ORIGIN": "null"})[0].status == 403
    assert [row["message"] for row in stored(db)] == ["I forgot the face"]


def test_resend_tokens_run_out_and_cannot_be_made_up():
    from wtfc_site.feedback.origin import ResendTokens

    clock = FakeClock()
    clock.now = 1_800_000_000.0
    tokens = ResendTokens(b"k" * 32, lifetime=3600, clock=clock)
    made = tokens.make("192.0.2.1")
    assert tokens.valid(made, "192.0.2.1")
    assert not tokens.valid(made, "192.0.2.2")
    assert not ResendTokens(b"other key" * 4, clock=clock).valid(made, "192.0.2.1")
    far_future = f"{int(clock.now) + 10 * 3600}.{made.split('.')[1]}"
    assert not tokens.valid(far_future, "192.0.2.1")
    assert not tokens.valid("", "192.0.2.1") and not tokens.valid("abc.def", "192.0.2.1")
    clock.now += 3601
    assert not tokens.valid(made, "192.0.2.1")


def test_another_website_is_logged_with_the_hint_for_trying_it_locally(db: Path):
    app = new_app(db)
    reply, logged = call_app(app, form(face="happy", message="my words"),
                             env={"HTTP_ORIGIN": "http://localhost:8000"})
    assert reply.status == 403
    assert "--allowed-origin http://localhost:8000" in logged
    assert "my words" not in logged and "127.0.0.1" not in logged


def test_every_refusal_is_logged_with_its_reason_and_never_the_words(db: Path):
    app = new_app(db)
    cases = [
        (dict(path="/nope"), "no such page"),
        (dict(method="GET"), "not a POST"),
        (dict(env={"CONTENT_TYPE": "text/plain"}), "not a form"),
        (dict(env={"CONTENT_LENGTH": str(64 * 1024 + 1)}), "too big"),
        (dict(env={"HTTP_ORIGIN": "https://evil.example"}), "another website"),
    ]
    for kwargs, reason in cases:
        reply, logged = call_app(app, form(face="happy", message="private words"), **kwargs)
        assert reason in logged and f"({reply.status})" in logged
        assert "private words" not in logged
    _, logged = call_app(app, form(message="private words"))
    assert "needs fixing: face" in logged and "private words" not in logged
    _, logged = call_app(app, form(face="happy", message="private words", website="http://spam.example"))
    assert "hidden field" in logged and "private words" not in logged


def test_the_policy_lets_the_browser_follow_the_redirect_to_the_thank_you_website(db: Path):
    # Without --site the form page comes from the receiver; sending it again ends with a
    # redirect to the site's thank-you page, which form-action must allow.
    reply, _ = call_app(new_app(db), form(message="no face"))
    form_action = dict(part.strip().split(" ", 1) for part in reply.headers["content-security-policy"].split(";"))
    assert form_action["form-action"].split() == ["'self'", SITE_ORIGIN]


def test_by_default_a_group_on_one_wifi_can_send_60_messages_in_an_hour(db: Path):
    app = make_app(db, thanks_url=THANKS_URL, allowed_origins=[SITE_ORIGIN])  # the default limit
    statuses = [call_app(app, form(face="happy", message=f"person {n}"))[0].status for n in range(61)]
    assert statuses == [303] * 60 + [429]
    assert len(stored(db)) == 60


def test_two_receivers_sharing_a_database_accept_each_others_resend_tokens(feedback_db: str):
    first, second = new_app(feedback_db), new_app(feedback_db)
    mistake, _ = call_app(first, form(message="Sent through the first receiver"))
    fixed = form(face="happy", message="Sent through the first receiver", resend=resend_token_from(mistake))
    assert call_app(second, fixed, env={"HTTP_ORIGIN": "null"})[0].status == 303
    assert [row["message"] for row in stored(feedback_db)] == ["Sent through the first receiver"]

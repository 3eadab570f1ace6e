"""The receiver's answers: the page for each refusal, and the headers every answer carries.

The pages' markup is the layout ``layouts/feedback_message.html`` (a site's
own with ``feedback serve --site``). ``MessagePages`` renders every refusal
page when the receiver starts, so a broken layout stops it starting, with
its file and line, and answering a request never renders anything: the
same pages serve waitress's own refusals and the last-resort 500.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

import jinja2

from ..defaults import default_layouts
from ..errors import Problem, SiteError, template_position

MESSAGE_PAGE = "feedback_message.html"


def content_security_policy(asset_origins: Sequence[str] = (), redirect_origins: Sequence[str] = ()) -> str:
    """Return the policy: no scripts ever; styles and pictures only from the site itself.

    The form page shown again after a mistake is the site's own page, so its
    style sheet and pictures come from the site's web address (``asset_origins``).
    Sending it again ends with a redirect to the thank-you page, which browsers
    check against form-action too, so the thank-you page's website
    (``redirect_origins``) must be there, with or without the site's pages.
    """
    sources = " ".join(asset_origins)
    images = sources or "'none'"
    targets = " ".join(dict.fromkeys([*asset_origins, *redirect_origins]))
    return (f"default-src 'none'; style-src 'unsafe-inline' {sources}".rstrip()
            + f"; img-src {images}; base-uri 'none'; frame-ancestors 'none'; form-action 'self' {targets}".rstrip())


SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    # Pages can hold a person's words: no cache should keep them.
    ("Cache-Control", "no-store"),
)


def security_headers(policy: str) -> list[tuple[str, str]]:
    """Return the headers every answer carries, the app's and waitress's own alike."""
    return [("Content-Security-Policy", policy), *SECURITY_HEADERS]

# Title and one or two short sentences for each refusal, in plain English.
_ERROR_TEXT: dict[int, tuple[str, str]] = {
    400: ("We could not read the form", "Please go back to the form and send it again."),
    403: (
        "We could not take this form",
        "It was sent from another website. Please use the form on our website.",
    ),
    404: ("Page not found", "There is nothing here. Please check the web address."),
    405: (
        "Please use the form",
        "This address only takes the feedback form. Please use the form on our website.",
    ),
    411: ("We could not read the form", "Please go back to the form and send it again."),
    413: ("Your message is too big to send", "Please make it shorter and send it again."),
    415: ("We could not read the form", "Please use the form on our website."),
    429: (
        "You have sent a lot of messages",
        "Please wait a minute, then send your message again.",
    ),
    500: (
        "Sorry, something went wrong",
        "Your message was not saved. Please try again later.",
    ),
}


@dataclass(frozen=True)
class Response:
    """One reply: status code, extra headers and the body."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/html; charset=utf-8"



@dataclass
class MessagePages:
    """The receiver's short pages, from the layout, each rendered once."""

    env: jinja2.Environment
    """The layouts: the default ones, or the site's (``feedback.site.message_pages``)."""
    _pages: dict[tuple[str, str, str], bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for status in _ERROR_TEXT:
            self.error(status)  # every refusal now, so a broken layout is found at start

    def page(self, title: str, text: str, link: str = "") -> bytes:
        """Return a short page: a heading and one sentence, which is a link when ``link`` is given."""
        key = (title, text, link)
        if key not in self._pages:
            self._pages[key] = self._render(title, text, link)
        return self._pages[key]

    def error(self, status: int) -> bytes:
        """Return the page for a refusal (a code we have no words for gets the 400 page)."""
        title, text = _ERROR_TEXT[status if status in _ERROR_TEXT else 400]
        return self.page(title, text)

    def continue_to(self, url: str) -> bytes:
        """Return the page of a redirect, for a browser that does not follow it."""
        return self.page("Thank you", "Continue", url)

    def _render(self, title: str, text: str, link: str) -> bytes:
        try:
            return self.env.get_template(MESSAGE_PAGE).render(title=title, text=text, link=link).encode()
        except jinja2.TemplateSyntaxError as exc:
            raise SiteError(Problem(Path(exc.filename or MESSAGE_PAGE), exc.lineno,
                                    f"The layout has a mistake: {exc.message}.",
                                    hint="Check the {% %} and {{ }} tags near this line.", rule="SITE-LAYOUT")) from None
        except jinja2.TemplateError as exc:
            file, line = template_position(exc)
            raise SiteError(Problem(file or Path(MESSAGE_PAGE), line, f"The receiver's page could not be filled in: {exc}.",
                                    hint="It is given title, text and link (empty unless the text is a link).",
                                    rule="SITE-LAYOUT")) from None


def default_message_pages() -> MessagePages:
    """Return the pages from the default layouts (the receiver without --site)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(default_layouts())), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return MessagePages(env)


def error_page_for(status: int, pages: MessagePages) -> tuple[str, bytes]:
    """Return the status line and plain page for a code waitress answers itself (400, 413, 431...)."""
    return f"{status} {HTTPStatus(status).phrase}", pages.error(status)


def error_response(status: int, pages: MessagePages, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """Return a short plain-English HTML page for a refusal or failure."""
    return Response(status, pages.error(status), headers)

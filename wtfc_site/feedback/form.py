"""The feedback form: its fields, their checks, and a plain fallback page.

The static site's form and the feedback receiver share this module, so the
page and the server always agree on names and limits. Any other endpoint a
partnership uses (a council form service, say) gets the same field names.

Fields (all sent as ``application/x-www-form-urlencoded`` text):

``page``
    The site path the person came from, e.g. ``/minutes/2026-01-21-board/``.
    A hidden field. The person cannot see or change it, so a value that is
    not a plain site path is dropped (stored as empty), never an error.
``kind``
    ``feedback`` for the main form (the default when missing) or
    ``page-check`` for the one-press "Was this page easy to understand?"
    answer at the foot of every page.
``face``
    ``happy``, ``okay`` or ``unhappy``. Needed when kind is ``feedback``;
    dropped for ``page-check``.
``message``
    What the person wants to tell us. Optional free text.
``contact``
    Optional: a way to contact them (email, phone, a supporter's name).
``easy``
    ``yes`` or ``no``. Needed when kind is ``page-check``; dropped for
    ``feedback``.
``website``
    A honeypot. It must be empty. The page hides it from people (CSS,
    ``aria-hidden="true"``, ``tabindex="-1"``); only bots fill it in.

Text is kept as text. It is never read as HTML: anything that shows it must
escape it, which the page below does through Jinja's autoescape.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields

import jinja2

from ..defaults import default_layouts

PAGE = "page"
KIND = "kind"
FACE = "face"
MESSAGE = "message"
CONTACT = "contact"
EASY = "easy"
HONEYPOT = "website"
RESEND = "resend"
"""Not a person's field: the token the receiver signs into the form page it shows (see ``origin``)."""

FIELD_NAMES: tuple[str, ...] = (PAGE, KIND, FACE, MESSAGE, CONTACT, EASY, HONEYPOT)
"""Every field the form sends, in the order the page shows them."""

KIND_FEEDBACK = "feedback"
KIND_PAGE_CHECK = "page-check"
KINDS: tuple[str, ...] = (KIND_FEEDBACK, KIND_PAGE_CHECK)
FACES: tuple[str, ...] = ("happy", "okay", "unhappy")
EASY_ANSWERS: tuple[str, ...] = ("yes", "no")

# Bidirectional overrides and isolates can make exported text display in a
# misleading order (the "Trojan Source" trick), so they go with the control
# characters. Joiners stay: emoji sequences need them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# A site path: starts with one slash, no scheme, no spaces. "//host" would be
# a link to another website, so it is not a site path.
_SITE_PATH = re.compile(r"^/(?!/)[^\s\\]*$")


@dataclass(frozen=True)
class FieldLimits:
    """The longest each text field may be, and the biggest request."""

    message: int = 3000
    """Most letters (Unicode characters) in ``message``."""
    contact: int = 200
    """Most letters in ``contact``."""
    page: int = 300
    """Most letters in ``page``; a longer one is dropped, not an error."""
    request_bytes: int = 64 * 1024
    """Most bytes in one request body.

    A browser sends each letter of a non-Latin script or an emoji as up to
    12 bytes (``%F0%9F%98%80``), so 3,000 letters can need about 36,000
    bytes. 64 KiB leaves room, so a person who writes too much gets the
    friendly "too long" message rather than a bare "too big" refusal.
    """

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"FieldLimits.{item.name} must be a whole number above 0, not {value!r}")


def normalise_text(value: str, *, multiline: bool) -> str:
    """Return ``value`` stripped, in NFC, with control characters removed.

    Line breaks become ``\\n`` and stay only when ``multiline`` is true;
    otherwise they become spaces. Tabs become spaces, so words do not join.
    """
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    keep_newline = "\n" if multiline else " "
    out = []
    for char in text:
        if char == "\n":
            out.append(keep_newline)
        elif char == "\t":
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            continue
        else:
            out.append(char)
    return "".join(out).strip()


def honeypot_filled(fields: Mapping[str, str]) -> bool:
    """Return True when the hidden honeypot field has anything in it."""
    return normalise_text(fields.get(HONEYPOT, ""), multiline=False) != ""


def validate_submission(
    fields: Mapping[str, str], limits: FieldLimits
) -> tuple[dict[str, str], dict[str, str]]:
    """Return (clean values, errors by field name) for one submission.

    The values always hold every field's cleaned text, even where there is
    an error, so a form can show the person's words again. Store them only
    when the errors are empty. The honeypot is not checked here (see
    ``honeypot_filled``) and is not in the values.
    """
    values = _clean_values(fields, limits)
    errors: dict[str, str] = {}
    _check_kind(values, errors)
    _check_choices(values, errors)
    _check_lengths(values, limits, errors)
    return values, errors


def _clean_values(fields: Mapping[str, str], limits: FieldLimits) -> dict[str, str]:
    """Return the normalised text of each field (not the honeypot)."""
    values = {
        name: normalise_text(fields.get(name, ""), multiline=(name == MESSAGE))
        for name in (PAGE, KIND, FACE, MESSAGE, CONTACT, EASY)
    }
    # Choices are matched without caring about case: "Happy" is happy.
    for name in (KIND, FACE, EASY):
        values[name] = values[name].lower()
    values[KIND] = values[KIND] or KIND_FEEDBACK
    # Each kind of form shows one question. An answer to the other one is
    # dropped, not an error: the person could not see it to fix it.
    if values[KIND] == KIND_FEEDBACK:
        values[EASY] = ""
    elif values[KIND] == KIND_PAGE_CHECK:
        values[FACE] = ""
    if len(values[PAGE]) > limits.page or not _SITE_PATH.match(values[PAGE]):
        values[PAGE] = ""
    return values


def _check_kind(values: Mapping[str, str], errors: dict[str, str]) -> None:
    """Add an error when the form says it is neither kind we know."""
    if values[KIND] not in KINDS:
        errors[KIND] = "Something went wrong with the form. Please go back to the page and try again."


def _check_choices(values: Mapping[str, str], errors: dict[str, str]) -> None:
    """Add an error for a face or yes/no answer that is missing or unknown."""
    if values[KIND] == KIND_FEEDBACK and values[FACE] not in FACES:
        errors[FACE] = "Please choose a face: happy, okay or unhappy."
    if values[KIND] == KIND_PAGE_CHECK and values[EASY] not in EASY_ANSWERS:
        errors[EASY] = "Please choose yes or no."


def _check_lengths(values: Mapping[str, str], limits: FieldLimits, errors: dict[str, str]) -> None:
    """Add an error for a message or contact that is longer than allowed."""
    if len(values[MESSAGE]) > limits.message:
        errors[MESSAGE] = f"Your message is too long. Please make it {limits.message:,} letters or shorter."
    if len(values[CONTACT]) > limits.contact:
        errors[CONTACT] = (
            f"The way to contact you is too long. Please make it {limits.contact:,} letters or shorter."
        )


# The first input of each field, so a link in the error summary moves the
# focus to the field that needs fixing (GOV.UK error summary pattern).
_FIRST_INPUT = {FACE: "face-happy", EASY: "easy-yes", MESSAGE: "message", CONTACT: "contact"}

RECEIVER_PAGE = "feedback_receiver.html"
"""The receiver's own form page, a default layout (markup lives in layouts/, not here)."""

DEFAULT_REPLY_NOTE = "We read every message. If you tell us how to contact you, we will reply to you."



def render_form_page(
    values: Mapping[str, str],
    errors: Mapping[str, str],
    *,
    action: str,
    page: str,
    reply_note: str = DEFAULT_REPLY_NOTE,
    page_link: str = "",
    resend_token: str = "",
) -> str:
    """Return a whole easy-read HTML page with the form, its errors and the person's words.

    This is the fallback used when the site's own templated form is not
    plugged in. Everything from the person is escaped by Jinja's autoescape.
    ``page_link`` is the full address of the page the person came from (the
    receiver may not be on the site's own address); ``resend_token`` lets
    the page be sent again (see ``origin.ResendTokens``).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(default_layouts())),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    template = env.get_template(RECEIVER_PAGE)
    shown = {name: str(values.get(name, "")) for name in FIELD_NAMES}
    kind = shown[KIND] if shown[KIND] in KINDS else KIND_FEEDBACK
    # Link only to fields this version of the form shows.
    hidden_choice = FACE if kind == KIND_PAGE_CHECK else EASY
    first_input = {name: anchor for name, anchor in _FIRST_INPUT.items() if name != hidden_choice}
    return template.render(
        values=shown,
        errors=dict(errors),
        action=action,
        page=page if _SITE_PATH.match(page or "") else "",
        page_link=(page_link or page) if _SITE_PATH.match(page or "") else "",
        resend_token=resend_token,
        kind=kind,
        first_input=first_input,
        reply_note=reply_note,
    )

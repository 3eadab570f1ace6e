"""Reading a posted form: its content type, its body (within a size limit) and its fields."""

from __future__ import annotations

from urllib.parse import unquote_plus

from .form import FIELD_NAMES
from .responses import MessagePages, Response, error_response

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

# Our form has 7 fields; a body with many more is not from it.
MAX_FIELDS = 50


def is_form_content_type(value: str) -> bool:
    """Return True for ``application/x-www-form-urlencoded`` in UTF-8 (or no charset)."""
    media_type, _, params = value.partition(";")
    if media_type.strip().lower() != FORM_CONTENT_TYPE:
        return False
    for param in params.split(";"):
        name, _, charset = param.strip().partition("=")
        if name.lower() == "charset" and charset.strip().strip('"').lower() not in ("utf-8", "us-ascii"):
            return False
    return True



def read_body(environ: dict, limit: int, pages: MessagePages) -> bytes | Response:
    """Return the request body, or a 411/413/400 reply; checks the length before reading."""
    declared = environ.get("CONTENT_LENGTH", "").strip()
    if not declared:
        return error_response(411, pages)
    if not (declared.isascii() and declared.isdigit()):
        return error_response(400, pages)
    length = int(declared)
    if length > limit:
        return error_response(413, pages)
    stream = environ["wsgi.input"]
    chunks, received = [], 0
    # Never read past the declared length (which is within the limit).
    while received < length:
        chunk = stream.read(length - received)
        if not chunk:
            return error_response(400, pages)
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)



def parse_form(body: bytes) -> dict[str, str] | None:
    """Return the fields of a URL-encoded form body, or None when it is malformed.

    Malformed: not ASCII, a part without ``=``, bytes that are not UTF-8
    once decoded, too many fields, or one of our fields given twice.
    """
    try:
        text = body.decode("ascii")
    except UnicodeDecodeError:
        return None
    parts = [part for part in text.split("&") if part]
    if len(parts) > MAX_FIELDS:
        return None
    fields: dict[str, str] = {}
    for part in parts:
        raw_name, equals, raw_value = part.partition("=")
        if not equals:
            return None
        try:
            name = unquote_plus(raw_name, encoding="utf-8", errors="strict")
            value = unquote_plus(raw_value, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            return None
        if name in fields and name in FIELD_NAMES:
            return None
        fields.setdefault(name, value)
    return fields

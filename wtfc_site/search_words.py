"""Extra words for the search index, so a search finds what people mean.

Someone may search for a short form ("TCP") on a page that only uses the
full words ("Transforming Care Partnership"). Each page gets the short forms
whose full words it uses, in a part of the page that is hidden from readers
but read by the search index.
"""

from __future__ import annotations

import re

from .words import Abbreviations


def short_forms_spelled_out(abbreviations: Abbreviations, text: str) -> list[str]:
    """Return the short forms whose full words are in ``text`` but that are not written there."""
    found = []
    lowered = " ".join(text.split()).lower()
    for short, full in sorted(abbreviations.full.items()):
        words = full.split(",")[0].strip().lower()  # "PDF: portable document format, a kind of file"
        if words and re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", lowered) \
                and not re.search(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", text):
            found.append(short)
    return found

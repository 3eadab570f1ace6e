"""The site's own word lists: hard words (glossary) and short forms (abbreviations)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markupsafe import Markup

from .errors import Problem, SiteError
from .schema import load_dataclass
from .sources import load_yaml_file

GLOSSARY_FILE = "glossary.yaml"
ABBREVIATIONS_FILE = "abbreviations.yaml"


@dataclass(frozen=True, kw_only=True)
class GlossaryEntry:
    """One hard word and what it means."""

    word: str
    """The hard word as it is usually written, e.g. co-production."""
    meaning: str
    """What it means, written to follow 'X means …', e.g. 'people working together as equals.'"""
    also: tuple[str, ...] = ()
    """Other forms of the word that should be explained too, e.g. co-produce."""
    picture: str = ""
    """A picture for the word on the Hard words page."""

    @property
    def stands_alone(self) -> bool:
        """True when the meaning is already a sentence ('An advocate is…'): it is shown as written."""
        first = self.meaning.split(maxsplit=1)[0] if self.meaning.split() else ""
        # A capital starts a sentence; a short form in capitals ('NHS staff who…') does not,
        # but the one-letter words 'A' and 'I' do ('A commissioner is…').
        return first[:1].isupper() and not (first.isupper() and len(first) > 1)

    @property
    def sentence(self) -> str:
        """The meaning as the reader sees it: as written, or 'Advocate means someone who…'."""
        meaning = self.meaning.strip()
        if self.stands_alone:
            return meaning
        return f"{self.word[:1].upper()}{self.word[1:]} means {meaning}"


def in_sentence(text: str, names: tuple[str, ...] | frozenset[str] = ()) -> str:
    """Return ``text`` ready to go inside a generated sentence: 'People who…' becomes 'people who…'.

    A sentence never has a capital in the middle unless it is a name: the
    site's names ('Riverside Library …'), 'I' and short forms in capitals (NHS) keep theirs.
    """
    words = text.split(maxsplit=1)
    if not words:
        return text
    first = words[0]
    if not first[:1].isupper() or first.isupper() or first == "I":
        return text
    if any(text == name or text.startswith(name + " ") for name in names):
        return text
    start = len(text) - len(text.lstrip())
    return text[:start] + text[start].lower() + text[start + 1:]


@dataclass(frozen=True)
class Glossary:
    """Every hard word the site explains, with one pattern to find them."""

    entries: tuple[GlossaryEntry, ...] = ()

    # Worked out once per glossary: every page's conversion and check uses them.
    @functools.cached_property
    def forms(self) -> dict[str, GlossaryEntry]:
        """Every lower-case form (with simple plurals) mapped to its entry."""
        found: dict[str, GlossaryEntry] = {}
        for entry in self.entries:
            for form in (entry.word, *entry.also):
                form = form.lower()
                for variant in (form, form + "s", form + "es"):
                    found.setdefault(variant, entry)
        return found

    @functools.cached_property
    def known_forms(self) -> frozenset[str]:
        """Every lower-case form the glossary explains, for the checker."""
        return frozenset(self.forms)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One pattern matching any form, longest first, as whole words."""
        forms = sorted(self.forms, key=len, reverse=True)
        if not forms:
            return None
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Abbreviations:
    """Short forms the site explains: short form -> full words."""

    full: dict[str, str]

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One pattern matching any listed short form, case-sensitively."""
        if not self.full:
            return None
        shorts = sorted(self.full, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in shorts) + r")(?![\w-])")


def load_glossary(site_dir: Path) -> Glossary:
    """Return the site's glossary from content/glossary.yaml (empty if there is none)."""
    path = site_dir / "content" / GLOSSARY_FILE
    if not path.exists():
        return Glossary()
    data, lines, file = load_yaml_file(path, site_dir)
    if data is None:
        return Glossary()
    if not isinstance(data, list):
        raise SiteError(Problem(file, 1, "The hard words file should be a list.",
                                hint="Start each word with '- word: …' and put 'meaning: …' under it.",
                                rule="SITE-TYPE"))
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        try:
            entries.append(load_dataclass(GlossaryEntry, item, lines, file, (index,)))
        except SiteError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SiteError(problems)
    return Glossary(tuple(entries))


def load_abbreviations(site_dir: Path) -> Abbreviations:
    """Return the site's short forms from content/abbreviations.yaml."""
    path = site_dir / "content" / ABBREVIATIONS_FILE
    if not path.exists():
        return Abbreviations({})
    data, lines, file = load_yaml_file(path, site_dir)
    if data is None:
        return Abbreviations({})
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise SiteError(Problem(file, 1, "The short forms file should be a list of 'SHORT: full words' lines.",
                                hint="For example 'ICB: integrated care board'.", rule="SITE-TYPE"))
    return Abbreviations({str(k): v.strip() for k, v in data.items()})


@dataclass(frozen=True)
class ExplainedWord:
    """What layouts/components/explanation.html is given for one hard word."""

    word: Markup
    meaning: Markup
    stands_alone: bool
    """True when the meaning is a whole sentence ('An advocate is…'), shown after the word."""
    picture: str = ""


def explained_word(entry: GlossaryEntry) -> ExplainedWord:
    """Return a hard word's entry ready for the explanation component, its words escaped.

    They are escaped here with html.escape, as the rest of a page's words are, so an
    apostrophe is written the same way in the line and in its explanation.
    """
    return ExplainedWord(Markup(escape(entry.word)), Markup(escape(entry.meaning.rstrip())),
                         entry.stands_alone, entry.picture)

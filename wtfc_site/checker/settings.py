"""Settings for the easy-read and plain-English text checker.

Every threshold of Appendix C of ``easyread-rules.md`` is a setting here,
with the same key names, so ``checker:`` in ``content/site.yaml`` can change
it. The sources disagree (easyread-rules.md section 0.1), so nothing is
hard-coded in the rules.

The classes are frozen, keyword-only dataclasses and use only these field
types, so a generic YAML loader can fill them: int, float, bool, str,
tuple[str, ...], dict[str, str] and nested dataclasses. Each field has a
docstring (the string under it) that says what it does; the README's
settings table can be made from them.

Severity words in settings: "error", "warning" (or "warn", as Appendix C
writes it), "info" and "off".
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITY_WORDS = ("error", "warning", "warn", "info", "off")
"""The words a severity setting may hold."""


@dataclass(frozen=True, kw_only=True)
class SentenceWords:
    """Words per sentence (rule 1, ER-SENT-LEN)."""

    warn: int = 15
    """Warn when a sentence has more words than this (DH09, PIF: 15 at most)."""
    error: int = 20
    """Error when a sentence has more words than this (easyread-rules.md rule 1)."""
    page_average_target: int = 12
    """The page's average sentence length we aim for (AEE found 11 to 14 in UK easy read)."""


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """Size of one point (rule 7, ER-PARA-LEN)."""

    max_sentences: int = 3
    """Warn when one point (picture row) has more sentences than this."""
    max_words: int = 50
    """Warn when one point has more words than this (COGA: split at about 50)."""


@dataclass(frozen=True, kw_only=True)
class PageWords:
    """Length of an easy-read page (rule 44, ER-PAGE-WORDS)."""

    warn: int = 500
    """Warn when an easy-read page has more words than this."""
    error: int = 1000
    """Error when an easy-read page has more words than this (ERS: under 1,000 words)."""


@dataclass(frozen=True, kw_only=True)
class Zipf:
    """Word frequency limits on wordfreq's Zipf scale (rule 16, section 4.2)."""

    easy: float = 4.2
    """Words at or above this are common (about the top 5,000 English words)."""
    hard: float = 3.5
    """Words below this are hard: an error unless explained. Between hard and easy: a warning."""
    lang: str = "en"
    """The wordfreq language code."""


@dataclass(frozen=True, kw_only=True)
class LongWord:
    """Long words (rule 16: 4 or more syllables and more than 8 letters)."""

    syllables: int = 4
    """A word with at least this many syllables may be long."""
    letters: int = 9
    """... and at least this many letters (GDS: readers skip words after 8 to 9 letter words)."""
    common_zipf: float = 4.5
    """A long word at least this common (about the top 3,000 words, e.g. 'information') is not flagged."""


@dataclass(frozen=True, kw_only=True)
class Numbers:
    """Numbers, dates and symbols (rules 9 to 13)."""

    digits: bool = True
    """Ask for digits instead of number words like 'three' (ER-NUM-DIGITS)."""
    allow_words: tuple[str, ...] = ("one",)
    """Number words that may stay as words (GDS: 'one')."""
    big_number_digits: int = 4
    """Warn on numbers with this many digits or more, except years, phone numbers and postcodes (ER-NUM-BIG)."""
    percentages: str = "warn"
    """Severity for percentages, fractions and 'per cent' (ER-NUM-PERCENT)."""
    decimals: str = "warn"
    """Severity for decimal numbers such as 3.5 (ER-NUM-PERCENT). Money like £5.50 and times like 2.30pm are fine."""
    roman: str = "error"
    """Severity for Roman numerals such as 'Section IV' (ER-ROMAN)."""
    numeric_dates: str = "error"
    """Severity for dates written in numbers such as 01/03/2025 (ER-DATE)."""


@dataclass(frozen=True, kw_only=True)
class Abbreviations:
    """Short forms of words (rule 15, ER-ABBR)."""

    allow: tuple[str, ...] = ("NHS", "GP")
    """Short forms most people know, which never need explaining."""


@dataclass(frozen=True, kw_only=True)
class Pictures:
    """Pictures beside the text (rules 37 to 39)."""

    required_per_row: bool = True
    """Every easy-read point needs a picture unless the author wrote [picture: none] (ER-PIC-PER-IDEA)."""


def _picture_text_markers() -> tuple[str, ...]:
    return (
        "picture of", "picture:", "picture -", "a picture of", "image:", "image of", "an image of",
        "image description:", "[image", "(image", "photo:", "photo of", "a photo of", "photograph of",
        "a photograph of", "illustration:", "illustration of", "an illustration of", "drawing of",
        "a drawing of", "icon:", "symbol:", "photosymbol:", "graphic:", "alt text:", "[photo", "[illustration",
    )


@dataclass(frozen=True, kw_only=True)
class PictureText:
    """Picture descriptions kept as text lines (alt text and captions pasted with a document's words).

    Used by ``check --text``: such a line is not a sentence the reader reads,
    so it gets an info note (ER-PICTURE-TEXT) and no other rule.
    """

    markers: tuple[str, ...] = field(default_factory=_picture_text_markers)
    """A line starting with one of these (any case) describes a picture."""
    heuristic: bool = True
    """Also take a short line with no verb or pronoun, written like a caption ('woman with letter',
    'A man holding a phone'), for a picture description."""
    max_words: int = 10
    """The heuristic only looks at lines of at most this many words."""


@dataclass(frozen=True, kw_only=True)
class Readability:
    """Flesch scores (rule 53, ER-READABILITY): advisory only."""

    min_words: int = 100
    """Only warn when the page has at least this many words (WCAG samples about 100 words)."""
    fk_grade_warn: float = 5.0
    """Warn when the Flesch-Kincaid grade is above this."""
    fre_warn_below: float = 80.0
    """Warn when the Flesch reading ease is below this."""


@dataclass(frozen=True, kw_only=True)
class Bold:
    """Bold text (rule 25, ER-BOLD-ONLY-FOR-HARD-WORDS)."""

    max_share: float = 0.10
    """Note when more than this share of the words on a page is bold."""


def _standard_sentence_words() -> SentenceWords:
    return SentenceWords(warn=20, error=25, page_average_target=15)


def _standard_rules() -> dict[str, str]:
    return {
        "ER-CONTRACTION": "off",
        "ER-DATE": "warning",
        "ER-ROMAN": "warning",
        "ER-NO-ITALIC": "warning",
    }


@dataclass(frozen=True, kw_only=True)
class StandardPages:
    """The lighter plain-English check for standard (full) versions of pages.

    Only rules marked "all" in the rule registry run on standard pages; this
    section sets their limits and severities there.
    """

    sentence_words: SentenceWords = field(default_factory=_standard_sentence_words)
    """Sentence length on standard pages (GDS: 25 words is the limit for plain English)."""
    rules: dict[str, str] = field(default_factory=_standard_rules)
    """Severity per rule id on standard pages only ('off' turns a rule off there). Applied after 'rules'."""


@dataclass(frozen=True, kw_only=True)
class VerdictSettings:
    """When does a text count as easy read? (``check --text`` and each easy-read page; see verdict.py).

    Measured, not guessed: ``bench/measure_verdict.py`` tunes these on part of
    the labelled passages and measures on the rest (see the README).
    """

    max_findings_per_100_words: float = 6.0
    """Most errors and warnings per 100 words (info notes never count; sentence length is measured below)."""
    max_long_sentence_share: float = 0.2
    """Largest share of sentences over the error length (20 words), so a few long sentences do not fail a text."""
    max_average_sentence_words: float = 15.0
    """Most words per sentence on average (DH09 and PIF: 15 at most; AEE: UK easy read averages 11 to 14)."""
    small_text_words: int = 50
    """Rates are worked out as if a text had at least this many words (and a tenth as many sentences),
    so one finding in a very short text does not decide its verdict alone."""
    ignore_rules: tuple[str, ...] = ("ER-PIC-PER-IDEA", "ER-ONE-SENTENCE-PER-LINE", "ER-SENT-LEN", "ER-PAGE-WORDS",
                                     "ER-PARA-LEN")
    """Rules whose findings the density leaves out: pictures (a loose text file has none) and the length
    rules, which the long-sentence share and the average measure instead. ER-PARA-LEN (sentences in one
    point) is a length rule too, and in a document copied from a PDF it mostly measures lost layout: the
    sentences of several picture rows run together with no blank line between them. It was the commonest
    finding on the held-out easy-read passages (37 of about 100) and left out it costs nothing on standard
    ones (bench/measure_verdict.py; the README has the figures). Its findings are still reported."""


@dataclass(frozen=True, kw_only=True)
class CheckerSettings:
    """Every setting of the easy-read checker, with the defaults of Appendix C."""

    sentence_words: SentenceWords = field(default_factory=SentenceWords)
    """Words per sentence on easy-read pages (ER-SENT-LEN)."""
    joiners_per_sentence_warn: int = 2
    """Warn when a sentence has this many joiners (commas, 'and', 'because' ...) or more (ER-ONE-IDEA)."""
    paragraph: Paragraph = field(default_factory=Paragraph)
    """Size of one point (ER-PARA-LEN)."""
    page_words: PageWords = field(default_factory=PageWords)
    """Words per easy-read page (ER-PAGE-WORDS)."""
    zipf: Zipf = field(default_factory=Zipf)
    """Word frequency limits for hard words (ER-HARD-WORD)."""
    long_word: LongWord = field(default_factory=LongWord)
    """Long words (ER-HARD-WORD)."""
    numbers: Numbers = field(default_factory=Numbers)
    """Numbers, dates and Roman numerals."""
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    """Short forms of words (ER-ABBR)."""
    pictures: Pictures = field(default_factory=Pictures)
    """Pictures beside the text."""
    navigation_max_items: int = 5
    """Most items in the main menu (ER-FEW-CHOICES, COGA)."""
    readability: Readability = field(default_factory=Readability)
    """Flesch scores (ER-READABILITY)."""
    bold: Bold = field(default_factory=Bold)
    """Bold text (ER-BOLD-ONLY-FOR-HARD-WORDS)."""
    names: tuple[str, ...] = ()
    """Proper names (people, places, groups) that the word rules skip, written as on the page."""
    rules: dict[str, str] = field(default_factory=dict)
    """Severity per rule id, e.g. {ER-ACTIVE: info}; 'off' turns a rule off."""
    standard: StandardPages = field(default_factory=StandardPages)
    """The lighter plain-English check for standard versions."""
    visible_text: bool = True
    """Also check what the reader sees on every built page: the lines the layouts write and each page's
    length with them (issue 14 part 7). On by default: the example site is strict-clean with it."""
    picture_text: PictureText = field(default_factory=PictureText)
    """Picture descriptions in pasted documents (check --text)."""
    verdict: VerdictSettings = field(default_factory=VerdictSettings)
    """When a text counts as easy read (check --text, and each easy-read page in check)."""

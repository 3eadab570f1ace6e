"""Structure rules: paragraph length, lists, one sentence per line, formatting
(italic, underline, capitals), a picture per idea, and people's own words."""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import Problem, Severity
from ...points import NONE
from ..text import (
    WORD,
    Token,
)
from .common import _CAPS_PAIR, _caps_shouted, _counted, _gap, _quote, _strip_possessive
from .context import QUOTE, SENTENCE_KINDS, WORD_KINDS, PageContext, PointView


def check_paragraph_length(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PARA-LEN: warn over 3 sentences or 50 words in one point (COGA, ERS, PF; rule 7)."""
    if view.kind not in SENTENCE_KINDS or not view.sentences:
        return []
    limits = ctx.settings.paragraph
    n_sentences = len(view.sentences)
    n_words = sum(s.word_count for s in view.sentences)
    reasons = []
    if n_sentences > limits.max_sentences:
        reasons.append(f"{n_sentences} sentences")
    if n_words > limits.max_words:
        reasons.append(f"{n_words} words")
    if not reasons:
        return []
    return [
        ctx.problem(
            "ER-PARA-LEN", Severity.WARNING, view, view.sentences[0],
            f"This point has {' and '.join(reasons)}.",
            f"Keep each point to {limits.max_sentences} short sentences and {limits.max_words} words at most. "
            "Split it into 2 points, each with its own picture.",
            excerpt=view.point.text,
        )
    ]


def check_list(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-LIST: note a sentence that lists 3 or more things with commas (COGA, MENCAP; rule 8)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    found = []
    for sentence, lowers in zip(view.sentences, view.lowers):
        if sentence.text.count(",") < 2 or ("and" not in lowers and "or" not in lowers):
            continue
        tokens = _counted(sentence)
        commas = sum(_gap(view, a, b).count(",") for a, b in zip(tokens, tokens[1:]))
        if commas >= 2:
            found.append(
                ctx.problem(
                    "ER-LIST", Severity.INFO, view, sentence,
                    "This sentence may list 3 or more things.",
                    "A list with one thing on each line is easier to read.",
                )
            )
    return found


def check_one_sentence_per_line(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ONE-SENTENCE-PER-LINE: each sentence on its own line (WIDGIT, SELKO; rule 28)."""
    if view.kind not in SENTENCE_KINDS or len(view.sentences) < 2:
        return []
    lines = [view.point.line_at(s.start) for s in view.sentences]
    shared = sorted({ln for ln in lines if lines.count(ln) > 1})
    if not shared:
        return []
    return [
        ctx.problem(
            "ER-ONE-SENTENCE-PER-LINE", Severity.INFO, view, view.sentences[0],
            f"Line {shared[0]} has more than one sentence.",
            "Start each sentence on a new line.",
            line=shared[0],
            excerpt=view.point.text,
        )
    ]


# --- point rules: formatting and pictures ----------------------------------------------------


def _formatting(view: PointView, ctx: PageContext, phrases: Sequence[str], rule: str, message: str, hint: str) -> list[Problem]:
    """Report each formatted phrase at the sentence that holds it."""
    found = []
    for phrase in phrases:
        offset = view.point.text.find(phrase)
        sentence = view.sentence_at(max(offset, 0)) if view.sentences else None
        found.append(ctx.problem(rule, Severity.ERROR, view, sentence, message.format(x=_quote(phrase)), hint))
    return found


def check_no_italic(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-ITALIC: no italics (PF, GDS, NZ clear print; rule 22)."""
    return _formatting(view, ctx, view.point.italic, "ER-NO-ITALIC", "{x} is in italics.",
                       "Italics are hard to read. Use bold for important words, or plain text.")


def check_no_underline(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-UNDERLINE: underline only for links (PF, COGA; rule 23)."""
    return _formatting(view, ctx, view.point.underlined, "ER-NO-UNDERLINE", "{x} is underlined but is not a link.",
                       "Readers expect underlined words to be links. Use bold instead.")


def check_no_caps(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-CAPS: no runs of capital letters (GDS, NZ clear print; rule 24)."""
    if view.kind not in WORD_KINDS or not _CAPS_PAIR.search(view.text):
        return []
    found = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        shouted = [t for t in run if _caps_shouted(_strip_possessive(t.text), ctx)]
        if (len(run) >= 2 and shouted) or (len(run) == 1 and shouted and len(run[0].text) >= 5):
            text = view.text[run[0].start:run[-1].end]
            found.append(
                ctx.problem("ER-NO-CAPS", Severity.WARNING, view, view.sentence_at(run[0].start),
                            f"{_quote(text)} is in capital letters.",
                            "Capital letters are hard to read. Use ordinary letters, and bold if it matters.")
            )
        run.clear()

    previous: Token | None = None
    for token in view.tokens:
        word = _strip_possessive(token.text)
        is_caps = token.kind == WORD and word.isupper() and word.isalpha()
        if is_caps and run and previous is not None and view.text[previous.end:token.start].strip(" ,-") == "":
            run.append(token)
        else:
            flush()
            if is_caps and len(word) >= 2:  # "A" and "I" go on a run ("WHAT IS A HATE CRIME?") but never start one
                run.append(token)
        previous = token
    flush()
    return found


def check_picture(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PIC-PER-IDEA: every easy-read point has a picture unless the author chose none (DH09, PIF, PF; rule 37)."""
    if not ctx.settings.pictures.required_per_row or view.kind not in SENTENCE_KINDS:
        return []
    point = view.point
    if point.chosen_picture is not None or point.picture == NONE:
        return []
    return [
        ctx.problem("ER-PIC-PER-IDEA", Severity.ERROR, view, view.sentences[0] if view.sentences else None,
                    "This point has no picture.",
                    "Add a picture with [picture: name] at the start, or write [picture: none] if it needs none.",
                    excerpt=point.text)
    ]


def check_quoted(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-QUOTED: people's own words are shown, not checked (decisions.md)."""
    if view.kind != QUOTE:
        return []
    return [
        ctx.problem("ER-QUOTED", Severity.INFO, view, None, "quoted, not checked",
                    "These are someone's own words, so the sentence and word rules do not apply.",
                    excerpt=view.point.text)
    ]




PICTURE_TEXT = "picture-text"
"""A line that describes a picture (see ``checker.plaintext.is_picture_text``)."""


def check_picture_text(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PICTURE-TEXT: a picture description pasted with the words is noted, not checked (issue 15)."""
    if view.kind != PICTURE_TEXT:
        return []
    return [
        ctx.problem("ER-PICTURE-TEXT", Severity.INFO, view, None,
                    "This line describes a picture, so it is not checked as a sentence.",
                    "If it is words for the reader, write it as a sentence with a full stop.",
                    excerpt=view.point.text)
    ]

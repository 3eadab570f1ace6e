"""Sentence rules: length, one idea, active voice, negatives, contractions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ...errors import Problem, Severity
from ..text import (
    WORD,
    Sentence,
    Token,
)
from ..wordlists import (
    WordLists,
)
from .common import _counted, _gap, _quote, _raw_zipf
from .context import SENTENCE_KINDS, WORD_KINDS, PageContext, PointView

# --- point rules: sentences ---------------------------------------------------------------


def _split_hint(view: PointView, sentence: Sentence, joiners: frozenset[str]) -> str:
    """Suggest where to split a long sentence: the joiner or comma nearest the middle."""
    words = _counted(sentence)
    middle = len(words) / 2
    best: tuple[float, str] | None = None
    for i in range(2, len(words) - 3):
        left, right = words[i], words[i + 1]
        gap = _gap(view, left, right)
        if "," in gap or ";" in gap or right.text.lower() in joiners:
            distance = abs(i + 1 - middle)
            if best is None or distance < best[0]:
                best = (distance, left.text)
    if best is None:
        return "Try to say it in 2 shorter sentences."
    return f"Split it after {_quote(best[1])}."


def check_sentence_length(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-SENT-LEN: warn over 15 words, error over 20 (DH09, PIF; rule 1). Standard pages: GDS 25."""
    if view.kind not in SENTENCE_KINDS:
        return []
    limits = ctx.sentence_limits
    found = []
    for sentence in view.sentences:
        n = sentence.word_count
        if n <= limits.warn:
            continue
        severity = Severity.ERROR if n > limits.error else Severity.WARNING
        hint = f"Try to keep sentences to {limits.warn} words or fewer. "
        hint += _split_hint(view, sentence, ctx.words.joiners)
        found.append(ctx.problem("ER-SENT-LEN", severity, view, sentence, f"This sentence has {n} words.", hint))
    return found


_SUBORDINATORS = frozenset({"if", "when", "while", "although", "unless", "because", "though", "whereas", "as"})


_CLAUSE_STARTERS = frozenset(
    "i you we they he she it there then will can could should would must may might is are was were "
    "has have had do does did".split()
)
_LIST_ITEM_WORDS = 4


def _list_joiners(view: PointView, tokens: Sequence[Token]) -> set[int]:
    """Return the token positions of commas and 'and'/'or' that only join items of a list.

    "tea, coffee and cake" lists things inside one idea (ER-LIST notes it);
    it is not a second idea. A list is 2 or more commas or one comma and a
    final 'and'/'or', each item at most 4 words.
    """
    marks: list[int] = []  # positions after which a comma comes, or of and/or
    for i in range(len(tokens) - 1):
        if "," in _gap(view, tokens[i], tokens[i + 1]):
            marks.append(i)
        elif tokens[i + 1].text.lower() in ("and", "or"):
            marks.append(i + 1)
    listed: set[int] = set()
    run: list[int] = []
    for mark in marks:
        if run and mark - run[-1] > _LIST_ITEM_WORDS:
            if len(run) >= 2:
                listed.update(run)
            run = []
        run.append(mark)
    if len(run) >= 2:
        listed.update(run)
    return listed


def _joiners(view: PointView, sentence: Sentence, words: WordLists) -> list[str]:
    """Return the joiners of a sentence (rule 2): commas, semicolons and joining words.

    Counted: but, so, because, which, who, if, when, while, although, unless,
    'that' before a subject ('the plan that we wrote'), and 'and'/'or' that
    start a new clause (after a comma, or before 'we', 'they', 'will' ...).
    Not counted: 'and'/'or' between two things ('tea and cake'), the commas
    and 'and' of a short list, and the comma that closes an opening
    'When you arrive, ...' (one idea with its condition).
    """
    tokens = _counted(sentence)
    listed = _list_joiners(view, tokens)
    found: list[str] = []
    opener = bool(tokens) and tokens[0].text.lower() in _SUBORDINATORS
    for i, token in enumerate(tokens):
        low = token.text.lower()
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if i == 0 and low in _SUBORDINATORS:
            found.append(low)
        elif low in ("and", "or"):
            after_comma = i > 0 and "," in _gap(view, tokens[i - 1], token)
            if i not in listed and (after_comma or nxt in _CLAUSE_STARTERS):
                found.append(low)
        elif low in words.joiners and i > 0:
            if low in ("that", "so") and nxt not in words.that_followers:
                continue
            found.append(low)
        if i + 1 < len(tokens):
            gap = _gap(view, token, tokens[i + 1])
            if i in listed and "," in gap:
                gap = gap.replace(",", "", 1)
            for mark in ",;":
                for _ in range(gap.count(mark)):
                    if opener and mark == ",":
                        opener = False  # "When you arrive, ..." : the comma closes the same idea
                        continue
                    found.append("a comma" if mark == "," else "a semicolon")
    return found


def check_one_idea(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ONE-IDEA: warn when a sentence has 2 or more joiners (GOVUK-AF, COGA; rule 2). A proxy, never an error."""
    if view.kind not in SENTENCE_KINDS:
        return []
    limit = ctx.settings.joiners_per_sentence_warn
    joiner_words = ctx.words.joiners
    found = []
    for sentence, lowers in zip(view.sentences, view.lowers):
        possible = sentence.text.count(",") + sentence.text.count(";")
        possible += sum(1 for w in lowers if w in joiner_words)
        if possible < limit:
            continue  # cannot reach the limit: skip the closer look
        joiners = _joiners(view, sentence, ctx.words)
        if len(joiners) >= limit:
            shown = ", ".join(dict.fromkeys(j if j.startswith("a ") else _quote(j) for j in joiners))
            found.append(
                ctx.problem(
                    "ER-ONE-IDEA", Severity.WARNING, view, sentence,
                    f"This sentence has {len(joiners)} joining words or commas ({shown}).",
                    "It may say more than one thing. Try to say one idea in each sentence.",
                )
            )
    return found


_ADVERBS = frozenset(
    "not also often usually now already always never just still then all only fully currently normally "
    "sometimes really being been soon quickly regularly mostly partly".split()
)


def _participle(word: str, words: WordLists) -> bool:
    """Return True when ``word`` looks like a past participle (rule 3: -ed or an irregular form)."""
    if word in words.not_participles:
        return False
    if word in words.irregular_participles:
        return True
    return len(word) >= 5 and word.endswith("ed")


def _title_case_name(sentence, index: int) -> bool:
    """Return True when word ``index`` has a capital inside the sentence: part of a name such as a
    campaign's ("Get Checked Out", "Be Heard Week"), not a passive (issue 15)."""
    word = sentence.words[index].text if index < len(sentence.words) else ""
    return index > 0 and word[:1].isupper()


def check_active(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ACTIVE: a form of 'be' or 'get' then a past participle within 2 words (GOVUK-AF, COGA; rule 3)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    words = ctx.words
    triggers = words.passive_triggers
    contracted = "'re" in view.text or "'m" in view.text
    if triggers.isdisjoint(view.word_set) and not contracted:
        return []
    found = []
    for sentence, tokens in zip(view.sentences, view.lowers):
        if triggers.isdisjoint(tokens) and not contracted:
            continue
        hit = None
        for i, low in enumerate(tokens):
            if low in words.be_forms or low in words.get_forms or low.endswith(("'re", "'m")):
                for j in (i + 1, i + 2):
                    if j >= len(tokens):
                        break
                    if j == i + 2 and not (tokens[i + 1] in _ADVERBS or tokens[i + 1].endswith("ly")):
                        break
                    if _participle(tokens[j], words) and not _title_case_name(sentence, j):
                        hit = " ".join(tokens[i:j + 1])
                        break
            if hit:
                break
        if hit:
            found.append(
                ctx.problem(
                    "ER-ACTIVE", Severity.WARNING, view, sentence,
                    f"This sentence may be passive: {_quote(hit)}.",
                    "Say who does it, for example 'We will send you a letter', not 'A letter will be sent'.",
                )
            )
    return found


_NEG_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non")
_NOT_NEGATIVE = frozenset(
    "important interested interesting information informed inform involved included including invited "
    "inside into income index insurance intend interest internet impact improve improved impressed "
    "imagine understand understood under until universal unit united uniform union dish display distance "
    "district disco discuss discussed".split()
)


def _negative_word(word: str) -> bool:
    """Return True for a word made negative by a prefix ('unusual', 'impossible')."""
    if word in _NOT_NEGATIVE:
        return False
    for prefix in _NEG_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and _raw_zipf(rest, "en") >= 4.0:
            return True
    return False


def check_negative(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NEGATIVE: warn on double negatives, note single ones (ERS, COGA; rule 4)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    negators = ctx.words.negators
    if negators.isdisjoint(view.word_set) and "n't" not in view.text:
        return []
    found = []
    for sentence, tokens in zip(view.sentences, view.lowers):
        negs = [t for t in tokens if t in negators or t.endswith("n't")]
        double = len(negs) >= 2 or any(
            (a in ("not", "never") or a.endswith("n't")) and _negative_word(b)
            for a, b in zip(tokens, tokens[1:])
        )
        if double:
            found.append(
                ctx.problem(
                    "ER-NEGATIVE", Severity.WARNING, view, sentence,
                    "This sentence has 2 negatives.",
                    "Two negatives are hard to follow. Say it in a positive way, for example 'please come' not 'do not stay away'.",
                )
            )
        elif negs:
            found.append(
                ctx.problem(
                    "ER-NEGATIVE", Severity.INFO, view, sentence,
                    f"This sentence says what not to do ({_quote(negs[0])}).",
                    "If you can, say what to do instead.",
                )
            )
    return found


_CONTRACTION_FULL: Mapping[str, str] = MappingProxyType(
    {"can't": "cannot", "won't": "will not", "shan't": "shall not", "ain't": "is not"}
)


def check_contraction(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-CONTRACTION: no negative short forms like "can't" (GDS, NORF; rule 5)."""
    if view.kind not in WORD_KINDS or "n't" not in view.text:
        return []
    found = []
    for token in view.tokens:
        low = token.text.lower()
        if token.kind == WORD and low.endswith("n't"):
            full = _CONTRACTION_FULL.get(low, low[:-3] + " not")
            sentence = view.sentence_at(token.start)
            found.append(
                ctx.problem(
                    "ER-CONTRACTION", Severity.WARNING, view, sentence,
                    f"{_quote(token.text)} is a short form.",
                    f"Write {_quote(full)}. Some readers miss the 'not' in {_quote(token.text)}.",
                )
            )
    return found



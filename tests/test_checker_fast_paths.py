"""More of the checker's fast paths give exactly what the plain ways give (issue 16).

Each fast path is compared with a straightforward reference kept here, on
varied text made from a fixed random seed and on hand-made edge cases:

- the token patterns' look-ahead (a position no token can start at is passed
  over at once) against the patterns without it;
- reading a built page's visible blocks in one walk down the page, with
  lxml's plain parser, against looking up every block's parents and children
  with lxml.html, as ``visible_points`` did before;
- ER-CONSISTENT giving up at once, when only some points' findings are wanted
  and none of them holds a word of a synonym group, against the full rule;
- the short forms of a point, passing over lower-case words without asking,
  against asking about every word;
- a point's tokens and word count taken without splitting it into sentences,
  against those of its sentences;
- the visible-text check given the authored check's counts of the author's
  points (so it need not split them again), against the check counting them.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from lxml import html as lxml_html

from wtfc_site.checker import text as text_module
from wtfc_site.checker.page import run_page_check
from wtfc_site.checker.rules import context as context_module
from wtfc_site.checker.rules import make_context, make_view
from wtfc_site.checker.rules.common import _abbreviation_base
from wtfc_site.checker.rules.words import _short_forms, check_consistent
from wtfc_site.checker.settings import CheckerSettings
from wtfc_site.checker.text import COUNTED_KINDS, DOTTED, WORD, Token, tokenize
from wtfc_site.checker.visible import _KINDS, _SPACES, _hidden, _is_label, _read, check_visible, visible_points
from wtfc_site.checker.wordlists import load_wordlists
from wtfc_site.points import NONE, PageText, Point

# --- tokens ------------------------------------------------------------------------------------

_PLAIN = re.compile(text_module._TOKEN_PARTS, re.VERBOSE)
_WITH_ADDRESSES = re.compile(text_module._SKIP_PART + text_module._TOKEN_PARTS, re.VERBOSE)


def plain_tokenize(text: str) -> list[Token]:
    """The tokens as the patterns without the look-ahead find them."""
    text = text_module.normalise(text)
    regex = _WITH_ADDRESSES if text_module._ADDRESS_HINT.search(text) else _PLAIN
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or WORD, (m.lastgroup or WORD) in COUNTED_KINDS)
            for m in regex.finditer(text)]


_PIECES = ["we", "Meet", "at", "the", "GP", "e.g.", "U.K.", "2.30pm", "£1,200", "$5", "€3", "50%", "1st",
           "01/03/2025", "+44 1632 960000", "01632 960 000", "07700900123", "AB1 2CD", "SW1A 1AA",
           "www.example.org", "https://example.org/a/b.", "hello@example.org", "nhs.uk", "council.gov.uk/page",
           "co-production", "don't", "people's", "It’s", "‑", "'", "-", "+", ".", "..", "@", "/", ":", "(", ")",
           "\u2011", "ﬁ", "İstanbul", "_", "__init__", "x_y", "٣", "naïve", "—", "…", "\n", "\t", "  "]


def _mixed_texts(count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = chooser.choices(_PIECES, k=chooser.randint(1, 14))
        joins = [chooser.choice(["", " ", " ", "  ", ".", ", ", "-", "\n"]) for _ in parts]
        texts.append("".join(p + j for p, j in zip(parts, joins)))
    return texts


def test_the_look_ahead_finds_the_same_tokens_as_the_patterns_without_it():
    texts = _mixed_texts(4000, seed=16) + [
        "Call +44 (0)1632 960000 or 0161 496 0000.", "Go to www.example.org. Then e-mail me@x.org.uk!",
        ".5 and -3 and +7", "‑dash and ’quote", "", " ", "£", "+", "-.-",
    ]
    for text in texts:
        assert tokenize(text) == plain_tokenize(text), text
    assert sum(len(tokenize(t)) for t in texts) > 15000, "the texts hold many tokens of every kind"
    assert {t.kind for text in texts for t in tokenize(text)} == {"word", "number", "dotted", "phone", "postcode",
                                                                  "skip"}


def test_a_token_found_from_inside_a_span_keeps_its_offsets():
    text = "Ring 01632 960 000 today, or see www.example.org now."
    for start in range(len(text)):
        assert tokenize(text, start) == [t for t in _tokens_from(text, start)], start


def _tokens_from(text: str, start: int) -> list[Token]:
    regex = _WITH_ADDRESSES if text_module._ADDRESS_HINT.search(text, start) else _PLAIN
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or WORD, (m.lastgroup or WORD) in COUNTED_KINDS)
            for m in regex.finditer(text, start)]


# --- visible blocks ----------------------------------------------------------------------------


def plain_visible_points(page_html: str, line: int = 1) -> list[Point]:
    """``visible_points`` as it was: lxml.html, and each block's parents and children looked up."""
    if not page_html.strip():
        return []
    root = lxml_html.document_fromstring(page_html)
    main = next(iter(root.iter("main")), None)
    if main is None:
        main = root.find("body")
    if main is None:
        return []
    points = []
    for element in main.iter(*_KINDS):
        if any(child.tag in _KINDS for child in element.iterdescendants()) or _hidden(element):
            continue
        parts: list[str] = []
        if element.tag == "br":
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        in_label = any(_is_label(a) for a in element.iterancestors()) or _is_label(element)
        for child in element:
            _read(child, False, in_label, parts)
        text = _SPACES.sub(" ", "".join(parts)).strip()
        if not any(ch.isalnum() for ch in text):
            continue
        for label in element.iter():
            if label is not element and _is_label(label):
                points.append(Point(line=line, text=_SPACES.sub(" ", label.text_content()).strip(),
                                    kind="table-cell", picture=NONE))
        quoted = any(a.tag == "blockquote" for a in element.iterancestors())
        points.append(Point(line=line, text=text, kind="quote" if quoted else _KINDS[element.tag], picture=NONE))
    return points


_TAGS = ["div", "section", "p", "li", "ul", "ol", "h2", "h3", "dd", "dt", "dl", "td", "tr", "table", "span",
         "a", "b", "br", "blockquote", "figcaption", "label", "button", "summary", "details", "nav", "script",
         "svg", "em", "caption"]
_ATTRIBUTES = ['', '', '', '', '', '', '', '', ' hidden', ' aria-hidden="true"', ' aria-hidden="false"', ' data-reference-list',
               ' class="er-explain-label"', ' class="page-feedback"', ' class="hard-words-box other"',
               ' class="row"']
_WORDS = ["We meet", "on Monday", "Hard word:", "minutes", "", " ", "  and  ", "2026", "·", "plan"]


def _random_tree(chooser: random.Random, depth: int) -> str:
    if depth == 0 or chooser.random() < 0.15:
        text = chooser.choice(_WORDS)
        return text + ("<!-- a note -->" if chooser.random() < 0.05 else "")
    tag = chooser.choice(_TAGS)
    inner = "".join(_random_tree(chooser, depth - 1) for _ in range(chooser.randint(0, 4)))
    if tag == "br":
        return "<br>" + inner
    return f"<{tag}{chooser.choice(_ATTRIBUTES)}>{chooser.choice(_WORDS)}{inner}</{tag}>{chooser.choice(_WORDS)}"


def test_one_walk_reads_the_same_blocks_as_looking_up_parents_and_children():
    chooser = random.Random(1616)
    pages = []
    for _ in range(600):
        body = "".join(_random_tree(chooser, chooser.randint(1, 4)) for _ in range(chooser.randint(2, 8)))
        around = chooser.choice(["<main>{}</main>", "<main hidden>{}</main>", "<blockquote><main>{}</main></blockquote>",
                                 '<div class="er-explain-label"><main>{}</main></div>', "{}",
                                 "<header><p>Top</p></header><main>{}</main><footer><p>Foot</p></footer>"])
        pages.append(f"<!DOCTYPE html><html><body>{around.format(body)}</body></html>")
    found = 0
    for page in pages:
        expected = plain_visible_points(page, line=7)
        assert visible_points(page, line=7) == expected, page
        found += len(expected)
    assert found > 800, "the pages hold many visible blocks"
    kinds = {p.kind for page in pages for p in visible_points(page)}
    assert kinds == {"paragraph", "list-item", "heading", "table-cell", "quote"}


def test_a_page_of_only_a_comment_is_still_an_error():
    for read in (visible_points, plain_visible_points):
        try:
            read("<!-- nothing here -->")
        except Exception as error:  # noqa: BLE001 (both must fail the same way)
            assert "Document is empty" in str(error)
        else:
            raise AssertionError("an empty document must not pass unnoticed")


# --- ER-CONSISTENT where only some points' findings are wanted -----------------------------------

_POINT_TEXTS = ["Talk to your GP about it.", "The doctor will ring you.", "We made a plan.", "Our strategy is new.",
                "We meet on Monday.", "Ask the council.", "The local authority pays.", "Bring a carer.",
                "This is fun.", "A GP is a doctor."]


def test_the_consistency_rule_gives_up_only_when_it_could_find_nothing_wanted():
    settings, words = CheckerSettings(), load_wordlists()
    chooser = random.Random(19)
    gave_up = kept = 0
    for number in range(400):
        points = tuple(Point(line=line, text=chooser.choice(_POINT_TEXTS), kind="paragraph", picture=NONE)
                       for line in range(1, chooser.randint(2, 7)))
        page = PageText(file=Path("p.md"), url="/p/", title="", title_line=1, content_type="page", easy_read=True,
                        points=points)
        full = check_consistent(make_context(page, settings, words))
        ctx = make_context(page, settings, words)
        ctx.reported = frozenset(id(v) for v in ctx.views if chooser.random() < 0.3)
        wanted_views = [v for v in ctx.views if ctx.reports(v)]
        found = check_consistent(ctx)
        on_wanted = [p for p in full if any(p.excerpt in v.text for v in wanted_views)]
        assert [p for p in found if any(p.excerpt in v.text for v in wanted_views)] == on_wanted, number
        if not found:
            gave_up += 1
        kept += len(on_wanted)
    assert gave_up > 50 and kept > 20, "both ways out were taken"


def test_a_layout_line_that_uses_the_other_word_is_still_reported():
    settings, words = CheckerSettings(), load_wordlists()
    authored = Point(line=3, text="Talk to your GP about it.", kind="paragraph", picture=NONE)
    generated = Point(line=1, text="The doctor will ring you.", kind="paragraph", picture=NONE)
    page = PageText(file=Path("p.md"), url="/p/", title="", title_line=1, content_type="page", easy_read=True,
                    points=(authored, generated))
    ctx = make_context(page, settings, words)
    ctx.reported = frozenset(id(v) for v in ctx.views if v.point is generated)
    found = check_consistent(ctx)
    assert [p.rule for p in found] == ["ER-CONSISTENT"] and "doctor" in found[0].message
    quiet = replace(page, points=(authored, replace(generated, text="We meet on Monday.")))
    ctx = make_context(quiet, settings, words)
    ctx.reported = frozenset(id(v) for v in ctx.views if v.point.text == "We meet on Monday.")
    assert check_consistent(ctx) == []


# --- short forms -------------------------------------------------------------------------------


def plain_short_forms(view, ctx):
    """Every word and part of a hyphenated word, each asked whether it is a short form, as before."""
    for token in view.tokens:
        if token.kind not in (WORD, DOTTED) or view.is_masked(token.start, token.end):
            continue
        parts = [token] if "-" not in token.text else [
            Token(p, token.start, token.end, token.kind) for p in token.text.split("-")]
        for part in parts:
            short = _abbreviation_base(view, part, ctx)
            if short is not None:
                yield token, short


_SHORT_PIECES = ["the", "GP", "LD", "OT-led", "NHS", "NHS-funded", "co-op", "ICB", "ICBs", "GP's", "Mr", "U.K.", "e.g.", "a.m.", "III",
                 "King Charles III", "PhD", "iPhone", "A", "I", "x-ray", "X-Ray", "CQC-rated", "SEND", "HELLO",
                 "Anna", "Speak Up", "B2B", "A-Z", "we'll", "ABC-", "-NHS", "a", "LD-friendly", "WTFC"]


def test_short_forms_passed_over_without_a_look_are_never_short_forms():
    settings = replace(CheckerSettings(), names=("Speak Up", "Anna"))
    words = load_wordlists(abbreviations={"ICB": "integrated care board"})
    chooser = random.Random(15)
    found = 0
    for _ in range(800):
        text = " ".join(chooser.choices(_SHORT_PIECES, k=chooser.randint(1, 12))) + "."
        page = PageText(file=Path("p.md"), url="/p/", title="", title_line=1, content_type="page", easy_read=True,
                        points=(Point(line=1, text=text, kind=chooser.choice(["paragraph", "heading"]),
                                      picture=NONE),))
        ctx = make_context(page, settings, words)
        for view in ctx.views:
            fast = list(_short_forms(view, ctx))
            assert fast == list(plain_short_forms(view, ctx)), text
            found += len(fast)
    assert found > 1000, "many words were short forms"


# --- tokens and counts without a sentence split -------------------------------------------------

_KINDS_OF_POINT = ["paragraph", "list-item", "heading", "table-cell", "quote"]


def _line_starts(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((at + 1, line) for line, at in enumerate((i for i, ch in enumerate(text) if ch == "\n"), start=2))


def test_a_points_tokens_and_words_without_a_split_are_those_of_its_sentences():
    chooser = random.Random(21)
    texts = _mixed_texts(3000, seed=21) + ["We met. Sam came.\nPlease ring us", "Dr. Who is here. e.g. this",
                                           "  lead and trail  ", "", "\n", "www.example.org. Next one."]
    for text in texts:
        point = Point(line=1, text=text, kind=chooser.choice(_KINDS_OF_POINT), picture=NONE,
                      line_starts=_line_starts(text))
        lazy = make_view(point)
        tokens, words = lazy.tokens, lazy.word_count  # asked first: no split made
        assert "sentences" not in lazy.__dict__ or point.kind not in ("paragraph", "list-item")
        split = make_view(point)
        assert split.sentences is not None  # split first
        assert tokens == split.tokens, text
        assert words == split.word_count == sum(s.word_count for s in split.sentences), text


# --- the visible-text check with the authored check's counts ------------------------------------

_VISIBLE_TEXTS = _POINT_TEXTS + [
    "We met on Monday. Sam ran the meeting.", "The integrated care board (ICB) pays for it, and the council helps.",
    "Updated on 3 December 2026", "Hard word:", "Read more about our plan", "The NHS is changing.",
    "This is a very long sentence that goes on and on with many words in it so that it is far too long to read.",
    " ".join(f"We met on day {n}." for n in range(60))]


def _random_page(chooser: random.Random) -> tuple[PageText, list[Point]]:
    """An authored page and what a built page shows: some of its points and some lines of its own."""
    authored = tuple(Point(line=line, text=chooser.choice(_VISIBLE_TEXTS), kind=chooser.choice(_KINDS_OF_POINT),
                           picture=NONE) for line in range(3, chooser.randint(4, 14)))
    page = PageText(file=Path("p.md"), url="/p/", title=chooser.choice(["", "Our plan", "We met"]), title_line=1,
                    content_type="page", easy_read=chooser.random() < 0.8, points=authored)
    shown = [p for p in authored if chooser.random() < 0.9]
    shown += [Point(line=1, text=chooser.choice(_VISIBLE_TEXTS), kind=chooser.choice(_KINDS_OF_POINT), picture=NONE)
              for _ in range(chooser.randint(0, 4))]
    chooser.shuffle(shown)
    return page, shown


def test_the_visible_check_with_the_authored_counts_finds_the_same_as_counting_again():
    settings = replace(CheckerSettings(), page_words=replace(CheckerSettings().page_words, warn=60, error=120))
    words = load_wordlists(abbreviations={"ICB": "integrated care board"})
    chooser = random.Random(23)
    made = 0
    for number in range(300):
        page, shown = _random_page(chooser)
        checked = run_page_check(page, settings, words, text_only=True)
        authored = checked.problems
        plain = check_visible(page, shown, authored, settings, words)
        fast = check_visible(page, shown, authored, settings, words, checked.points)
        assert fast == plain, number
        made += sum(p.rule in ("ER-PAGE-WORDS", "ER-VERDICT") for p in plain)
    assert made > 30, "the counts decided findings"


def test_with_the_authored_counts_the_authors_points_are_not_split_again(monkeypatch):
    settings, words = CheckerSettings(), load_wordlists()
    authored = tuple(Point(line=n, text=f"We met on day {n}. Sam came too.", kind="paragraph", picture=NONE)
                     for n in range(3, 40))
    page = PageText(file=Path("d.md"), url="/d/", title="Days", title_line=1, content_type="page", easy_read=True,
                    points=authored)
    checked = run_page_check(page, settings, words, text_only=True)
    shown = [*authored, Point(line=1, text="Updated on 3 December 2026.", kind="paragraph", picture=NONE)]
    split: list[str] = []
    real = context_module._split
    monkeypatch.setattr(context_module, "_split", lambda point, text: split.append(point.text) or real(point, text))
    check_visible(page, shown, checked.problems, settings, words, checked.points)
    assert split == ["Days", "Updated on 3 December 2026."]  # the title line and the layout's line: checked
    split.clear()
    check_visible(page, shown, checked.problems, settings, words)
    assert len(split) == len(shown) + 1  # without them every point is split to count the page


def test_a_sentence_of_a_text_with_no_address_has_its_tokens_as_its_words():
    """split_sentences makes each Sentence itself; its words are those make_sentence keeps (counted tokens)."""
    texts = _mixed_texts(3000, seed=25) + ["Go to www.example.org. Then e-mail me@x.org.uk! We met.", "A. B. C."]
    with_address = 0
    for text in texts:
        for sentence in text_module.split_sentences(text, _line_starts(text)):
            plain = text_module.make_sentence(text, sentence.start, sentence.end, sentence.tokens)
            assert sentence == plain, text
            with_address += any(not t.counted for t in sentence.tokens)
    assert with_address > 50, "sentences with an address were compared too"

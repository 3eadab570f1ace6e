"""Tests for the checker's text tools: sentences, words, syllables, Flesch scores, loose documents."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import typing
from pathlib import Path

import pytest

from wtfc_site.checker import settings as settings_module
from wtfc_site.checker.plaintext import page_from_text, text_to_points
from wtfc_site.checker.settings import CheckerSettings
from wtfc_site.checker.text import (
    count_words,
    flesch_kincaid_grade,
    flesch_reading_ease,
    readability,
    split_sentences,
    syllables,
    tokenize,
)
from wtfc_site.textcheck import check_text_files


def sentences(text: str, line_starts=()) -> list[str]:
    return [s.text for s in split_sentences(text, line_starts)]


# --- sentence splitting -------------------------------------------------------------


def test_splits_on_full_stops_question_and_exclamation_marks():
    assert sentences("We met. Did you come? Yes! Good.") == ["We met.", "Did you come?", "Yes!", "Good."]


def test_does_not_split_after_eg_ie_or_etc_before_a_small_word():
    text = "Bring things you need, e.g. Your pills. Bring food, i.e. lunch. We have pens, paper etc. and cups."
    assert sentences(text) == [
        "Bring things you need, e.g. Your pills.",
        "Bring food, i.e. lunch.",
        "We have pens, paper etc. and cups.",
    ]


def test_etc_before_a_capital_ends_the_sentence():
    assert sentences("Bring pens, paper etc. The bus comes at 9am.") == [
        "Bring pens, paper etc.",
        "The bus comes at 9am.",
    ]


def test_no_ends_a_sentence_unless_a_number_follows():
    assert sentences("Can I bring my dog? No. Only guide dogs. Ring No. 10 for help.") == [
        "Can I bring my dog?", "No.", "Only guide dogs.", "Ring No. 10 for help."
    ]


def test_titles_and_saints_do_not_end_sentences():
    text = "Dr. Patel will see you. Mr. Jones and Mrs. Khan work at St. James's hospital."
    assert sentences(text) == ["Dr. Patel will see you.", "Mr. Jones and Mrs. Khan work at St. James's hospital."]


def test_initials_do_not_end_sentences():
    assert sentences("The report was written by J. R. Smith. It is long.") == [
        "The report was written by J. R. Smith.",
        "It is long.",
    ]


def test_decimal_numbers_times_and_dates_stay_in_one_sentence():
    text = "The cost went up by 3.5 times. Come at 2.30pm. The date was 1.3.25 and 01/03/2025. Then we left."
    assert sentences(text) == [
        "The cost went up by 3.5 times.",
        "Come at 2.30pm.",
        "The date was 1.3.25 and 01/03/2025.",
        "Then we left.",
    ]


def test_web_and_email_addresses_stay_in_one_sentence():
    text = "Visit www.nhs.uk/health. Then email help@speakup.org.uk or go to https://example.org/a?b=1. Thanks."
    assert sentences(text) == [
        "Visit www.nhs.uk/health.",
        "Then email help@speakup.org.uk or go to https://example.org/a?b=1.",
        "Thanks.",
    ]


def test_nhs_is_not_a_sentence_end():
    assert sentences("The NHS pays for it. The GP will phone.") == ["The NHS pays for it.", "The GP will phone."]


def test_sentence_offsets_match_the_text():
    text = "We met.  Then we ate."
    found = split_sentences(text)
    assert [(s.start, s.end) for s in found] == [(0, 7), (9, 21)]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_a_line_break_ends_a_sentence_written_without_a_full_stop():
    text = "Our meeting is on Tuesday We will have lunch"
    # "We will have lunch" started a new source line (offset 26).
    assert sentences(text, ((0, 1), (26, 2))) == ["Our meeting is on Tuesday", "We will have lunch"]


def test_a_hard_wrapped_sentence_is_not_cut_at_its_line_break():
    text = "The Integrated Care Board will meet the council"
    # The line broke after "Care"; "Board" is not a word that starts sentences.
    assert sentences(text, ((0, 1), (26, 2))) == [text]
    text = "We work with the NHS and the council"
    assert sentences(text, ((0, 1), (17, 2))) == [text]


# --- words ------------------------------------------------------------------------------


def test_hyphenated_words_and_numbers_count_as_one_word():
    assert count_words("Co-production costs £1,200 at 2.30pm on 01/03/2025.") == 7


def test_web_addresses_and_emails_are_not_words():
    assert count_words("Go to www.example.org.uk or email a@b.com now") == 5


def test_phone_numbers_and_postcodes_are_one_word_each():
    tokens = tokenize("Phone 0113 496 0123 or write to LS1 4AB today")
    kinds = [t.kind for t in tokens]
    assert "phone" in kinds and "postcode" in kinds
    assert count_words("Phone 0113 496 0123 or write to LS1 4AB today") == 7


def test_contractions_and_possessives_are_one_word():
    assert [t.text for t in tokenize("We can't find Sam's bag.")] == ["We", "can't", "find", "Sam's", "bag"]


def test_curly_apostrophes_are_read_like_plain_ones():
    assert [t.text for t in tokenize("We can\u2019t go")] == ["We", "can't", "go"]


def test_dotted_short_forms_are_one_token():
    tokens = tokenize("See e.g. the U.K. plan")
    assert [(t.text, t.kind) for t in tokens][1] == ("e.g.", "dotted")
    assert "U.K." in [t.text for t in tokens]


# --- syllables and Flesch -----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [("we", 1), ("bus", 1), ("people", 2), ("meeting", 2), ("area", 2), ("hospital", 3),
     ("commissioning", 4), ("co-production", 4), ("liked", 1)],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_numbers_count_as_one_syllable():
    assert syllables("2025") == 1


def test_flesch_formulas_match_the_published_constants():
    # 100 words, 10 sentences, 130 syllables (Appendix A formulas).
    assert flesch_reading_ease(100, 10, 130) == pytest.approx(206.835 - 10.15 - 109.98)
    assert flesch_kincaid_grade(100, 10, 130) == pytest.approx(3.9 + 15.34 - 15.59)
    assert flesch_reading_ease(0, 0, 0) == 0.0


def test_easy_text_scores_higher_than_hard_text():
    easy = readability("We meet on Tuesday. We talk about the bus. You can come too.")
    hard = readability(
        "Commissioning intentions will be operationalised through integrated governance "
        "arrangements, subject to the ratification of the implementation trajectory."
    )
    assert easy.reading_ease > 80 > hard.reading_ease
    assert easy.grade < 5 < hard.grade
    assert easy.words == 13 and easy.sentences == 3


# --- loose documents (check --text) -------------------------------------------------


DOC = """\
---
title: Our plan
version: easy-read
---
# Our plan

[picture: meeting] We met on Tuesday.
We talked about **short breaks** and *money*.
<!-- quiet ER-SENT-LEN: the law's name is long -->
This is a long one.

- First thing
  goes on.
- Second thing with [a link](https://example.org) and <u>this</u>.

> I like the bus.
> It is fun.

| Day | What |
|-----|------|
| Monday | Swimming |

Sub heading
-----------

```
code is skipped
```
"""


def test_plaintext_makes_points_with_kinds_and_lines():
    points, silences = text_to_points(DOC)
    # Read by the page renderer: a line break in a point stays in its text, as the page shows it.
    shown = [(p.kind, p.line, " ".join(p.text.split())) for p in points]
    assert shown == [
        ("heading", 5, "Our plan"),
        ("paragraph", 7, "We met on Tuesday. We talked about short breaks and money."),
        ("paragraph", 10, "This is a long one."),
        ("list-item", 12, "First thing goes on."),
        ("list-item", 14, "Second thing with a link and this."),
        ("quote", 16, "I like the bus. It is fun."),
        ("table-cell", 19, "Day"),
        ("table-cell", 19, "What"),
        ("table-cell", 21, "Monday"),
        ("table-cell", 21, "Swimming"),
        ("heading", 23, "Sub heading"),
    ]
    # A quiet comment alone on its line quietens the next line with words, as on a page (points.line_silences).
    assert silences == [type(silences[0])(line=10, rule="ER-SENT-LEN", reason="the law's name is long")]


def test_plaintext_records_pictures_formatting_and_line_starts():
    points, _ = text_to_points(DOC)
    para = points[1]
    assert para.picture == "meeting"
    assert para.bold == ("short breaks",) and para.italic == ("money",)
    assert para.line_starts == ((0, 7), (19, 8))
    assert para.line_at(para.text.index("We talked")) == 8
    assert points[4].underlined == ("this",)


def test_page_from_text_reads_title_and_version_from_front_matter():
    page = page_from_text(DOC, Path("plan.md"))
    assert page.title == "Our plan" and page.easy_read is True
    standard = page_from_text("---\nversion: standard\n---\nText.\n", Path("s.md"))
    assert standard.easy_read is False
    untitled = page_from_text("# Hello\n\nText.\n", Path("h.md"))
    assert (untitled.title, untitled.title_line) == ("Hello", 1)


# --- settings ---------------------------------------------------------------------------

ALLOWED = {int, float, bool, str, tuple[str, ...], dict[str, str]}


def _settings_classes():
    return [c for _, c in inspect.getmembers(settings_module, inspect.isclass)
            if dataclasses.is_dataclass(c) and c.__module__ == settings_module.__name__]


def test_settings_use_only_types_the_yaml_loader_fills():
    for cls in _settings_classes():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            kind = hints[f.name]
            assert kind in ALLOWED or dataclasses.is_dataclass(kind), (cls.__name__, f.name, kind)
            assert f.kw_only, (cls.__name__, f.name)
        assert cls.__dataclass_params__.frozen


def test_every_setting_has_a_docstring():
    tree = ast.parse(inspect.getsource(settings_module))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for i, item in enumerate(body):
            if isinstance(item, ast.AnnAssign):
                after = body[i + 1] if i + 1 < len(body) else None
                assert isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant), (
                    f"{node.name}.{item.target.id} has no docstring"
                )


def test_defaults_are_those_of_appendix_c():
    s = CheckerSettings()
    assert (s.sentence_words.warn, s.sentence_words.error, s.sentence_words.page_average_target) == (15, 20, 12)
    assert s.joiners_per_sentence_warn == 2
    assert (s.paragraph.max_sentences, s.paragraph.max_words) == (3, 50)
    assert (s.page_words.warn, s.page_words.error) == (500, 1000)
    assert (s.zipf.easy, s.zipf.hard) == (4.2, 3.5)
    assert (s.long_word.syllables, s.long_word.letters) == (4, 9)
    assert s.numbers.allow_words == ("one",) and s.numbers.big_number_digits == 4
    assert (s.numbers.percentages, s.numbers.decimals, s.numbers.roman, s.numbers.numeric_dates) == (
        "warn", "warn", "error", "error")
    assert s.abbreviations.allow == ("NHS", "GP")
    assert s.pictures.required_per_row
    assert s.navigation_max_items == 5
    assert (s.readability.min_words, s.readability.fk_grade_warn, s.readability.fre_warn_below) == (100, 5, 80)
    assert s.rules == {} and s.names == ()


def test_check_text_on_a_file_not_saved_as_utf8_says_so_with_its_line(tmp_path, capsys):
    paper = tmp_path / "board-paper.txt"
    paper.write_bytes("We meet on Monday.\nThe café is open.\n".encode("cp1252"))  # as an old Windows editor saves
    assert check_text_files([paper], tmp_path, "text") == 1
    err = capsys.readouterr().err
    assert f"{paper}:2: error [SITE-ENCODING] This file is not saved as UTF-8 text." in err, err
    assert "save it again with the UTF-8 encoding" in err and "Traceback" not in err

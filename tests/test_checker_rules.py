"""One passing and one failing case for each text rule, plus the tricky cases."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wtfc_site.checker import (
    RULES,
    RULES_BY_ID,
    CheckerSettings,
    apply_severity_overrides,
    check_page,
    load_wordlists,
)
from wtfc_site.checker.settings import Abbreviations, Numbers
from wtfc_site.errors import Problem, Severity
from wtfc_site.points import PageText, Point, Silence

S = CheckerSettings()
W = load_wordlists()
FILE = Path("content/pages/test.md")


def point(text: str, kind: str = "paragraph", line: int = 1, **kw) -> Point:
    """A point that already has its picture, so only the rule under test speaks."""
    kw.setdefault("chosen_picture", "picture")
    return Point(line=line, text=text, kind=kind, **kw)


def page(*points: Point | str, easy_read: bool = True, **kw) -> PageText:
    made = tuple(point(p, line=i + 1) if isinstance(p, str) else p for i, p in enumerate(points))
    return PageText(file=FILE, url="/test/", title="", title_line=1, content_type="page",
                    easy_read=easy_read, points=made, **kw)


def check(*points: Point | str, settings: CheckerSettings = S, words=W, easy_read: bool = True,
          text_only: bool = False, **kw) -> list[Problem]:
    return check_page(page(*points, easy_read=easy_read, **kw), settings, words, text_only=text_only)


def found(problems: list[Problem], rule: str, severity: Severity | None = None) -> list[Problem]:
    return [p for p in problems if p.rule == rule and (severity is None or p.severity is severity)]


def with_settings(**changes) -> CheckerSettings:
    return dataclasses.replace(S, **changes)


# --- the registry --------------------------------------------------------------------


def test_registry_is_data_with_unique_ids():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) and set(ids) == set(RULES_BY_ID)
    assert all(i.startswith("ER-") for i in ids)
    assert all(r.applies_to in ("easy-read", "all") for r in RULES)
    for required in ("ER-SENT-LEN", "ER-ONE-IDEA", "ER-ACTIVE", "ER-NEGATIVE", "ER-CONTRACTION", "ER-PARA-LEN",
                     "ER-NUM-DIGITS", "ER-NUM-BIG", "ER-NUM-PERCENT", "ER-DATE", "ER-ROMAN", "ER-SYMBOLS",
                     "ER-ABBR", "ER-HARD-WORD", "ER-JARGON", "ER-IDIOM", "ER-FOREIGN", "ER-PREFERRED-TERMS",
                     "ER-NO-ITALIC", "ER-NO-UNDERLINE", "ER-NO-CAPS", "ER-BOLD-ONLY-FOR-HARD-WORDS",
                     "ER-ONE-SENTENCE-PER-LINE", "ER-PIC-PER-IDEA", "ER-PAGE-WORDS", "ER-READABILITY",
                     "ER-CONSISTENT"):
        assert required in RULES_BY_ID


def test_clean_easy_read_text_has_no_errors_or_warnings():
    problems = check("We meet on Tuesday.", "We talk about the bus.", "You can come too.")
    assert [p for p in problems if p.severity is not Severity.INFO] == []


# --- ER-SENT-LEN ---------------------------------------------------------------------


def test_short_sentence_passes():
    assert found(check("We meet at the town hall on Tuesday."), "ER-SENT-LEN") == []


def test_sentence_over_15_words_warns_and_suggests_a_split():
    text = "We will meet at the town hall on Tuesday and we will talk about the bus to the centre."
    [p] = found(check(text), "ER-SENT-LEN")
    assert p.severity is Severity.WARNING
    assert p.message == "This sentence has 19 words."
    assert p.hint == "Try to keep sentences to 15 words or fewer. Split it after 'Tuesday'."
    assert p.excerpt == text and p.file == FILE and p.line == 1


def test_sentence_over_20_words_is_an_error():
    text = ("People who come to the meeting will get money for their time, and we will pay for the taxi "
            "that brings them to the meeting.")
    [p] = found(check(text), "ER-SENT-LEN")
    assert p.severity is Severity.ERROR and p.message == "This sentence has 25 words."
    assert "Split it after 'time,'" in p.hint or "Split it after 'time'" in p.hint


def test_long_sentence_is_reported_at_the_line_it_starts_on():
    text = "We met. " + " ".join(["Word"] + ["word"] * 24) + "."
    p = point(text, line=10, line_starts=((0, 10), (8, 11)))
    [problem] = found(check(p), "ER-SENT-LEN")
    assert problem.line == 11
    assert problem.excerpt.startswith("Word word")


def test_headings_get_no_sentence_length_rule():
    heading = point("What we talked about at the meeting of the partnership board in the town hall on Tuesday",
                    kind="heading")
    assert found(check(heading), "ER-SENT-LEN") == []


def test_each_list_item_is_its_own_sentence():
    items = [point("Tea and coffee and biscuits and cake", kind="list-item", line=i) for i in range(1, 6)]
    assert found(check(*items), "ER-SENT-LEN") == []


def test_standard_pages_use_the_plain_english_limit():
    text_22 = " ".join(["word"] * 22) + "."
    text_26 = " ".join(["word"] * 26) + "."
    assert found(check(text_22, easy_read=False), "ER-SENT-LEN", Severity.WARNING)
    assert found(check(text_26, easy_read=False), "ER-SENT-LEN", Severity.ERROR)
    assert found(check(" ".join(["word"] * 18) + ".", easy_read=False), "ER-SENT-LEN") == []


# --- ER-ONE-IDEA ------------------------------------------------------------------------


def test_one_idea_passes():
    assert found(check("We meet on Tuesday."), "ER-ONE-IDEA") == []


def test_several_joiners_warn():
    [p] = found(check("We meet on Tuesday, but the bus is late because the driver is ill."), "ER-ONE-IDEA")
    assert p.severity is Severity.WARNING and "'but'" in p.message and "'because'" in p.message


def test_an_opening_condition_and_a_short_list_are_one_idea():
    assert found(check("When you arrive, tell the staff your name."), "ER-ONE-IDEA") == []
    assert found(check("Bring tea, coffee and cake."), "ER-ONE-IDEA") == []


# --- ER-ACTIVE --------------------------------------------------------------------------


def test_active_voice_passes():
    assert found(check("We will send you a letter."), "ER-ACTIVE") == []


def test_passive_voice_warns():
    [p] = found(check("A letter will be sent to you."), "ER-ACTIVE")
    assert p.severity is Severity.WARNING and "'be sent'" in p.message


def test_describing_words_are_not_passive():
    assert found(check("I am tired.", "The group is called Speak Up.", "We are interested."), "ER-ACTIVE") == []


# --- ER-NEGATIVE -----------------------------------------------------------------------------


def test_positive_sentence_passes():
    assert found(check("Please come to the meeting."), "ER-NEGATIVE") == []


def test_single_negative_is_only_a_note():
    [p] = found(check("Do not bring food."), "ER-NEGATIVE")
    assert p.severity is Severity.INFO


def test_double_negatives_warn():
    assert found(check("It is not impossible to come."), "ER-NEGATIVE", Severity.WARNING)
    assert found(check("Nobody should never come."), "ER-NEGATIVE", Severity.WARNING)
    assert found(check("It is not important."), "ER-NEGATIVE", Severity.WARNING) == []


# --- ER-CONTRACTION ----------------------------------------------------------------------------


def test_full_forms_pass():
    assert found(check("We cannot come. We will not stay."), "ER-CONTRACTION") == []


def test_negative_short_forms_warn_with_the_full_form():
    problems = found(check("We can't come and we won't stay."), "ER-CONTRACTION")
    assert [p.hint.split(".")[0] for p in problems] == ["Write 'cannot'", "Write 'will not'"]


def test_contractions_are_off_on_standard_pages_by_default():
    assert found(check("We can't come.", easy_read=False), "ER-CONTRACTION") == []


# --- ER-PARA-LEN ---------------------------------------------------------------------------------


def test_three_sentences_pass():
    assert found(check("We met. We ate. We left."), "ER-PARA-LEN") == []


def test_four_sentences_or_over_50_words_warn():
    [p] = found(check("We met. We ate. We talked. We left."), "ER-PARA-LEN")
    assert p.message == "This point has 4 sentences."
    long_point = " ".join(["word"] * 26) + ". " + " ".join(["word"] * 26) + "."
    [q] = found(check(long_point), "ER-PARA-LEN")
    assert q.message == "This point has 52 words."


# --- ER-LIST ------------------------------------------------------------------------------------


def test_lists_in_a_sentence_are_noted():
    assert found(check("Bring your coat, your bag, your pills and your lunch."), "ER-LIST", Severity.INFO)
    assert found(check("Bring your coat."), "ER-LIST") == []


# --- ER-NUM-DIGITS --------------------------------------------------------------------------------


def test_digits_pass_and_one_is_allowed():
    assert found(check("3 people came.", "One person left."), "ER-NUM-DIGITS") == []


def test_number_words_warn_with_the_digits():
    [p] = found(check("Three people came."), "ER-NUM-DIGITS")
    assert p.hint == "Write numbers as digits: '3', not 'Three'."
    [q] = found(check("It takes twenty-five minutes."), "ER-NUM-DIGITS")
    assert "'25'" in q.hint


def test_one_can_be_disallowed_but_set_phrases_stay():
    strict = with_settings(numbers=Numbers(allow_words=()))
    assert found(check("One person came.", settings=strict), "ER-NUM-DIGITS")
    assert found(check("You can have a one-to-one meeting.", settings=strict), "ER-NUM-DIGITS") == []
    assert found(check("Three people came.", settings=with_settings(numbers=Numbers(digits=False))),
                 "ER-NUM-DIGITS") == []


# --- ER-NUM-BIG ----------------------------------------------------------------------------------------


def test_years_phone_numbers_and_small_numbers_pass():
    assert found(check("In 2025 we met 40 people. Phone 0113 496 0123."), "ER-NUM-BIG") == []


def test_big_numbers_warn():
    assert found(check("We spent £1,200 on the bus."), "ER-NUM-BIG")
    assert found(check("We got £3 million."), "ER-NUM-BIG")


# --- ER-NUM-PERCENT ---------------------------------------------------------------------------------


def test_plain_amounts_times_and_prices_pass():
    assert found(check("3 in 10 people said yes.", "Come at 2.30pm.", "Tea costs £1.50."), "ER-NUM-PERCENT") == []


def test_percentages_fractions_and_decimals_warn():
    assert len(found(check("45% of people came. 45 per cent liked it."), "ER-NUM-PERCENT")) == 2
    assert found(check("It takes 3.5 hours."), "ER-NUM-PERCENT")
    assert found(check("We spent \u00bd of the money."), "ER-NUM-PERCENT")
    assert found(check("Two thirds of people came."), "ER-NUM-PERCENT")


def test_percentage_severity_is_a_setting():
    off = with_settings(numbers=Numbers(percentages="off"))
    assert found(check("45% of people came.", settings=off), "ER-NUM-PERCENT") == []


# --- ER-DATE --------------------------------------------------------------------------------------------


def test_dates_in_words_pass():
    assert found(check("We meet on Tuesday 4 March 2025 from 10am to 2pm."), "ER-DATE") == []


def test_numeric_dates_are_errors():
    assert found(check("We meet on 01/03/2025."), "ER-DATE", Severity.ERROR)
    assert found(check("We meet on 2025-03-01."), "ER-DATE", Severity.ERROR)


def test_ordinals_dashes_and_24_hour_times_warn():
    assert found(check("We meet on 1st March."), "ER-DATE", Severity.WARNING)
    assert found(check("We are open 9am-5pm."), "ER-DATE", Severity.WARNING)
    assert found(check("We meet at 14:00."), "ER-DATE", Severity.WARNING)
    assert found(check("We meet at 12pm."), "ER-DATE", Severity.WARNING)


def test_numeric_date_severity_is_a_setting():
    lenient = with_settings(numbers=Numbers(numeric_dates="warn"))
    assert found(check("We meet on 01/03/2025.", settings=lenient), "ER-DATE", Severity.WARNING)


# --- ER-ROMAN ------------------------------------------------------------------------------------------


def test_ordinary_numbers_pass():
    assert found(check("This is phase 4."), "ER-ROMAN") == []


def test_roman_numerals_are_errors():
    assert found(check("This is Phase IV."), "ER-ROMAN", Severity.ERROR)
    assert found(check("Read Section II first."), "ER-ROMAN", Severity.ERROR)
    assert found(check("Look at part (ii) of the plan."), "ER-ROMAN", Severity.ERROR)


# --- ER-SYMBOLS -----------------------------------------------------------------------------------------


def test_words_pass_and_email_addresses_are_not_symbols():
    assert found(check("Tea and cake. Email help@speakup.org.uk today."), "ER-SYMBOLS") == []


def test_symbols_and_latin_short_forms_warn():
    [amp] = found(check("Tea & cake."), "ER-SYMBOLS")
    assert amp.hint == "Write the word instead, for example 'and'."
    [eg] = found(check("Bring things, e.g. pills."), "ER-SYMBOLS", Severity.WARNING)
    assert eg.hint == "Write 'for example'."


def test_brackets_are_a_note():
    assert found(check("We met (on Tuesday)."), "ER-SYMBOLS", Severity.INFO)


# --- ER-ABBR --------------------------------------------------------------------------------------------


def test_allowed_short_forms_raise_nothing():
    assert found(check("The NHS pays. Your GP will phone. GPs are busy."), "ER-ABBR") == []


def test_unknown_short_form_warns_once_per_page_at_first_use():
    problems = found(check("The ICB met.", "The ICB decided.", point("ICB news", kind="heading", line=3)), "ER-ABBR")
    assert len(problems) == 1
    [p] = problems
    assert p.severity is Severity.WARNING and p.line == 1
    assert "'integrated care board (ICB)'" in p.hint


def test_short_forms_from_the_site_list_or_allow_list_pass():
    site_words = load_wordlists(abbreviations={"ICB": "integrated care board"})
    assert found(check("The ICB met.", words=site_words), "ER-ABBR") == []
    allow = with_settings(abbreviations=Abbreviations(allow=("NHS", "GP", "CLDT")))
    assert found(check("The CLDT met.", settings=allow), "ER-ABBR") == []
    assert found(check("The CLDT met.", abbreviations_explained=frozenset({"CLDT"})), "ER-ABBR") == []


def test_short_form_explained_in_brackets_is_only_a_note():
    problems = found(check("The integrated care board (ICB) met."), "ER-ABBR")
    assert [p.severity for p in problems] == [Severity.INFO]


def test_mixed_and_dotted_short_forms_are_found():
    assert found(check("LeDeR looks at care."), "ER-ABBR")
    assert found(check("It is the U.K. plan."), "ER-ABBR")
    assert found(check("Bring things, e.g. pills."), "ER-ABBR") == []


def test_short_forms_are_checked_on_standard_pages_too():
    assert found(check("The ICB met.", easy_read=False), "ER-ABBR")


# --- ER-HARD-WORD -----------------------------------------------------------------------------------


def test_common_words_pass():
    assert found(check("We go to the day centre on the bus.", "We recognise you."), "ER-HARD-WORD") == []


def test_rare_words_are_errors_and_uncommon_words_warnings():
    [p] = found(check("The meeting was quorate."), "ER-HARD-WORD")
    assert p.severity is Severity.ERROR
    [q] = found(check("We found the lottery money."), "ER-HARD-WORD")
    assert q.severity is Severity.WARNING


def test_everyday_easy_read_words_are_not_hard():
    """wordfreq scores these low, but published easy read uses them unexplained (issue 15)."""
    text = "Some autistic people like headphones. Take your tablets. Get your flu jab at the chemist."
    assert found(check(text), "ER-HARD-WORD") == []


def test_jargon_is_an_error_with_our_explanation_in_the_hint():
    [p] = found(check("The trajectory looks good."), "ER-HARD-WORD")
    assert p.severity is Severity.ERROR
    assert "the number we want to reach, and by when" in p.hint


def test_hyphenated_words_are_looked_up_joined_too():
    assert found(check("We believe in co-production."), "ER-HARD-WORD")
    assert found(check("We want a long-term plan."), "ER-HARD-WORD") == []


def test_british_spelling_is_not_a_hard_word():
    assert found(check("We recognised you by your favourite colour."), "ER-HARD-WORD") == []


def test_each_hard_word_is_reported_once_per_page():
    assert len(found(check("The meeting was quorate.", "It is quorate now."), "ER-HARD-WORD")) == 1


def test_explained_words_pass():
    assert found(check("We offer respite.", "Respite means a short break from caring."), "ER-HARD-WORD") == []
    assert found(check("We offer respite.", glossary_words=frozenset({"respite"})), "ER-HARD-WORD") == []
    assert found(check(point("We offer respite.", explained=("respite",))), "ER-HARD-WORD") == []
    glossary = load_wordlists(glossary={"Respite": "a short break"})
    assert found(check("We offer respite.", words=glossary), "ER-HARD-WORD") == []


def test_names_are_skipped():
    assert found(check("We met Priya at the centre."), "ER-HARD-WORD") == []
    assert found(check("Priya met us."), "ER-HARD-WORD")
    named = with_settings(names=("Priya",))
    assert found(check("Priya met us.", settings=named), "ER-HARD-WORD") == []


def test_hard_words_in_headings_are_found():
    assert found(check(point("Our Discharge Plan", kind="heading")), "ER-HARD-WORD")
    assert found(check(point("Our Trajectory Plan", kind="heading")), "ER-HARD-WORD")


def test_long_words_warn():
    [p] = found(check("We talked about accountability."), "ER-HARD-WORD")
    assert p.severity is Severity.WARNING


def test_hard_words_are_not_checked_on_standard_pages():
    assert found(check("The meeting was quorate.", easy_read=False), "ER-HARD-WORD") == []


# --- ER-JARGON, ER-IDIOM, ER-FOREIGN, ER-PREFERRED-TERMS -------------------------------------------


def test_plain_words_pass_the_word_lists():
    problems = check("We will help you. You can talk to your key worker.")
    for rule in ("ER-JARGON", "ER-IDIOM", "ER-FOREIGN", "ER-PREFERRED-TERMS"):
        assert found(problems, rule) == []


def test_words_to_avoid_warn_with_the_plain_word():
    [p] = found(check("Staff will facilitate the meeting."), "ER-JARGON")
    assert p.severity is Severity.WARNING and p.hint == "Try: help, or run (a meeting)."
    assert found(check("These are key issues."), "ER-JARGON")


def test_jargon_is_checked_on_standard_pages():
    assert found(check("Staff will facilitate the meeting.", easy_read=False), "ER-JARGON")


def test_idioms_warn():
    [p] = found(check("We will do better going forward."), "ER-IDIOM")
    assert "from now on" in p.hint
    assert found(check("The money is ring-fenced."), "ER-IDIOM")


def test_latin_words_warn():
    assert found(check("Send it via email."), "ER-FOREIGN")
    assert found(check("Re: the meeting."), "ER-FOREIGN")


def test_preferred_terms_are_a_note():
    [p] = found(check("People with learning difficulties came."), "ER-PREFERRED-TERMS")
    assert p.severity is Severity.INFO and "learning disability" in p.hint


# --- ER-CONSISTENT -----------------------------------------------------------------------------------


def test_one_word_for_one_thing_passes():
    assert found(check("See your doctor.", "Your doctor can help."), "ER-CONSISTENT") == []


def test_two_words_for_one_thing_warn_once():
    problems = found(check("See your doctor.", "Your GP can help.", "The GP is kind."), "ER-CONSISTENT")
    assert len(problems) == 1
    assert problems[0].message == "This page uses both 'doctor' and 'GP'." and problems[0].line == 2


# --- formatting ------------------------------------------------------------------------------------------


def test_plain_formatting_passes():
    problems = check(point("We meet today.", bold=("today",)))
    assert not any(found(problems, r) for r in ("ER-NO-ITALIC", "ER-NO-UNDERLINE", "ER-NO-CAPS"))


def test_italics_and_underline_are_errors():
    assert found(check(point("We meet today.", italic=("today",))), "ER-NO-ITALIC", Severity.ERROR)
    assert found(check(point("We meet today.", underlined=("today",))), "ER-NO-UNDERLINE", Severity.ERROR)


def test_capital_letters_warn_but_short_forms_do_not():
    assert found(check("PLEASE COME EARLY."), "ER-NO-CAPS")
    assert found(check("This is IMPORTANT."), "ER-NO-CAPS")
    assert found(check("The NHS ICB met."), "ER-NO-CAPS") == []


def test_too_much_bold_is_a_note():
    assert found(check(point("We meet today at the hall.", bold=("We meet today",))),
                 "ER-BOLD-ONLY-FOR-HARD-WORDS", Severity.INFO)
    assert found(check(point("We meet today at the hall to talk about the bus and the money for time.",
                             bold=("bus",))), "ER-BOLD-ONLY-FOR-HARD-WORDS") == []


def test_soft_hyphens_are_errors():
    assert found(check("We meet at the community centre."), "ER-NO-HYPHEN-BREAK") == []
    assert found(check("We meet at the com\u00admunity centre."), "ER-NO-HYPHEN-BREAK", Severity.ERROR)


def test_one_sentence_per_line():
    assert found(check("We met. We ate."), "ER-ONE-SENTENCE-PER-LINE", Severity.INFO)
    two_lines = point("We met. We ate.", line=4, line_starts=((0, 4), (8, 5)))
    assert found(check(two_lines), "ER-ONE-SENTENCE-PER-LINE") == []


# --- pictures -----------------------------------------------------------------------------------------


def test_point_without_picture_is_an_error():
    [p] = found(check(Point(line=3, text="We meet today.", kind="paragraph")), "ER-PIC-PER-IDEA")
    assert p.severity is Severity.ERROR and p.message == "This point has no picture." and p.line == 3


def test_picture_none_chosen_by_the_author_passes():
    assert found(check(Point(line=1, text="We meet today.", kind="paragraph", picture="none")),
                 "ER-PIC-PER-IDEA") == []
    assert found(check(Point(line=1, text="We meet.", kind="paragraph", chosen_picture="bus")),
                 "ER-PIC-PER-IDEA") == []


def test_text_only_checks_leave_out_pictures():
    assert found(check(Point(line=1, text="We meet.", kind="paragraph"), text_only=True), "ER-PIC-PER-IDEA") == []


# --- page rules -------------------------------------------------------------------------------------------


def test_page_length():
    assert found(check(*["We meet on Tuesday at the hall."] * 70), "ER-PAGE-WORDS") == []
    [warn] = found(check(*["We meet on Tuesday at the hall."] * 72), "ER-PAGE-WORDS")
    assert warn.severity is Severity.WARNING and warn.message == "This page has 504 words."
    assert found(check(*["We meet on Tuesday at the hall."] * 150), "ER-PAGE-WORDS", Severity.ERROR)


def test_readability_is_information_on_short_pages():
    [p] = found(check("We meet on Tuesday."), "ER-READABILITY")
    assert p.severity is Severity.INFO and p.message.startswith("Reading ease ")


def test_readability_says_a_long_hard_page_may_be_hard_but_only_as_a_note():
    """Scores never block (issue 15): the note names the problem, at info level only."""
    hard = ("Commissioners considered comprehensive implementation arrangements regarding "
            "organisational accountability and sustainability.")
    [note] = found(check(*[hard] * 10), "ER-READABILITY")
    assert note.severity is Severity.INFO and note.message.startswith("This page may be hard to read.")
    assert found(check(*[hard] * 10), "ER-READABILITY", Severity.WARNING) == []


def test_roman_numerals_in_names_are_not_flagged_but_labels_are():
    text = "King Charles III opened it. Queen Elizabeth II was there. Henry VIII was not."
    assert found(check(text), "ER-ROMAN") == []
    [p] = found(check("We are in Phase III of the plan."), "ER-ROMAN")
    assert "'III'" in p.message


def test_comparatives_are_as_easy_as_their_word():
    assert found(check("It is quieter in the morning. Go to the nearest shop."), "ER-HARD-WORD") == []


# --- quotes: people's own words -------------------------------------------------------------------------


def test_quotes_are_shown_as_quoted_not_checked():
    quote = point("I don't like the ICB's trajectory, it's rubbish and nobody never listens to us at all "
                  "when we tell them what we think about the quorate meetings.", kind="quote", line=5)
    problems = check(quote)
    assert [(p.rule, p.severity, p.message, p.line) for p in problems if p.rule != "ER-READABILITY"] == [
        ("ER-QUOTED", Severity.INFO, "quoted, not checked", 5)
    ]


# --- silences and severity settings -------------------------------------------------------------------------


def test_silenced_findings_are_still_listed_with_the_reason():
    long_text = " ".join(["word"] * 22) + "."
    problems = check(long_text, silences=(Silence(line=1, rule="ER-SENT-LEN", reason="the law's name is long"),))
    [p] = found(problems, "ER-SENT-LEN")
    assert p.silenced == "the law's name is long"


def test_a_silence_on_the_line_before_works_and_other_rules_still_speak():
    long_text = point(" ".join(["word"] * 22) + " can't.", line=7)
    problems = check(long_text, silences=(Silence(line=6, rule="ER-SENT-LEN", reason="ok"),))
    assert found(problems, "ER-SENT-LEN")[0].silenced == "ok"
    assert found(problems, "ER-CONTRACTION")[0].silenced == ""


def test_a_silence_on_another_line_does_nothing():
    long_text = point(" ".join(["word"] * 22) + ".", line=7)
    problems = check(long_text, silences=(Silence(line=2, rule="ER-SENT-LEN", reason="ok"),))
    assert found(problems, "ER-SENT-LEN")[0].silenced == ""


def test_rule_severity_settings():
    passive = "A letter will be sent to you."
    assert found(check(passive, settings=with_settings(rules={"ER-ACTIVE": "off"})), "ER-ACTIVE") == []
    [p] = found(check(passive, settings=with_settings(rules={"ER-ACTIVE": "error"})), "ER-ACTIVE")
    assert p.severity is Severity.ERROR


def test_apply_severity_overrides_keeps_info_notes():
    problems = [
        Problem(FILE, 1, "a", rule="ER-NEGATIVE", severity=Severity.WARNING),
        Problem(FILE, 2, "b", rule="ER-NEGATIVE", severity=Severity.INFO),
        Problem(FILE, 3, "c", rule="ER-ACTIVE", severity=Severity.WARNING),
    ]
    changed = apply_severity_overrides(problems, {"ER-NEGATIVE": "error", "ER-ACTIVE": "off"})
    assert [(p.line, p.severity) for p in changed] == [(1, Severity.ERROR), (2, Severity.INFO)]
    with pytest.raises(ValueError):
        apply_severity_overrides(problems, {"ER-ACTIVE": "loud"})


def test_findings_are_sorted_by_line():
    problems = check("We can't go.", "A letter will be sent.", "Three people came.")
    lines = [p.line for p in problems]
    assert lines == sorted(lines)

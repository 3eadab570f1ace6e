"""Traits of real published easy read that the checker must not mistake for problems (issue 15 part 2).

Each test gives the checker a short text the way real documents are written
(picture descriptions left as lines, numbered minutes, names with numerals,
campaign names) and asserts on the findings and the verdict ``check --text``
prints.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wtfc_site.checker import CheckerSettings, check_document, load_wordlists
from wtfc_site.checker.plaintext import PICTURE_TEXT, is_picture_text, text_to_points
from wtfc_site.checker.settings import PictureText

SETTINGS = CheckerSettings()
WORDS = load_wordlists({}, {})


def _check(text: str, settings: CheckerSettings = SETTINGS, words=WORDS):
    return check_document(text, Path("doc.md"), settings, words)


def _rules(report) -> list[str]:
    return [p.rule for p in report.problems if p.severity.name != "INFO"]


# --- picture descriptions ------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Picture of a pharmacist handing a prescription bag to an elderly gentleman.",
    "Image: a prescription form with the surgery stamp",
    "[Image: a small booklet with a red cover]",
    "Photo of a woman with Down's syndrome reading a leaflet.",
    "Image description: infographic showing a hospital building",
    "woman with letter",
    "A volunteer adjusting a microphone stand",
    "A woman and her support worker looking at a folder",
    "2 people talking at a table",
])
def test_picture_descriptions_are_recognised(line):
    assert is_picture_text(line, PictureText())


@pytest.mark.parametrize("line", [
    "A GP is a doctor in your local area.",
    "We talked about buses.",
    "Learning Disability Week",
    "Getting your flu jab this winter",
    "[picture: bus] The bus is late.",
    "Figure 1: Uptake of annual health checks by network",
    "An advocate helps people speak up.",
])
def test_sentences_headings_and_our_own_marker_are_not_picture_descriptions(line):
    assert not is_picture_text(line, PictureText())


def test_a_line_inside_a_hard_wrapped_sentence_is_never_taken_for_a_caption():
    text = "We will work with\nlocal partners across the borough\nto improve things.\n"
    points, _ = text_to_points(text, PictureText())
    assert [p.kind for p in points] == ["paragraph"]
    assert " ".join(points[0].text.split()) == "We will work with local partners across the borough to improve things."


def test_picture_lines_are_noted_not_checked_and_do_not_count():
    text = (
        "# Getting your medicine\n\n"
        "Picture of a pharmacist handing a prescription bag across the counter to an elderly gentleman.\n"
        "A chemist is a shop that gives you medicine.\n"
        "Image description: infographic juxtaposing multidisciplinary stakeholders\n"
        "Take your paper to the chemist.\n"
    )
    report = _check(text)
    notes = [p for p in report.problems if p.rule == "ER-PICTURE-TEXT"]
    assert [(p.line, p.severity.name) for p in notes] == [(3, "INFO"), (5, "INFO")]
    assert "picture" in notes[0].message.lower()
    assert _rules(report) == []
    assert report.counts.sentences == 2
    assert report.verdict.easy_read


def test_picture_markers_are_a_setting():
    settings = dataclasses.replace(
        SETTINGS, picture_text=PictureText(markers=("pic>",), heuristic=False))
    points, _ = text_to_points("pic> a cat on a mat\nPicture of a dog.\n", settings.picture_text)
    assert [p.kind for p in points] == [PICTURE_TEXT, "paragraph"]


# --- numbers, names and campaigns ------------------------------------------------------------


def _rules_in(text: str) -> list[tuple[str, str]]:
    return [(p.rule, p.message) for p in _check(text).problems if p.severity.name != "INFO"]


def test_section_and_minute_numbers_are_not_decimals():
    text = ("# Notes\n\n2.1 Apologies\n\n5 people could not come.\n\n3.2 The notes were right.\n\n"
            "We looked at item 4.2 again.\nWe use version 2.2 of the rules.\n")
    assert [r for r in _rules_in(text) if r[0] == "ER-NUM-PERCENT"] == []
    assert ("ER-NUM-PERCENT", "'2.5' is a decimal number.") in _rules_in("# Money\n\nWe spent 2.5 times more.\n")


def test_a_title_case_campaign_name_is_not_a_passive():
    text = "# News\n\nWe joined Get Checked Out this year.\nPeople can Be Heard at our meetings.\n"
    assert [r for r in _rules_in(text) if r[0] == "ER-ACTIVE"] == []
    assert any(r[0] == "ER-ACTIVE" for r in _rules_in("# News\n\nThe letter was posted on Monday.\n"))


def test_a_programmes_plain_long_name_is_not_jargon_but_a_rare_word_in_a_name_still_is():
    plain = "# Home\n\nWe are part of the Building the Right Support programme.\n"
    assert [r for r in _rules_in(plain) if r[0] == "ER-HARD-WORD"] == []
    lower = "# Home\n\nWe talked about building the right support for you.\n"
    assert [r[1] for r in _rules_in(lower) if r[0] == "ER-HARD-WORD"] == ["'building the right support' is a hard word."]


def test_called_a_word_explains_it():
    text = "# Medicine\n\nThe person at the chemist is called a pharmacist.\nThe pharmacist gives you medicine.\n"
    assert [r for r in _rules_in(text) if r[0] == "ER-HARD-WORD"] == []


def test_a_name_after_a_heading_is_not_taken_for_a_word_inside_a_sentence():
    """The line break after a heading is not a space inside a sentence (looks_like_name)."""
    report = _check("# News\n\nZubrowski came to see us.\n")
    assert any("Zubrowski" in p.message for p in report.problems if p.rule == "ER-HARD-WORD")


def test_page_numbers_left_by_a_pasted_pdf_are_not_words():
    text = "# Our plan\n\nWe will meet every month.\n\n3\n\nPage 4 of 12\n\nYou can come too.\n"
    points, _ = text_to_points(text, PictureText())
    assert [p.text for p in points] == ["Our plan", "We will meet every month.", "You can come too."]


def test_everyday_keys_and_chairs_are_not_jargon():
    text = "# Your new home\n\nYou will get a key to your flat.\nSit in the dentist's chair.\nThis is a key meeting.\n"
    found = [r for r in _rules_in(text) if r[0] in ("ER-JARGON", "ER-HARD-WORD")]
    assert found == [("ER-JARGON", "'key' is a word to avoid.")]  # only the 'important' meaning


def test_two_words_the_page_ties_together_are_not_inconsistent():
    tied = "# Your doctor\n\nA GP is a doctor in your local area.\nRing your GP to make a time.\n"
    assert not [r for r in _rules_in(tied) if r[0] == "ER-CONSISTENT"]
    loose = "# Your doctor\n\nSee your doctor every year.\nRing your GP to make a time.\n"
    assert [r[0] for r in _rules_in(loose) if r[0] == "ER-CONSISTENT"] == ["ER-CONSISTENT"]


# --- text copied out of a PDF (issue 15 part 2; tests/passages_holdout shows each in a whole passage) ----------


def _check_txt(text: str):
    return check_document(text, Path("pasted.txt"), SETTINGS, WORDS)


def test_a_symbol_font_bullet_from_a_pdf_makes_a_list_item():
    """Copying a Word or PDF list gives U+F0B7 (the Symbol font's bullet), not '•'."""
    text = "Who can have it?\n\uf0b7\tPeople aged 75 and over\n\uf0b7\tPeople who live in a care home\n"
    points, _ = text_to_points(text, PictureText())
    assert [(p.kind, p.text) for p in points][-2:] == [
        ("list-item", "People aged 75 and over"), ("list-item", "People who live in a care home")]
    assert "\uf0b7" not in " ".join(p.text for p in points)


def test_a_contents_page_and_a_dashed_page_number_are_not_sentences():
    text = ("What is in this booklet\nAbout us ......................... 2\nHow we can help ....... 3-4\n\n"
            "About us\nWe help people find work.\n\n- 5 -\n\nWe can help you write a CV.\n")
    points, _ = text_to_points(text, PictureText())
    texts = [p.text for p in points]
    assert not any("...." in t or "- 5 -" in t for t in texts)
    assert texts[-1] == "We can help you write a CV."
    assert "Contents" not in texts and _check_txt(text).counts.sentences == 5


def test_a_word_hyphenated_at_a_line_end_is_read_as_one_word_on_its_own_line():
    text = "Changes\n\nWe want to know what you think be-\nfore we decide about the bus.\n"
    report = _check_txt(text)
    assert not [p for p in report.problems if "fore" in p.message]
    points, _ = text_to_points(text, PictureText())
    assert "think before we decide" in " ".join(points[-1].text.split())
    # a hard word broken across two lines is still found, whole
    rare = _check_txt("News\n\nThe group met on Monday with the multi-\ndisciplinary team.\n")
    assert [p.message for p in rare.problems if p.rule == "ER-HARD-WORD"] == [
        "'multidisciplinary' is a hard word."]


def test_a_hyphen_that_belongs_to_the_word_stays_when_the_line_is_joined():
    from wtfc_site.checker.plaintext import join_hyphenated_lines

    assert join_hyphenated_lines("We are a self-\nadvocacy group.") == "We are a\nself-advocacy group."
    assert join_hyphenated_lines("We care for every-\none.") == "We care for\neveryone."
    assert join_hyphenated_lines("Item 3 -\nmoney") == "Item 3 -\nmoney"  # a dash, not a broken word


@pytest.mark.parametrize("word", ["germs", "cough", "sore", "quiz", "newsletter", "taxi", "clapped", "pyjamas",
                                  "supermarket", "firefighter", "password"])
def test_everyday_words_of_published_easy_read_are_not_hard(word):
    assert not [r for r in _rules_in(f"# News\n\nWe talked about the {word} today.\n") if r[0] == "ER-HARD-WORD"]


@pytest.mark.parametrize("word", ["vaccine", "landlord", "pharmacist", "toiletries", "receptionist",
                                  "paramedic", "rota", "podcast"])
def test_words_published_easy_read_explains_are_hard_until_explained(word):
    """Easy-read guides explain these the first time ('A pharmacist is ...'), so they are not everyday words."""
    assert [r[0] for r in _rules_in(f"# News\n\nWe talked about the {word} today.\n")].count("ER-HARD-WORD") == 1
    explained = f"# News\n\nA {word} is something we explain.\nWe talked about the {word} today.\n"
    assert "ER-HARD-WORD" not in [r[0] for r in _rules_in(explained)]


def test_a_place_or_organisation_name_at_the_start_of_a_line_is_a_name():
    """Letterheads and footers start a line with the name: 'Castlebridge City Council – Easy Read – 2025'."""
    footer = "# Jobs\n\nWe help you find a job.\n\nCastlebridge City Council – Easy Read – January 2025\n"
    assert not [r for r in _rules_in(footer) if r[0] == "ER-HARD-WORD"]
    alone = "# Jobs\n\nWe help you find a job.\n\nCastlebridge has a new bus station.\n"
    assert [r[1] for r in _rules_in(alone) if r[0] == "ER-HARD-WORD"] == ["'Castlebridge' is not a common word."]
    # the same word in an e-mail address does not make it an ordinary lower-case word
    mail = footer + "\nEmail jobs@castlebridge.gov.uk\n"
    assert not [r for r in _rules_in(mail) if r[0] == "ER-HARD-WORD"]


def test_a_heading_in_capitals_is_one_finding_not_one_per_word_group():
    found = [r for r in _rules_in("# Help\n\nWHAT IS A HATE CRIME?\n\nIt is a crime.\n") if r[0] == "ER-NO-CAPS"]
    assert found == [("ER-NO-CAPS", "'WHAT IS A HATE CRIME' is in capital letters.")]


def test_a_pictures_description_in_the_left_column_of_a_line_is_dropped_with_a_note():
    """A picture-left, words-right page pastes as 'Pile of money   Financial abuse' on one line."""
    text = ("Kinds of abuse\n\nPile of money and a purse   Money abuse\nThis is when someone takes your money.\n\n"
            "Drawing of a man shouting at a frightened woman\tShouting is abuse too.\n")
    report = _check_txt(text)
    notes = [(p.line, p.excerpt, p.severity.name) for p in report.problems if p.rule == "ER-PICTURE-TEXT"]
    assert notes == [(3, "Pile of money and a purse", "INFO"),
                     (6, "Drawing of a man shouting at a frightened woman", "INFO")]
    points, _ = text_to_points(text, PictureText())
    words = " ".join(p.text for p in points)
    assert "Money abuse" in words and "Shouting is abuse too." in words and "purse" not in words
    assert not [p for p in report.problems if p.rule == "ER-HARD-WORD"]


@pytest.mark.parametrize("line", [
    "Annual health checks completed\t75\t41\tAmber",  # a table row: more than 2 columns
    "Address   Unit 4, Mill Lane",  # one word on the left: a label
    "The letters are hard to read\tWe now send easy read letters",  # a sentence on the left
    "Funding summary   Spending went up this year.",  # two bare words: a report's label, not a picture
    "Key risks   Prices for care homes keep going up.",
    "Next steps\tWe will ask people what they think.",
])
def test_two_columns_that_are_not_a_picture_and_its_words_are_kept(line):
    points, _ = text_to_points(f"Notes\n\n{line}\n", PictureText())
    assert points[-1].kind != PICTURE_TEXT and points[-1].text.split()[0] == line.split()[0]
    assert not [p for p in _check_txt(f"Notes\n\n{line}\n").problems if p.rule == "ER-PICTURE-TEXT"]


def test_a_label_in_the_left_column_is_checked_with_its_words():
    text = "Report\n\nGovernance arrangements   The board meets each month.\n"
    report = _check_txt(text)
    assert not [p for p in report.problems if p.rule == "ER-PICTURE-TEXT"]
    assert "'Governance' is a hard word." in [p.message for p in report.problems if p.rule == "ER-HARD-WORD"]


def test_a_capital_a_after_a_short_form_does_not_start_a_run_of_capitals():
    assert not [r for r in _rules_in("# Jobs\n\nWe can help you write a CV.\nA CV is a list of jobs.\n")
                if r[0] == "ER-NO-CAPS"]


def test_an_nhs_number_on_a_letter_is_not_a_big_number():
    found = [r for r in _rules_in("# Your letter\n\nNHS number: 485 777 3456\n\nYour number is 485 777 3456.\n"
                                  "We saw 1,250 people.\n")
             if r[0] == "ER-NUM-BIG"]
    assert found == [("ER-NUM-BIG", "'1,250' is a big number.")]


@pytest.mark.parametrize("glossary", [
    "Words to know\n\nRespite\nA short break from caring.\n",
    "Hard words\n\nRespite\t\tA short break from caring.\n",
    "Glossary\n\n**Respite**\nA short break from caring.\n",
])
def test_a_glossary_at_the_end_explains_its_words_in_the_text_above_it(glossary):
    text = f"Breaks\n\nYou can have respite.\nYour carer can rest.\n\n{glossary}"
    assert not [p for p in _check_txt(text).problems if p.rule == "ER-HARD-WORD" and "espite" in p.message]


def test_a_word_alone_on_a_line_without_a_glossary_heading_is_not_an_explanation():
    text = "Breaks\n\nYou can have respite.\nYour carer can rest.\n\nRespite\nA short break from caring.\n"
    assert [p.message for p in _check_txt(text).problems if p.rule == "ER-HARD-WORD"] == ["'respite' is a hard word."]


def _hard(report) -> list[str]:
    return [p.message for p in report.problems if p.rule == "ER-HARD-WORD"]


@pytest.mark.parametrize("text", [
    # a "Glossary" heading at the top, then other words: the short lines below it are headings, not its terms
    "Glossary\nThe list of terms is at the back.\n\nRespite\nThe board funds respite for carers.\n",
    # the glossary's section ends at the next heading
    "# Breaks\n\n## Glossary\n\nCarer\nSomeone who helps you.\n\n## Our work\n\nRespite\nWe pay for respite.\n",
    # the line under the word is a heading, not its meaning
    "# Breaks\n\nYou can have respite.\n\n## Words to know\n\nRespite\n## Money\n\nWe pay for it.\n",
    # a sentence that starts with "Hard words" is not a glossary heading
    "Breaks\n\nHard words are in bold.\nYou can have respite.\n\nRespite\nThe board funds it.\n",
])
def test_a_word_outside_the_glossarys_own_section_is_not_explained_by_it(text):
    check = _check(text) if text.startswith("#") else _check_txt(text)
    assert "'respite' is a hard word." in [m.lower() for m in _hard(check)]


@pytest.mark.parametrize("text", [
    "Breaks\n\nYou can have respite.\nA carer can rest.\n\nWords to know\n\nThese are the hard words:\n"
    "Carer\nSomeone who helps you.\n\nRespite\nA short break from caring.\n",
    "# Breaks\n\nYou can have respite.\n\n## Glossary\n\n**Carer**\nSomeone who helps you.\n\n"
    "**Respite**\nA short break from caring.\n",
])
def test_every_term_of_a_glossary_section_is_explained(text):
    check = _check(text) if text.startswith("#") else _check_txt(text)
    assert not [m for m in _hard(check) if "espite" in m]


def test_a_list_that_lost_its_bullets_is_a_list_not_one_long_sentence():
    text = ("Staying in hospital\n\nPlease pack:\nPyjamas\nDressing gown\nSlippers\nSoap and flannel\n"
            "Toothbrush and toothpaste\nShampoo and conditioner\nGlasses if you wear them\nYour hearing aid\n"
            "Your tablets in their boxes\n\nPlease bring your letter.\n")
    report = _check_txt(text)
    assert not [p for p in report.problems if p.rule == "ER-SENT-LEN"]
    points, _ = text_to_points(text, PictureText())
    assert [(p.kind, p.text, p.line) for p in points][2:4] == [("list-item", "Pyjamas", 4),
                                                               ("list-item", "Dressing gown", 5)]


def test_lines_under_a_colon_that_end_sentences_are_not_taken_for_a_list():
    text = "Our plan\n\nWhat we will do:\nWe will meet every month.\nWe will write to you.\n"
    points, _ = text_to_points(text, PictureText())
    assert "list-item" not in [p.kind for p in points]


_NARROW = ("What happens next\n\nWhen you have sent us your form, this is what we will do:\n"
           "we will read your form and we will\nlook at what you have told us\nabout your home and the help you\n"
           "get and then we will write to you\nwithin 4 weeks to tell you what\nwe have decided and why we decided\n"
           "it and what you can do if you\nthink we got it wrong or if your\nhome or the help you get has\n"
           "changed since you sent the form to\nus in the first place.\n")


def test_a_long_sentence_wrapped_narrow_under_a_colon_is_one_sentence_not_a_list():
    """A text wrapped at ~34 characters under '...:' must keep its long sentence (and its 'not easy read')."""
    report = _check_txt(_NARROW)
    points, _ = text_to_points(_NARROW, PictureText())
    assert "list-item" not in [p.kind for p in points]
    assert [p.message for p in report.problems if p.rule == "ER-SENT-LEN"] == ["This sentence has 92 words."]
    assert report.verdict.easy_read is False


@pytest.mark.parametrize("text", [
    # capitals at the starts of lines, but a line ends with a joining word
    "Our aims:\nTo make sure that services are\nPlanned with the people who use\nThem in every part of the county\n",
    # capitals at the starts of lines, but the sentence ends on a small-letter line below them
    "Our aims:\nCommissioning arrangements that reflect\nStatutory duties placed upon councils\n"
    "under the Care Act and its guidance.\n",
])
def test_wrapped_lines_that_start_with_capitals_are_still_one_sentence(text):
    points, _ = text_to_points(text, PictureText())
    assert "list-item" not in [p.kind for p in points]


def test_a_lost_bullet_list_with_numbers_and_followed_by_a_sentence_is_still_a_list():
    text = "Please bring:\n2 pairs of socks\nYour tablets\nA book to read\nThen go to ward 3.\n"
    points, _ = text_to_points(text, PictureText())
    items = [p.text for p in points if p.kind == "list-item"]
    # the sentence with no blank line before it goes on the last item, as Markdown reads a lazy line
    assert items[:2] == ["2 pairs of socks", "Your tablets"] and items[2].startswith("A book to read")


def test_money_in_millions_is_one_finding_not_a_big_number_and_a_decimal():
    found = [r for r in _rules_in("# Money\n\nWe spent £1.4 million on the service.\nIt grew 2.5 times.\n")
             if r[0] in ("ER-NUM-BIG", "ER-NUM-PERCENT")]
    assert found == [("ER-NUM-BIG", "'£1.4 million' is a big number."), ("ER-NUM-PERCENT", "'2.5' is a decimal number.")]

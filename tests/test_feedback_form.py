"""The feedback form's fields, checks and fallback page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from wtfc_site.feedback.form import (
    FieldLimits,
    honeypot_filled,
    normalise_text,
    render_form_page,
    validate_submission,
)

LIMITS = FieldLimits()


def check(**fields: str) -> tuple[dict[str, str], dict[str, str]]:
    """Validate fields with the default limits."""
    return validate_submission(fields, LIMITS)


def test_a_good_feedback_submission_has_no_errors_and_clean_values():
    values, errors = check(
        page="/minutes/2026-01-21-board/",
        kind="feedback",
        face="happy",
        message=" Thank you \n",
        contact="me@example.org",
    )
    assert errors == {}
    assert values == {
        "page": "/minutes/2026-01-21-board/",
        "kind": "feedback",
        "face": "happy",
        "message": "Thank you",
        "contact": "me@example.org",
        "easy": "",
    }


def test_kind_defaults_to_feedback_and_a_face_is_needed():
    values, errors = check(message="hello")
    assert values["kind"] == "feedback"
    assert errors == {"face": "Please choose a face: happy, okay or unhappy."}


@pytest.mark.parametrize("face", ["sad", "HAPPY!", " "])
def test_an_unknown_face_is_an_error(face: str):
    assert "face" in check(face=face)[1]


def test_choices_do_not_care_about_capital_letters():
    values, errors = check(kind="Feedback", face="Happy")
    assert errors == {}
    assert (values["kind"], values["face"]) == ("feedback", "happy")


def test_a_page_check_needs_yes_or_no_and_drops_a_face():
    assert check(kind="page-check")[1] == {"easy": "Please choose yes or no."}
    values, errors = check(kind="page-check", easy="yes", face="sad")
    assert errors == {}
    assert (values["easy"], values["face"]) == ("yes", "")


def test_feedback_drops_a_page_check_answer():
    values, errors = check(face="okay", easy="maybe")
    assert errors == {}
    assert values["easy"] == ""


def test_an_unknown_kind_is_an_error_in_plain_english():
    errors = check(kind="survey", face="happy")[1]
    assert errors["kind"].startswith("Something went wrong with the form.")


def test_message_limit_counts_letters_and_says_how_to_fix():
    assert check(face="happy", message="é" * 3000)[1] == {}
    errors = check(face="happy", message="x" * 3001)[1]
    assert errors == {"message": "Your message is too long. Please make it 3,000 letters or shorter."}


def test_contact_limit_follows_the_limits_given():
    limits = FieldLimits(contact=10)
    assert validate_submission({"face": "happy", "contact": "x" * 10}, limits)[1] == {}
    errors = validate_submission({"face": "happy", "contact": "x" * 11}, limits)[1]
    assert errors == {"contact": "The way to contact you is too long. Please make it 10 letters or shorter."}


def test_too_long_words_are_kept_so_the_person_can_shorten_them():
    values, _ = check(face="happy", message="x" * 5000)
    assert len(values["message"]) == 5000


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "minutes/",
        "/has space/",
        "/" + "a" * 300,
    ],
)
def test_a_page_that_is_not_a_site_path_is_dropped_not_an_error(page: str):
    values, errors = check(face="happy", page=page)
    assert errors == {}
    assert values["page"] == ""


def test_html_stays_exactly_as_text():
    words = "<script>alert(1)</script> <b>hi</b> & \"x\" 'y'"
    assert check(face="happy", message=words)[0]["message"] == words


def test_text_is_normalised_to_nfc_without_control_characters():
    assert normalise_text("Cafe\u0301", multiline=False) == "Café"
    assert normalise_text("a\x00b\x07c\x1bd\x7fe", multiline=False) == "abcde"
    assert normalise_text("one\r\ntwo\rthree\nfour", multiline=True) == "one\ntwo\nthree\nfour"
    assert normalise_text("one\ntwo", multiline=False) == "one two"
    assert normalise_text("tab\there", multiline=True) == "tab here"
    assert normalise_text("\u202eevil\u202c text", multiline=False) == "evil text"
    # Joiners stay, so emoji sequences are kept whole.
    assert normalise_text("\U0001f469\u200d\U0001f4bb", multiline=False) == "\U0001f469\u200d\U0001f4bb"


def test_contact_is_one_line_and_message_keeps_its_lines():
    values, _ = check(face="happy", message="line 1\r\nline 2", contact="07700\n900123")
    assert values["message"] == "line 1\nline 2"
    assert values["contact"] == "07700 900123"


def test_honeypot_is_filled_only_by_text():
    assert honeypot_filled({"website": "http://spam.example"})
    assert not honeypot_filled({"website": ""})
    assert not honeypot_filled({"website": " \t"})
    assert not honeypot_filled({})


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "10"])
def test_field_limits_must_be_whole_numbers_above_zero(bad):
    with pytest.raises(ValueError):
        FieldLimits(message=bad)


def page_soup(values: dict[str, str], errors: dict[str, str], page: str = "/a/") -> BeautifulSoup:
    """Render the fallback form page and parse it."""
    html = render_form_page(values, errors, action="/feedback", page=page)
    return BeautifulSoup(html, "html.parser")


def test_the_form_page_is_a_whole_easy_read_page_with_a_label_for_each_field():
    soup = page_soup({}, {})
    assert soup.html["lang"] == "en-GB"
    assert soup.title.get_text() == "Tell us what you think"
    assert soup.find("form")["action"] == "/feedback"
    assert soup.find("form")["method"] == "post"
    for field in soup.find_all(["input", "textarea"]):
        if field.get("type") == "hidden":
            continue
        assert soup.find("label", attrs={"for": field["id"]}), field
    faces = [item["value"] for item in soup.find_all("input", attrs={"name": "face"})]
    assert faces == ["happy", "okay", "unhappy"]
    assert soup.find(class_="summary") is None
    assert "we will reply" in soup.get_text()


def test_the_honeypot_is_hidden_from_people_and_keyboards():
    soup = page_soup({}, {})
    trap = soup.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap["value"] == ""
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None


def test_errors_are_summarised_at_the_top_with_links_and_shown_by_each_field():
    values, errors = check(message="x" * 3001)
    soup = page_soup(values, errors)
    assert soup.title.get_text().startswith("Please check the form")
    summary = soup.find(class_="summary")
    assert summary["role"] == "alert"
    links = [link["href"] for link in summary.find_all("a")]
    assert links == ["#face-happy", "#message"]
    for target in links:
        assert soup.find(id=target[1:]) is not None
    assert soup.find(id="face-error").get_text(" ", strip=True).endswith(errors["face"])
    assert soup.find("textarea")["aria-describedby"] == "message-error"
    assert soup.find(id="message-error") is not None


def test_the_persons_words_and_choice_are_kept_and_escaped():
    words = "<script>alert(1)</script>\nSecond line & more"
    contact = '"><img src=x onerror=alert(1)>'
    values, errors = check(face="unhappy", message=words, contact=contact + "x" * 200)
    soup = page_soup(values, errors)
    assert soup.find("script") is None
    assert soup.find("img") is None
    assert soup.find("textarea").get_text() == words
    assert soup.find("input", id="contact")["value"] == contact + "x" * 200
    assert soup.find("input", id="face-unhappy").has_attr("checked")
    assert not soup.find("input", id="face-happy").has_attr("checked")
    assert "contact-error" in soup.find("input", id="contact")["aria-describedby"]


def test_the_page_check_version_asks_yes_or_no():
    values, errors = check(kind="page-check", page="/policies/x/")
    soup = page_soup(values, errors, page=values["page"])
    assert soup.find("input", attrs={"name": "kind"})["value"] == "page-check"
    assert [item["value"] for item in soup.find_all("input", attrs={"name": "easy"})] == ["yes", "no"]
    assert soup.find("input", attrs={"name": "face"}) is None
    assert [link["href"] for link in soup.find(class_="summary").find_all("a")] == ["#easy-yes"]


def test_the_page_is_kept_in_a_hidden_field_and_linked_only_when_it_is_a_site_path():
    soup = page_soup({"page": "/a/"}, {}, page="/a/")
    assert soup.find("input", attrs={"name": "page"})["value"] == "/a/"
    assert soup.find("a", href="/a/") is not None
    soup = page_soup({}, {}, page="javascript:alert(1)")
    assert soup.find("a", href="javascript:alert(1)") is None
    assert soup.find("input", attrs={"name": "page"})["value"] == ""


def test_an_error_on_a_hidden_field_is_shown_without_a_link():
    values, errors = check(kind="survey", face="happy")
    summary = page_soup(values, errors).find(class_="summary")
    assert "Something went wrong" in summary.get_text()
    assert summary.find("a") is None

"""Pictures chosen by meaning (issue 15 part 4): negation, names, synonyms, descriptions, signs, neutral."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

import wtfc_site.pictures.choice as choice_module
from wtfc_site.defaults import default_pictures
from wtfc_site.pictures.choice import Learned, Weights, load_learned, load_synonyms, make_chooser
from wtfc_site.pictures.library import load_library

EXAMPLE_NAMES = ["Riverside Together", "Riverside", "Working Together for Change", "Speak Up Riverside",
                 "Jordan Ellis", "Jordan"]
YES_PICTURES = {"done", "tick", "check", "doing-well"}


@pytest.fixture(scope="module")
def library():
    return load_library([(default_pictures(), False)], default_pictures().parent)


@pytest.fixture(scope="module")
def chooser(library):
    """The chooser as a site build makes it: shipped learned data, the example's names."""
    return make_chooser(library, EXAMPLE_NAMES)


@pytest.fixture(scope="module")
def plain(library):
    """Keywords, synonyms and descriptions only (nothing learned), so each test shows one rule."""
    return make_chooser(library, EXAMPLE_NAMES, Learned(Weights(synonym=0.5, description=0.5), {}))


@pytest.mark.parametrize("text", [
    "We have not tested the form.",
    "We have not checked the website yet.",
    "We didn't test the pay form with readers.",
    "Nobody has tested the new form.",
])
def test_a_sentence_with_not_never_gets_a_yes_picture(chooser, plain, library, text):
    assert library.choose(text)[0] in YES_PICTURES  # the old chooser showed a tick here
    assert chooser.choose(text, "page").name not in YES_PICTURES
    assert plain.choose(text, "page").name not in YES_PICTURES


def test_not_in_front_of_a_keyword_gives_the_opposite_picture(plain):
    assert plain.choose("We are happy with the new room.", "page").name == "happy"
    assert plain.choose("We are not happy with the new room.", "page").name == "unhappy"


@pytest.mark.parametrize("text", ["You can start when I am ready.", "We will be finished in May.",
                                  "If it is complete, we tell you."])
def test_a_time_to_come_never_gets_a_done_picture(chooser, plain, text):
    assert chooser.choose(text, "page").name not in {"done", "tick", "doing-well"}
    assert plain.choose(text, "page").name not in {"done", "tick", "doing-well"}


def test_done_is_still_chosen_for_something_that_is_done(plain):
    assert plain.choose("We have finished.", "page").name == "done"


@pytest.mark.parametrize("text, from_the_name", [
    ("Riverside Together meets every month.", {"together"}),
    ("The board talked about Working Together for Change.", {"job", "together", "partnership", "change"}),
])
def test_the_sites_own_names_never_drive_a_choice(library, chooser, plain, text, from_the_name):
    assert library.choose(text)[0] in from_the_name  # the old chooser read the name's words
    assert chooser.choose(text, "page").name not in from_the_name
    assert plain.choose(text, "page").name not in from_the_name


def test_the_words_of_a_name_are_not_read_at_all(chooser):
    tokens, _, _ = chooser.read("Jordan Ellis and members of Speak Up Riverside were there.")
    assert {"speak", "up", "riverside", "jordan"}.isdisjoint(t.stem for t in tokens)


def test_the_site_name_does_not_choose_together(library, plain):
    """The example in the issue: 'Riverside Together' chose *together*; the sentence is about meeting."""
    assert plain.choose("Riverside Together meets every month.", "page").name == "meeting"


def test_a_run_of_capitalised_words_is_a_name_even_when_the_site_does_not_list_it(library):
    chooser = make_chooser(library, [], Learned(Weights(), {}))
    assert chooser.choose("We went to the Happy Days Club.", "page").name != "happy"
    assert chooser.choose("We were happy at the club.", "page").name == "happy"


def test_a_synonym_from_wordnet_finds_the_picture(library):
    synonyms = load_synonyms()
    assert "irritated" in synonyms["annoyed"]  # derived from WordNet, committed with credit
    chooser = make_chooser(library, [], Learned(Weights(synonym=0.6, minimum=0.5), {}))
    assert chooser.choose("I was irritated.", "page").name == "angry"
    none_for_synonyms = make_chooser(library, [], Learned(Weights(synonym=0.0, minimum=0.5), {}))
    assert none_for_synonyms.choose("I was irritated.", "page").name != "angry"


def test_a_word_from_the_pictures_description_finds_the_picture(library):
    chooser = make_chooser(library, [], Learned(Weights(synonym=0.0, description=0.6, minimum=0.2), {}))
    assert "briefcase" in library.get("job").entry.description
    assert chooser.choose("Bring your briefcase.", "page").name == "job"


@pytest.mark.parametrize("text, picture", [
    ('Jordan said: "We are equal partners."', "quote"),
    ("Send your ideas to hello@example.org.", "email"),
    ("Ring 01632 960 123.", "phone"),
])
def test_signs_in_the_point_count_like_keywords(plain, text, picture):
    scores = plain.score(*plain.read(text))
    assert picture in scores


def test_an_email_address_words_do_not_count(plain):
    tokens, _, _ = plain.read("Write to hello@riverside-together.example.org.")
    assert "together" not in [t.stem for t in tokens]


@pytest.mark.parametrize("page_type, neutral", [("minutes", "minutes"), ("update", "news"),
                                                ("story", "story"), ("page", "information")])
def test_when_nothing_fits_the_page_type_gets_its_neutral_picture(chooser, page_type, neutral):
    choice = chooser.choose("It is.", page_type)
    assert (choice.name, choice.neutral) == (neutral, True)


def test_the_learned_weights_come_from_the_benchmark():
    learned = load_learned()
    assert learned.words and learned.cues, "run bench/measure_pictures.py --write"
    assert 0 < learned.weights.later_sentences <= 1


def test_choosing_takes_well_under_a_millisecond_a_point(chooser):
    texts = [f"We meet at the town hall on day {i} to talk about pay and the bus." for i in range(2000)]
    start = time.process_time()  # CPU time: other work on a busy machine does not count against it
    for text in texts:
        chooser._choose(text, "minutes")
    per_point_ms = (time.process_time() - start) / len(texts) * 1000
    assert per_point_ms < 0.5, per_point_ms  # the benchmark measures about 0.11 ms; 0.5 leaves room for a slow machine


# -- what the reader and the author see ---------------------------------------------------------
def _row_pictures(html_file: Path) -> dict[str, str]:
    """Return each row's visible words -> the picture file beside them, from the built page."""
    from conftest import read_html
    rows = {}
    for row in read_html(html_file).select(".er-row"):
        img = row.select_one(".er-pic img")
        rows[" ".join(row.get_text(" ").split())] = Path(img["src"]).stem if img else ""
    return rows


def test_the_built_page_shows_meaning_not_keywords_beside_each_point(make_site, build_site, tmp_path):
    site = make_site({
        "content/site.yaml": "name: Riverside Together\narea: Riverside\n"
                             "contact: {email: hello@example.org, phone: 01632 960 000}\n",
        "content/index.md": "---\ntitle: Home\n---\n\n"
                            "We have not tested the form.\n\n"
                            "Riverside Together meets every month.\n\n"
                            "It is.\n",
    })
    report = build_site(site, out_dir=tmp_path / "out")
    assert not [p for p in report.problems if p.severity.name == "ERROR"]
    rows = _row_pictures(tmp_path / "out" / "index.html")
    shown = {text.split(".")[0]: picture for text, picture in rows.items()}
    assert shown["We have not tested the form"].split(".")[0] not in YES_PICTURES
    assert not shown["Riverside Together meets every month"].startswith("together")
    assert shown["It is"].startswith("information")  # nothing fits: the neutral picture, not none


def test_pictures_chosen_lists_the_pictures_on_generated_pages_too(tmp_path, capsys):
    """The example names every picture in its Markdown, so before this only generated pages were unlisted."""
    import shutil

    from conftest import REPO

    from wtfc_site.cli import main
    site = tmp_path / "site"
    for folder in ("content", "easyread_images"):
        shutil.copytree(REPO / folder, site / folder)
    assert main(["pictures", "--site", str(site), "--chosen", "--today", "2026-12-03"]) == 0
    lines = capsys.readouterr().out.splitlines()
    generated = [line for line in lines if "(generated)" in line]
    assert any(line.startswith("content/wtfc/") for line in generated)
    assert any(line.startswith("content/checklist/") for line in generated)
    assert not any("(named)" in line for line in lines)


def test_the_measurement_script_reruns_on_any_site_and_prints_its_figures(make_site):
    """bench/measure_pictures.py is how the README's figures are made: it must keep working."""
    import subprocess
    import sys

    from conftest import REPO
    pages = {
        f"content/page-{i}.md": f"---\ntitle: Page {i}\n---\n\n"
                                f"[picture: meeting] We meet every month.\n\n"
                                f"[picture: bus] You can come by bus.\n\n"
                                f"[picture: pay] We pay you for your time.\n"
        for i in range(6)
    }
    site = make_site(pages)
    result = subprocess.run([sys.executable, str(REPO / "bench" / "measure_pictures.py"), str(site)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    import re
    # 18 points are ours; pages the program adds by itself may bring a few more
    points = int(re.search(r"(\d+) author-chosen points in 1 site\(s\)", result.stdout).group(1))
    equal = int(re.search(r"Chooser, 5-fold cross-validated: \d+ points, equal to the author's (\d+)",
                          result.stdout).group(1))
    assert points >= 18 and equal >= 18, result.stdout
    assert re.search(r"Time to choose: [0-9.]+ ms a point", result.stdout)


def test_a_capitalised_title_that_is_a_keyword_still_counts(library):
    chooser = make_chooser(library, [], Learned(Weights(), {}))
    assert chooser.choose("Come to Time to Talk on Friday.", "page").name == "time-to-talk"
    assert chooser.choose("Come to Happy Days on Friday.", "page").name != "happy"


def test_a_keyword_that_describes_the_next_word_counts_less(library):
    """'the pay form' is a form: with 'modifier' below 1, pay (which only describes it) loses to document."""
    text = "Here is the pay form."
    evenly = make_chooser(library, [], Learned(Weights(modifier=1.0, minimum=0.0), {}))
    head_first = make_chooser(library, [], Learned(Weights(modifier=0.25, minimum=0.0), {}))
    assert evenly.choose(text, "page").name == "pay"  # a tie goes to the keyword that comes first
    assert head_first.choose(text, "page").name == "document"


def test_learned_words_alone_never_choose_a_picture(library):
    """A picture only learned words point to was plainly wrong more often than right ('class' -> pay)."""
    learned = load_learned()
    assert learned.weights.learned_alone == 0
    only_learned = Learned(learned.weights, {"class": {"pay": 0.9}})
    chooser = make_chooser(library, [], only_learned)
    choice = chooser.choose("The class is on Monday.", "page")
    assert choice.name != "pay"
    with_keyword = make_chooser(library, [], Learned(replace(learned.weights, minimum=0.5), {"class": {"pay": 0.9}}))
    assert with_keyword.choose("We pay for the class.", "page").name == "pay"  # learned words add to a named picture


def test_the_shipped_learned_words_keep_only_a_few_strong_pictures_each():
    """Weak votes are dropped when learning, so every point scores only a few pictures."""
    words = load_learned().words
    assert all(0 < len(pictures) <= 6 for pictures in words.values())
    assert all(strength >= 0.1 for pictures in words.values() for strength in pictures.values())


def test_a_common_choice_wins_a_close_call_when_the_prior_counts(library):
    """Two pictures named once each: the one authors chose more often wins when 'prior' is above 0."""
    prior = {"bus": -1.0, "money": -4.0}
    flat = make_chooser(library, [], Learned(Weights(prior=0.0, minimum=-99), {}, prior=prior, unseen_prior=-5.0))
    leaning = make_chooser(library, [], Learned(Weights(prior=0.5, minimum=-99), {}, prior=prior, unseen_prior=-5.0))
    text = "Bring money for the bus."
    assert flat.choose(text, "page").name == "money"  # a tie: the keyword that comes first
    assert leaning.choose(text, "page").name == "bus"


# -- words near a picture in meaning (data/meanings.tsv, from an embedding model) -----------------
@pytest.fixture(scope="module")
def by_meaning(library):
    """Keywords and the meanings table only, so each test shows what the table adds."""
    return make_chooser(library, EXAMPLE_NAMES, Learned(Weights(synonym=0.0, description=0.0, semantic=1.0,
                                                                minimum=0.5), {}))


@pytest.fixture(scope="module")
def without_meaning(library):
    return make_chooser(library, EXAMPLE_NAMES, Learned(Weights(synonym=0.0, description=0.0, semantic=0.0,
                                                                minimum=0.5), {}))


@pytest.mark.parametrize("text, picture", [
    ("We had a long discussion.", "talk"),
    ("She takes a drug for it.", "medicine"),
    ("We went on a trip.", "travel"),
    ("It is too expensive.", "money"),
])
def test_a_word_near_a_picture_in_meaning_finds_it_though_no_keyword_says_so(by_meaning, without_meaning,
                                                                            text, picture):
    assert by_meaning.choose(text, "page").name == picture
    assert without_meaning.choose(text, "page").name != picture  # no keyword, synonym or description names it


def test_the_meanings_table_is_committed_with_its_source_credited():
    from wtfc_site.pictures.choice import DATA, load_meanings
    header = [line for line in (DATA / "meanings.tsv").read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    assert any("WordLlama" in line and "MIT" in line for line in header)
    # the weights derive from Llama 2 70B's token embeddings: Meta's notice goes with what is derived from them
    assert any("Llama 2 is licensed under the LLAMA 2 Community License" in line for line in header)
    assert len(load_meanings()) > 5000  # everyday words, not only the test sites' words


def test_a_word_near_a_picture_in_meaning_respects_not(by_meaning):
    assert by_meaning.choose("We accomplished it.", "page").name == "done"
    assert by_meaning.choose("We have not accomplished it.", "page").name not in YES_PICTURES
    assert by_meaning.choose("When we accomplish it, we tell you.", "page").name not in YES_PICTURES


def test_a_name_is_not_read_for_its_meaning_either(by_meaning):
    assert by_meaning.choose("It was a long discussion.", "page").name == "talk"
    assert by_meaning.choose("We went to Discussion Point.", "page").name != "talk"  # a name, not a discussion


def test_a_site_without_a_picture_of_the_table_never_gets_it(by_meaning):
    from wtfc_site.pictures.cues import nearest_pictures
    assert nearest_pictures("talk:0.71|meeting:0.40", frozenset({"meeting"})) == (("meeting", 0.40),)
    assert by_meaning.near("discussion")[0] == ("talk", 0.71)


def test_the_built_page_shows_the_picture_a_word_means(make_site, build_site, tmp_path):
    """No keyword of 'medicine' is in the point; the shipped table knows a drug is medicine."""
    site = make_site({
        "content/site.yaml": "name: Riverside Together\narea: Riverside\n"
                             "contact: {email: hello@example.org, phone: 01632 960 000}\n",
        "content/index.md": "---\ntitle: Home\n---\n\nShe takes a drug for it.\n\nWe went to Discussion Point.\n",
    })
    report = build_site(site, out_dir=tmp_path / "out")
    assert not [p for p in report.problems if p.severity.name == "ERROR"]
    shown = {text.split(".")[0]: picture for text, picture in _row_pictures(tmp_path / "out" / "index.html").items()}
    assert shown["She takes a drug for it"].startswith("medicine")
    assert not shown["We went to Discussion Point"].startswith("talk")  # a name is not read for its meaning


# -- words that say "no", very common words, and pictures about feelings, conditions and verdicts ---
NO_WORD_SENTENCES = [
    ("We never close at Christmas.", "unhappy"),
    ("You cannot park here.", "not-done"),
    ("Nobody came to the stall.", "not-done"),
    ("You can come without a ticket.", "cross"),
    ("We lack the space for a bigger room.", "unhappy"),
    ("You will get an injection.", "getting-there"),
    ("It was a good day.", "unhappy"),
    ("If you are unable to come, call us.", "learning-disability"),
    ("Some people cannot read small print.", "learning-disability"),
    ("Tell us if you cannot use stairs.", "learning-disability"),
    ("We lack the space for a bigger room.", "learning-disability"),
]


@pytest.fixture(scope="module")
def meaning_heavy(library):
    """Words near in meaning counting far more than a keyword and no minimum: the worst case for the table."""
    return make_chooser(library, EXAMPLE_NAMES, Learned(Weights(semantic=12.0, minimum=0.0), {}))


@pytest.mark.parametrize("text, bad", NO_WORD_SENTENCES)
def test_a_word_that_says_no_or_a_common_word_never_brings_a_sad_or_unfinished_picture(chooser, meaning_heavy,
                                                                                       text, bad):
    assert chooser.choose(text, "page").name != bad
    assert meaning_heavy.choose(text, "page").name != bad


def test_the_meanings_table_has_no_row_for_a_word_that_says_no_or_a_very_common_word():
    from wtfc_site.pictures.choice import load_meaning, load_meanings
    from wtfc_site.pictures.library import stem
    table = load_meanings()
    assert not {stem(w) for w in load_meaning().negators} & set(table)
    assert not {"get", "good", "new", "make", "people", "time"} & set(table)  # Zipf 5.5 or more
    assert "salary" in table and "drug" in table  # everyday words below that still have their row


def test_a_feeling_or_condition_picture_needs_the_points_own_words_to_name_it(meaning_heavy):
    named_only = {"sad", "unhappy", "worried", "learning-disability", "not-done", "cross"}
    assert named_only <= load_meaning_named_only()
    # near not-done and unhappy in meaning, but no keyword, synonym or description word of theirs is in the point
    for word in ("failure", "misery"):
        assert {picture for picture, _ in meaning_heavy.near(word)} & named_only
        assert meaning_heavy.choose(f"It was a {word}.", "page").name not in named_only
    assert meaning_heavy.choose("We are not happy with the room.", "page").name == "unhappy"  # named: still chosen


def load_meaning_named_only() -> frozenset[str]:
    from wtfc_site.pictures.choice import load_meaning
    return load_meaning().named_only


def test_the_chooser_remembers_a_bounded_number_of_points_and_still_chooses_the_same(chooser, monkeypatch):
    # A 10,000-page site has mostly unique points: an unbounded memo grew every worker by about 5 KB a page.
    monkeypatch.setattr(choice_module, "REMEMBERED_CHOICES", 3)
    fresh = replace(chooser, cache={})
    texts = ["We pay you money.", "Come to the meeting.", "Ring us on the phone.", "We pay you money.",
             "Write to us.", "Come to the meeting."]
    chosen = [fresh.choose(text).name for text in texts]
    assert len(fresh.cache) <= 3
    assert chosen == [replace(chooser, cache={}).choose(text).name for text in texts]
    assert chosen[0] == chosen[3] and chosen[1] == chosen[5]

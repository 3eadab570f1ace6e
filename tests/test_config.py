"""The site configuration, content/site.yaml (wtfc_site/config.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML

from wtfc_site.config import Contact, NavItem, SiteConfig, load_config
from wtfc_site.errors import SiteError
from wtfc_site.schema import field_docs

YAML = Path("content/site.yaml")


def config_problems(make_site, text: str, files: dict | None = None) -> list[tuple[Path | None, int | None, str]]:
    site = make_site({"content/site.yaml": text, **(files or {})})
    with pytest.raises(SiteError) as caught:
        load_config(site)
    return [(p.file, p.line, p.rule) for p in caught.value.problems]


def test_the_minimal_settings_load_with_defaults(make_site):
    config = load_config(make_site())
    assert config.name == "Testshire Together"
    assert config.area == "Testshire"
    assert config.contact == Contact(email="hello@testshire.example.org", phone="01632 960 000")
    assert config.base_url == "/"
    assert config.language == "en-GB"
    assert config.navigation == ()
    assert config.feedback.destination == "none"


def test_every_setting_loads(make_site):
    config = load_config(make_site({"content/site.yaml": MINIMAL_SITE_YAML + """
        base_url: /my-tcp/
        site_url: https://example.org/my-tcp/
        language: en-GB
        navigation:
          - {title: Meeting notes, link: /minutes/, picture: minutes}
          - title: News
            link: /updates/
        feedback:
          destination: external
          url: https://forms.example.org/ours
          reply_days: 5
          allowed_origins: [https://example.org]
        """.replace("\n        ", "\n")}))
    assert config.base_url == "/my-tcp/"
    assert config.navigation == (NavItem(title="Meeting notes", link="/minutes/", picture="minutes"),
                                 NavItem(title="News", link="/updates/"))
    assert config.feedback.destination == "external"
    assert config.feedback.reply_days == 5
    assert config.feedback.allowed_origins == ("https://example.org",)


def test_phone_numbers_stay_text(make_site):
    config = load_config(make_site({"content/site.yaml": MINIMAL_SITE_YAML.replace("01632 960 000", "01632960000")}))
    assert config.contact.phone == "01632960000"


def test_the_config_is_frozen(make_site):
    config = load_config(make_site())
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.name = "Other"  # type: ignore[misc]


def test_every_setting_has_a_docstring():
    for cls in (SiteConfig, Contact, NavItem):
        names = {f.name for f in dataclasses.fields(cls)}
        assert set(field_docs(cls)) == names, cls


def test_unknown_key_with_a_suggestion(make_site):
    site = make_site({"content/site.yaml": MINIMAL_SITE_YAML + "langauge: en-GB\n"})
    with pytest.raises(SiteError) as caught:
        load_config(site)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == (YAML, 6, "SITE-UNKNOWN-KEY")
    assert problem.hint == "Did you mean 'language'?"


def test_every_mistake_is_reported_at_once(make_site):
    text = MINIMAL_SITE_YAML.replace("  email:", "  emial:") + "base_ulr: /x/\nnavigation:\n  - {title: News}\n"
    found = config_problems(make_site, text)
    assert (YAML, 4, "SITE-UNKNOWN-KEY") in found   # emial
    assert (YAML, 6, "SITE-UNKNOWN-KEY") in found   # base_ulr
    assert (YAML, 8, "SITE-MISSING") in found       # the menu item has no link
    assert (YAML, 3, "SITE-MISSING") in found       # contact has no email


@pytest.mark.parametrize("extra, line, rule", [
    ("language: [en]\n", 6, "SITE-TYPE"),
    ("navigation: /minutes/\n", 6, "SITE-TYPE"),
    ("feedback:\n  destination: email\n", 7, "SITE-VALUE"),
    ("feedback:\n  reply_days: ten\n", 7, "SITE-TYPE"),
    ("feedback:\n  destination: receiver\n", 7, "SITE-FEEDBACK-URL"),
])
def test_wrong_values(make_site, extra, line, rule):
    assert config_problems(make_site, MINIMAL_SITE_YAML + extra) == [(YAML, line, rule)]


def test_a_base_url_without_slashes_names_its_line(make_site):
    """Regression: the problem pointed at line 1 with no hint."""
    site = make_site({"content/site.yaml": MINIMAL_SITE_YAML + "base_url: /my-tcp\n"})
    with pytest.raises(SiteError) as caught:
        load_config(site)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == (YAML, 6, "SITE-VALUE")
    assert problem.hint


def test_a_base_url_without_slashes_is_refused(make_site):
    found = config_problems(make_site, MINIMAL_SITE_YAML + "base_url: my-tcp\n")
    assert [rule for _file, _line, rule in found] == ["SITE-VALUE"]


def test_broken_yaml(make_site):
    assert config_problems(make_site, MINIMAL_SITE_YAML + "site_url: a\n  b: c\n") == [(YAML, 7, "SITE-YAML")]


def test_settings_that_are_a_list(make_site):
    assert config_problems(make_site, "- name: x\n") == [(YAML, 1, "SITE-TYPE")]


def test_a_missing_settings_file(make_site):
    site = make_site({}, site_yaml=False)
    with pytest.raises(SiteError) as caught:
        load_config(site)
    assert [(p.file, p.line, p.rule) for p in caught.value.problems] == [(YAML, None, "SITE-CONFIG-MISSING")]


@pytest.mark.parametrize("where", ["site.yaml", "content/updates/site.yaml", "easyread_images/site.yaml"])
def test_a_settings_file_in_the_wrong_place(make_site, where):
    found = config_problems(make_site, MINIMAL_SITE_YAML, {where: MINIMAL_SITE_YAML})
    assert found == [(Path(where), 1, "SITE-CONFIG-PLACE")]  # a file with lines always gets one


@pytest.mark.parametrize("where", ["_site/site.yaml", ".git/site.yaml", "node_modules/x/site.yaml"])
def test_settings_files_in_ignored_folders_are_left_alone(make_site, where):
    site = make_site({where: "name: [broken\n"})
    assert load_config(site).name == "Testshire Together"


@pytest.mark.parametrize("where", ["build/lib/wtfc_site/starter/content/site.yaml", "venv/lib/site.yaml"])
def test_a_settings_file_outside_the_site_folders_is_not_ours(make_site, where):
    # Folders beside content/ that are not part of the site (a build folder, a virtual
    # environment) are never searched: a starter template there must not stop the example.
    site = make_site({"content/site.yaml": MINIMAL_SITE_YAML, where: MINIMAL_SITE_YAML})
    assert load_config(site).name == "Testshire Together"

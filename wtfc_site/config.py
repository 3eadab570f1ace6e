"""The site configuration, ``content/site.yaml``, as typed frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .checker.settings import CheckerSettings
from .errors import Problem, SiteError
from .schema import load_dataclass
from .sources import load_yaml_file

CONFIG_NAME = "site.yaml"


@dataclass(frozen=True, kw_only=True)
class Contact:
    """How people can reach the partnership without using a form."""

    email: str
    """E-mail address shown on every page."""
    phone: str
    """Phone number shown on every page, written the way people dial it."""
    address: str = ""
    """Postal address; write each part on its own line using '|'."""
    text_phone: str = ""
    """A number for text messages or Relay UK, if there is one."""
    hours: str = ""
    """When someone answers the phone, for example 'Monday to Friday, 9am to 5pm'."""


@dataclass(frozen=True, kw_only=True)
class NavItem:
    """One link in the main menu at the top of every page."""

    title: str
    """The words of the link."""
    link: str
    """The page it goes to, as a site path such as /minutes/."""
    picture: str = ""
    """A picture name from the library, shown beside the link."""


@dataclass(frozen=True, kw_only=True)
class FeedbackSettings:
    """Where the 'Tell us what you think' form sends what people write."""

    destination: Literal["receiver", "external", "none"] = "none"
    """receiver: our bundled receiver; external: a form service you already use; none: no form, contact details only."""
    url: str = ""
    """The full address the form sends to (needed for receiver and external)."""
    reply_days: int = 10
    """How many working days people wait, at most, for an answer."""
    read_by: str = "the people who run this website"
    """Who reads what people send, in plain words."""
    allowed_origins: tuple[str, ...] = ()
    """Web addresses the bundled receiver accepts forms from, e.g. https://ourtcp.org.uk."""


@dataclass(frozen=True, kw_only=True)
class PrivacySettings:
    """How the build treats what may be someone's name in quoted words."""

    names_in_quotes: Literal["warning", "error"] = "warning"
    """warning: a likely first name in a quote is shown for a person to check; error: it stops the build."""


@dataclass(frozen=True, kw_only=True)
class AccessibilitySettings:
    """What the accessibility statement (content/accessibility.md) takes from the site's settings."""

    enforcement: Literal["great-britain", "northern-ireland"] = "great-britain"
    """Where the partnership is; it decides who people can turn to if they are not happy with an answer."""


@dataclass(frozen=True, kw_only=True)
class SiteConfig:
    """Everything in content/site.yaml."""

    name: str
    """The partnership's name, shown at the top of every page."""
    area: str
    """The place the partnership covers, for example 'Riverside'."""
    tagline: str = ""
    """One plain sentence shown under the name on every page, e.g. 'We plan services together.'."""
    contact: Contact
    """How to reach the partnership."""
    base_url: str = "/"
    """Where the site lives on its web server, for example /my-tcp/; every link starts with it."""
    site_url: str = ""
    """The full web address of the site (https://…), used for the feedback receiver and feeds."""
    language: str = "en-GB"
    """The language of the pages, for screen readers."""
    navigation: tuple[NavItem, ...] = ()
    """The main menu: 5 links at most, so the choice stays easy."""
    feedback: FeedbackSettings = field(default_factory=FeedbackSettings)
    """The feedback form and where it goes."""
    accessibility: AccessibilitySettings = field(default_factory=AccessibilitySettings)
    """Settings for the accessibility statement (see the README)."""
    checker: CheckerSettings = field(default_factory=CheckerSettings)
    """Easy-read checker settings (see the README)."""
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    """What the privacy scan does with likely names in quotes."""


def load_config(site_dir: Path) -> SiteConfig:
    """Return the checked configuration of the site in ``site_dir``."""
    path = site_dir / "content" / CONFIG_NAME
    _refuse_misplaced_configs(site_dir, path)
    if not path.exists():
        raise SiteError(Problem(
            Path("content") / CONFIG_NAME, None, "The site has no settings file.",
            hint=f"Make a file content/{CONFIG_NAME} with at least name, area and contact.",
            rule="SITE-CONFIG-MISSING"))
    data, lines, file = load_yaml_file(path, site_dir)
    config = load_dataclass(SiteConfig, data, lines, file)
    _check_base_url(config, lines, file)
    _check_feedback(config, lines, file)
    return config


def _refuse_misplaced_configs(site_dir: Path, right: Path) -> None:
    problems = []
    for found in sorted(_candidate_configs(site_dir)):
        if found == right:
            continue
        problems.append(Problem(
            found.relative_to(site_dir), 1, f"A {CONFIG_NAME} file was found here, where it is not read.",
            hint=f"Settings belong in content/{CONFIG_NAME}. Move what you need there and delete this file.",
            rule="SITE-CONFIG-PLACE"))
    if problems:
        raise SiteError(problems)


def _candidate_configs(site_dir: Path) -> list[Path]:
    """Return every settings file an author may have put in the wrong place.

    Only the site's own folders are searched (its top level, content/,
    layouts/, easyread_images/): other folders beside them (a virtual
    environment, a build folder, the program itself with its new-site
    starter) are not part of the site, and walking them would slow every build.
    """
    found = [site_dir / CONFIG_NAME] if (site_dir / CONFIG_NAME).is_file() else []
    for folder in ("content", "layouts", "easyread_images"):
        if (site_dir / folder).is_dir():
            found += (site_dir / folder).rglob(CONFIG_NAME)
    return found


def _check_base_url(config: SiteConfig, lines, file: Path) -> None:
    url = config.base_url
    if not (url.startswith("/") and url.endswith("/")):
        raise SiteError(Problem(
            file, lines.line_of(("base_url",)), f"The base_url '{url}' must start and end with '/'.",
            hint="For example 'base_url: /my-tcp/', or 'base_url: /' for a site at the top of its web address.",
            rule="SITE-VALUE"))


def _check_feedback(config: SiteConfig, lines, file: Path) -> None:
    fb = config.feedback
    if fb.destination != "none" and not fb.url:
        raise SiteError(Problem(
            file, lines.line_of(("feedback", "destination")),
            f"The feedback form is set to '{fb.destination}' but has nowhere to send to.",
            hint="Add 'url:' under 'feedback:' with the full address of the receiver, "
                 "or set 'destination: none' to show contact details only.",
            rule="SITE-FEEDBACK-URL"))

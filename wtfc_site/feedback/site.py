"""What the feedback receiver takes from a site folder: where to send people
after they write to us, which websites may send the form, and the site's
own form page, so a form with mistakes comes back looking like the site."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..config import load_config
from ..errors import Problem, SiteError
from .responses import MessagePages


def receiver_settings(site_dir: Path) -> dict[str, Any]:
    """Return thanks_url, allowed_origins, form_renderer and message_pages for the site in ``site_dir``."""
    config = load_config(site_dir)
    if not config.site_url:
        raise SiteError(Problem(
            Path("content/site.yaml"), None,
            "The receiver needs the full web address of the site to send people back to it.",
            hint="Add 'site_url: https://…' to content/site.yaml, or give --thanks-url.",
            rule="FEEDBACK-SETTINGS"))
    root = config.site_url.rstrip("/") + config.base_url
    parts = urlsplit(config.site_url)
    origins = list(config.feedback.allowed_origins) or [f"{parts.scheme}://{parts.netloc}"]
    return {"thanks_url": root + "feedback/thank-you/", "allowed_origins": origins,
            "asset_origins": [f"{parts.scheme}://{parts.netloc}"], "form_renderer": form_renderer(site_dir),
            "message_pages": message_pages(site_dir)}


def form_renderer(site_dir: Path) -> Callable[[Mapping[str, str], Mapping[str, str], str], str]:
    """Return a function that renders the site's own form page with values and errors."""
    # Not a cycle: only 'serve --site' needs the build pipeline, so the command line
    # (and 'build.py --help') does not pay for loading it.
    from ..pipeline import Options, load_site
    from ..render import common_context, generated_context, make_environment

    loaded = load_site(Options(site_dir=site_dir))
    if loaded.site is None:
        raise SiteError(loaded.problems)
    site = loaded.site
    env = make_environment(site_dir)
    page = next(g for g in site.generated if g.url == "/feedback/")
    context = {**common_context(site), **generated_context(site, page)}
    # The receiver serves this page from its own address: every link, style
    # sheet and picture must name the site's full address to work from there.
    origin = site.config.site_url.rstrip("/")
    context["url"] = lambda path: origin + site.url(path)
    context["picture_url"] = lambda name: origin + site.picture_url(name)
    template = env.get_template(page.layout)

    def render(values: Mapping[str, str], errors: Mapping[str, str], resend_token: str) -> str:
        return template.render({**context, "values": dict(values), "errors": dict(errors),
                                "resend_token": resend_token})
    return render


def message_pages(site_dir: Path) -> MessagePages:
    """Return the receiver's short pages (refusals, Continue) from the site's layouts, its own first."""
    # Not a cycle: as for the form, only 'serve --site' needs the renderer's layouts.
    from ..render import make_environment

    return MessagePages(make_environment(site_dir))

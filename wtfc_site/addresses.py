"""Full web addresses (https://host/base/path/) made from site_url and base_url,
for feeds, the sitemap, canonical links and Open Graph tags."""

from __future__ import annotations

from .config import SiteConfig


def absolute_url(config: SiteConfig, path: str) -> str:
    """Return the full address of a site path, or '' when the site has no site_url.

    ``site_url`` is the host part (https://ourtcp.org.uk); ``base_url`` is the
    folder on it (/my-tcp/), as the feedback receiver reads them too.
    """
    if not config.site_url:
        return ""
    return config.site_url.rstrip("/") + config.base_url + path.lstrip("/")


def absolute_from_served(config: SiteConfig, served: str) -> str:
    """Return the full address of a path that already starts with base_url (a picture_url)."""
    if not config.site_url:
        return ""
    return config.site_url.rstrip("/") + served

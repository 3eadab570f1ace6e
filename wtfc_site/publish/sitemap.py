"""sitemap.xml and robots.txt, with full addresses from site_url, so search
engines find every public page."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import PurePosixPath

from ..addresses import absolute_url
from ..site import Site
from .feeds import page_date

NOT_LISTED = ("/search/", "/feedback/thank-you/")
"""Pages with nothing of their own to find: the search page and the thank-you page."""

_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_urls(outputs) -> list[str]:
    """Return the site path of every page written (each index.html), sorted."""
    urls = []
    for path in outputs:
        if path.name == "index.html":
            parent = path.parent.as_posix()
            urls.append("/" if parent == "." else f"/{parent}/")
    return sorted(u for u in urls if u not in NOT_LISTED)


def sitemap_xml(site: Site, outputs) -> bytes | None:
    """Return sitemap.xml listing every page, or None without a site_url."""
    if not site.config.site_url:
        return None
    root = etree.Element("urlset", {"xmlns": _NAMESPACE})
    for url in page_urls(outputs):
        entry = etree.SubElement(root, "url")
        etree.SubElement(entry, "loc").text = absolute_url(site.config, url)
        page = site.by_url.get(url)
        when = page_date(page) if page else None
        if when:
            etree.SubElement(entry, "lastmod").text = when.isoformat()
    etree.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="utf-8") + b"\n"


def robots_txt(site: Site) -> bytes:
    """Return robots.txt: every page may be read, and where the sitemap is."""
    lines = ["# Search engines may read every page of this site.", "User-agent: *", "Allow: /"]
    sitemap = absolute_url(site.config, "/sitemap.xml")
    if sitemap:
        lines.append(f"Sitemap: {sitemap}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap_outputs(site: Site, outputs) -> dict[PurePosixPath, bytes]:
    """Return sitemap.xml (when there is a site_url) and robots.txt."""
    made = {PurePosixPath("robots.txt"): robots_txt(site)}
    sitemap = sitemap_xml(site, outputs)
    if sitemap is not None:
        made[PurePosixPath("sitemap.xml")] = sitemap
    return made

"""Layout parts that are the same on every page (the footer, the reader controls), made once per build.

A layout writes ``{{ site_part("components/footer.html") }}`` where it would include the part. The
part comes from the site's own ``layouts/`` first, like any include, so a site that overrides it sees
its own version. It is made once and reused only while it reads nothing but what every page shares
(the settings, ``site``, ``url``, ``picture_url`` ...: ``SiteParts.shared``, the same objects on every
page), counting what the layouts it includes, imports or extends read too; a part that reads anything
of the page (its title, its address), or whose reads cannot be known for sure, is made for each page,
as an include would be. The pictures the part shows are counted as shown on every page that uses it.
The reuse lasts one build (one ``render.common_context``), and every layout is in the render cache's key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup

from .layout_pictures import LayoutPictures, PicturesUsed


class SiteParts:
    """The parts made so far in one build, and which parts read nothing of the page."""

    def __init__(self, shared: Mapping[str, Any]) -> None:
        self.shared = shared
        """What every page's context holds, the same objects on every page (render.common_context)."""
        self._reads: dict[str, frozenset[str] | None] = {}
        self._made: dict[str, tuple[Markup, frozenset[str]]] = {}

    def render(self, context: jinja2.runtime.Context, name: str) -> Markup:
        """Return the part ``name`` for the page being rendered in ``context``."""
        template = context.environment.get_template(name, context.name)
        if not self._reads_only_shared(context, template):
            return render_part(context, template)
        made = self._made.get(name)
        pictures = context.get("picture_url")
        if made is None:
            if isinstance(pictures, LayoutPictures):
                with pictures.recording() as shown:
                    html = render_part(context, template)
                made = self._made[name] = (html, frozenset(shown))
                pictures.shown.update(shown)
                return html
            return render_part(context, template)  # no recorder to tell: made each time, as an include
        if isinstance(pictures, LayoutPictures):
            pictures.shown.update(made[1])
        return made[0]

    def _reads_only_shared(self, context: jinja2.runtime.Context, template: jinja2.Template) -> bool:
        name = template.name or ""
        if name not in self._reads:
            self._reads[name] = names_read(context.environment, name)
        reads = self._reads[name]
        if reads is None:
            return False
        shared = context.environment.globals
        # The credits' list is learnt while pages are rendered, so a part that reads it is made each time.
        return all(
            (word in self.shared or word in shared)
            and context.get(word) is self.shared.get(word, shared.get(word))
            and not isinstance(context.get(word), PicturesUsed)
            for word in reads)


# Nodes whose output can depend on more than the names the part reads: a block may be filled in by
# another layout, ``{% call %}`` hands a macro a body to run, ``self`` reaches the page's own blocks.
_UNCERTAIN_NODES = (nodes.Block, nodes.CallBlock)


def names_read(environment: jinja2.Environment, name: str) -> frozenset[str] | None:
    """Every name the layout ``name`` reads from its context, with the layouts it includes, imports or
    extends, followed all the way down; None when that cannot be known for sure (a layout named only
    while rendering, a block, a ``{% call %}``, ``self``), so the part is made for each page."""
    reads: set[str] = set()
    waiting, seen = [name], {name}
    while waiting:
        current = waiting.pop()
        try:
            source = environment.loader.get_source(environment, current)[0]  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return None  # e.g. 'ignore missing': rendering it the ordinary way says what happens
        tree = environment.parse(source)
        if _is_uncertain(tree):
            return None
        reads |= meta.find_undeclared_variables(tree)
        for referenced in meta.find_referenced_templates(tree):
            if referenced is None:
                return None
            joined = environment.join_path(referenced, current)
            if joined not in seen:
                seen.add(joined)
                waiting.append(joined)
    return frozenset(reads)


def _is_uncertain(tree: nodes.Template) -> bool:
    return (next(tree.find_all(_UNCERTAIN_NODES), None) is not None
            or any(name.name == "self" for name in tree.find_all(nodes.Name)))


def render_part(context: jinja2.runtime.Context, template: jinja2.Template) -> Markup:
    """Return ``template`` filled in with everything ``context`` holds, as ``{% include %}`` would."""
    return Markup(context.environment.concat(
        template.root_render_func(template.new_context(context.get_all(), shared=True))))


@jinja2.pass_context
def site_part(context: jinja2.runtime.Context, name: str) -> Markup:
    """``site_part(name)`` in a layout: the part ``name``, made once per build when it can be (``SiteParts``)."""
    parts = context.get("site_parts")
    if isinstance(parts, SiteParts):
        return parts.render(context, name)
    return render_part(context, context.environment.get_template(name, context.name))

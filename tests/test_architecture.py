"""The package's shape (issue 12, part 1): dependencies point one way.

The import graph is computed from the source with ``ast`` (nothing is
imported or run), so a cycle cannot hide behind an import made inside a
function. Two rules:

- no cycle between modules of ``wtfc_site``;
- no import of a ``wtfc_site`` module inside a function, except the few in
  ``LAZY_IMPORTS``, each there only so the program starts fast.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wtfc_site"

_CLI_FAST = "the command line loads a stage only for the command that needs it, so --help starts fast"
LAZY_IMPORTS: dict[tuple[str, str], str] = {
    # (importing module, imported module): why it is imported late.
    ("wtfc_site.cli", "wtfc_site.pipeline"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.options"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.progress"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.textcheck"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.checked"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.pictures.listing"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.serve"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.new"): _CLI_FAST,
    ("wtfc_site.cli", "wtfc_site.feedback.cli"): _CLI_FAST,
    ("wtfc_site.markdown", "wtfc_site.wordmarkup"):
        "hard words are marked up with Jinja layouts only when HTML is wanted; check --text wants points only",
    ("wtfc_site.feedback.database", "wtfc_site.feedback.postgres_store"):
        "psycopg is loaded only when --db names a PostgreSQL database",
    ("wtfc_site.feedback.site", "wtfc_site.pipeline"):
        "only 'feedback serve --site' renders the form with the site's layouts; the receiver starts without the builder",
    ("wtfc_site.feedback.site", "wtfc_site.render"):
        "only 'feedback serve --site' renders the form with the site's layouts; the receiver starts without the builder",
}
"""Imports inside functions that are allowed, with the reason (start-up speed only)."""


@dataclass(frozen=True)
class Edge:
    """One import of a wtfc_site module by another, as written in the source."""

    source: str
    target: str
    line: int
    in_function: bool


def module_name(path: Path) -> str:
    """Return the dotted name of a module file under the package folder."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    """Return every module of the package, by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """Return the absolute module a ``from ... import`` names."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, is_package: bool, node: ast.stmt, known: set[str]) -> list[str]:
    """Return the wtfc_site modules one import statement loads (a name may be a submodule)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = _resolve(module, is_package, node)
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
    else:
        return []
    return sorted({n for n in names if n in known})


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, in_function: bool):
    """Yield (import statement, inside a function?) for every import below node."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            continue  # only read by type checkers: no run-time dependency
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, in_function
        nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        yield from _walk(child, nested)


def import_edges() -> list[Edge]:
    """Return every import of one wtfc_site module by another."""
    modules = all_modules()
    known = set(modules)
    edges = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, in_function in _walk(tree, False):
            for target in _targets(name, path.name == "__init__.py", node, known):
                if target != name:
                    edges.append(Edge(name, target, node.lineno, in_function))
    return edges


def find_cycles(edges: list[Edge]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.source, set()).add(e.target)
        graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_the_graph_sees_the_package():
    """A guard: the reader finds the modules and a known import, so the checks below can fail."""
    edges = import_edges()
    assert ("wtfc_site.cli" in all_modules()) and len(edges) > 100
    assert any(e.source == "wtfc_site.pipeline" and e.target == "wtfc_site.render" for e in edges)


def test_the_cycle_finder_finds_a_cycle():
    """Tarjan's algorithm, checked on a made-up graph with one cycle of three."""
    edges = [Edge("a", "b", 1, False), Edge("b", "c", 1, False), Edge("c", "a", 1, True), Edge("c", "d", 1, False)]
    assert find_cycles(edges) == [["a", "b", "c"]]


def test_no_module_imports_itself_back_through_others():
    """Dependencies point one way: command line -> pipeline -> stages -> model and helpers."""
    cycles = find_cycles(import_edges())
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_no_import_inside_a_function_dodges_a_cycle():
    """An import inside a function hides a dependency; only start-up speed is a reason for one."""
    late = [e for e in import_edges() if e.in_function and (e.source, e.target) not in LAZY_IMPORTS]
    assert not late, "imports inside functions (move them to the top, or add to LAZY_IMPORTS with why):\n" + "\n".join(
        f"{all_modules()[e.source].relative_to(PACKAGE.parent)}:{e.line}: imports {e.target}" for e in late)


def test_every_lazy_import_in_the_allow_list_still_exists():
    """A stale allow-list entry would let a new late import through unnoticed."""
    late = {(e.source, e.target) for e in import_edges() if e.in_function}
    assert not (set(LAZY_IMPORTS) - late), sorted(set(LAZY_IMPORTS) - late)


STAGES_ABOVE_CONTENT = ("wtfc_site.cli", "wtfc_site.pipeline", "wtfc_site.render", "wtfc_site.publish",
                        "wtfc_site.write", "wtfc_site.assets", "wtfc_site.serve")


def test_content_types_never_import_the_orchestrator_or_the_later_stages():
    """A page type reads and checks its own files; it must not reach up into the build."""
    wrong = [f"{e.source} imports {e.target} (line {e.line})" for e in import_edges()
             if e.source.startswith("wtfc_site.content") and e.target.startswith(STAGES_ABOVE_CONTENT)]
    assert wrong == []


LONG_MODULE = 450
"""'About 400 lines' (issue 12 part 2), with room for a module that has just grown a little."""


def test_a_long_module_says_at_its_top_why_it_is_long():
    """A module over about 400 lines is split, or its docstring says why it is not (mentioning the 400)."""
    unexplained = []
    for path in all_modules().values():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LONG_MODULE and "400" not in (ast.get_docstring(ast.parse(text)) or ""):
            unexplained.append(f"{path.relative_to(PACKAGE.parent)}: {text.count(chr(10))} lines")
    assert unexplained == []

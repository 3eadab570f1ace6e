"""Measure how often the easy-read verdict agrees with labelled passages, honestly.

Run:  .venv/bin/python bench/measure_verdict.py [--folds 5] [--repeats 10] [--passages DIR [DIR ...]]

Every passage under ``DIR/easy`` is labelled easy read, every one under
``DIR/hard`` not. By default both labelled folders are read:
``tests/passages`` (the passages the verdict was first tuned on) and
``tests/passages_holdout`` (passages written later in the styles of real
published documents, measured before any fix was made for them; see the
README). The checker's findings do not depend on
the verdict settings, so each passage is checked once; then:

1. **Cross-validation.** The passages are split into K parts (each with the
   same share of easy and hard). For each part, the verdict thresholds are
   tuned on the other parts (a grid search: the thresholds that agree most
   with the training labels, ties broken towards the shipped defaults) and
   measured on the part held back. Repeated with different splits; the
   figure printed is the mean agreement on held-back passages, overall and
   per class. This is the number to quote.
2. **Shipped defaults.** The agreement of the settings in
   ``CheckerSettings().verdict`` on every passage. These defaults were chosen
   while looking at the same passages, so this figure is optimistic.

Point ``--passages`` at one or more other folders with ``easy/`` and ``hard/``
inside to measure a corpus kept outside the repository (nothing is tuned on
it when ``--defaults-only`` is given).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wtfc_site.checker import CheckerSettings, check_document, load_wordlists  # noqa: E402
from wtfc_site.checker.settings import VerdictSettings  # noqa: E402
from wtfc_site.checker.verdict import text_verdict  # noqa: E402
from wtfc_site.errors import Problem  # noqa: E402

GRID: dict[str, tuple[float, ...]] = {
    "max_findings_per_100_words": (4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0),
    "max_long_sentence_share": (0.1, 0.15, 0.2, 0.25, 0.3),
    "max_average_sentence_words": (12.0, 13.0, 14.0, 15.0, 16.0, 18.0),
}
"""The verdict settings tuned, and the values tried for each."""


@dataclass(frozen=True)
class Checked:
    """One labelled passage, checked once: its findings and counts."""

    name: str
    easy: bool
    problems: tuple[Problem, ...]
    words: int
    sentences: int


def load_passages(*folders: Path) -> list[Checked]:
    """Check every passage in each folder's easy/ and hard/ as ``check --text`` does, with the default settings."""
    settings = CheckerSettings()
    words = load_wordlists({}, {})
    checked = []
    for folder in folders:
        prefix = f"{folder.name}/" if len(folders) > 1 else ""
        for label in ("easy", "hard"):
            for path in sorted((folder / label).glob("*.md")) + sorted((folder / label).glob("*.txt")):
                report = check_document(path.read_text(encoding="utf-8-sig"), path, settings, words)
                checked.append(Checked(f"{prefix}{label}/{path.name}", label == "easy", report.problems,
                                       report.counts.words, report.counts.sentences))
    return checked


def agrees(passage: Checked, limits: VerdictSettings) -> bool:
    """Return True when the verdict with these limits matches the passage's label."""
    settings = dataclasses.replace(CheckerSettings(), verdict=limits)
    return text_verdict(passage.problems, passage.words, passage.sentences, settings).easy_read == passage.easy


def candidates(base: VerdictSettings) -> list[VerdictSettings]:
    """Every combination of the grid's values, as VerdictSettings."""
    names = list(GRID)
    return [dataclasses.replace(base, **dict(zip(names, values))) for values in itertools.product(*GRID.values())]


def distance(limits: VerdictSettings, base: VerdictSettings) -> float:
    """How far a candidate is from the shipped defaults (for breaking ties)."""
    total = 0.0
    for name, values in GRID.items():
        spread = (max(values) - min(values)) or 1.0
        total += abs(getattr(limits, name) - getattr(base, name)) / spread
    return total


def tune(train: list[Checked], grid: list[VerdictSettings], base: VerdictSettings) -> VerdictSettings:
    """Return the grid point that agrees with most training passages (balanced over the 2 classes)."""
    def score(limits: VerdictSettings) -> tuple[float, float]:
        return (balanced([(p, agrees(p, limits)) for p in train]), -distance(limits, base))

    return max(grid, key=score)


def balanced(results: list[tuple[Checked, bool]]) -> float:
    """Mean of the agreement on easy and on hard passages."""
    shares = []
    for easy in (True, False):
        group = [ok for p, ok in results if p.easy == easy]
        if group:
            shares.append(sum(group) / len(group))
    return sum(shares) / len(shares) if shares else 0.0


def folds(passages: list[Checked], k: int, seed: int) -> list[list[Checked]]:
    """Split the passages into k parts, each with the same share of easy and hard."""
    rng = random.Random(seed)
    parts: list[list[Checked]] = [[] for _ in range(k)]
    for easy in (True, False):
        group = [p for p in passages if p.easy == easy]
        rng.shuffle(group)
        for index, passage in enumerate(group):
            parts[index % k].append(passage)
    return parts


def cross_validate(passages: list[Checked], k: int, repeats: int) -> tuple[list[tuple[Checked, bool]], list[VerdictSettings]]:
    """Return (passage, agreed) for every held-back passage of every repeat, and the tuned settings."""
    base = CheckerSettings().verdict
    grid = candidates(base)
    results: list[tuple[Checked, bool]] = []
    chosen: list[VerdictSettings] = []
    for repeat in range(repeats):
        parts = folds(passages, k, seed=repeat)
        for index, held_back in enumerate(parts):
            train = [p for j, part in enumerate(parts) if j != index for p in part]
            limits = tune(train, grid, base)
            chosen.append(limits)
            results.extend((p, agrees(p, limits)) for p in held_back)
    return results, chosen


def report(title: str, results: list[tuple[Checked, bool]]) -> None:
    """Print agreement overall and per class."""
    def line(label: str, group: list[bool]) -> str:
        share = 100 * sum(group) / len(group) if group else 0.0
        return f"  {label:<10} {sum(group):>5} of {len(group):<5} {share:5.1f}%"

    print(title)
    print(line("overall", [ok for _, ok in results]))
    print(line("easy read", [ok for p, ok in results if p.easy]))
    print(line("standard", [ok for p, ok in results if not p.easy]))


def print_separation(passages: list[Checked], limits: VerdictSettings) -> None:
    """Print how far apart the classes are on each measure: a small gap means a fragile threshold."""
    settings = dataclasses.replace(CheckerSettings(), verdict=limits)
    verdicts = [(p, text_verdict(p.problems, p.words, p.sentences, settings)) for p in passages]
    print("\nSeparation (easy read: highest; standard: lowest):")
    for label, value in (("findings per 100 words", lambda v: v.findings_per_100_words),
                         ("share of long sentences", lambda v: v.long_sentence_share),
                         ("words a sentence", lambda v: v.average_sentence_words)):
        easy = max(value(v) for p, v in verdicts if p.easy)
        hard = min(value(v) for p, v in verdicts if not p.easy)
        print(f"  {label:<24} easy read up to {easy:g}; standard from {hard:g}")
    short = [v.findings_per_100_words for p, v in verdicts if not p.easy
             and v.long_sentence_share <= limits.max_long_sentence_share
             and v.average_sentence_words <= limits.max_average_sentence_words]
    if short:
        print(f"  standard texts with short sentences ({len(short)}) have {min(short):g} or more findings per 100 words")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passages", type=Path, nargs="+",
                        default=[ROOT / "tests" / "passages", ROOT / "tests" / "passages_holdout"],
                        help="folders with easy/ and hard/ inside (default: both labelled folders)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--defaults-only", action="store_true", help="only measure the shipped defaults")
    parser.add_argument("--show-wrong", action="store_true", help="list passages the defaults get wrong")
    args = parser.parse_args(argv)

    passages = load_passages(*args.passages)
    print(f"{len(passages)} passages: {sum(p.easy for p in passages)} easy read, "
          f"{sum(not p.easy for p in passages)} standard")
    defaults = CheckerSettings().verdict
    shipped = [(p, agrees(p, defaults)) for p in passages]
    if not args.defaults_only:
        results, chosen = cross_validate(passages, args.folds, args.repeats)
        report(f"\nCross-validated ({args.folds} folds x {args.repeats} repeats; tuned on the rest, measured on "
               "the part held back):", results)
        for name in GRID:
            values = sorted(getattr(c, name) for c in chosen)
            print(f"  tuned {name}: median {values[len(values) // 2]:g} (range {values[0]:g} to {values[-1]:g})")
    report("\nShipped defaults on every passage (optimistic on any passage the defaults were chosen while "
           "looking at):", shipped)
    baseline = [(p, (p.words / max(p.sentences, 1) <= 13) == p.easy) for p in passages]
    report("\nFor comparison, the one-line rule 'at most 13 words a sentence on average':", baseline)
    print_separation(passages, defaults)
    if args.show_wrong:
        settings = dataclasses.replace(CheckerSettings(), verdict=defaults)
        for passage, ok in shipped:
            if not ok:
                verdict = text_verdict(passage.problems, passage.words, passage.sentences, settings)
                print(f"  wrong: {passage.name}: {verdict.summary()} {' '.join(verdict.reasons)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Measure how often the picture library chooses the picture an author chose.

    python bench/measure_pictures.py            # cross-validated figures
    python bench/measure_pictures.py --write    # also learn from all data, write the chooser's data
    python bench/measure_pictures.py --show     # also list every held-out choice that differs
    python bench/measure_pictures.py --shuffles 3   # also repeat with 3 different splits into folds
    python bench/measure_pictures.py --by-site  # each site measured on what the other sites teach
    python bench/measure_pictures.py SITE ...   # only these site folders

Every point an author gave a named picture ([picture: meeting]) in the
example site (content/) and in every tests/sites/*/ site is treated as if
it said [picture: auto]; the chooser's answer is compared with the author's.

- agreement: the chooser picked the author's picture;
- plainly wrong: the pair (point, picture) is in bench/picture_wrong_pairs.yaml,
  a hand-labelled list of pictures that would mislead a reader beside that
  point (a tick beside "we have not tested", a briefcase for a campaign name);
- neutral: nothing fitted well, so the page type's neutral picture was used.

What is learned (which words authors put beside which pictures, how reliable
each keyword is, how often each picture is chosen, and how much keywords,
synonyms, descriptions, learned words, later sentences, describing words
and the first keyword count) is learned on
k-1 folds of pages and measured on the fold left out (k-fold
cross-validation by page, so a page's own points never teach the chooser
the answer for that page). Weights are picked inside the training folds
by a second, inner cross-validation. The old keyword chooser is measured
on the same points for comparison. Also prints the figures for each site
and the CPU time to choose for one point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from wtfc_site.pictures.choice import (  # noqa: E402
    DATA,
    Learned,
    PictureChooser,
    Weights,
    load_meaning,
    load_meanings,
    load_synonyms,
    make_chooser,
    site_names,
)
from wtfc_site.pictures.library import _STOP_WORDS, PictureLibrary  # noqa: E402
from wtfc_site.pipeline import Options, check  # noqa: E402

WRONG_PAIRS = Path(__file__).with_name("picture_wrong_pairs.yaml")
FOLDS = 5
WRONG_COST = 3
"""A plainly wrong picture is worse than a weak one: it costs as much as three right ones gain."""
GRID = {
    "synonym": [0.0, 0.1, 0.2, 0.4],
    "description": [0.0, 0.1, 0.2, 0.4],
    "learned": [0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0],
    "later_sentences": [0.1, 0.25, 0.5, 0.75],
    "modifier": [0.25, 0.5, 0.75, 1.0],
    "first": [0.0, 0.25, 0.5, 1.0],
    "prior": [0.0, 0.1, 0.2, 0.4],
    "semantic": [0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0],
    "minimum": [0.0, 0.25, 0.5, 1.0, 1.5],
}
"""The values each weight may take; the keyword weight stays 1, so the others are relative to it."""
START = Weights(synonym=0.1, description=0.1, learned=1.0, learned_alone=0.0, later_sentences=0.25, minimum=0.5)
"""learned_alone stays 0: a picture that only learned words point to ('class' -> pay, 'members' -> speak-up)
was plainly wrong more often than right, so learned words only strengthen a picture the words name."""
ROUNDS = 3
PRIOR_SMOOTHING = 0.5
MAX_PICTURES_A_WORD = 6
MIN_STRENGTH = 0.1
ALPHA = 1.0
"""Smoothing: a word seen once, beside one picture, counts 1/(1+ALPHA): one story is not a rule."""


@dataclass(frozen=True)
class Sample:
    """One point whose author named its picture."""

    site: str
    page: str
    page_type: str
    text: str
    author: str


@dataclass(frozen=True)
class SiteData:
    library: PictureLibrary
    names: list[str]
    samples: list[Sample]
    meanings: dict = field(default_factory=dict)
    """The words' nearest pictures by meaning (data/meanings.tsv or --meanings), read once for every chooser."""


def site_folders() -> list[Path]:
    """Return the example site and every test site with a content/site.yaml."""
    tests = sorted(p.parent.parent for p in (REPO / "tests" / "sites").glob("*/content/site.yaml"))
    return [REPO, *tests]


def load_samples(folder: Path, meanings: dict | None = None) -> SiteData | None:
    """Return the author-named points of one site, or None when it does not load."""
    options = Options(site_dir=folder.resolve(), out_dir=None, include_drafts=False, today=dt.date(2026, 12, 3))
    if hasattr(options, "use_cache"):
        options = replace(options, use_cache=False)  # every page's points, not only the changed pages'
    report = check(options)
    site = report.site
    if site is None:
        first = next((p for p in report.problems if p.severity.name == "ERROR"), None)
        print(f"  skipped {folder}: it does not load ({first.file}: {first.message})" if first
              else f"  skipped {folder}: it does not load", file=sys.stderr)
        return None
    samples = []
    for page in site.pages:
        for point in site.bodies[page.id].points:
            if point.kind != "heading" and point.picture not in ("auto", "none") \
                    and site.library.get(point.picture) is not None:
                samples.append(Sample(folder.name, page.file.as_posix(), page.content_type,
                                      point.text, point.picture))
    return SiteData(site.library, site_names(site), samples, load_meanings() if meanings is None else meanings)


def learn_words(chooser: PictureChooser, samples: list[Sample]) -> dict[str, dict[str, float]]:
    """Return stem -> picture -> count beside that picture / (points with the stem + ALPHA),
    keeping a word's MAX_PICTURES_A_WORD strongest pictures of at least MIN_STRENGTH."""
    together: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: dict[str, int] = defaultdict(int)
    for sample in samples:
        tokens, _neg, _hyp = chooser.read(sample.text, sample.page_type)
        for word in {t.stem for t in tokens if _teaches(t.stem)}:
            seen[word] += 1
            together[word][sample.author] += 1
    learned = {}
    for word, pictures in sorted(together.items()):
        strengths = sorted(((round(c / (seen[word] + ALPHA), 4), p) for p, c in pictures.items()), reverse=True)
        kept = {p: strength for strength, p in strengths[:MAX_PICTURES_A_WORD] if strength >= MIN_STRENGTH}
        if kept:  # a word beside many pictures, each a few times, says little and costs time for every point
            learned[word] = dict(sorted(kept.items()))
    return learned


def learn_cues(chooser: PictureChooser, samples: list[Sample]) -> dict[str, dict[str, float]]:
    """Return keyword -> picture -> 2 (hits + 1) / (times found + 2): 1 when never seen,
    near 0 for a keyword authors pass over ('said' for talk), up to 2 for one they follow."""
    found: dict[tuple[str, str], int] = defaultdict(int)
    hits: dict[tuple[str, str], int] = defaultdict(int)
    for sample in samples:
        tokens, _neg, _hyp = chooser.read(sample.text, sample.page_type)
        for key, picture in chooser.keywords_in(tokens):
            found[(" ".join(key), picture)] += 1
            hits[(" ".join(key), picture)] += picture == sample.author
    cues: dict[str, dict[str, float]] = defaultdict(dict)
    for (key, picture), count in sorted(found.items()):
        cues[key][picture] = round(2 * (hits[(key, picture)] + 1) / (count + 2), 4)
    return dict(cues)


def learn(site: SiteData, samples: list[Sample], synonyms, meaning) -> Learned:
    """Return what the samples teach (default weights): word strengths, keyword reliability, picture shares."""
    plain = make_chooser(site.library, site.names, Learned(Weights(), {}), synonyms, meaning, {})
    prior, unseen = learn_prior(samples, len(site.library.pictures))
    return Learned(Weights(), learn_words(plain, samples), learn_cues(plain, samples), prior, unseen)


def learn_prior(samples: list[Sample], pictures: int) -> tuple[dict[str, float], float]:
    """Return picture -> log of its smoothed share of the authors' choices, and the same for an unseen picture."""
    counts: dict[str, int] = defaultdict(int)
    for sample in samples:
        counts[sample.author] += 1
    total = len(samples) + PRIOR_SMOOTHING * pictures
    return ({p: round(math.log((c + PRIOR_SMOOTHING) / total), 4) for p, c in sorted(counts.items())},
            round(math.log(PRIOR_SMOOTHING / total), 4))


def _teaches(word: str) -> bool:
    """True for a word, sign or page type worth learning from (not 'the', not a number)."""
    return word not in _STOP_WORDS and len(word) > 2 and (word.isalpha() or ":" in word)


# -- fast weight search: the evidence for each picture is worked out once, weighed many times ---
@dataclass(frozen=True)
class Scored:
    """One held-out sample with the chooser that read it and the evidence for each picture."""

    sample: Sample
    chooser: PictureChooser
    parts: dict


def score_parts(site: SiteData, learned: Learned, samples: list[Sample], synonyms, meaning) -> list[Scored]:
    chooser = make_chooser(site.library, site.names, learned, synonyms, meaning, site.meanings)
    return [Scored(sample, chooser, chooser.parts(*chooser.read(sample.text, sample.page_type)))
            for sample in samples]


def combined(scored: Scored, weights: Weights) -> str | None:
    """Return the picture the chooser would show with ``weights`` (the neutral one below the minimum)."""
    chooser = scored.chooser
    scores = {name: (chooser.combine(name, parts, weights), at) for name, (parts, at) in scored.parts.items()}
    best = min(scores, key=lambda n: (-scores[n][0], scores[n][1], n)) if scores else None
    if best is not None and scores[best][0] >= weights.minimum:
        return best
    neutral = chooser.meaning.neutral.get(scored.sample.page_type, chooser.meaning.neutral.get("", ""))
    return neutral if neutral in chooser.pictures else None


def gain(scored: list[Scored], weights: Weights, pairs) -> int:
    """One for each choice equal to the author's, less WRONG_COST for each plainly wrong one."""
    total = 0
    for item in scored:
        name = combined(item, weights)
        total += (name == item.sample.author) - WRONG_COST * plainly_wrong(item.sample.text, name, pairs)
    return total


def pick_weights(sites: dict[str, SiteData], train: list[Sample], synonyms, meaning, seed: int) -> Weights:
    """Return the weights with the best inner cross-validated gain on ``train``.

    The train samples are split again by page; each inner fold is read with
    what the other inner folds teach, so the weights are judged on choices
    the learned words did not see. Then each weight in turn takes the value
    of GRID that gains most, the others held, for a few rounds.
    """
    pairs = load_wrong_pairs()
    scored: list[Scored] = []
    for held in page_folds(train, FOLDS - 1, seed):
        rest = [s for s in train if s not in held]
        for site_name, site in sites.items():
            mine = [s for s in held if s.site == site_name]
            if mine:
                scored.extend(score_parts(site, learn(site, rest, synonyms, meaning), mine, synonyms, meaning))
    best, best_gain = START, gain(scored, START, pairs)
    for _round in range(ROUNDS):
        before = best_gain
        for name, values in GRID.items():
            for value in values:
                trial = replace(best, **{name: value})
                trial_gain = gain(scored, trial, pairs)
                if trial_gain > best_gain:
                    best, best_gain = trial, trial_gain
        if best_gain == before:
            break
    return best


def page_folds(samples: list[Sample], k: int, seed: int) -> list[list[Sample]]:
    """Return k groups of samples, every page's points in one group."""
    pages = sorted({(s.site, s.page) for s in samples})
    random.Random(seed).shuffle(pages)
    where = {page: i % k for i, page in enumerate(pages)}
    folds: list[list[Sample]] = [[] for _ in range(k)]
    for s in samples:
        folds[where[(s.site, s.page)]].append(s)
    return [f for f in folds if f]


# -- plainly wrong ------------------------------------------------------------------------------
def load_wrong_pairs() -> list[tuple[str, frozenset[str]]]:
    data = yaml.safe_load(WRONG_PAIRS.read_text(encoding="utf-8"))
    return [(item["text"].lower(), frozenset(item["wrong"])) for item in data["pairs"]]


def plainly_wrong(text: str, picture: str | None, pairs) -> bool:
    lowered = text.lower()
    return picture is not None and any(part in lowered and picture in wrong for part, wrong in pairs)


# -- the measurement ----------------------------------------------------------------------------
@dataclass
class Tally:
    points: int = 0
    equal: int = 0
    wrong: int = 0
    neutral: int = 0

    def line(self, label: str) -> str:
        pct = lambda n: f"{100 * n / self.points:.0f}%" if self.points else "-"  # noqa: E731
        return (f"{label}: {self.points} points, equal to the author's {self.equal} ({pct(self.equal)}), "
                f"plainly wrong {self.wrong} ({pct(self.wrong)}), neutral {self.neutral} ({pct(self.neutral)})")


@dataclass
class Result:
    """What one cross-validated run found: the chooser, the old chooser, each site, each fold's weights."""

    new: Tally
    old: Tally
    sites: dict[str, Tally]
    weights: list[Weights]


def measure(sites: dict[str, SiteData], show: str | None, seed: int = 7, by_site: bool = False) -> Result:
    """Measure on each fold what the other folds teach: folds of pages, or (``by_site``) one site each."""
    synonyms, meaning, pairs = load_synonyms(), load_meaning(), load_wrong_pairs()
    everything = [s for site in sites.values() for s in site.samples]
    result = Result(Tally(), Tally(), {name: Tally() for name in sites}, [])
    folds = [site.samples for site in sites.values()] if by_site else page_folds(everything, FOLDS, seed)
    for held in folds:
        train = [s for s in everything if s not in held]
        weights = pick_weights(sites, train, synonyms, meaning, seed)
        result.weights.append(weights)
        for site_name, site in sites.items():
            mine = [s for s in held if s.site == site_name]
            if not mine:
                continue
            learned = replace(learn(site, train, synonyms, meaning), weights=weights)
            chooser = make_chooser(site.library, site.names, learned, synonyms, meaning, site.meanings)
            for sample in mine:
                choice = chooser.choose(sample.text, sample.page_type)
                _count(result.new, sample, choice.name, choice.neutral, pairs, show == "new")
                _count(result.sites[site_name], sample, choice.name, choice.neutral, pairs, False)
                old_name, _ = site.library.choose(sample.text)
                _count(result.old, sample, old_name, False, pairs, show == "old")
    return result


def _count(tally: Tally, sample: Sample, name: str | None, neutral: bool, pairs, show) -> None:
    tally.points += 1
    tally.equal += name == sample.author
    wrong = plainly_wrong(sample.text, name, pairs)
    tally.wrong += wrong
    tally.neutral += neutral
    if show and name != sample.author:
        mark = "WRONG" if wrong else ("neutral" if neutral else "differs")
        print(f"  {mark:8} {sample.author:>18} -> {str(name):18} {sample.text[:90]}")


def time_per_point(sites: dict[str, SiteData]) -> float:
    """Return CPU milliseconds to choose for one point (no cache), over every sample, best of 5.

    CPU time, not wall time, so a busy shared machine does not inflate it.
    """
    best = float("inf")
    for _ in range(5):
        total, count = 0.0, 0
        for site in sites.values():
            chooser = make_chooser(site.library, site.names, meanings=site.meanings)
            start = time.process_time()
            for sample in site.samples:
                chooser._choose(sample.text, sample.page_type)
            total += time.process_time() - start
            count += len(site.samples)
        best = min(best, total / max(count, 1))
    return best * 1000


def write_learned(sites: dict[str, SiteData], seed: int) -> None:
    """Learn from every sample and write data/learned.json for the chooser."""
    synonyms, meaning = load_synonyms(), load_meaning()
    everything = [s for site in sites.values() for s in site.samples]
    weights = pick_weights(sites, everything, synonyms, meaning, seed)
    example = next(iter(sites.values()))
    pooled = SiteData(example.library, [n for site in sites.values() for n in site.names], everything)
    learned = learn(pooled, everything, synonyms, meaning)
    out = {"about": "Learned by bench/measure_pictures.py --write from the author-chosen pictures "
                    "of content/ and tests/sites/*; do not edit by hand.",
           "points": len(everything), "weights": asdict(weights),
           "prior": learned.prior, "unseen_prior": learned.unseen_prior,
           "cues": learned.cues, "words": learned.words}
    (DATA / "learned.json").write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"Wrote {DATA / 'learned.json'} with weights {_differences(weights)}.")


def _differences(weights: Weights) -> str:
    """Return the weights that differ from the defaults, as name=value."""
    default = asdict(Weights())
    return ", ".join(f"{k}={v}" for k, v in asdict(weights).items() if v != default[k]) or "the defaults"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="learn from all points and write data/learned.json")
    parser.add_argument("--show", nargs="?", const="new", choices=["new", "old"],
                        help="list held-out choices that differ from the author's")
    parser.add_argument("--by-site", action="store_true",
                        help="leave one site out at a time instead of folds of pages")
    parser.add_argument("--shuffles", type=int, default=1,
                        help="also repeat the page folds with this many different shuffles and print each figure")
    parser.add_argument("--meanings", type=Path,
                        help="read the words' nearest pictures from this table instead of data/meanings.tsv "
                             "(to compare tables made by tools/build_picture_meanings.py)")
    parser.add_argument("sites", nargs="*", type=Path,
                        help="site folders to measure (default: this repository and tests/sites/*)")
    args = parser.parse_args()
    sites = {}
    meanings = load_meanings(args.meanings) if args.meanings else load_meanings()
    for folder in args.sites or site_folders():
        data = load_samples(folder, meanings)
        if data is not None and data.samples:
            sites[folder.name] = data
    if not sites:
        print("No site with author-chosen pictures loaded, so there is nothing to measure.", file=sys.stderr)
        return 1
    total = sum(len(s.samples) for s in sites.values())
    print(f"{total} author-chosen points in {len(sites)} site(s): {', '.join(sites)}")
    if args.by_site:
        if len(sites) < 2:
            print("Leaving one site out needs two sites or more.", file=sys.stderr)
            return 1
        result = measure(sites, args.show, by_site=True)
        print(result.new.line("Chooser, each site measured on what the other sites teach"))
    else:
        result = measure(sites, args.show)
        print(result.new.line(f"Chooser, {FOLDS}-fold cross-validated"))
    print(result.old.line("Old keyword chooser, same points"))
    for name, tally in result.sites.items():
        print("  " + tally.line(name))
    print("Weights picked in each fold:", "; ".join(_differences(w) for w in result.weights))
    if args.shuffles > 1 and not args.by_site:
        others = [measure(sites, None, seed=7 + i).new for i in range(1, args.shuffles)]
        runs = [result.new, *others]
        print(f"Over {len(runs)} shuffles of the folds: equal "
              + ", ".join(f"{100 * t.equal / t.points:.0f}%" for t in runs)
              + f" (mean {100 * sum(t.equal for t in runs) / sum(t.points for t in runs):.1f}%), plainly wrong "
              + ", ".join(f"{100 * t.wrong / t.points:.1f}%" for t in runs)
              + f" (mean {100 * sum(t.wrong for t in runs) / sum(t.points for t in runs):.1f}%)")
    print(f"Time to choose: {time_per_point(sites):.3f} ms a point")
    if args.write:
        write_learned(sites, seed=7)
    return 0


if __name__ == "__main__":
    sys.exit(main())

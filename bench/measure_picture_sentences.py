#!/usr/bin/env python3
"""Measure whether whole-sentence meaning would help the picture chooser (an experiment, not shipped).

    python bench/measure_picture_sentences.py --shuffles 3      # 5-fold by page, 3 splits
    python bench/measure_picture_sentences.py --by-site         # each site on what the others teach
    python bench/measure_picture_sentences.py --without-sentences --shuffles 3   # the same run, cues only

It needs the WordLlama package, which the site does not (install it beside
the project only to run this: ``.venv/bin/pip install wordllama``). The
model is read from the files inside the wheel (``weights/`` and
``tokenizers/``) with downloads turned off, so nothing is fetched.

Every point an author gave a named picture (the same points as
bench/measure_pictures.py, read by its functions) is embedded as a sentence,
with the site's names, capitalised names and addresses taken out first
(names never drive a choice). Three sentence cues are added to the
chooser's own score for each picture:

- ``pic``: similarity of the point to the picture's description, name and keywords;
- ``cent``: similarity to the picture's centroid, the mean of the training
  points whose author chose it (with the picture's own text counted
  ``--beta`` times, so a picture seldom chosen still has one);
- ``knn``: the ``--k`` training points nearest the point vote for their pictures.

Each is centred (less its mean over the library's pictures), never lets a
"yes" picture into a sentence with "not" or a "done" picture into one about
a time to come, and never names a feeling, condition or verdict picture the
point's own words do not name (as in the chooser). Their weights are picked
with the chooser's weights by the same inner cross-validation, on the
training folds only; the held-out fold is measured once.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_pictures as mp  # noqa: E402

from wtfc_site.pictures import choice  # noqa: E402

EXTRA_GRID = {"pic": [0.0, 1.0, 2.0, 4.0, 8.0], "cent": [0.0, 1.0, 2.0, 4.0, 8.0, 12.0, 16.0],
              "knn": [0.0, 0.5, 1.0, 2.0, 4.0]}
GRID = {**mp.GRID, "minimum": [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0]}
NO_EXTRA = {"pic": 0.0, "cent": 0.0, "knn": 0.0}


class Model:
    """WordLlama's token embeddings read from the installed wheel: a sentence is the mean of its tokens."""

    def __init__(self) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer
        spec = importlib.util.find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("This experiment needs WordLlama: .venv/bin/pip install wordllama")
        root = Path(next(iter(spec.submodule_search_locations)))
        with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
            self.table = f.get_tensor("embedding.weight")
        self.tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            ids = self.tokenizer.encode(text, add_special_tokens=False).ids or [0]
            vector = self.table[ids].mean(axis=0)
            rows.append(vector / (np.linalg.norm(vector) or 1.0))
        return np.array(rows, dtype=np.float32)


def without_names(chooser: choice.PictureChooser, text: str) -> str:
    """Return the point's words as the chooser reads them: no site names, capitalised names or addresses."""
    text = choice._ADDRESSES.sub(" ", text)
    if chooser.names is not None:
        text = chooser.names.sub(" ", text)
    words = choice._without_capitalised_names(choice.TOKEN_RE.findall(text), chooser.meaning.not_names,
                                              chooser.keyword_pictures)
    return " ".join(w for w in words if w != choice._BARRIER)


@dataclass
class Vectors:
    points: dict          # Sample -> its vector
    pictures: dict        # site name -> (picture names, matrix of their texts' vectors)


def embed_all(model: Model, sites: dict[str, mp.SiteData]) -> Vectors:
    points, pictures = {}, {}
    for name, site in sites.items():
        chooser = choice.make_chooser(site.library, site.names, meanings=site.meanings)
        for sample, vector in zip(site.samples, model.embed([without_names(chooser, s.text) for s in site.samples])):
            points[sample] = vector
        names = sorted(site.library.pictures)
        texts = []
        for picture in names:
            entry = site.library.pictures[picture].entry
            texts.append(entry.description + " " + ", ".join([picture.replace("-", " "), *entry.keywords]))
        pictures[name] = (names, model.embed(texts))
    return Vectors(points, pictures)


@dataclass
class Item:
    scored: mp.Scored
    extra: dict           # picture -> (pic, cent, knn)
    negated: bool
    hypothetical: bool


def sentence_cues(vectors: Vectors, site_name: str, train: list, held: list, k: int, beta: float) -> list[dict]:
    names, own = vectors.pictures[site_name]
    where = {n: i for i, n in enumerate(names)}
    taught = [s for s in train if s.author in where]
    taught_vectors = np.array([vectors.points[s] for s in taught]).reshape(len(taught), own.shape[1])
    centroids = own * beta
    for sample, vector in zip(taught, taught_vectors):
        centroids[where[sample.author]] += vector
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    out = []
    for sample in held:
        vector = vectors.points[sample]
        to_text, to_centroid = own @ vector, centroids @ vector
        votes = np.zeros(len(names))
        if len(taught):
            near = taught_vectors @ vector
            for j in np.argsort(-near)[:k]:
                votes[where[taught[j].author]] += max(float(near[j]), 0.0) / k
        to_text, to_centroid = to_text - to_text.mean(), to_centroid - to_centroid.mean()
        out.append({n: (float(to_text[i]), float(to_centroid[i]), float(votes[i])) for i, n in enumerate(names)})
    return out


def items(ctx, site_name: str, learned, train: list, held: list) -> list[Item]:
    site = ctx.sites[site_name]
    scored = mp.score_parts(site, learned, held, ctx.synonyms, ctx.meaning)
    extras = sentence_cues(ctx.vectors, site_name, train, held, ctx.k, ctx.beta)
    out = []
    for one, extra in zip(scored, extras):
        _tokens, negated, hypothetical = one.chooser.read(one.sample.text, one.sample.page_type)
        out.append(Item(one, extra, bool(negated), bool(hypothetical)))
    return out


def combined(item: Item, weights, extra: dict) -> tuple[str | None, bool]:
    """Return the picture chosen with ``weights`` and the sentence weights ``extra``, and whether it is neutral."""
    chooser, meaning, parts = item.scored.chooser, item.scored.chooser.meaning, item.scored.parts
    scores = {n: chooser.combine(n, p, weights) for n, (p, _at) in parts.items()}
    first = {n: at for n, (_p, at) in parts.items()}
    for name, (to_text, to_centroid, votes) in item.extra.items():
        amount = extra["pic"] * to_text + extra["cent"] * to_centroid + extra["knn"] * votes
        named = name in parts and sum(parts[name][0][:6]) > 0
        if amount <= 0 or (item.negated and name in meaning.affirmative) \
                or (item.hypothetical and name in meaning.finished) or (name in meaning.named_only and not named):
            continue
        scores[name] = scores.get(name, weights.prior * chooser.prior.get(name, chooser.unseen_prior)) + amount
        first.setdefault(name, 10_000)
    best = min(scores, key=lambda n: (-scores[n], first[n], n)) if scores else None
    if best is not None and scores[best] >= weights.minimum:
        return best, False
    neutral = meaning.neutral.get(item.scored.sample.page_type, meaning.neutral.get("", ""))
    return (neutral if neutral in chooser.pictures else None), True


def gain(found: list[Item], weights, extra: dict, pairs) -> int:
    total = 0
    for item in found:
        name, _neutral = combined(item, weights, extra)
        total += (name == item.scored.sample.author) - mp.WRONG_COST * mp.plainly_wrong(item.scored.sample.text, name,
                                                                                          pairs)
    return total


def pick(ctx, train: list, seed: int):
    """Return the chooser's weights and the sentence weights with the best inner cross-validated gain."""
    found: list[Item] = []
    for held in mp.page_folds(train, mp.FOLDS - 1, seed):
        chosen = set(held)
        rest = [s for s in train if s not in chosen]
        for site_name, site in ctx.sites.items():
            mine = [s for s in held if s.site == site_name]
            if mine:
                found.extend(items(ctx, site_name, mp.learn(site, rest, ctx.synonyms, ctx.meaning), rest, mine))
    grid = list(GRID.items()) + ([] if ctx.without else list(EXTRA_GRID.items()))
    weights, extra = mp.START, dict(NO_EXTRA)
    best = gain(found, weights, extra, ctx.pairs)
    for _round in range(4):
        before = best
        for name, values in grid:
            for value in values:
                trial_weights = weights if name in EXTRA_GRID else replace(weights, **{name: value})
                trial_extra = {**extra, name: value} if name in EXTRA_GRID else extra
                trial = gain(found, trial_weights, trial_extra, ctx.pairs)
                if trial > best:
                    weights, extra, best = trial_weights, trial_extra, trial
        if best == before:
            break
    return weights, extra


def measure(ctx, seed: int, by_site: bool, show: bool) -> tuple[int, int, int, int]:
    everything = [s for site in ctx.sites.values() for s in site.samples]
    folds = [site.samples for site in ctx.sites.values()] if by_site else mp.page_folds(everything, mp.FOLDS, seed)
    points = equal = wrong = neutral = 0
    for held in folds:
        chosen = set(held)
        train = [s for s in everything if s not in chosen]
        weights, extra = pick(ctx, train, seed)
        print(f"    fold weights: {mp._differences(weights)}; sentence cues {extra}")
        for site_name, site in ctx.sites.items():
            mine = [s for s in held if s.site == site_name]
            if not mine:
                continue
            learned = replace(mp.learn(site, train, ctx.synonyms, ctx.meaning), weights=weights)
            for item in items(ctx, site_name, learned, train, mine):
                name, was_neutral = combined(item, weights, extra)
                is_wrong = mp.plainly_wrong(item.scored.sample.text, name, ctx.pairs)
                points, equal, wrong, neutral = points + 1, equal + (name == item.scored.sample.author), \
                    wrong + is_wrong, neutral + was_neutral
                if show and name != item.scored.sample.author:
                    mark = "WRONG" if is_wrong else ("neutral" if was_neutral else "differs")
                    print(f"  {mark:8} {item.scored.sample.author:>18} -> {str(name):18} {item.scored.sample.text[:80]!r}")
    label = "each site left out" if by_site else f"5-fold by page, seed {seed}"
    print(f"{label}: equal {equal} of {points} ({100 * equal / points:.1f}%), plainly wrong {wrong} "
          f"({100 * wrong / points:.1f}%), neutral {neutral}", flush=True)
    return points, equal, wrong, neutral


@dataclass
class Context:
    sites: dict
    vectors: Vectors
    synonyms: dict
    meaning: object
    pairs: list
    k: int
    beta: float
    without: bool


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffles", type=int, default=1, help="repeat the page folds with this many splits")
    parser.add_argument("--by-site", action="store_true", help="leave one site out at a time")
    parser.add_argument("--k", type=int, default=5, help="nearest training points that vote")
    parser.add_argument("--beta", type=float, default=2.0, help="how many points a picture's own text counts as")
    parser.add_argument("--without-sentences", action="store_true",
                        help="keep the sentence weights at 0: the chooser's cues alone, on the same folds")
    parser.add_argument("--show", action="store_true", help="list every held-out choice that differs")
    args = parser.parse_args()
    sites = {}
    for folder in mp.site_folders():
        data = mp.load_samples(folder)
        if data is not None and data.samples:
            sites[folder.name] = data
    ctx = Context(sites, embed_all(Model(), sites), mp.load_synonyms(), mp.load_meaning(), mp.load_wrong_pairs(),
                  args.k, args.beta, args.without_sentences)
    if args.by_site:
        measure(ctx, 7, True, args.show)
        return 0
    runs = [measure(ctx, 7 + i, False, args.show) for i in range(args.shuffles)]
    total = sum(r[0] for r in runs)
    print(f"Mean over {len(runs)} split(s): equal {100 * sum(r[1] for r in runs) / total:.1f}%, "
          f"plainly wrong {100 * sum(r[2] for r in runs) / total:.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

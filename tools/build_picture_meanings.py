"""Make wtfc_site/pictures/data/meanings.tsv from a word-embedding model, at development time.

Keywords and WordNet synonyms only help when the point uses one of a
picture's own words. A small embedding model knows that 'payslip' is near
'money' and 'wheelchair' near 'access' without anyone listing it. This
script asks the model, for every everyday English word (the wordfreq
top list) and every word of the picture index, which few pictures it is
closest to, and writes those with the cosine similarity:

    stem<TAB>picture:similarity|picture:similarity|...

The chooser reads the table as one more cue (its weight is learned by
bench/measure_pictures.py inside the training folds). The model is needed
only here: building a site reads the committed table and imports nothing new.

The model is WordLlama (PyPI package ``wordllama`` 0.4, by D. Lee Miller):
its default "l2_supercat" model, 256-dimension token embeddings that ship
inside the wheel. The package's code is under the MIT licence; its weights
were trained from the token embeddings of Meta's Llama 2 70B (and, by the
package's description, of other models that share its tokenizer, such as
Microsoft's Phi-3 medium), so they come under the Llama 2 Community License
too. What this project ships is only what this script derives: a table of
word -> its nearest pictures (ten at most) with their cosine similarity to
two decimals, never the weights or any vector. The
table's header carries Meta's attribution notice all the same.
A word's vector is the mean of its tokens' vectors; a picture's vector is
that of its name and keywords, less the mean of all pictures' vectors. Install it in a separate environment, since
the site does not need it:

    python -m venv /tmp/meanings && /tmp/meanings/bin/pip install wordllama wordfreq pyyaml
    /tmp/meanings/bin/python tools/build_picture_meanings.py

Run it again after changing keywords in easyread_images/index.yaml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wtfc_site.pictures.library import _STOP_WORDS, _WORD_RE, stem  # noqa: E402

INDEX = ROOT / "easyread_images" / "index.yaml"
OUT = ROOT / "wtfc_site" / "pictures" / "data" / "meanings.tsv"
VOCABULARY = 30000
"""How many of the most common English words get a row (plus every word of the picture index)."""
TOP = 10
"""Pictures kept for each word: its nearest few; further ones say little and cost time for every point."""
MIN_SIMILARITY = 0.2
"""Below this cosine a picture is not near enough to the word to count."""
COMMON_ZIPF = 5.5
"""Words at least this common (wordfreq's Zipf scale: 'get' 6.3, 'good' 6.1, 'meeting' 5.2) get no row:
they are used in so many senses that their nearest picture is noise ('get' -> getting-there,
'good' -> unhappy, since an embedding puts a word near its opposite too)."""
MEANING = ROOT / "wtfc_site" / "pictures" / "data" / "meaning.yaml"
HEADER = """\
# Nearest pictures for everyday words, by meaning. Made by tools/build_picture_meanings.py
# with the WordLlama embedding model (PyPI package wordllama 0.4 by D. Lee Miller, MIT licence;
# its l2_supercat weights derive from Meta's Llama 2 70B token embeddings).
# Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved.
# Only these derived similarities are shipped, not the model's weights or vectors.
# Do not edit by hand. Format: word stem<TAB>picture:cosine similarity|picture:...
"""


def picture_texts(index: Path) -> dict[str, str]:
    """Return picture name -> its name and keywords as one phrase list (what the model embeds)."""
    entries = yaml.safe_load(index.read_text(encoding="utf-8"))["pictures"]
    return {name: ", ".join([name.replace("-", " "), *entry.get("keywords", [])])
            for name, entry in sorted(entries.items())}


def negator_stems(path: Path = MEANING) -> frozenset[str]:
    """Return the stems of the words that say 'no' (data/meaning.yaml's negators).

    They get no row: a word that says 'no' sits near every sad or unfinished picture in
    meaning ('never' -> unhappy, 'cannot' -> not-done), and the chooser already reads it as
    turning its clause round, which is what it means.
    """
    return frozenset(stem(w) for w in yaml.safe_load(path.read_text(encoding="utf-8"))["negators"])


def vocabulary(texts: dict[str, str], size: int, common: float = COMMON_ZIPF) -> dict[str, str]:
    """Return stem -> the commonest word with that stem, for everyday words and the index's words,
    leaving out stop words, words that say 'no' and words at least ``common`` on the Zipf scale."""
    words = [w for w in top_n_list("en", size) if w.isalpha() and len(w) > 2]
    words += sorted({w for text in texts.values() for w in _WORD_RE.findall(text.lower())})
    skip = negator_stems()
    chosen: dict[str, str] = {}
    for word in words:
        key = stem(word)
        if key in _STOP_WORDS or key in skip or len(key) <= 2:
            continue
        if key not in chosen or zipf_frequency(word, "en") > zipf_frequency(chosen[key], "en"):
            chosen[key] = word
    return {key: word for key, word in chosen.items() if zipf_frequency(word, "en") < common}


def load_model():  # type: ignore[no-untyped-def]
    """Return WordLlama from the files inside its wheel (it would otherwise try to download them)."""
    import wordllama  # dev-only: only this tool needs the model
    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def nearest(model, texts: dict[str, str], words: dict[str, str], top: int,  # type: ignore[no-untyped-def]
            minimum: float) -> list[str]:
    """Return one table row per stem: its nearest pictures above ``minimum``, nearest first."""
    names = list(texts)
    pictures = model.embed([texts[n] for n in names], norm=True)
    # Every picture's text is a short list of everyday words, so all the vectors share one
    # direction, and a word along it would be 'near' every picture; taking away the mean keeps
    # what tells one picture from another.
    pictures = pictures - pictures.mean(axis=0)
    pictures /= (pictures ** 2).sum(axis=1, keepdims=True) ** 0.5
    stems = sorted(words)
    vectors = model.embed([words[s] for s in stems], norm=True)
    similarity = vectors @ pictures.T
    rows = []
    for key, row in zip(stems, similarity):
        best = sorted(range(len(names)), key=lambda i: -row[i])[:top]
        kept = [f"{names[i]}:{row[i]:.2f}" for i in best if row[i] >= minimum]
        if kept:
            rows.append(f"{key}\t{'|'.join(kept)}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY)
    parser.add_argument("--top", type=int, default=TOP)
    parser.add_argument("--min", type=float, default=MIN_SIMILARITY, dest="minimum")
    parser.add_argument("--common", type=float, default=COMMON_ZIPF,
                        help="leave out words at least this common on the Zipf scale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    texts = picture_texts(INDEX)
    rows = nearest(load_model(), texts, vocabulary(texts, args.vocabulary, args.common), args.top, args.minimum)
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"Wrote {len(rows)} words with their nearest pictures to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

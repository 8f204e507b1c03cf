"""Montréal street addresses as agents type them, reduced to one comparable key.

"1234 boul. St-Laurent", "1234 Boulevard Saint-Laurent" and "1234, saint laurent boul"
are one address: the key folds case and accents, spells out abbreviations, drops the
little words, and leaves out the street type (rue, boul., av., ...), which agents often
skip: a lookup by the name alone ("saint-laurent") finds the street.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.text import fold

STREET_TYPES = {
    "rue": "rue",
    "r": "rue",
    "street": "rue",
    "boulevard": "boulevard",
    "boul": "boulevard",
    "blvd": "boulevard",
    "bd": "boulevard",
    "avenue": "avenue",
    "av": "avenue",
    "ave": "avenue",
    "chemin": "chemin",
    "ch": "chemin",
    "road": "chemin",
    "rd": "chemin",
    "croissant": "croissant",
    "crois": "croissant",
    "terrasse": "terrasse",
    "terr": "terrasse",
    "montee": "montee",
    "mtee": "montee",
    "promenade": "promenade",
    "prom": "promenade",
    "allee": "allee",
    "impasse": "impasse",
    "imp": "impasse",
    "ruelle": "ruelle",
    "autoroute": "autoroute",
    "aut": "autoroute",
    "rang": "rang",
}
_SAINTS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_DIRECTIONS = {
    "o": "ouest",
    "w": "ouest",
    "west": "ouest",
    "ouest": "ouest",
    "e": "est",
    "east": "est",
    "est": "est",
    "n": "nord",
    "north": "nord",
    "nord": "nord",
    "s": "sud",
    "south": "sud",
    "sud": "sud",
}
_PARTICLES = {"de", "du", "des", "la", "le", "les", "l", "d", "of", "the"}
_WORD = re.compile(r"[a-z0-9]+")
_CIVIC = re.compile(r"^\s*(\d{1,6}(?:\s?[a-zA-Z](?![a-zA-Z])|-\d{1,6}|\s1/2)?)[\s,]+(.*)$")
CIVIC_NUMBER = re.compile(r"^\d{1,6}(?:\s?[A-Za-z]|-\d{1,6}|\s1/2)?$")


def _is_street_type(word: str, i: int, last: int) -> bool:
    # After the name, an English "St" is a Street ("Ontario St E"); before it, a Saint.
    return word in STREET_TYPES or (word == "st" and i == last and i > 0)


def street_key(street: str) -> str:
    words = _WORD.findall(fold(street))
    if not words:
        return ""
    # The type ends the name before a direction: "Ontario Street East", "St-Laurent boul. O".
    last = len(words) - 1
    if last > 0 and words[last] in _DIRECTIONS:
        last -= 1
    name: list[str] = []
    typed = False
    for i, word in enumerate(words):
        is_edge = i == 0 or i == last
        if not typed and is_edge and len(words) > 1 and _is_street_type(word, i, last):
            typed = True
            continue
        if i == len(words) - 1 and word in _DIRECTIONS and name:
            name.append(_DIRECTIONS[word])
            continue
        word = _SAINTS.get(word, word)
        if word in _PARTICLES and not name:
            continue  # "rue de la Commune" and "rue Commune" are one street
        name.append(word)
    return " ".join(name)


def civic_key(civic: str) -> str:
    """'1234 a' -> '1234A', '1234 1/2' keeps its space (1234½, not 12341/2)."""
    text = re.sub(r"\s+", " ", civic.strip()).upper()
    return re.sub(r"(\d) ([A-Z])$", r"\1\2", text)


@dataclass(frozen=True)
class AddressQuery:
    civic: str
    street_key: str


def parse_address(text: str) -> AddressQuery:
    """'1234 boul. St-Laurent' -> civic 1234 and the street's key; no civic if none typed."""
    match = _CIVIC.match(text)
    if match and not _only_a_type(match.group(2)):
        return AddressQuery(civic_key(match.group(1)), street_key(match.group(2)))
    # No civic, or a numbered street read as one: "12e Avenue", "1re Rue" are streets.
    return AddressQuery("", street_key(text))


def _only_a_type(text: str) -> bool:
    words = _WORD.findall(fold(text))
    return bool(words) and all(w in STREET_TYPES or w in _DIRECTIONS for w in words)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string above every string that starts with prefix (an index range)."""
    return prefix + "\U0010ffff"


# -- arrondissements and related cities, by a few letters -------------------------------------
_LEADING = {"le", "la", "les", "l"}  # "plateau" is as good a start as "le plateau"


def _place_rank(wanted: list[str], words: list[str]) -> tuple[int, int, int, int] | None:
    """How well the typed words begin words of a place's name; None if they do not.
    Lower is better: the typed words as consecutive words of the name, the nearer its
    start the better, the earlier words typed whole rather than cut short."""
    lead = 1 if words and words[0] in _LEADING else 0
    for start in range(len(words) - len(wanted) + 1):
        run = words[start : start + len(wanted)]
        if all(word.startswith(typed) for word, typed in zip(run, wanted, strict=True)):
            cut = sum(word != typed for word, typed in zip(run[:-1], wanted[:-1], strict=True))
            last_cut = int(run[-1] != wanted[-1])
            return (0, max(0, start - lead), cut, last_cut)
    # Otherwise each typed word begins a word of its own, anywhere: "royal mont".
    used: set[int] = set()
    for typed in wanted:
        found = next(
            (i for i, word in enumerate(words) if i not in used and word.startswith(typed)), None
        )
        if found is None:
            return None
        used.add(found)
    return (1, min(used), 0, 0)


def _typed_place_words(text: str) -> list[str]:
    # Hyphens, dashes and apostrophes separate words as spaces do: "ville-m" is "ville m".
    return [_SAINTS.get(word, word) for word in _WORD.findall(fold(text))]


def match_places(text: str, places: Iterable[tuple[str, str]]) -> list[tuple[str, tuple[int, ...]]]:
    """The places (code, name) whose name has words beginning with the typed words, best
    first, each with its rank (ties keep the order given): "ville-m" and "ville m" put
    Ville-Marie before Villeray–Saint-Michel–Parc-Extension, "plateau" finds
    Le Plateau-Mont-Royal; case and accents do not count."""
    wanted = _typed_place_words(text)
    if not wanted:
        return []
    ranked: list[tuple[tuple[int, ...], int, str]] = []
    for order, (code, name) in enumerate(places):
        rank = _place_rank(wanted, _WORD.findall(fold(name)))
        if rank is not None:
            ranked.append((rank, order, code))
    ranked.sort()
    return [(code, rank) for rank, _order, code in ranked]


def chosen_place(text: str, places: Iterable[tuple[str, str]]) -> str:
    """The one place the typed text designates, else "": the only match, or a match
    clearly better than every other (not only by a last word typed in full: "mont" is
    Mont-Royal as much as Montréal-Nord)."""
    found = match_places(text, places)
    if len(found) == 1:
        return found[0][0]
    if len(found) > 1 and found[0][1][:3] < found[1][1][:3]:
        return found[0][0]
    return ""

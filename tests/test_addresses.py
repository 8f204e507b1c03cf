"""Street keys and typed addresses: the many ways agents write one Montréal street must meet
on one key (duplicate detection and address lookup compare keys), and different streets
must not."""

from __future__ import annotations

import pytest

from app.services.addresses import (
    CIVIC_NUMBER,
    AddressQuery,
    chosen_place,
    civic_key,
    match_places,
    parse_address,
    prefix_upper_bound,
    street_key,
)
from app.services.catalogue_files import bundled_catalogue


@pytest.mark.parametrize(
    "spellings",
    [
        # Abbreviated type and saint, type spelled out, type after the name, no hyphen.
        ("boul. St-Laurent", "Boulevard Saint-Laurent", "saint laurent boul", "St-Laurent Blvd"),
        # The little words before the name are dropped with the type.
        ("rue de la Commune", "Commune", "de la Commune", "Rue De La Commune"),
        # Directions abbreviated, with or without a dot, in French or English.
        ("Sherbrooke O.", "rue Sherbrooke Ouest", "Sherbrooke W", "SHERBROOKE OUEST"),
        ("Ste-Catherine E", "rue Sainte-Catherine Est", "sainte catherine est", "Ste-Catherine E."),
        # Accents and case fold away.
        (
            "Côte-des-Neiges",
            "chemin de la Côte-des-Neiges",
            "COTE DES NEIGES",
            "ch. Côte des Neiges",
        ),
        ("boul. René-Lévesque O.", "Rene Levesque ouest", "BOULEVARD RENÉ-LÉVESQUE OUEST"),
        ("rue de l'Église", "Église", "rue de l’Eglise"),
        ("av. du Mont-Royal E", "avenue du Mont-Royal Est", "Mont-Royal Est"),
        # English forms: the type sits between the name and the direction, "St" is a Street
        # after the name ("Ontario St E"), and "Rd" a chemin.
        ("Ontario St E", "Ontario Street East", "rue Ontario Est"),
        ("Sherbrooke St. W.", "rue Sherbrooke O"),
        ("St-Laurent boul. O", "boul. St-Laurent Ouest"),
        ("Laurier Ave W", "av. Laurier O."),
        ("Queen Mary Rd", "chemin Queen-Mary"),
    ],
)
def test_spellings_of_one_street_share_a_key(spellings: tuple[str, ...]) -> None:
    keys = {street_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(street_key, spellings), strict=True))
    assert keys != {""}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Saint-Denis", "Saint-Laurent"),
        ("Sherbrooke Est", "Sherbrooke Ouest"),
        ("Sherbrooke E", "Sherbrooke O"),
        ("rue Sainte-Catherine", "rue Saint-Catherine"),  # a saint is not a sainte
        ("Saint-Laurent", "Sainte-Catherine"),
        ("rue Notre-Dame", "rue Notre-Dame Ouest"),  # the direction is part of the street
    ],
)
def test_different_streets_keep_different_keys(one: str, other: str) -> None:
    assert street_key(one) != street_key(other)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("boul. St-Laurent", "saint laurent"),
        ("rue Sherbrooke Ouest", "sherbrooke ouest"),
        ("rue de la Commune", "commune"),
        # A type alone is the name: nothing else is left to call the street.
        ("Boulevard", "boulevard"),
        ("", ""),
        ("  -- , ", ""),
    ],
)
def test_street_key_values(typed: str, key: str) -> None:
    # Keys are stored in the requests table: their exact shape is part of the store.
    assert street_key(typed) == key


@pytest.mark.parametrize(
    ("typed", "civic", "street"),
    [
        ("1234 boul. St-Laurent", "1234", "Boulevard Saint-Laurent"),
        ("1234, Boulevard Saint-Laurent", "1234", "boul. St-Laurent"),
        ("  1234   saint laurent boul", "1234", "boul. St-Laurent"),
        ("1234A boul. St-Laurent", "1234A", "boul. St-Laurent"),
        ("1234a boul. St-Laurent", "1234A", "boul. St-Laurent"),
        ("1234 A boul. St-Laurent", "1234A", "boul. St-Laurent"),
        ("1234-1236 rue Sherbrooke O.", "1234-1236", "rue Sherbrooke Ouest"),
        ("1234 1/2 rue Sherbrooke O.", "1234 1/2", "rue Sherbrooke Ouest"),
        # A letter that starts the street is not a civic suffix.
        ("2000 rue D'Iberville", "2000", "D'Iberville"),
        ("2000 D'Iberville", "2000", "rue D'Iberville"),
        ("55 Ste-Catherine E", "55", "rue Sainte-Catherine Est"),
        # No civic typed: the whole text is the street.
        ("boul. St-Laurent", "", "Boulevard Saint-Laurent"),
        ("Sherbrooke O.", "", "rue Sherbrooke Ouest"),
        # Numbered streets: "12e" is the street's name, not civic 12E on a street "Avenue".
        ("12e Avenue", "", "12e Avenue"),
        ("8e Avenue Nord", "", "8e av. N"),
        ("1re Rue", "", "1re Rue"),
        ("1234 12e Avenue", "1234", "12e av."),
    ],
)
def test_parse_address(typed: str, civic: str, street: str) -> None:
    assert parse_address(typed) == AddressQuery(civic, street_key(street))


@pytest.mark.parametrize(
    ("typed", "valid"),
    [
        ("1234", True),
        ("1234A", True),
        ("1234 A", True),
        ("1234-1236", True),
        ("1234 1/2", True),
        ("1", True),
        ("1234567", False),  # at most 6 digits
        ("12B34", False),
        ("A1234", False),
        ("1234AB", False),
        ("", False),
    ],
)
def test_civic_number_shape(typed: str, valid: bool) -> None:
    assert bool(CIVIC_NUMBER.match(typed)) is valid


def test_civic_key_ignores_case_and_spaces() -> None:
    assert civic_key("1234 a") == civic_key("1234A") == "1234A"


def test_prefix_upper_bound_brackets_every_longer_key() -> None:
    # Address lookup is a range scan [prefix, bound) on the street_key index.
    bound = prefix_upper_bound("saint laur")
    for key in ("saint laur", "saint laurent", "saint laurent ouest"):
        assert "saint laur" <= key < bound
    for key in ("saint lau", "saint lb", "sainte catherine"):
        assert not "saint laur" <= key < bound


# -- arrondissements by a few letters ---------------------------------------------------------
def places() -> list[tuple[str, str]]:
    """The routing table's places, in the form's order: arrondissements, then related
    cities, each by name."""
    table = bundled_catalogue().routing.arrondissements.values()
    return [(a.code, a.name) for a in sorted(table, key=lambda a: (a.kind, a.name))]


def best(typed: str) -> list[str]:
    return [code for code, _rank in match_places(typed, places())]


@pytest.mark.parametrize("typed", ["ville-m", "ville m", "VILLE M", "vil m", "ville–m"])
def test_word_beginnings_put_ville_marie_first(typed: str) -> None:
    found = best(typed)
    assert found[0] == "VM"
    assert "VSP" in found  # Villeray–Saint-Michel: ville… m…, but not one after the other
    assert chosen_place(typed, places()) == "VM"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("plateau", "PMR"),  # a word inside the name, after its article
        ("Plateau Mont", "PMR"),
        ("montreal-n", "MN"),  # no accent typed
        ("MONTRÉAL NORD", "MN"),
        ("cote des", "CDN"),  # Côte-des-Neiges–Notre-Dame-de-Grâce
        ("notre-dame", "CDN"),
        ("st-laurent", "SLA"),  # St as typed for Saint
        ("l'ile-b", "IBG"),
        ("ile biz", "IBG"),
        ("rosemont petite", "RPP"),
    ],
)
def test_a_few_letters_find_the_place(typed: str, code: str) -> None:
    assert best(typed)[0] == code
    assert chosen_place(typed, places()) == code


def test_an_ambiguous_start_lists_every_place_and_chooses_none() -> None:
    found = best("mont")
    assert set(found) >= {"MN", "MTE", "MTO", "TMR", "PMR"}
    assert found.index("PMR") > found.index("MN")  # "mont" starts Montréal-Nord's name
    assert chosen_place("mont", places()) == ""
    assert chosen_place("saint", places()) == ""


def test_letters_inside_a_word_do_not_match() -> None:
    assert "VM" not in best("arie")  # a word's middle, not its beginning
    assert best("") == [] and best("  - ") == []
    assert best("xyz") == []

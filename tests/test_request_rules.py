"""The request rules both sides call (app.domain.request_rules), one test per drift that
the console and the central store used to decide differently."""

from __future__ import annotations

from typing import Any

import pytest

import app.server.request_ops as server_cases
import app.services.intake as console_intake
from app.domain import lifecycle
from app.domain import request_rules as rules
from app.domain.validation import MAX_TEXT, FieldProblem, ValidationError
from app.services.catalogue_files import bundled_catalogue

CAT = bundled_catalogue()
POTHOLE: dict[str, Any] = {
    "service_code": "VOIRIE-NID-DE-POULE",
    "channel": "phone",
    "description": "",
    "attributes": {"emplacement": "chaussee", "danger_immediat": "non"},
    "street": "rue Notre-Dame Est",
    "arrondissement": "VM",
}


def problems_of(data: dict[str, Any], has_citizen: bool = False) -> list[tuple[str, str]]:
    found: list[FieldProblem] = []
    rules.check_new(CAT.services, data, has_citizen=has_citizen, problems=found)
    return [(p.field, p.code) for p in found]


def test_a_closed_case_is_a_supervisors_to_change_on_both_sides() -> None:
    """Was: the console refused a supervisor's correction or attachment on a closed case,
    the store took them. Now one rule (lifecycle) for edits, notes and attachments."""
    for wanted in ({"description": "Corrigé"}, {"street": "rue Rachel"}):
        with pytest.raises(rules.Forbidden) as caught:
            rules.check_who("terminee", wanted, supervisor=False)
        assert caught.value.problem.code == "case_closed_supervisor"
        rules.check_who("terminee", wanted, supervisor=True)
    for what in ("text", "citizen_id", "parent"):
        with pytest.raises(rules.Forbidden):
            rules.check_addition("refusee", what, supervisor=False)
        rules.check_addition("refusee", what, supervisor=True)
    assert rules.Forbidden is lifecycle.Forbidden  # the lifecycle's rule, not a copy


def test_a_complaint_needs_its_words_on_both_sides() -> None:
    """Was: the console required a complaint's description, the store did not."""
    complaint = {**POTHOLE, "service_code": "INFOTRAVAUX-PLAINTE", "attributes": {"objet": "acces"}}
    assert problems_of(complaint) == [("description", "description_required")]
    assert problems_of({**complaint, "description": "Le chantier bloque l'entrée"}) == []
    # Its words already in a required text field: not asked twice.
    in_field = {
        **POTHOLE,
        "service_code": "PLAINTE-SERVICE",
        "attributes": {"service_vise": "Collectes", "faits": "Le camion est passé trop tôt."},
    }
    assert problems_of(in_field) == []
    # An update may not empty it either.
    found: list[FieldProblem] = []
    service = CAT.services["INFOTRAVAUX-PLAINTE"]
    current = {"description": "Le chantier", "street": "rue Rachel", "lat": None, "long": None}
    rules.check_result(service, current, {"description": ""}, found)
    assert [p.field for p in found] == ["description"]


def test_a_geographic_service_needs_a_street_or_a_position_on_both_sides() -> None:
    """Was: the console wanted a street, the store a street or a latitude. Now a street,
    or a position with both lat and long (GeoReport v2 takes either)."""
    assert problems_of({**POTHOLE, "street": ""}) == [("street", "street")]
    assert problems_of({**POTHOLE, "street": "", "lat": 45.5, "long": -73.56}) == []
    assert problems_of({**POTHOLE, "street": "", "lat": 45.5}) == [("long", "pair")]
    # A non-geographic service is nowhere in particular.
    info = {**POTHOLE, "service_code": "INFO-GENERALE", "street": "", "attributes": {}}
    assert problems_of({**info, "attributes": {"question": "Heures ?"}}) == []
    # Clearing the street of a request whose position is known leaves it somewhere.
    service = CAT.services["VOIRIE-NID-DE-POULE"]
    for lat, expected in ((45.5, []), (None, ["street"])):
        found: list[FieldProblem] = []
        current = {"street": "rue Rachel", "lat": lat, "long": lat and -73.56}
        rules.check_result(service, current, {"street": ""}, found)
        assert [p.field for p in found] == expected


def test_one_limit_for_a_description_a_note_and_a_reason() -> None:
    """Was: MAX_DESCRIPTION (store) and MAX_TEXT (console), two separate 4000s."""
    assert not hasattr(server_cases, "MAX_DESCRIPTION")
    assert not hasattr(server_cases, "MAX_NOTE")
    assert problems_of({**POTHOLE, "description": "d" * MAX_TEXT}) == []
    assert problems_of({**POTHOLE, "description": "d" * (MAX_TEXT + 1)}) == [
        ("description", "too_long")
    ]
    with pytest.raises(ValidationError) as caught:
        rules.check_note("n" * (MAX_TEXT + 1))
    assert caught.value.problems[0].args == (str(MAX_TEXT),)
    with pytest.raises(ValidationError):
        rules.check_reopen("terminee", "r" * (MAX_TEXT + 1))
    assert rules.check_reopen("terminee", " Pas fini ")["status_notes"] == "Pas fini"


def test_a_new_arrondissement_reroutes_by_one_rule() -> None:
    """Was: written twice (console's _new_unit, store's _rerouted). The due date is the
    one announced to the citizen: the service's delay, not the place, sets it."""
    service = CAT.services["VOIRIE-NID-DE-POULE"]
    found: list[FieldProblem] = []
    assert rules.new_unit(CAT.routing, service, "PMR", found) == "TP-PMR"
    assert rules.new_unit(CAT.routing, service, "DDO", found) is None  # a related city
    assert rules.new_unit(CAT.routing, None, "ZZZ", found) is None  # a withdrawn service
    assert [(p.field, p.code) for p in found] == [
        ("arrondissement", "related_city"),
        ("arrondissement", "arrondissement"),
    ]
    assert not hasattr(server_cases, "_rerouted")
    assert not hasattr(console_intake, "_check_location")

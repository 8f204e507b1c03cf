"""One table of drafts and updates, run through the console's path (its services on a real
local SQLite workspace) and the central store's (its push handler on its own database:
SQLite, or PostgreSQL when PG_URL is set): both must give the same verdict, accepted or
refused naming the same fields. Both call app.domain.request_rules; this proves it."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update as sql_update

from app.domain.validation import MAX_TEXT, ValidationError
from app.models import ServiceRequest
from app.services import intake
from app.services.citizens import CitizenDraft
from app.services.workspace import Workspace, open_workspace
from tests.server import conftest as server_fixtures
from tests.server.conftest import Server
from tests.server.factories import case_number, op

# The store's own fixtures (tests/server/conftest.py): a fresh store per test, on SQLite or
# in a PostgreSQL schema of its own when PG_URL is set, with one account per role.
database_url = server_fixtures.database_url
server_db = server_fixtures.server_db
password_hash = server_fixtures.password_hash
server = server_fixtures.server

# The console's form names for the request's fields (the op it queues carries the latter).
CONSOLE_NAMES = {"citizen": "citizen_id", "note": "text", "reason": "status_notes"}
ACCEPTED = "accepted"

POTHOLE: dict[str, Any] = {
    "service_code": "VOIRIE-NID-DE-POULE",
    "channel": "phone",
    "description": "Gros trou devant l'école",
    "attributes": {"emplacement": "chaussee", "danger_immediat": "non"},
    "civic_number": "275",
    "street": "rue Notre-Dame Est",
    "postal_code": "H2Y 1C6",
    "arrondissement": "VM",
}
# A complaint at a place whose words are its description (no required text attribute).
WORKS_COMPLAINT = {
    **POTHOLE,
    "service_code": "INFOTRAVAUX-PLAINTE",
    "description": "Le chantier bloque l'entrée du garage",
    "attributes": {"objet": "entrave"},
}
# Its words are the required attribute "faits": no description needed.
SERVICE_COMPLAINT = {
    **POTHOLE,
    "service_code": "PLAINTE-SERVICE",
    "description": "",
    "attributes": {"service_vise": "Collectes", "faits": "Le camion est passé trop tôt."},
}
BIN = {
    **POTHOLE,
    "service_code": "COLL-BAC",
    "attributes": {"type_bac": "recyclage", "probleme": "vole"},
}

# (id, the draft's fields, a citizen named?, expected verdict)
CREATIONS: list[tuple[str, dict[str, Any], bool, Any]] = [
    ("valid", POTHOLE, False, ACCEPTED),
    ("unknown-service", {**POTHOLE, "service_code": "NOPE"}, False, {"service_code"}),
    ("channel", {**POTHOLE, "channel": "pigeon"}, False, {"channel"}),
    ("no-street", {**POTHOLE, "street": "  "}, False, {"street"}),
    ("street-long", {**POTHOLE, "street": "r" * 201}, False, {"street"}),
    ("description-at-limit", {**POTHOLE, "description": "d" * MAX_TEXT}, False, ACCEPTED),
    ("description-long", {**POTHOLE, "description": "d" * (MAX_TEXT + 1)}, False, {"description"}),
    ("postal-code", {**POTHOLE, "postal_code": "12345"}, False, {"postal_code"}),
    ("unknown-arrondissement", {**POTHOLE, "arrondissement": "ZZZ"}, False, {"arrondissement"}),
    ("no-arrondissement", {**POTHOLE, "arrondissement": ""}, False, {"arrondissement"}),
    ("related-city", {**POTHOLE, "arrondissement": "DDO"}, False, {"arrondissement"}),
    (
        "agglomeration-anywhere",
        {**POTHOLE, "service_code": "VOIRIE-LAMPADAIRE", "attributes": {"probleme": "eteint"}},
        False,
        ACCEPTED,
    ),
    (
        "attribute-missing",
        {**POTHOLE, "attributes": {"emplacement": "chaussee"}},
        False,
        {"attribute[danger_immediat]"},
    ),
    (
        "attribute-choice",
        {**POTHOLE, "attributes": {"emplacement": "lune", "danger_immediat": "non"}},
        False,
        {"attribute[emplacement]"},
    ),
    (
        "attribute-unknown",
        {**POTHOLE, "attributes": {**POTHOLE["attributes"], "couleur": "rouge"}},
        False,
        {"attribute[couleur]"},
    ),
    ("citizen-required", BIN, False, {"citizen_id"}),
    ("citizen-given", BIN, True, ACCEPTED),
    # Drift fixed: a complaint needs its words on both sides (the store took it bare).
    ("complaint-bare", {**WORKS_COMPLAINT, "description": " "}, False, {"description"}),
    ("complaint-said", WORKS_COMPLAINT, False, ACCEPTED),
    ("complaint-in-its-field", SERVICE_COMPLAINT, False, ACCEPTED),
]


def _verdict_of(fields: list[str]) -> Any:
    return {CONSOLE_NAMES.get(name, name) for name in fields} if fields else ACCEPTED


def _store_verdict(result: dict[str, Any]) -> Any:
    if result["status"] == "applied":
        return ACCEPTED
    assert result["status"] in ("rejected", "forbidden"), result
    return _verdict_of([p["field"] for p in result["problems"]])


def _citizen_draft() -> CitizenDraft:
    return CitizenDraft(name="Marie Tremblay", phone="514 555-0123", email="marie@example.com")


def _draft(fields: dict[str, Any], with_citizen: bool) -> intake.Draft:
    return intake.Draft(
        service_code=fields["service_code"],
        channel=fields["channel"],
        description=fields["description"],
        attributes=dict(fields["attributes"]),
        civic_number=fields["civic_number"],
        street=fields["street"],
        postal_code=fields["postal_code"],
        arrondissement=fields["arrondissement"],
        new_citizen=_citizen_draft() if with_citizen else None,
    )


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    made = open_workspace(tmp_path / "console")
    made.set_profile("021", "alice", "311")
    yield made
    made.close()


class Sides:
    """The same request made, changed, noted on both sides."""

    def __init__(self, ws: Workspace, server: Server) -> None:
        self.ws, self.server = ws, server

    # -- the console's path
    def console_create(self, fields: dict[str, Any], with_citizen: bool = False) -> Any:
        try:
            saved = self.ws.save_request(_draft(fields, with_citizen), None)
        except ValidationError as exc:
            return _verdict_of([p.field for p in exc.problems]), None
        return ACCEPTED, saved.case_number

    def console_verdict(self, call: Any) -> Any:
        try:
            call()
        except ValidationError as exc:
            return _verdict_of([p.field for p in exc.problems])
        return ACCEPTED

    def console_set(self, number: str, **values: Any) -> None:
        """As the feed brings a value set elsewhere (a supervisor's closing, a position)."""
        with self.ws.store.writing() as session:
            session.execute(
                sql_update(ServiceRequest)
                .where(ServiceRequest.case_number == number)
                .values(**values)
            )

    # -- the store's path
    def push(self, agent: str, kind: str, target: str, data: dict[str, Any], base: int = 0) -> Any:
        return self.server.push(self.server.agents[agent], [op(kind, target, data, base)])[0]

    def store_create(self, fields: dict[str, Any], with_citizen: bool = False) -> Any:
        data = dict(fields)
        if with_citizen:
            cid = str(uuid.uuid4())
            citizen = dataclasses.asdict(_citizen_draft())
            made = self.push("alice", "citizen.upsert", cid, {"fields": citizen})
            assert made["status"] == "applied", made
            data["citizen_id"] = cid
        number = case_number(self.server.agents["alice"].station)
        result = self.push("alice", "request.create", number, data)
        record = result.get("record") or {}
        return _store_verdict(result), (number, record.get("revision", 0))


@pytest.fixture
def sides(ws: Workspace, server: Server) -> Sides:
    return Sides(ws, server)


@pytest.mark.parametrize(
    ("fields", "with_citizen", "expected"),
    [pytest.param(f, c, e, id=i) for i, f, c, e in CREATIONS],
)
def test_a_new_request_gets_the_same_verdict_on_both_sides(
    sides: Sides, fields: dict[str, Any], with_citizen: bool, expected: Any
) -> None:
    on_console, _ = sides.console_create(fields, with_citizen)
    on_store, _ = sides.store_create(fields, with_citizen)
    assert on_console == on_store == expected


# (id, the request it starts from, a position known?, closed?, supervisor?, changes, verdict)
UPDATES: list[tuple[str, dict[str, Any], bool, bool, bool, dict[str, str], Any]] = [
    ("description", POTHOLE, False, False, False, {"description": "Plus profond"}, ACCEPTED),
    (
        "description-long",
        POTHOLE,
        False,
        False,
        False,
        {"description": "d" * (MAX_TEXT + 1)},
        {"description"},
    ),
    ("street-cleared", POTHOLE, False, False, False, {"street": ""}, {"street"}),
    # Drift fixed: a position is a place on both sides (the console wanted a street).
    ("street-cleared-position-known", POTHOLE, True, False, False, {"street": ""}, ACCEPTED),
    ("postal-code", POTHOLE, False, False, False, {"postal_code": "nope"}, {"postal_code"}),
    ("rerouted", POTHOLE, False, False, False, {"arrondissement": "PMR"}, ACCEPTED),
    (
        "unknown-arrondissement",
        POTHOLE,
        False,
        False,
        False,
        {"arrondissement": "ZZZ"},
        {"arrondissement"},
    ),
    ("related-city", POTHOLE, False, False, False, {"arrondissement": "DDO"}, {"arrondissement"}),
    # Drift fixed: a complaint keeps its words on both sides.
    (
        "complaint-emptied",
        WORKS_COMPLAINT,
        False,
        False,
        False,
        {"description": ""},
        {"description"},
    ),
    # Drift fixed: a closed case is an agent's to reopen, a supervisor's to correct.
    ("closed-agent", POTHOLE, False, True, False, {"description": "Trop tard"}, {"description"}),
    ("closed-supervisor", POTHOLE, False, True, True, {"description": "Corrigé"}, ACCEPTED),
]


def _started(
    sides: Sides, base: dict[str, Any], position: bool, closed: bool
) -> tuple[str, str, int]:
    verdict, console_number = sides.console_create(base)
    assert verdict == ACCEPTED
    store_verdict, (store_number, revision) = sides.store_create(
        {**base, **({"lat": 45.5017, "long": -73.5673} if position else {})}
    )
    assert store_verdict == ACCEPTED
    if position:
        sides.console_set(console_number, lat=45.5017, long=-73.5673)
    if closed:
        sides.console_set(console_number, status="terminee")
        done = sides.push(
            "sophie", "request.update", store_number, {"fields": {"status": "terminee"}}, revision
        )
        assert done["status"] == "applied", done
        revision = done["record"]["revision"]
    return console_number, store_number, revision


@pytest.mark.parametrize(
    ("base", "position", "closed", "supervisor", "changes", "expected"),
    [pytest.param(b, p, c, s, ch, e, id=i) for i, b, p, c, s, ch, e in UPDATES],
)
def test_an_update_gets_the_same_verdict_on_both_sides(
    sides: Sides,
    base: dict[str, Any],
    position: bool,
    closed: bool,
    supervisor: bool,
    changes: dict[str, str],
    expected: Any,
) -> None:
    console_number, store_number, revision = _started(sides, base, position, closed)
    sides.ws.role = "supervisor" if supervisor else "agent"
    on_console = sides.console_verdict(lambda: sides.ws.edit_request(console_number, changes))
    who = "sophie" if supervisor else "alice"
    result = sides.push(who, "request.update", store_number, {"fields": changes}, revision)
    assert on_console == _store_verdict(result) == expected
    if expected == ACCEPTED:
        # Re-routed alike: the same unit takes the corrected request.
        detail = sides.ws.case_detail(console_number)
        assert detail is not None
        assert detail.responsible_unit == result["record"]["responsible_unit"]


# (id, closed?, supervisor?, the note, verdict)
NOTES: list[tuple[str, bool, bool, str, Any]] = [
    ("note", False, False, "La citoyenne rappelle", ACCEPTED),
    ("blank", False, False, "   ", {"text"}),
    ("long", False, False, "n" * (MAX_TEXT + 1), {"text"}),
    ("closed-agent", True, False, "La citoyenne rappelle", {"text"}),
    ("closed-supervisor", True, True, "Vu avec l'unité", ACCEPTED),
]


@pytest.mark.parametrize(
    ("closed", "supervisor", "note", "expected"),
    [pytest.param(c, s, n, e, id=i) for i, c, s, n, e in NOTES],
)
def test_a_note_gets_the_same_verdict_on_both_sides(
    sides: Sides, closed: bool, supervisor: bool, note: str, expected: Any
) -> None:
    console_number, store_number, _revision = _started(sides, POTHOLE, False, closed)
    sides.ws.role = "supervisor" if supervisor else "agent"
    on_console = sides.console_verdict(lambda: sides.ws.add_note(console_number, note))
    who = "sophie" if supervisor else "alice"
    result = sides.push(who, "request.note", store_number, {"text": note})
    assert on_console == _store_verdict(result) == expected


@pytest.mark.parametrize(
    ("closed", "supervisor", "expected"),
    [
        pytest.param(False, False, ACCEPTED, id="open"),
        pytest.param(True, False, {"citizen_id"}, id="closed-agent"),
        pytest.param(True, True, ACCEPTED, id="closed-supervisor"),
    ],
)
def test_attaching_a_citizen_gets_the_same_verdict_on_both_sides(
    sides: Sides, closed: bool, supervisor: bool, expected: Any
) -> None:
    console_number, store_number, _revision = _started(sides, POTHOLE, False, closed)
    sides.ws.role = "supervisor" if supervisor else "agent"
    draft = dataclasses.replace(_draft(POTHOLE, True), description="")
    on_console = sides.console_verdict(lambda: sides.ws.attach_to_case(console_number, draft, None))
    cid = str(uuid.uuid4())
    made = sides.push(
        "alice", "citizen.upsert", cid, {"fields": dataclasses.asdict(_citizen_draft())}
    )
    assert made["status"] == "applied", made
    who = "sophie" if supervisor else "alice"
    result = sides.push(who, "request.attach_citizen", store_number, {"citizen_id": cid})
    assert on_console == _store_verdict(result) == expected


@pytest.mark.parametrize(
    ("closed", "reason", "expected"),
    [
        pytest.param(True, "Le trou est revenu", ACCEPTED, id="closed"),
        pytest.param(True, "  ", {"status_notes"}, id="no-reason"),
        pytest.param(True, "r" * (MAX_TEXT + 1), {"status_notes"}, id="reason-long"),
        pytest.param(False, "Pas fini", {"status"}, id="open"),
    ],
)
def test_reopening_gets_the_same_verdict_on_both_sides(
    sides: Sides, closed: bool, reason: str, expected: Any
) -> None:
    console_number, store_number, revision = _started(sides, POTHOLE, False, closed)
    on_console = sides.console_verdict(lambda: sides.ws.reopen_request(console_number, reason))
    wanted = {"status": "reactivee", "status_notes": reason}
    result = sides.push("alice", "request.update", store_number, {"fields": wanted}, revision)
    assert on_console == _store_verdict(result) == expected

"""Two consoles correcting the same case, against the real central store on loopback:
corrections of different fields merge everywhere, the same field comes back to the
second console as a conflict it settles field by field, notes from both are kept, and a
corrected arrondissement sends the case to that arrondissement's unit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.case_lookup import CaseDetail
from app.services.conflicts import Clash
from app.services.workspace import Workspace
from tests.sync.test_engine import Console, pothole, server_case

LOCATION = ("description", "civic_number", "street", "postal_code", "arrondissement")


@pytest.fixture
def consoles(tmp_path: Path, live_server: Any) -> Iterator[list[Console]]:
    made = [
        Console(tmp_path / "a", live_server.url, "agent1", "021"),
        Console(tmp_path / "b", live_server.url, "agent2", "022"),
    ]
    yield made
    for console in made:
        console.close()


@pytest.fixture
def case(consoles: list[Console]) -> str:
    """A case A created, on both consoles."""
    a, b = consoles
    case_number = a.workspace.save_request(pothole(1), None).case_number
    assert a.sync() and b.sync()
    assert b.workspace.case_detail(case_number) is not None
    return case_number


def detail(workspace: Workspace, case_number: str) -> CaseDetail:
    found = workspace.case_detail(case_number)
    assert found is not None
    return found


def local(console: Console, case_number: str) -> dict[str, str]:
    shown = detail(console.workspace, case_number)
    return {
        "description": shown.description,
        "civic_number": shown.summary.civic_number,
        "street": shown.summary.street,
        "postal_code": shown.postal_code,
        "arrondissement": shown.summary.arrondissement,
    }


def central(console: Console, case_number: str) -> dict[str, str]:
    record = server_case(console.client, case_number)
    return {name: record[name] for name in LOCATION}


def settled(consoles: list[Console]) -> None:
    for console in consoles:
        assert console.workspace.conflict_count() == 0
        assert console.engine.status.pending == console.engine.status.held == 0


def test_corrections_of_different_fields_merge_everywhere(
    consoles: list[Console], case: str
) -> None:
    a, b = consoles
    a.workspace.edit_request(case, {"description": "Trou profond, côté nord"})
    b.workspace.edit_request(case, {"civic_number": "1003", "postal_code": "h2j 1x5"})
    assert a.sync() and b.sync() and a.sync()
    wanted = {
        "description": "Trou profond, côté nord",
        "civic_number": "1003",
        "street": "rue Rachel Est",
        "postal_code": "H2J 1X5",
        "arrondissement": "PMR",
    }
    assert central(a, case) == wanted
    for console in (a, b):
        assert local(console, case) == wanted
    settled(consoles)
    # Each correction is on the case's history, by whoever made it.
    events = detail(a.workspace, case).events
    changed = [(e.actor, sorted(e.data["fields"])) for e in events if e.kind == "updated"]
    assert ("agent1", ["description"]) in changed
    assert ("agent2", ["civic_number", "postal_code"]) in changed


def test_the_same_field_is_a_conflict_settled_keeping_mine_then_theirs(
    consoles: list[Console], case: str
) -> None:
    a, b = consoles
    a.workspace.edit_request(case, {"description": "Trou devant le 1001"})
    b.workspace.edit_request(case, {"description": "Trou devant le 1003", "civic_number": "1003"})
    assert a.sync() and b.sync()

    # B's whole operation was refused: B now sees the central store's case.
    assert b.workspace.conflict_count() == 1 and b.engine.status.held == 1
    assert local(b, case)["description"] == "Trou devant le 1001"
    assert local(b, case)["civic_number"] == "1001"
    [conflict] = b.workspace.conflicts()
    assert (conflict.entity, conflict.target) == ("request", case)
    assert conflict.label == f"{case} · Nid-de-poule"
    assert conflict.clashes == [Clash("description", "Trou devant le 1003", "Trou devant le 1001")]
    assert conflict.others == {"civic_number": "1003"}

    assert b.workspace.resolve_conflict(conflict.seq, {"description"}) is not None
    assert b.workspace.conflict_count() == 0
    mine = {"description": "Trou devant le 1003", "civic_number": "1003"}
    assert {k: local(b, case)[k] for k in mine} == mine
    assert b.sync() and a.sync()
    assert {k: central(a, case)[k] for k in mine} == mine
    assert local(a, case) == local(b, case) == central(a, case)
    settled(consoles)

    # Again, and this time B gives way: nothing is sent, B shows A's text.
    a.workspace.edit_request(case, {"description": "Réparé en partie"})
    b.workspace.edit_request(case, {"description": "Toujours là"})
    assert a.sync() and b.sync()
    [conflict] = b.workspace.conflicts()
    assert conflict.clashes == [Clash("description", "Toujours là", "Réparé en partie")]
    assert b.workspace.resolve_conflict(conflict.seq, set()) is None
    assert local(b, case)["description"] == "Réparé en partie"
    assert b.sync() and a.sync()
    assert central(a, case)["description"] == "Réparé en partie"
    settled(consoles)


def test_notes_from_both_consoles_are_kept_beside_their_corrections(
    consoles: list[Console], case: str
) -> None:
    a, b = consoles
    a.workspace.add_note(case, "Note de A")
    a.workspace.edit_request(case, {"street": "rue Rachel E."})
    b.workspace.add_note(case, "Note de B")
    b.workspace.edit_request(case, {"description": "Vu par B"})
    assert a.sync() and b.sync() and a.sync()
    for console in (a, b):
        shown = detail(console.workspace, case)
        notes = sorted(e.data["text"] for e in shown.events if e.kind == "note")
        assert notes == ["Note de A", "Note de B"]
        assert (shown.summary.street, shown.description) == ("rue Rachel E.", "Vu par B")
    record = server_case(a.client, case)
    assert sorted(e["data"]["text"] for e in record["events"] if e["kind"] == "note") == [
        "Note de A",
        "Note de B",
    ]
    settled(consoles)


def test_a_corrected_arrondissement_reroutes_the_case(consoles: list[Console], case: str) -> None:
    a, b = consoles
    assert detail(b.workspace, case).responsible_unit == "TP-PMR"
    shown = a.workspace.edit_request(case, {"arrondissement": "VM"})
    assert shown.responsible_unit == "TP-VM"  # at once, before any sync
    assert a.sync() and b.sync()
    assert server_case(a.client, case)["responsible_unit"] == "TP-VM"
    for console in (a, b):
        shown = detail(console.workspace, case)
        assert (shown.summary.arrondissement, shown.responsible_unit) == ("VM", "TP-VM")
        routed = [e.data for e in shown.events if e.kind == "routed"]
        assert routed[-1] == {"unit": "TP-VM", "reason": "arrondissement"}

    # Both move it: B keeps its own arrondissement, and the case follows B's choice.
    a.workspace.edit_request(case, {"arrondissement": "RPP"})
    b.workspace.edit_request(case, {"arrondissement": "MHM"})
    assert a.sync() and b.sync()
    [conflict] = b.workspace.conflicts()
    assert conflict.clashes == [Clash("arrondissement", "MHM", "RPP")]
    assert detail(b.workspace, case).responsible_unit == "TP-RPP"
    b.workspace.resolve_conflict(conflict.seq, {"arrondissement"})
    assert detail(b.workspace, case).responsible_unit == "TP-MHM"
    assert b.sync() and a.sync()
    assert server_case(a.client, case)["responsible_unit"] == "TP-MHM"
    assert detail(a.workspace, case).responsible_unit == "TP-MHM"
    settled(consoles)


def test_a_correction_made_before_the_creation_was_sent_arrives_with_it(
    consoles: list[Console],
) -> None:
    a, b = consoles
    case_number = a.workspace.save_request(pothole(2), None).case_number
    a.workspace.edit_request(case_number, {"street": "av. Laurier Est", "arrondissement": "RPP"})
    assert a.sync() and b.sync()
    record = server_case(a.client, case_number)
    assert (record["street"], record["arrondissement"]) == ("av. Laurier Est", "RPP")
    assert record["responsible_unit"] == "TP-RPP"
    for console in (a, b):
        shown = detail(console.workspace, case_number)
        assert (shown.summary.street, shown.responsible_unit) == ("av. Laurier Est", "TP-RPP")
    settled(consoles)

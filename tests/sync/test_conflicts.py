"""Two agents editing one citizen, against the real central store on loopback: edits of
different fields merge everywhere, edits of the same field come back as a conflict the
agent settles field by field, and a conflict holds up nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from app.domain.validation import ValidationError
from app.server.models import Citizen as ServerCitizen
from app.services import conflicts, outbox
from app.services.citizens import edit_citizen
from app.services.conflicts import Clash, ConflictGone
from app.services.workspace import Workspace, open_workspace
from tests.sync.test_engine import Console, pothole, server_case


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
def shared(consoles: list[Console]) -> str:
    """A creates a request for a new citizen, both consoles sync: the citizen's id."""
    a, b = consoles
    a.workspace.save_request(pothole(1), None)
    assert a.sync() and b.sync()
    found = b.workspace.lookup_citizens("514 555 0001")
    assert [c.name for c in found] == ["Citoyen 1"]
    return found[0].id


def on_server(live_server: Any, citizen_id: str) -> dict[str, str]:
    engine = create_engine(live_server.db_url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                select(ServerCitizen.name, ServerCitizen.phone, ServerCitizen.email).where(
                    ServerCitizen.id == citizen_id
                )
            ).one()
    finally:
        engine.dispose()
    return {"name": row.name, "phone": row.phone, "email": row.email}


def local(console: Console, citizen_id: str) -> dict[str, str]:
    match = console.workspace.citizen(citizen_id)
    assert match is not None
    return {"name": match.name, "phone": match.phone, "email": match.email}


def ops(workspace: Workspace) -> list[outbox.OpView]:
    return workspace.sync_overview()[1]


def test_edits_of_different_fields_merge_everywhere(
    consoles: list[Console], shared: str, live_server: Any
) -> None:
    a, b = consoles
    a.workspace.edit_citizen(shared, {"phone": "514 555 0101"})
    b.workspace.edit_citizen(shared, {"email": "C1@Exemple.ca"})
    assert a.sync() and b.sync() and a.sync()
    wanted = {"name": "Citoyen 1", "phone": "514-555-0101", "email": "c1@exemple.ca"}
    assert on_server(live_server, shared) == wanted
    for console in (a, b):
        assert local(console, shared) == wanted
        assert console.workspace.conflict_count() == 0
        assert console.engine.status.pending == console.engine.status.held == 0


def test_a_clash_is_settled_keeping_mine_then_theirs(
    consoles: list[Console], shared: str, live_server: Any
) -> None:
    a, b = consoles
    a.workspace.edit_citizen(shared, {"phone": "514 555 0202", "email": "a@exemple.ca"})
    b.workspace.edit_citizen(shared, {"phone": "514 555 0303", "name": "Citoyenne Une"})
    assert a.sync() and b.sync()

    # B's whole operation was refused: B now sees the central store's citizen.
    assert b.workspace.conflict_count() == 1 and b.engine.status.held == 1
    assert local(b, shared) == {
        "name": "Citoyen 1",
        "phone": "514-555-0202",
        "email": "a@exemple.ca",
    }
    [conflict] = b.workspace.conflicts()
    assert (conflict.entity, conflict.target, conflict.label) == ("citizen", shared, "Citoyen 1")
    assert conflict.clashes == [Clash("phone", "514-555-0303", "514-555-0202")]
    assert conflict.others == {"name": "Citoyenne Une"}

    new_op = b.workspace.resolve_conflict(conflict.seq, {"phone"})
    assert new_op is not None and b.workspace.conflict_count() == 0
    assert local(b, shared) == {
        "name": "Citoyenne Une",
        "phone": "514-555-0303",
        "email": "a@exemple.ca",
    }
    with pytest.raises(ConflictGone):
        b.workspace.resolve_conflict(conflict.seq, {"phone"})
    assert b.sync() and a.sync()
    settled = {"name": "Citoyenne Une", "phone": "514-555-0303", "email": "a@exemple.ca"}
    assert on_server(live_server, shared) == settled
    assert local(a, shared) == local(b, shared) == settled
    assert b.engine.status.held == 0

    # Again, and this time B gives way: nothing is sent, B shows A's number.
    a.workspace.edit_citizen(shared, {"phone": "514 555 0404"})
    b.workspace.edit_citizen(shared, {"phone": "514 555 0505"})
    assert a.sync() and b.sync()
    [conflict] = b.workspace.conflicts()
    assert conflict.clashes == [Clash("phone", "514-555-0505", "514-555-0404")]
    assert b.workspace.resolve_conflict(conflict.seq, set()) is None
    assert ops(b.workspace) == []
    assert local(b, shared)["phone"] == "514-555-0404"
    assert b.sync()
    assert on_server(live_server, shared)["phone"] == "514-555-0404"


def test_a_conflict_holds_up_no_other_work(
    consoles: list[Console], shared: str, live_server: Any
) -> None:
    a, b = consoles
    a.workspace.edit_citizen(shared, {"phone": "514 555 0606"})
    b.workspace.edit_citizen(shared, {"phone": "514 555 0707"})
    assert a.sync()
    case_number = b.workspace.save_request(pothole(2), None).case_number
    assert b.sync()
    assert b.workspace.conflict_count() == 1
    assert server_case(b.client, case_number)["case_number"] == case_number
    assert b.engine.status.pending == 0 and b.engine.status.held == 1
    # An edit made after the clash is sent at once, and wins over the settled clash.
    b.workspace.edit_citizen(shared, {"phone": "514 555 0808"})
    [conflict] = b.workspace.conflicts()
    assert b.workspace.resolve_conflict(conflict.seq, {"phone"}) is None
    assert b.sync() and a.sync()
    assert on_server(live_server, shared)["phone"] == "514-555-0808"
    assert local(a, shared)["phone"] == "514-555-0808"


# -- editing, without a server ------------------------------------------------------------
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture
def citizen_ws(tmp_path: Path) -> Iterator[tuple[Workspace, str]]:
    ws = open_workspace(tmp_path / "ws", load_bundled=False)
    ws.set_profile("031", "agent1", "311")
    ws.save_request(pothole(3), None)
    [match] = ws.lookup_citizens("514 555 0003")
    yield ws, match.id
    ws.close()


def test_an_edit_sends_only_what_changed(citizen_ws: tuple[Workspace, str]) -> None:
    ws, citizen_id = citizen_ws
    before = len(ops(ws))
    match = edit_citizen(
        ws.store,
        citizen_id,
        {"name": " Citoyen 3 ", "phone": "(514) 555-0033", "email": "", "preferred_language": "en"},
        NOW,
    )
    assert (match.phone, match.preferred_language) == ("514-555-0033", "en")
    with ws.store.session() as session:
        last = outbox.pending(session)[-1]
        assert (last.type, last.target, last.base_revision) == ("citizen.upsert", citizen_id, 0)
        assert last.data == {"fields": {"phone": "514-555-0033", "preferred_language": "en"}}
    edit_citizen(ws.store, citizen_id, {"phone": "514-555-0033"}, NOW)
    assert len(ops(ws)) == before + 1  # nothing changed: nothing sent


def test_a_bad_edit_names_its_field_and_changes_nothing(
    citizen_ws: tuple[Workspace, str],
) -> None:
    ws, citizen_id = citizen_ws
    before = len(ops(ws))
    with pytest.raises(ValidationError) as caught:
        ws.edit_citizen(citizen_id, {"phone": "555", "name": ""})
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("citizen.phone", "phone"),
        ("citizen.name", "required"),
    }
    with pytest.raises(ValidationError) as caught:
        ws.edit_citizen(citizen_id, {"phone": ""})  # the only way to reach the citizen
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("citizen.phone", "contact_required")
    ]
    assert len(ops(ws)) == before
    assert ws.citizen(citizen_id).phone == "514-555-0003"  # type: ignore[union-attr]
    assert conflicts.conflict_count(ws.store) == 0

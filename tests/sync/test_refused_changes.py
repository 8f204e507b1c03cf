"""Changes the real central store refuses, on loopback, and their way out: a creation
whose description is longer than the store takes (its rule made stricter than the
console's here) is corrected and resent, and arrives with the note that waited for it; a
dropped correction brings the store's copy back, at once or at the next sync after an
outage; a dropped creation the store never had is removed once the store says so."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import app.server.request_ops as server_cases
from app.domain.validation import FieldProblem
from app.server.problems import Refused as StoreRefused
from app.services.case_lookup import CaseDetail
from app.sync.client import Refused
from tests.sync.test_engine import Console, pothole, server_case

STRICT = 40  # the store's limit on a description in these tests (the console takes 4000)
LONG = "Trou très profond devant le dépanneur, côté nord de la rue"


@pytest.fixture
def console(tmp_path: Path, live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Console]:
    # The console and the store share their rules (app.domain.request_rules): the store
    # alone is made stricter here, at its own validation step.
    validate = server_cases._validate

    def strict(work: Any, catalogue: Any, data: Any, *args: Any) -> Any:
        problems = args[-1]
        description = data.get("description")
        if isinstance(description, str) and len(description.strip()) > STRICT:
            message = f"too long: {len(description.strip())} characters, at most {STRICT}"
            problems.append(FieldProblem("description", message))
        return validate(work, catalogue, data, *args) if work is not None else None

    check_update = server_cases._check_update

    def strict_update(catalogue: Any, req: Any, wanted: Any, *args: Any) -> Any:
        found: list[FieldProblem] = []
        strict(None, catalogue, wanted, found)
        if found:
            raise StoreRefused("rejected", found)
        return check_update(catalogue, req, wanted, *args)

    monkeypatch.setattr(server_cases, "_validate", strict)
    monkeypatch.setattr(server_cases, "_check_update", strict_update)
    made = Console(tmp_path / "a", live_server.url, "agent1", "021")
    yield made
    made.close()


def detail(console: Console, case_number: str) -> CaseDetail:
    found = console.workspace.case_detail(case_number)
    assert found is not None
    return found


def on_server(console: Console, case_number: str) -> bool:
    try:
        server_case(console.client, case_number)
    except Refused as exc:
        assert exc.status == 404
        return False
    return True


def refused_creation(console: Console, with_note: bool = False) -> str:
    draft = pothole(1)
    draft.description = LONG
    case_number = console.workspace.save_request(draft, None).case_number
    if with_note:
        console.workspace.add_note(case_number, "Le citoyen rappelle")
    assert console.sync()
    assert console.engine.status.held == 1 + with_note
    return case_number


def test_a_refused_creation_is_corrected_resent_and_applied(console: Console) -> None:
    case_number = refused_creation(console, with_note=True)
    assert not on_server(console, case_number)
    shown = detail(console, case_number)
    assert shown.sync_state == "refused" and shown.waiting_on_creation == 1
    [refusal] = shown.refusals
    [problem] = refusal.problems
    assert (problem.field, problem.code) == ("description", "store_too_long")
    assert problem.args == (str(len(LONG)), str(STRICT))

    console.workspace.resend_refused(refusal.seq, {"description": "Trou profond, côté nord"})
    assert console.sync()
    record = server_case(console.client, case_number)
    assert record["description"] == "Trou profond, côté nord"
    assert [e["data"]["text"] for e in record["events"] if e["kind"] == "note"] == [
        "Le citoyen rappelle"
    ]
    shown = detail(console, case_number)
    assert shown.synced and shown.revision == record["revision"]
    assert console.engine.status.held == console.engine.status.pending == 0
    # The resend stays on the case's timeline among the store's own events.
    kinds = [e.kind for e in shown.events]
    assert "resent" in kinds and "created" in kinds and "note" in kinds


def synced(console: Console) -> str:
    case_number = console.workspace.save_request(pothole(2), None).case_number
    assert console.sync() and on_server(console, case_number)
    return case_number


def test_a_dropped_correction_shows_the_stores_copy_at_once(console: Console) -> None:
    case_number = synced(console)
    console.workspace.edit_request(case_number, {"description": LONG})
    assert console.sync() and console.engine.status.held == 1
    [refusal] = detail(console, case_number).refusals
    assert refusal.type == "request.update"
    console.workspace.drop_refused(refusal.seq)
    # What the case view does: the store's copy on the sync's own thread, then applied.
    record = asyncio.run(console.engine.fetch_request(case_number))
    assert record is not None
    shown = console.workspace.take_store_copy(case_number, record)
    assert shown is not None and shown.synced
    assert shown.description == server_case(console.client, case_number)["description"] == ""
    assert [e.kind for e in shown.events][-1] == "dropped"
    assert console.sync() and console.engine.status.held == 0


def test_a_correction_dropped_offline_is_completed_at_the_next_sync(
    console: Console, live_server: Any
) -> None:
    case_number = synced(console)
    console.workspace.edit_request(case_number, {"description": LONG, "civic_number": "1010"})
    assert console.sync()
    [refusal] = detail(console, case_number).refusals
    live_server.stop()
    console.workspace.drop_refused(refusal.seq)
    assert not console.sync()
    shown = detail(console, case_number)
    assert shown.sync_state == "awaited" and shown.description == LONG
    live_server.restart()
    assert console.sync()
    shown = detail(console, case_number)
    assert shown.synced and (shown.description, shown.summary.civic_number) == ("", "1002")
    assert console.workspace.cases_awaiting_copy() == []


def test_a_dropped_creation_the_store_never_had_is_removed(console: Console) -> None:
    case_number = refused_creation(console)
    [refusal] = detail(console, case_number).refusals
    assert console.workspace.drop_refused(refusal.seq).created
    assert asyncio.run(console.engine.fetch_request(case_number)) is None  # 404
    shown = console.workspace.take_store_copy(case_number, None)
    assert shown is not None and shown.sync_state == "absent"
    assert console.workspace.remove_local_case(case_number) == 0
    assert console.workspace.case_detail(case_number) is None
    assert console.sync() and console.engine.status.held == 0


def test_a_creation_dropped_offline_learns_at_the_next_sync_that_the_store_has_none(
    console: Console, live_server: Any
) -> None:
    case_number = refused_creation(console)
    [refusal] = detail(console, case_number).refusals
    live_server.stop()
    console.workspace.drop_refused(refusal.seq)
    assert not console.sync()
    assert detail(console, case_number).sync_state == "awaited"
    live_server.restart()
    assert console.sync()
    # Told, not removed behind the agent's back: the case says the store has no copy.
    assert detail(console, case_number).sync_state == "absent"
    console.workspace.remove_local_case(case_number)
    assert console.workspace.case_detail(case_number) is None

"""Correcting a request's description and location on one workstation: checked as intake
checks a new request (each problem names its field), refused on a closed case, applied
locally with its timeline line and queued with only what changed; a case still waiting
to be created on the central store gets its correction queued after the creation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from app.domain.validation import ValidationError
from app.models import OutboxOp, ServiceRequest
from app.services import outbox, replica, request_edits
from app.services.case_lookup import CaseDetail
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # a Monday, office hours in Montréal


def pothole() -> Draft:
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        description="Gros trou devant l'école",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Jean Tremblay", "514 555 0123", "", "fr"),
    )


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("041", "alice", "311")
    yield workspace
    workspace.close()


def sent(ws: Workspace) -> None:
    """Everything queued so far reached the central store (its answers recorded)."""
    with ws.store.session() as session:
        ids = [op.op_id for op in outbox.pending(session)]
    replica.record_results(ws.store, [{"op_id": op_id, "status": "applied"} for op_id in ids])


def queued(ws: Workspace) -> list[OutboxOp]:
    with ws.store.session() as session:
        return outbox.pending(session)


def asked(op: OutboxOp) -> dict[str, Any]:
    """What an update op asks for, without the time it was done (checked: ISO 8601)."""
    data = dict(op.data)
    datetime.fromisoformat(data.pop("at"))
    return data


def edit(ws: Workspace, case_number: str, **changes: str) -> CaseDetail:
    assert ws.profile is not None
    return request_edits.edit_request(ws.store, ws.catalogue, ws.profile, case_number, changes, NOW)


@pytest.fixture
def case(ws: Workspace) -> str:
    case_number = ws.save_request(pothole(), None).case_number
    sent(ws)
    with ws.store.writing() as session:
        # The central store's revision, as the feed would have brought it.
        session.execute(update(ServiceRequest).values(revision=4))
    return case_number


def test_only_changed_fields_are_queued_on_the_revision_seen(ws: Workspace, case: str) -> None:
    detail = edit(
        ws,
        case,
        description="  Gros trou devant l'école, côté nord  ",
        civic_number="1236 a",
        street="boul. St-Laurent",  # as it is: not sent
        postal_code="h2x1y4",
    )
    assert detail.description == "Gros trou devant l'école, côté nord"
    assert (detail.summary.civic_number, detail.postal_code) == ("1236A", "H2X 1Y4")
    [op] = queued(ws)
    assert (op.type, op.target, op.base_revision) == ("request.update", case, 4)
    assert op.data["at"] == NOW.isoformat()  # when the agent did it, for the history
    assert asked(op) == {
        "fields": {
            "description": "Gros trou devant l'école, côté nord",
            "civic_number": "1236A",
            "postal_code": "H2X 1Y4",
        }
    }
    last = detail.events[-1]
    assert (last.kind, last.actor) == ("updated", "alice")
    assert last.data["fields"]["civic_number"] == {"from": "1234", "to": "1236A"}
    # The same values again: nothing to send.
    edit(ws, case, civic_number="1236A", description="Gros trou devant l'école, côté nord")
    assert len(queued(ws)) == 1


def test_a_new_street_is_found_by_its_new_address(ws: Workspace, case: str) -> None:
    edit(ws, case, street="av. du Mont-Royal Est", civic_number="55")
    assert [c.case_number for c in ws.find_cases("55 Mont-Royal Est").cases] == [case]
    assert ws.find_cases("1234 boul. St-Laurent").cases == ()


def test_a_new_arrondissement_reroutes_the_case(ws: Workspace, case: str) -> None:
    detail = edit(ws, case, arrondissement="VM")
    assert (detail.summary.arrondissement, detail.responsible_unit) == ("VM", "TP-VM")
    routed, updated = detail.events[-2:]
    assert (routed.kind, routed.data) == ("routed", {"unit": "TP-VM", "reason": "arrondissement"})
    assert updated.data == {"fields": {"arrondissement": {"from": "PMR", "to": "VM"}}}
    [op] = queued(ws)
    assert asked(op) == {"fields": {"arrondissement": "VM"}}  # the server re-routes by itself


def test_each_problem_names_its_field_and_nothing_changes(ws: Workspace, case: str) -> None:
    with pytest.raises(ValidationError) as caught:
        edit(
            ws,
            case,
            civic_number="douze",
            street="",
            postal_code="12345",
            arrondissement="XYZ",
            description="x" * 4001,
        )
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("civic_number", "civic"),
        ("street", "street"),  # a pothole is somewhere
        ("postal_code", "postal_code"),
        ("arrondissement", "arrondissement"),
        ("description", "too_long"),
    }
    with pytest.raises(ValidationError) as caught:
        edit(ws, case, arrondissement="BEA")  # a related city runs its own roads
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("arrondissement", "related_city")
    ]
    assert queued(ws) == []
    detail = ws.case_detail(case)
    assert detail is not None
    assert (detail.summary.civic_number, detail.summary.arrondissement) == ("1234", "PMR")
    with pytest.raises(ValueError, match="status"):
        edit(ws, case, status="terminee")


def test_only_the_edited_fields_are_blamed(ws: Workspace, case: str) -> None:
    with ws.store.writing() as session:
        # Imported without a street: a corrected description is still accepted.
        session.execute(update(ServiceRequest).values(street="", street_key=""))
    edit(ws, case, description="Devant le 1234")
    [op] = queued(ws)
    assert asked(op) == {"fields": {"description": "Devant le 1234"}}


def test_a_closed_or_unknown_case_is_refused(ws: Workspace, case: str) -> None:
    with ws.store.writing() as session:
        session.execute(update(ServiceRequest).values(status="terminee"))
    with pytest.raises(ValidationError) as caught:
        edit(ws, case, description="Trop tard")
    # As the central store says it (app.domain.lifecycle): reopen it, or a supervisor.
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("description", "case_closed_supervisor")
    ]
    with pytest.raises(ValidationError) as caught:
        edit(ws, "26-041-999999-0", description="Quel dossier ?")
    assert [p.code for p in caught.value.problems] == ["unknown_case"]
    assert queued(ws) == []


def test_a_case_not_yet_created_centrally_gets_its_update_after_the_creation(
    ws: Workspace,
) -> None:
    case_number = ws.save_request(pothole(), None).case_number
    edit(ws, case_number, street="rue Rachel Est", arrondissement="VM")
    ops = queued(ws)
    assert [op.type for op in ops] == ["citizen.upsert", "request.create", "request.update"]
    create, update_op = ops[1], ops[2]
    # The creation goes as it was queued (it may be on its way already): the correction
    # follows it, on revision 0, the new case's only one.
    assert (create.data["street"], create.data["arrondissement"]) == ("boul. St-Laurent", "PMR")
    assert update_op.base_revision == 0
    assert asked(update_op) == {"fields": {"street": "rue Rachel Est", "arrondissement": "VM"}}
    detail = ws.case_detail(case_number)
    assert detail is not None and not detail.synced
    assert (detail.summary.street, detail.responsible_unit) == ("rue Rachel Est", "TP-VM")


def close(ws: Workspace, status: str = "terminee") -> None:
    with ws.store.writing() as session:  # as the feed brings a supervisor's closing
        session.execute(update(ServiceRequest).values(status=status))


def test_an_agent_reopens_a_closed_case_as_reactivee_with_the_reason(
    ws: Workspace, case: str
) -> None:
    close(ws, "annulee")
    with pytest.raises(ValidationError) as caught:
        ws.reopen_request(case, "   ")
    assert [(p.field, p.code) for p in caught.value.problems] == [("reason", "reopen_reason")]
    detail = ws.reopen_request(case, "Le trou est revenu")
    assert detail.summary.status == "reactivee" and detail.status_notes == "Le trou est revenu"
    assert [e.kind for e in detail.events][-1] == "status"
    [op] = queued(ws)
    assert (op.type, op.base_revision) == ("request.update", 4)
    assert asked(op) == {"fields": {"status": "reactivee", "status_notes": "Le trou est revenu"}}
    # Open now: it takes notes, and it cannot be reopened twice.
    ws.add_note(case, "Rappel demandé")
    with pytest.raises(ValidationError) as caught:
        ws.reopen_request(case, "Encore")
    assert [p.code for p in caught.value.problems] == ["reopen_open"]


def test_a_closed_case_takes_notes_from_a_supervisor_only(ws: Workspace, case: str) -> None:
    close(ws)
    with pytest.raises(ValidationError) as caught:
        ws.add_note(case, "La citoyenne rappelle")
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("note", "case_closed_supervisor")
    ]
    assert queued(ws) == []
    ws.role = "supervisor"
    ws.add_note(case, "Vu avec l'unité")
    assert [op.type for op in queued(ws)] == ["request.note"]


def test_a_supervisor_corrects_a_closed_case_as_the_central_store_allows(
    ws: Workspace, case: str
) -> None:
    """Drift fixed: the console refused every correction of a closed case, the store took
    a supervisor's; both now apply app.domain.lifecycle (an agent reopens it first)."""
    close(ws)
    ws.role = "supervisor"
    detail = ws.edit_request(case, {"description": "Corrigé après fermeture"})
    assert detail.description == "Corrigé après fermeture"
    [op] = queued(ws)
    assert asked(op) == {"fields": {"description": "Corrigé après fermeture"}}

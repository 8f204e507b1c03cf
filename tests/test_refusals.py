"""Changes the central store refused, on real SQLite stores: the case says so with the
store's reasons, the case list flags it; corrected, a change goes again under a new op_id
(a creation rewritten from the corrected request, with the changes that waited for it);
dropped, it leaves the outbox with a line on the timeline and the store's copy comes in,
or the case is removed once the store says it has none."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.validation import ValidationError
from app.models import OutboxOp
from app.services import outbox, replica
from app.services.case_lookup import CaseDetail
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.refusals import RefusalGone
from app.services.workspace import Workspace, open_workspace

TOO_LONG = {"field": "description", "message": "too long: 31 characters, at most 20"}


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("015", "denise", "311")
    yield workspace
    workspace.close()


def save(ws: Workspace, description: str = "Trou profond devant le dépanneur") -> str:
    draft = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        description=description,
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Marie Roy", "514 555 0199", "", "fr"),
    )
    return ws.save_request(draft, None).case_number


def ops(ws: Workspace, target: str | None = None) -> list[Any]:
    with ws.store.session() as session:
        found = session.scalars(select(OutboxOp).order_by(OutboxOp.seq))
        return [op for op in found if target is None or op.target == target]


def answer(ws: Workspace, type_: str, result: dict[str, Any], target: str | None = None) -> str:
    """The store's answer to the oldest pending operation of this type."""
    op = next(o for o in ops(ws, target) if o.type == type_ and o.state == outbox.PENDING)
    replica.record_results(ws.store, [{"op_id": op.op_id, **result}])
    return str(op.op_id)


def refuse(ws: Workspace, type_: str, *problems: dict[str, str], status: str = "rejected") -> str:
    return answer(ws, type_, {"status": status, "problems": list(problems)})


def accept_all(ws: Workspace) -> None:
    sent = [o.op_id for o in ops(ws) if o.state == outbox.PENDING]
    replica.record_results(ws.store, [{"op_id": op_id, "status": "applied"} for op_id in sent])


def detail(ws: Workspace, case_number: str) -> CaseDetail:
    found = ws.case_detail(case_number)
    assert found is not None
    return found


def record(ws: Workspace, case_number: str, revision: int, **fields: Any) -> dict[str, Any]:
    """The store's record of the case as the local store has it, with `fields` over it."""
    shown = detail(ws, case_number)
    case = shown.summary
    base = {
        "id": case.id,
        "case_number": case_number,
        "service_code": case.service_code,
        "service_name": case.service_name,
        "nature": case.nature,
        "channel": case.channel,
        "status": case.status,
        "description": shown.description,
        "civic_number": case.civic_number,
        "street": case.street,
        "postal_code": shown.postal_code,
        "arrondissement": case.arrondissement,
        "responsible_unit": shown.responsible_unit,
        "handled_by": shown.handled_by,
        "attributes": shown.attributes,
        "created_at": case.created_at.isoformat(),
        "updated_at": datetime.now(UTC).isoformat(),
        "revision": revision,
        "events": [
            {"kind": "created", "actor": "denise", "at": case.created_at.isoformat(), "data": {}}
        ],
    }
    return {**base, **fields}


def test_a_refused_creation_is_on_its_case_and_flagged_in_the_list(ws: Workspace) -> None:
    case_number = save(ws)
    assert detail(ws, case_number).sync_state == "pending"  # saved here, not yet sent
    refuse(ws, "request.create", TOO_LONG)
    shown = detail(ws, case_number)
    assert shown.sync_state == "refused" and not shown.synced
    [refusal] = shown.refusals
    assert (refusal.type, refusal.status, refusal.fields) == (
        "request.create",
        "rejected",
        ("description",),
    )
    [problem] = refusal.problems
    assert (problem.code, problem.args) == ("store_too_long", ("31", "20"))
    assert problem.message == TOO_LONG["message"]  # the store's own words, kept
    assert refusal.correctable == ("description",) and refusal.blocked == ()
    assert refusal.can_resend
    [found] = ws.find_cases(case_number).cases
    assert found.refused
    assert [c.refused for c in ws.find_cases("1234 boul. St-Laurent").cases] == [True]


def test_a_sent_case_with_an_edit_still_to_send_is_not_yet_sent(ws: Workspace) -> None:
    case_number = save(ws)
    accept_all(ws)
    # The pull brings the store's record (revision 1).
    with ws.store.writing() as session:
        replica.apply_request(session, record(ws, case_number, 1))
    assert detail(ws, case_number).sync_state == "synced"
    ws.edit_request(case_number, {"description": "Trou plus large"})
    shown = detail(ws, case_number)
    assert (shown.sync_state, shown.revision, shown.pending_ops) == ("pending", 1, 1)
    accept_all(ws)
    assert detail(ws, case_number).synced


def test_a_corrected_creation_goes_again_under_a_new_op_id(ws: Workspace) -> None:
    case_number = save(ws)
    ws.add_note(case_number, "Le citoyen rappelle")
    old_create = refuse(ws, "request.create", TOO_LONG)
    old_note = refuse(
        ws,
        "request.note",
        {"field": "case_number", "message": f"no request {case_number}"},
        status="not_found",
    )
    shown = detail(ws, case_number)
    # The note only lacked the case: one thing to settle, the creation.
    assert [r.type for r in shown.refusals] == ["request.create"]
    assert shown.waiting_on_creation == 1

    seq = shown.refusals[0].seq
    with pytest.raises(ValidationError) as caught:
        ws.resend_refused(seq, {"civic_number": "douze"})  # the usual checks apply
    assert {p.field for p in caught.value.problems} == {"civic_number"}
    assert detail(ws, case_number).refusals[0].seq == seq  # nothing changed

    shown = ws.resend_refused(seq, {"description": "  Trou profond  "})
    assert shown.sync_state == "pending" and shown.refusals == ()
    assert shown.description == "Trou profond"
    queued = ops(ws, case_number)
    assert [(o.type, o.state) for o in queued] == [
        ("request.create", "pending"),
        ("request.note", "pending"),
    ]
    assert {o.op_id for o in queued}.isdisjoint({old_create, old_note})
    create = queued[0]
    assert create.data["description"] == "Trou profond"
    assert create.data["civic_number"] == "1234" and create.data["service_code"]
    assert queued[1].data["text"] == "Le citoyen rappelle" and "at" in queued[1].data
    resent = [e for e in shown.events if e.kind == "resent"]
    assert resent[-1].data["op"] == "request.create"
    assert resent[-1].data["fields"] == {
        "description": {"from": "Trou profond devant le dépanneur", "to": "Trou profond"}
    }
    assert resent[-1].data["problems"] == [TOO_LONG]
    with pytest.raises(RefusalGone):
        ws.resend_refused(seq, {"description": "deux fois"})  # a double click


def test_fields_the_editor_cannot_correct_leave_only_the_drop(ws: Workspace) -> None:
    case_number = save(ws)
    refuse(ws, "request.create", {"field": "service_code", "message": "unknown service code"})
    [refusal] = detail(ws, case_number).refusals
    assert refusal.blocked == ("service_code",) and not refusal.can_resend
    with pytest.raises(ValidationError) as caught:
        ws.resend_refused(refusal.seq, {"description": "Autre"})
    assert caught.value.problems[0].code == "refusal_blocked"
    assert detail(ws, case_number).description == "Trou profond devant le dépanneur"


def synced_case(ws: Workspace) -> str:
    case_number = save(ws)
    accept_all(ws)
    with ws.store.writing() as session:
        replica.apply_request(session, record(ws, case_number, 1))
    return case_number


def test_a_corrected_update_goes_again_on_the_revision_seen(ws: Workspace) -> None:
    case_number = synced_case(ws)
    ws.edit_request(
        case_number, {"description": "Un texte que le stockage refuse", "street": "rue X"}
    )
    old = refuse(ws, "request.update", {"field": "data.fields.description", "message": "required"})
    [refusal] = detail(ws, case_number).refusals
    assert refusal.fields == ("description",) and refusal.problems[0].code == "required"
    assert refusal.edited_fields == ("description", "street")
    shown = ws.resend_refused(refusal.seq, {"description": "Texte court"})
    [queued] = ops(ws, case_number)
    assert queued.op_id != old and queued.type == "request.update"
    assert queued.base_revision == 1
    assert queued.data["fields"] == {"description": "Texte court", "street": "rue X"}
    assert (shown.description, shown.summary.street) == ("Texte court", "rue X")


def test_a_corrected_note_goes_again_and_its_line_reads_the_correction(ws: Workspace) -> None:
    case_number = synced_case(ws)
    ws.add_note(case_number, "Une note trop longue pour le stockage")
    refuse(ws, "request.note", {"field": "text", "message": "too long: 37 characters, at most 10"})
    [refusal] = detail(ws, case_number).refusals
    assert refusal.can_resend and refusal.correctable == ("text",)
    with pytest.raises(ValidationError):
        ws.resend_refused_note(refusal.seq, "   ")
    shown = ws.resend_refused_note(refusal.seq, "Note courte")
    notes = [e.data["text"] for e in shown.events if e.kind == "note"]
    assert notes == ["Note courte"]
    [queued] = ops(ws, case_number)
    assert (queued.type, queued.data["text"]) == ("request.note", "Note courte")


def test_a_dropped_update_brings_the_stores_copy_and_the_drop_stays_on_the_timeline(
    ws: Workspace,
) -> None:
    case_number = synced_case(ws)
    ws.edit_request(case_number, {"description": "Ma version refusée"})
    refuse(ws, "request.update", TOO_LONG)
    [refusal] = detail(ws, case_number).refusals
    dropped = ws.drop_refused(refusal.seq)
    assert (dropped.case_number, dropped.type, dropped.created) == (
        case_number,
        "request.update",
        False,
    )
    assert ops(ws, case_number) == []
    shown = detail(ws, case_number)
    assert shown.sync_state == "awaited"  # until the store's copy is in
    assert ws.cases_awaiting_copy() == [case_number]
    line = [e for e in shown.events if e.kind == "dropped"][-1]
    assert line.data["fields"] == {"description": "Ma version refusée"}  # readable still
    assert line.data["problems"] == [TOO_LONG]

    theirs = record(ws, case_number, 3, description="Version du stockage central")
    shown = ws.take_store_copy(case_number, theirs)  # type: ignore[assignment]
    assert shown is not None and shown.synced
    assert shown.description == "Version du stockage central"
    assert [e.kind for e in shown.events][-1] == "dropped"  # kept among the store's events
    assert ws.cases_awaiting_copy() == []
    # A later page of the feed keeps it too.
    with ws.store.writing() as session:
        replica.apply_request(session, record(ws, case_number, 4, description="Encore"))
    assert "dropped" in [e.kind for e in detail(ws, case_number).events]


def test_with_later_work_pending_only_the_dropped_fields_go_back(ws: Workspace) -> None:
    case_number = synced_case(ws)
    ws.edit_request(case_number, {"description": "Refusée"})
    refuse(ws, "request.update", TOO_LONG)
    ws.add_note(case_number, "Note en attente")
    ws.drop_refused(detail(ws, case_number).refusals[0].seq)
    theirs = record(ws, case_number, 2, description="Du stockage", street="rue Autre")
    shown = ws.take_store_copy(case_number, theirs)
    assert shown is not None and shown.sync_state == "pending"
    assert shown.description == "Du stockage"
    assert shown.summary.street == "boul. St-Laurent"  # not dropped: left alone
    assert [o.type for o in ops(ws, case_number)] == ["request.note"]


def test_a_dropped_creation_the_store_never_had_is_removed_on_the_agents_word(
    ws: Workspace,
) -> None:
    case_number = save(ws)
    ws.add_note(case_number, "Note")
    refuse(ws, "request.create", {"field": "created_at", "message": "is more than 90 days old"})
    [refusal] = detail(ws, case_number).refusals
    assert refusal.problems[0].code == "store_too_old" and not refusal.can_resend
    assert ws.drop_refused(refusal.seq).created
    with pytest.raises(RefusalGone):
        ws.remove_local_case(case_number)  # the store has not said it has no copy
    shown = ws.take_store_copy(case_number, None)  # 404
    assert shown is not None and shown.sync_state == "absent"
    assert ws.cases_awaiting_copy() == []
    assert ws.remove_local_case(case_number) == 1  # the note went with it
    assert ws.case_detail(case_number) is None
    assert ops(ws, case_number) == []
    assert ws.find_cases(case_number).cases == ()

"""A way out for changes the central store refused: correct and resend, or drop.

Correcting edits the local request with the same checks as any correction (or, for a
note, the note's text), and sends the corrected content as a NEW operation: the store
answers a replayed op_id with its first result, so a refused op_id is never sent again. A
corrected creation is rewritten from the corrected request; the case's later changes
that were refused only because the case was missing there (or are still waiting) go
after it, each under a new op_id too.

Dropping removes the operation from the outbox and brings in the store's own copy of the
case: at once when the store answers, else at the next sync (the case keeps a mark until
then, so a drop made offline is never left half done). When the store has no copy (a
dropped creation), the case stays, marked, until the agent, told so, removes it from the
workstation. Every resend and every drop is a line on the case's timeline, with what was
dropped: nothing an agent typed goes without their word."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain import request_terms as terms
from app.domain.catalogue import Catalogue
from app.domain.validation import FieldProblem, ValidationError
from app.models import CaseCitizen, OutboxOp, RequestEvent, ServiceRequest
from app.models.store import Store
from app.protocol import is_request_op
from app.services import outbox, replica, request_edits
from app.services.case_lookup import CaseDetail, add_event, check_note, detail_of, request_by_number
from app.services.outbox import ABSENT, AWAITED, CREATE, NOTE, UPDATE, Refusal
from app.services.profile import Profile

EDITABLE = terms.EDITABLE_FIELDS


class RefusalGone(LookupError):
    """The refused operation was settled meanwhile (another window, a double click)."""


@dataclass(frozen=True)
class Dropped:
    case_number: str
    type: str  # the dropped operation's
    created: bool  # it was the case's creation: the store may have no copy of the case


def _refused(session: Session, seq: int) -> tuple[OutboxOp, Refusal, ServiceRequest]:
    op = session.get(OutboxOp, seq)
    if op is None or op.state != outbox.REJECTED or not is_request_op(op.type):
        raise RefusalGone(f"no refused operation {seq}")
    req = request_by_number(session, op.target)
    if req is None:
        raise RefusalGone(f"no case {op.target} on this workstation")
    return op, outbox.refusal_of(op), req


def _cannot_resend(refusal: Refusal) -> ValidationError:
    fields = ", ".join(refusal.blocked or refusal.fields) or refusal.status
    return ValidationError(
        [
            FieldProblem(
                "refusal",
                f"the central store refused {fields}: this cannot be corrected here; drop it",
                "refusal_blocked",
                (fields,),
            )
        ]
    )


def _problems(refusal: Refusal) -> list[dict[str, str]]:
    return [{"field": p.field, "message": p.message} for p in refusal.problems]


def _requeue(session: Session, op: OutboxOp, now: datetime, data: dict[str, Any]) -> OutboxOp:
    """The same change as a new operation at the end of the queue, under a new op_id."""
    queued = outbox.enqueue(session, op.type, op.target, data, now, op.base_revision)
    session.delete(op)
    return queued


def _waiting_on(session: Session, create: OutboxOp) -> list[OutboxOp]:
    """The case's other changes that need its creation first: refused because the store
    did not have the case, or not sent yet."""
    return [
        op
        for op in outbox.ops_for(session, create.target)
        if op.seq != create.seq
        and (
            op.state == outbox.PENDING
            or (op.state == outbox.REJECTED and outbox.refusal_of(op).case_missing)
        )
    ]


def resend_values(refusal: Refusal, current: Mapping[str, str]) -> dict[str, str]:
    """The case's own fields as the refused operation wanted them: the local values, with
    a refused correction's own values over them (what the correction form starts from)."""
    values = {name: str(current.get(name) or "") for name in EDITABLE}
    if refusal.type == UPDATE:
        fields = refusal.data.get("fields") or {}
        values.update({n: str(v) for n, v in fields.items() if n in EDITABLE})
    return values


def resend(
    store: Store,
    catalogue: Catalogue,
    profile: Profile,
    seq: int,
    values: Mapping[str, str],
    now: datetime,
) -> CaseDetail:
    """Correct a refused creation or correction and queue it again under a new op_id, in
    one transaction. `values`: the case's own fields as the agent now wants them (those
    left out stay as the refused operation had them). The fields the store named, those
    the operation carried and those the agent changed are checked, and may be blamed."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not an editable request field: {', '.join(sorted(unknown))}")
    with store.writing() as session:
        op, refusal, req = _refused(session, seq)
        if op.type not in (CREATE, UPDATE):
            raise ValueError(f"{op.type} is resent with its own correction")
        if not refusal.can_resend:
            raise _cannot_resend(refusal)
        if op.type == UPDATE and req.status in terms.CLOSED_STATUSES:
            raise ValidationError(
                [
                    FieldProblem(
                        "case_number",
                        f"{req.case_number} is closed: it can no longer be corrected",
                        "case_closed",
                    )
                ]
            )
        current = request_edits.current_values(req)
        base = resend_values(refusal, current)
        wanted = {**base, **{name: str(value) for name, value in values.items()}}
        checked = {*refusal.correctable, *refusal.edited_fields}
        checked |= {name for name in EDITABLE if wanted[name] != base[name]}
        clean = request_edits.clean_fields(
            catalogue, req, {name: wanted[name] for name in EDITABLE if name in checked}, now
        )
        changed = {name: value for name, value in clean.items() if value != current[name]}
        agent = profile.agent
        request_edits.apply_fields(session, catalogue, req, changed, agent, now, record=False)
        if op.type == CREATE:
            later = _waiting_on(session, op)
            _requeue(session, op, now, {**op.data, **request_edits.current_values(req)})
            for other in later:
                _requeue(session, other, now, dict(other.data))
        else:
            fields = {**dict(op.data.get("fields") or {}), **clean}
            session.delete(op)
            outbox.enqueue(session, UPDATE, req.case_number, {"fields": fields}, now, req.revision)
        corrected = {n: v for n, v in clean.items() if v != base[n]}
        add_event(
            session,
            req,
            "resent",
            profile.agent,
            now,
            {
                "op": refusal.type,
                "fields": {n: {"from": base[n], "to": v} for n, v in corrected.items()},
                "problems": _problems(refusal),
            },
        )
        session.flush()
        return detail_of(session, req, now)


def _note_event(session: Session, req: ServiceRequest, text: object) -> RequestEvent | None:
    """The case's latest note line with this text (the refused note's)."""
    notes = session.scalars(
        select(RequestEvent)
        .where(RequestEvent.request_id == req.id, RequestEvent.kind == "note")
        .order_by(RequestEvent.id.desc())
    )
    return next((e for e in notes if (e.data or {}).get("text") == text), None)


def resend_note(store: Store, profile: Profile, seq: int, text: str, now: datetime) -> CaseDetail:
    """A refused note, corrected, queued again under a new op_id; the case's note line
    shows the corrected text."""
    body = check_note(text)
    with store.writing() as session:
        op, refusal, req = _refused(session, seq)
        if op.type != NOTE:
            raise ValueError(f"{op.type} is not a note")
        if not refusal.can_resend:
            raise _cannot_resend(refusal)
        line = _note_event(session, req, op.data.get("text"))
        if line is not None:
            line.data = {**(line.data or {}), "text": body}
        session.delete(op)
        outbox.enqueue(session, NOTE, req.case_number, {"text": body}, now)
        changed = ["text"] if body != op.data.get("text") else []
        add_event(
            session,
            req,
            "resent",
            profile.agent,
            now,
            {"op": NOTE, "fields": {n: {} for n in changed}, "problems": _problems(refusal)},
        )
        session.flush()
        return detail_of(session, req, now)


def _what_is_dropped(session: Session, op: OutboxOp, req: ServiceRequest) -> dict[str, Any]:
    """What the dropped operation carried, kept on the timeline so that it can be read
    (and typed again) later."""
    data = dict(op.data or {})
    if op.type == UPDATE:
        return {"fields": dict(data.get("fields") or {})}
    if op.type == NOTE:
        line = _note_event(session, req, data.get("text"))
        if line is not None:
            session.delete(line)  # the note is no longer the case's: its text stays below
        return {"text": str(data.get("text") or "")}
    if op.type == CREATE:
        return {"description": str(data.get("description") or "")}
    return {}


def drop(store: Store, seq: int, actor: str, now: datetime) -> Dropped:
    """Remove a refused operation from the outbox, say so on the case's timeline, and
    mark the case until the store's copy of it is brought in (take_store_copy)."""
    with store.writing() as session:
        op, refusal, req = _refused(session, seq)
        dropped = _what_is_dropped(session, op, req)
        session.delete(op)
        add_event(
            session,
            req,
            "dropped",
            actor,
            now,
            {"op": op.type, **dropped, "problems": _problems(refusal)},
        )
        mark = outbox.copy_marks(session).get(op.target) or {}
        fields = sorted({*mark.get("fields", ()), *refusal.edited_fields})
        outbox.set_copy_mark(
            session,
            op.target,
            {
                "state": AWAITED,
                "fields": fields,
                "created": bool(mark.get("created")) or op.type == CREATE,
            },
        )
        return Dropped(op.target, op.type, op.type == CREATE)


def awaiting_copy(store: Store) -> list[str]:
    """Cases whose store copy is still to be fetched (a drop made offline)."""
    with store.session() as session:
        marks = outbox.copy_marks(session)
    return sorted(number for number, mark in marks.items() if mark.get("state") == AWAITED)


def take_store_copy(
    store: Store,
    case_number: str,
    record: Mapping[str, Any] | None,
    actor: str,
    now: datetime,
) -> CaseDetail | None:
    """The store's copy of a case after a drop: applied over the local one (None: the
    store has no such case, which the case then says until the agent removes it).
    Returns the case as it now reads (None if it is not on this workstation)."""
    with store.writing() as session:
        mark = outbox.copy_marks(session).get(case_number)
        req = request_by_number(session, case_number)
        if req is None:
            outbox.set_copy_mark(session, case_number, None)
            return None
        if record is None:
            outbox.set_copy_mark(session, case_number, {**(mark or {}), "state": ABSENT})
            return detail_of(session, req, now)
        if not replica.apply_request(session, record):
            # Later local work on the case waits to be sent: the record cannot come in
            # whole, but the dropped fields at least go back to the store's values.
            fields = (mark or {}).get("fields") or ()
            theirs = {n: str(record.get(n) or "") for n in fields if n in EDITABLE and n in record}
            request_edits.apply_fields(session, None, req, theirs, actor, now, record=False)
            if "arrondissement" in theirs and record.get("responsible_unit"):
                req.responsible_unit = str(record["responsible_unit"])
        outbox.set_copy_mark(session, case_number, None)
        session.flush()
        req = request_by_number(session, case_number)
        return None if req is None else detail_of(session, req, now)


def remove_local_case(store: Store, case_number: str) -> int:
    """Remove from this workstation a case the store has no copy of (its creation was
    dropped, and the store said so), with its timeline and every operation still queued
    for it. Returns how many operations went with it."""
    with store.writing() as session:
        mark = outbox.copy_marks(session).get(case_number) or {}
        if mark.get("state") != ABSENT:
            raise RefusalGone(f"the central store has not said it has no copy of {case_number}")
        req = request_by_number(session, case_number)
        ops = len(outbox.ops_for(session, case_number))
        session.execute(delete(OutboxOp).where(OutboxOp.target == case_number))
        if req is not None:
            session.execute(delete(RequestEvent).where(RequestEvent.request_id == req.id))
            session.execute(delete(CaseCitizen).where(CaseCitizen.request_id == req.id))
            session.execute(delete(ServiceRequest).where(ServiceRequest.id == req.id))
        outbox.set_copy_mark(session, case_number, None)
        return ops

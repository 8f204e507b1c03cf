"""The outbox: every local change, as the operation the central store will apply.

An operation is written in the same transaction as the change it describes, so the store
never holds a change the central store will not hear of, nor an operation for a change
that was rolled back. The sync engine sends pending operations in order; `op_id` makes a
resend harmless. An operation the server refuses, or that clashes with a colleague's
change, is kept (state rejected / conflict, with the server's answer) for the agent.

A refused operation is read back as a `Refusal`: what the store named (field and
message, sorted into a few kinds a screen can say in its own words) and what the agent can
correct from the case. An agent who drops a refused change leaves a mark on the case until
the store's own copy of it is brought in (`copy_marks`), so that a drop made offline is
completed at the next sync, never forgotten.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.request_terms import EDITABLE_FIELDS
from app.domain.validation import UNSTORABLE_MESSAGE, FieldProblem
from app.models import Citizen, OutboxOp
from app.models.store import Store
from app.protocol import DATED_OPS, OpType, WireOp, with_wire_names
from app.services.meta import get_meta, set_meta

PENDING, REJECTED, CONFLICT = "pending", "rejected", "conflict"
CREATE, UPDATE, NOTE = OpType.REQUEST_CREATE, OpType.REQUEST_UPDATE, OpType.REQUEST_NOTE
CITIZEN, INTERACTION = OpType.CITIZEN_UPSERT, OpType.INTERACTION_RECORD
# What the agent can correct from the case, per refused operation (the store may name
# other fields: the service, the citizen, the workstation's clock...).
CORRECTABLE: dict[str, tuple[str, ...]] = {
    CREATE: EDITABLE_FIELDS,
    UPDATE: EDITABLE_FIELDS,
    NOTE: ("text",),
}
# Operations the central store records in a case's history: each carries, in data["at"],
# the moment the agent did the work here (protocol.DATED_OPS; the store checks it against
# its own clock).
DATED = DATED_OPS


@dataclass(frozen=True)
class OpView:
    seq: int
    op_id: str
    type: str
    target: str
    state: str
    created_at: datetime
    attempts: int
    answer: dict[str, Any] | None
    # What the agent knows the operation by, beside its case number: the citizen's name
    # (a citizen's details), the channel (an interaction).
    citizen_name: str = ""
    channel: str = ""


def enqueue(
    session: Session,
    type_: OpType | str,
    target: str,
    data: dict[str, Any],
    now: datetime,
    base_revision: int = 0,
) -> OutboxOp:
    if type_ in DATED and "at" not in data:
        data = {**data, "at": now.isoformat()}
    op = OutboxOp(
        op_id=str(uuid.uuid4()),
        type=OpType(type_).value,  # an unknown type fails here, not at the store
        target=target,
        base_revision=base_revision,
        data=data,
        created_at=now,
        state=PENDING,
        attempts=0,
        answer=None,
    )
    session.add(op)
    return op


def pending_count(session: Session) -> int:
    query = select(func.count()).select_from(OutboxOp).where(OutboxOp.state == PENDING)
    return session.scalar(query) or 0


def pending(session: Session, limit: int = 500) -> list[OutboxOp]:
    return list(
        session.scalars(
            select(OutboxOp).where(OutboxOp.state == PENDING).order_by(OutboxOp.seq).limit(limit)
        )
    )


def counts(store: Store) -> tuple[int, int]:
    """(waiting to be sent, held for the agent), in one read."""
    query = select(OutboxOp.state == PENDING, func.count()).group_by(OutboxOp.state == PENDING)
    with store.session() as session:
        by_kind = {bool(waiting): n for waiting, n in session.execute(query)}
    return by_kind.get(True, 0), by_kind.get(False, 0)


def held_count(store: Store) -> int:
    return counts(store)[1]


def waiting_count(store: Store) -> int:
    return counts(store)[0]


def pending_targets(session: Session) -> set[str]:
    """Every case number or citizen id with local work still to be sent."""
    query = select(OutboxOp.target).where(OutboxOp.state == PENDING).distinct()
    return set(session.scalars(query))


def has_pending_for(session: Session, target: str) -> bool:
    query = select(OutboxOp.seq).where(OutboxOp.target == target, OutboxOp.state == PENDING)
    return session.scalar(query.limit(1)) is not None


def _view(op: OutboxOp, names: Mapping[str, str] | None = None) -> OpView:
    data: dict[str, Any] = op.data if isinstance(op.data, dict) else {}
    fields = data.get("fields")
    fields = fields if isinstance(fields, dict) else {}
    name = ""
    if op.type == CITIZEN:
        # As stored here now, else as the operation carries it (a purged citizen).
        name = (names or {}).get(op.target) or str(fields.get("name") or "")
    channel = str(data.get("channel") or "") if op.type == INTERACTION else ""
    return OpView(
        op.seq,
        op.op_id,
        op.type,
        op.target,
        op.state,
        op.created_at,
        op.attempts,
        op.answer,
        name,
        channel,
    )


def next_batch(store: Store, limit: int) -> list[WireOp]:
    """The oldest pending operations, as the push endpoint takes them (an op stored
    before the wire had one citizen name is sent under it). Only a read: a write here,
    after the read, would fail at once if a save committed in between (WAL cannot upgrade
    a stale snapshot); attempts are counted with the results."""
    with store.session() as session:
        ops = pending(session, limit)
        return [
            WireOp(
                op_id=op.op_id,
                type=op.type,
                target=op.target,
                base_revision=op.base_revision,
                data=with_wire_names(op.data if isinstance(op.data, dict) else {}),
            )
            for op in ops
        ]


def count_attempt(store: Store, op_ids: list[str]) -> None:
    """A push of these operations got no answer (offline, server busy): one attempt more."""
    if not op_ids:
        return
    with store.writing() as session:
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id.in_(op_ids))
            .values(attempts=OutboxOp.attempts + 1)
        )


def overview(store: Store, limit: int = 200) -> tuple[int, list[OpView]]:
    """How many operations wait, and the first of them plus every held one, for the
    agent's sync window."""
    with store.session() as session:
        waiting = pending_count(session)
        rows = session.scalars(
            select(OutboxOp)
            .where(OutboxOp.state != PENDING)
            .order_by(OutboxOp.seq.desc())
            .limit(limit)
        ).all()
        first = pending(session, limit)
        ops = [*rows, *first]
        ids = {op.target for op in ops if op.type == CITIZEN}
        rows_named = session.execute(select(Citizen.id, Citizen.name).where(Citizen.id.in_(ids)))
        names = {citizen_id: name for citizen_id, name in rows_named}
        return waiting, [_view(op, names) for op in ops]


# -- refused operations ----------------------------------------------------------------------
_TOO_LONG = re.compile(r"^too long: (\d+) characters, at most (\d+)$")
_NO_CASE = re.compile(r"^no request (\S+)$")
_UNKNOWN_PLACE = re.compile(r"^unknown code « (.*?) »")


def _field_name(raw: object) -> str:
    """The request's own field name: the store may name it as sent (data.fields.street)."""
    name = str(raw or "")
    for prefix in ("data.fields.", "data.", "fields."):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _kind_of(field: str, message: str) -> tuple[str, tuple[str, ...]]:
    """The store speaks English: a code (with its values) a screen can say in the agent's
    language; ("", ()) when the message is shown as the store wrote it."""
    if match := _TOO_LONG.match(message):
        return "store_too_long", (match.group(1), match.group(2))
    if message == "required":
        return "required", ()
    if message == UNSTORABLE_MESSAGE:
        return "unstorable", ()
    if field == "case_number" and (match := _NO_CASE.match(message)):
        return "store_no_case", (match.group(1),)
    if field == "arrondissement" and (match := _UNKNOWN_PLACE.match(message)):
        return "store_unknown_place", (match.group(1),)
    if field == "created_at" and message == "is more than 90 days old":
        return "store_too_old", ()
    return "", ()


def store_problems(answer: Mapping[str, Any] | None) -> tuple[FieldProblem, ...]:
    """The problems of the store's answer, each naming the request's own field."""
    found = []
    for raw in (answer or {}).get("problems") or []:
        if not isinstance(raw, Mapping):
            continue
        field, message = _field_name(raw.get("field")), str(raw.get("message") or "")
        code, args = _kind_of(field, message)
        found.append(FieldProblem(field, message, code, args))
    return tuple(found)


@dataclass(frozen=True)
class Refusal:
    """One operation on a case that the central store refused, as the agent reads it."""

    seq: int
    type: str  # request.create, request.update, request.note, ...
    target: str  # the case number
    status: str  # the store's word: rejected, not_found, forbidden
    problems: tuple[FieldProblem, ...]
    data: dict[str, Any]
    created_at: datetime

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.field for p in self.problems))

    @property
    def case_missing(self) -> bool:
        """The store does not have the case (its creation never reached it)."""
        return self.status == "not_found"

    @property
    def correctable(self) -> tuple[str, ...]:
        """The named fields the agent can correct from the case."""
        allowed = CORRECTABLE.get(self.type, ())
        return tuple(f for f in self.fields if f in allowed)

    @property
    def blocked(self) -> tuple[str, ...]:
        """The named fields that cannot be corrected here: only dropping settles them."""
        allowed = CORRECTABLE.get(self.type, ())
        return tuple(f for f in self.fields if f not in allowed)

    @property
    def can_resend(self) -> bool:
        """Corrected, it can be sent again: the store refused fields the agent can fix."""
        return (
            self.status == "rejected"
            and self.type in CORRECTABLE
            and bool(self.correctable)
            and not self.blocked
        )

    @property
    def edited_fields(self) -> tuple[str, ...]:
        """The fields this operation carried (an update's), else ()."""
        fields = self.data.get("fields") if self.type == UPDATE else None
        return tuple(fields) if isinstance(fields, dict) else ()


def refusal_of(op: OutboxOp) -> Refusal:
    answer = op.answer or {}
    return Refusal(
        seq=op.seq,
        type=op.type,
        target=op.target,
        status=str(answer.get("status") or REJECTED),
        problems=store_problems(answer),
        data=dict(op.data or {}),
        created_at=op.created_at,
    )


def rejected_targets(session: Session) -> set[str]:
    """Every case number or citizen id with an operation the store refused."""
    query = select(OutboxOp.target).where(OutboxOp.state == REJECTED).distinct()
    return set(session.scalars(query))


def ops_for(session: Session, target: str) -> list[OutboxOp]:
    """Every operation still in the outbox for one case or citizen, in order."""
    query = select(OutboxOp).where(OutboxOp.target == target).order_by(OutboxOp.seq)
    return list(session.scalars(query))


# -- after a drop: the store's own copy of the case, to bring in -----------------------------
COPY_KEY = "refused_store_copy"
AWAITED, ABSENT = "awaited", "absent"


def copy_marks(session: Session) -> dict[str, dict[str, Any]]:
    """Per case number: {"state": awaited | absent, "fields": [...], "created": bool}.
    awaited: the store's copy is to be fetched (at the next sync if it could not be now);
    absent: the store has no copy (a dropped creation), the agent decides what goes."""
    raw = get_meta(session, COPY_KEY)
    try:
        marks = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return marks if isinstance(marks, dict) else {}


def set_copy_mark(session: Session, case_number: str, mark: dict[str, Any] | None) -> None:
    marks = copy_marks(session)
    if mark is None:
        if marks.pop(case_number, None) is None:
            return
    else:
        marks[case_number] = mark
    set_meta(session, COPY_KEY, json.dumps(marks, sort_keys=True))

"""The outbox: every local change, as the operation the central store will apply.

An operation is written in the same transaction as the change it describes, so the store
never holds a change the central store will not hear of, nor an operation for a change
that was rolled back. The sync engine sends pending operations in order; `op_id` makes a
resend harmless. An operation the server refuses, or that clashes with a colleague's
change, is kept (state rejected / conflict, with the server's answer) for the agent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.models import OutboxOp
from app.models.store import Store

PENDING, REJECTED, CONFLICT = "pending", "rejected", "conflict"
# Operations the central store records in a case's history: each carries, in data["at"],
# the moment the agent did the work here, so that work done offline is dated by when it
# was done, not by the sync that carried it (the store checks it against its own clock).
# A request.create has its created_at already; a citizen.upsert leaves no history.
DATED = ("request.note", "request.update", "request.attach_citizen", "request.link")


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


def enqueue(
    session: Session,
    type_: str,
    target: str,
    data: dict[str, Any],
    now: datetime,
    base_revision: int = 0,
) -> OutboxOp:
    if type_ in DATED and "at" not in data:
        data = {**data, "at": now.isoformat()}
    op = OutboxOp(
        op_id=str(uuid.uuid4()),
        type=type_,
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


def _view(op: OutboxOp) -> OpView:
    return OpView(
        op.seq, op.op_id, op.type, op.target, op.state, op.created_at, op.attempts, op.answer
    )


def next_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """The oldest pending operations, as the push endpoint takes them. Only a read: a
    write here, after the read, would fail at once if a save committed in between (WAL
    cannot upgrade a stale snapshot); attempts are counted with the results."""
    with store.session() as session:
        ops = pending(session, limit)
        return [
            {
                "op_id": op.op_id,
                "type": op.type,
                "target": op.target,
                "base_revision": op.base_revision,
                "data": op.data,
            }
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
        return waiting, [_view(op) for op in [*rows, *first]]

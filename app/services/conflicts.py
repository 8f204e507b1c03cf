"""Edits that clashed with a colleague's: the agent sees, field by field, their value and
the one the central store now holds, and keeps one of the two.

The central store writes nothing of an operation that clashes (not even its other
fields), so resolving sends a new operation: the agent's other fields plus the clashing
values they kept, on the revision they have now seen. Only citizens are edited from the
console today; other clashing operations stay in the sync window's list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Citizen, OutboxOp
from app.models.store import Store
from app.services import outbox, replica

# The operation types this module can explain and resolve.
RESOLVABLE = ("citizen.upsert",)


class ConflictGone(LookupError):
    """The conflict was already resolved (another window, a double click)."""


@dataclass(frozen=True)
class Clash:
    field: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class Conflict:
    seq: int
    entity: str  # "citizen"
    target: str
    label: str  # the citizen's name, as the central store has it
    clashes: list[Clash]
    # The agent's other fields in that operation: they did not clash, but were not written
    # either; resolving sends them again.
    others: dict[str, str] = field(default_factory=dict)
    revision: int = 0  # the central store's revision the clash was measured on


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _parts(op: OutboxOp) -> tuple[dict[str, Any], list[str], Mapping[str, Any]]:
    """The agent's fields, those that clashed, and the central store's record."""
    mine = dict((op.data or {}).get("fields") or {})
    answer = op.answer or {}
    record = answer.get("record")
    record = record if isinstance(record, Mapping) else {}
    clashing = [name for name in answer.get("fields") or [] if name in mine]
    return mine, clashing, record


def _conflict(session: Session, op: OutboxOp) -> Conflict:
    mine, clashing, record = _parts(op)
    label = _text(record.get("name"))
    if not label:
        local = session.get(Citizen, op.target)
        label = local.name if local is not None else _text(mine.get("name"))
    return Conflict(
        seq=op.seq,
        entity="citizen",
        target=op.target,
        label=label,
        clashes=[Clash(name, _text(mine[name]), _text(record.get(name))) for name in clashing],
        others={name: _text(value) for name, value in mine.items() if name not in clashing},
        revision=int(record.get("revision") or 0),
    )


def _held(session: Session) -> list[OutboxOp]:
    return list(
        session.scalars(
            select(OutboxOp)
            .where(OutboxOp.state == outbox.CONFLICT, OutboxOp.type.in_(RESOLVABLE))
            .order_by(OutboxOp.seq)
        )
    )


def list_conflicts(store: Store) -> list[Conflict]:
    with store.session() as session:
        return [_conflict(session, op) for op in _held(session)]


def conflict_count(store: Store) -> int:
    with store.session() as session:
        query = (
            select(func.count())
            .select_from(OutboxOp)
            .where(OutboxOp.state == outbox.CONFLICT, OutboxOp.type.in_(RESOLVABLE))
        )
        return session.scalar(query) or 0


def _fields_of_later_ops(session: Session, op: OutboxOp) -> set[str]:
    """Fields the agent edited again after the clashing operation: that newer intent wins
    over both sides of this clash, locally and on the central store."""
    later = session.scalars(
        select(OutboxOp).where(
            OutboxOp.target == op.target,
            OutboxOp.type == op.type,
            OutboxOp.seq > op.seq,
        )
    )
    return {name for other in later for name in ((other.data or {}).get("fields") or {})}


def resolve(store: Store, seq: int, keep_mine: set[str], now: datetime) -> str | None:
    """Settle one conflict: the central store's record comes in, the agent's kept values
    and other fields go over it, and (if any remain) they are queued again on the record's
    revision, all in one transaction. Returns the new operation's op_id, or None when the
    agent kept nothing and had nothing else to send."""
    with store.writing() as session:
        op = session.get(OutboxOp, seq)
        if op is None or op.state != outbox.CONFLICT or op.type not in RESOLVABLE:
            raise ConflictGone(f"no conflict {seq} to resolve")
        mine, clashing, record = _parts(op)
        unknown = keep_mine - set(clashing)
        if unknown:
            raise ValueError(f"not a clashing field: {', '.join(sorted(unknown))}")
        superseded = _fields_of_later_ops(session, op)
        target, revision = op.target, int(record.get("revision") or 0)
        session.delete(op)
        session.flush()

        applied = False
        if record.get("id") == target:
            # Refused when newer work for this citizen is still pending, or when the feed
            # already brought a later record: either is closer to the truth than this one.
            applied = replica.apply_citizen(session, record)
        citizen = session.get(Citizen, target)
        wanted = {
            name: value
            for name, value in mine.items()
            if (name not in clashing or name in keep_mine) and name not in superseded
        }
        if citizen is not None:
            if not applied:
                # The record could not come in whole: at least the clashing fields the
                # agent gave up must stop showing their own value.
                for name in set(clashing) - keep_mine - superseded:
                    if name in record:
                        setattr(citizen, name, _text(record[name]))
            for name, value in wanted.items():
                setattr(citizen, name, value)
            citizen.updated_at = now
        if not wanted:
            return None
        queued = outbox.enqueue(
            session, "citizen.upsert", target, {"fields": wanted}, now, base_revision=revision
        )
        return queued.op_id

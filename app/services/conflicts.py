"""Edits that clashed with a colleague's: the agent sees, field by field, their value and
the one the central store now holds, and keeps one of the two.

The central store writes nothing of an operation that clashes (not even its other
fields), so resolving sends a new operation: the agent's other fields plus the clashing
values they kept, on the revision they have now seen. Citizens' details and requests'
own fields (description, location) are edited from the console; other clashing
operations stay in the sync window's list."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalogue import Catalogue
from app.models import Citizen, OutboxOp
from app.models.store import Store
from app.protocol import OpType
from app.services import outbox, replica, request_edits
from app.services.case_lookup import request_by_number

# The operation types this module can explain and resolve, and what they edit.
ENTITIES: dict[str, str] = {OpType.CITIZEN_UPSERT: "citizen", OpType.REQUEST_UPDATE: "request"}
RESOLVABLE = tuple(ENTITIES)


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
    entity: str  # "citizen" or "request"
    target: str  # the citizen's id, or the case number
    # The citizen's name, or the case number and its service, as the central store has them.
    label: str
    clashes: list[Clash]
    # The agent's other fields in that operation: they did not clash, but were not written
    # either; resolving sends them again.
    others: dict[str, str] = field(default_factory=dict)
    revision: int = 0  # the central store's revision the clash was measured on


@dataclass(frozen=True)
class Piece:
    """A run of one value's text; `changed`: the other value does not have it there."""

    text: str
    changed: bool


# Words, runs of spaces, and each punctuation mark on its own: "1001," differs from
# "1003," by its number only.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


def _join(pieces: list[Piece], text: str, changed: bool) -> None:
    if not text:
        return
    if pieces and pieces[-1].changed == changed:
        pieces[-1] = Piece(pieces[-1].text + text, changed)
    else:
        pieces.append(Piece(text, changed))


def _bridge(pieces: list[Piece]) -> list[Piece]:
    """A space left alone between two changed runs is part of the change: "Trou profond"
    replaced reads as one highlighted run, not two words and a gap."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        between = 0 < i < len(pieces) - 1 and pieces[i - 1].changed and pieces[i + 1].changed
        changed = piece.changed or (between and not piece.text.strip())
        core = piece.text.strip()
        if changed and core and core != piece.text:
            # The spaces around a changed run are not the change: " Lampadaire remis"
            # added after a sentence reads as the words alone highlighted.
            start = piece.text.index(core)
            _join(out, piece.text[:start], False)
            _join(out, core, True)
            _join(out, piece.text[start + len(core) :], False)
        else:
            _join(out, piece.text, changed)
    return out


def word_diff(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]]:
    """Both values whole, cut into runs, the words one has and the other has not marked
    (a word-level diff: difflib's SequenceMatcher over words, spaces and punctuation). The
    runs of each side, joined, give that value back exactly."""
    a, b = _TOKENS.findall(mine), _TOKENS.findall(theirs)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        _join(left, "".join(a[i1:i2]), changed)
        _join(right, "".join(b[j1:j2]), changed)
    return _bridge(left), _bridge(right)


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


def _label(
    session: Session, op: OutboxOp, mine: Mapping[str, Any], record: Mapping[str, Any]
) -> str:
    if ENTITIES[op.type] == "request":
        service = _text(record.get("service_name"))
        if not service:
            req = request_by_number(session, op.target)
            service = req.service_name if req is not None else ""
        return f"{op.target} · {service}" if service else op.target
    label = _text(record.get("name"))
    if not label:
        local = session.get(Citizen, op.target)
        label = local.name if local is not None else _text(mine.get("name"))
    return label


def _conflict(session: Session, op: OutboxOp) -> Conflict:
    mine, clashing, record = _parts(op)
    return Conflict(
        seq=op.seq,
        entity=ENTITIES[op.type],
        target=op.target,
        label=_label(session, op, mine, record),
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


def _settle_citizen(
    session: Session,
    target: str,
    record: Mapping[str, Any],
    wanted: Mapping[str, Any],
    given_up: set[str],
    now: datetime,
) -> None:
    applied = False
    if record.get("id") == target:
        # Refused when newer work for this citizen is still pending, or when the feed
        # already brought a later record: either is closer to the truth than this one.
        applied = replica.apply_citizen(session, record)
    citizen = session.get(Citizen, target)
    if citizen is None:
        return
    if not applied:
        # The record could not come in whole: at least the clashing fields the agent
        # gave up must stop showing their own value.
        for name in given_up:
            if name in record:
                setattr(citizen, name, _text(record[name]))
    for name, value in wanted.items():
        setattr(citizen, name, value)
    citizen.updated_at = now


def _settle_request(
    session: Session,
    target: str,
    record: Mapping[str, Any],
    wanted: Mapping[str, Any],
    given_up: set[str],
    now: datetime,
    catalogue: Catalogue | None,
    actor: str,
) -> None:
    applied = False
    if record.get("case_number") == target:
        applied = replica.apply_request(session, record)  # refused as for a citizen
    req = request_by_number(session, target)
    if req is None:
        return
    if not applied:
        theirs = {name: _text(record[name]) for name in given_up if name in record}
        request_edits.apply_fields(session, None, req, theirs, actor, now, record=False)
        if "arrondissement" in theirs and record.get("responsible_unit"):
            req.responsible_unit = _text(record["responsible_unit"])
    # The kept values show at once, with a line on the timeline, as any correction does.
    request_edits.apply_fields(
        session, catalogue, req, {k: _text(v) for k, v in wanted.items()}, actor, now
    )


def resolve(
    store: Store,
    seq: int,
    keep_mine: set[str],
    now: datetime,
    *,
    catalogue: Catalogue | None = None,
    actor: str = "",
) -> str | None:
    """Settle one conflict: the central store's record comes in, the agent's kept values
    and other fields go over it, and (if any remain) they are queued again on the record's
    revision, all in one transaction. Returns the new operation's op_id, or None when the
    agent kept nothing and had nothing else to send. `catalogue` re-routes a request whose
    kept arrondissement differs from the record's; `actor` signs its timeline line."""
    with store.writing() as session:
        op = session.get(OutboxOp, seq)
        if op is None or op.state != outbox.CONFLICT or op.type not in RESOLVABLE:
            raise ConflictGone(f"no conflict {seq} to resolve")
        mine, clashing, record = _parts(op)
        unknown = keep_mine - set(clashing)
        if unknown:
            raise ValueError(f"not a clashing field: {', '.join(sorted(unknown))}")
        superseded = _fields_of_later_ops(session, op)
        target, type_ = op.target, op.type
        revision = int(record.get("revision") or 0)
        session.delete(op)
        session.flush()

        wanted = {
            name: value
            for name, value in mine.items()
            if (name not in clashing or name in keep_mine) and name not in superseded
        }
        given_up = set(clashing) - keep_mine - superseded
        if ENTITIES[type_] == "request":
            _settle_request(session, target, record, wanted, given_up, now, catalogue, actor)
        else:
            _settle_citizen(session, target, record, wanted, given_up, now)
        if not wanted:
            return None
        queued = outbox.enqueue(
            session, type_, target, {"fields": wanted}, now, base_revision=revision
        )
        return queued.op_id

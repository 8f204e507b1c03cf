"""The fast path of a push: a batch that only creates (new citizens, new requests,
interactions), which is what a console sends after a day offline or a busy hour.

Such a batch is checked with a few queries, then every row is inserted in one flush:
no savepoint and no round trip per operation. Anything unusual (an edit, a number
already taken, one refused operation) makes the caller roll the attempt back and apply
the batch one operation at a time, which answers each operation precisely."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import select

from app.domain.case_numbers import parse_case_number
from app.domain.validation import unstorable_path
from app.protocol import CREATION_OPS, OpType, citizen_of
from app.server import citizens, interactions, numbering, request_ops
from app.server.auth import Principal
from app.server.catalogue_store import CatalogueState
from app.server.db import Work
from app.server.models import Citizen, Interaction, RequestEvent, ServiceRequest
from app.server.records import citizen_record, request_record

FAST_TYPES = CREATION_OPS


class PushedOp(Protocol):
    @property
    def op_id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def data(self) -> dict[str, Any]: ...


class NotFast(Exception):
    """This batch needs the one-operation-at-a-time path."""


def _applied(record: dict[str, Any]) -> dict[str, Any]:
    return {"status": "applied", "revision": record.get("revision"), "record": record}


def _targets(ops: Sequence[PushedOp], kind: str) -> list[str]:
    return [op.target for op in ops if op.type == kind]


def _none_exist(work: Work, column: Any, keys: list[str]) -> None:
    if len(set(keys)) != len(keys):
        raise NotFast  # the same record twice in one batch: the slow path answers both
    if keys and work.session.scalar(select(column).where(column.in_(keys)).limit(1)):
        raise NotFast


def _preload_citizens(work: Work, ops: Sequence[PushedOp]) -> list[Citizen]:
    """Load the existing citizens the new requests name, so that checking them costs no
    query per request: the session's identity map answers while the caller holds them
    (it only keeps weak references)."""
    named = {
        citizen_of(op.data)
        for op in ops
        if op.type == OpType.REQUEST_CREATE and isinstance(op.data, dict)
    }
    wanted = [cid for cid in named if isinstance(cid, str) and cid]
    if not wanted:
        return []
    return list(work.session.scalars(select(Citizen).where(Citizen.id.in_(wanted))))


def apply_creations(
    work: Work, cat: CatalogueState, who: Principal, ops: Sequence[PushedOp]
) -> list[dict[str, Any]]:
    """Each op's result, in the batch's order; raises NotFast (or a domain error) when the
    batch must go the slow way. Writes nothing the caller cannot roll back."""
    if any(
        op.type not in FAST_TYPES or unstorable_path({"target": op.target, "data": op.data})
        for op in ops
    ):
        raise NotFast
    if len({op.op_id for op in ops}) != len(ops):
        raise NotFast
    _none_exist(work, Citizen.id, _targets(ops, OpType.CITIZEN_UPSERT))
    _none_exist(work, ServiceRequest.case_number, _targets(ops, OpType.REQUEST_CREATE))
    _none_exist(work, Interaction.id, _targets(ops, OpType.INTERACTION_RECORD))
    known = _preload_citizens(work, ops)
    results: dict[str, dict[str, Any]] = {}
    # Citizens first, in one insert: the requests of the batch then find them in the
    # identity map. A new citizen depends on nothing else in the batch.
    for op in ops:
        if op.type == OpType.CITIZEN_UPSERT:
            fields = op.data.get("fields") if isinstance(op.data, dict) else None
            if not isinstance(fields, dict) or not fields:
                raise NotFast
            citizen = citizens.new_citizen(
                work, op.target, citizens.checked_fields(op.target, fields)
            )
            known.append(citizen)
            results[op.op_id] = _applied(citizen_record(citizen))
    work.session.flush()
    staged: list[tuple[str, ServiceRequest, list[RequestEvent]]] = []
    for op in ops:
        if op.type == OpType.REQUEST_CREATE:
            req, events = request_ops.new_request(
                work, cat, op.data, case_number=op.target, source="console", principal=who
            )
            staged.append((op.op_id, req, events))
        elif op.type == OpType.INTERACTION_RECORD:
            results[op.op_id] = _applied(
                interactions.new_interaction(work, who, op.target, op.data)
            )
    work.session.flush()  # one insert per table
    numbering.record_console_numbers(
        work.session, (parse_case_number(req.case_number) for _op_id, req, _events in staged)
    )
    work.session.add_all(event for _op_id, _req, events in staged for event in events)
    work.session.flush()  # the events get their ids
    for op_id, req, events in staged:
        record = request_record(req, events)
        work.changed("request", req.id, req.revision, record)
        results[op_id] = _applied(record)
    return [
        {"op_id": op.op_id, "type": op.type, "target": op.target, **results[op.op_id]} for op in ops
    ]

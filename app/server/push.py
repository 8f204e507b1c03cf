"""POST /sync/push: a batch of operations, each applied exactly once.

Every operation's first result is stored under its op_id in the same transaction as its
effect, with a digest of what the operation asked; a replay (a batch resent after a
timeout, a crash, a lost response) returns that result and changes nothing. An op_id sent
again with other contents is refused: it would otherwise get another operation's answer
while its own change was silently dropped. Each operation runs in a savepoint: a refused
or conflicting one leaves no trace but its result, and the others in the batch still
apply."""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from app.domain.validation import UNSTORABLE_MESSAGE, storable, unstorable_path
from app.protocol import OpType, PushResult, citizen_of, is_request_op, without_record
from app.server import articles, bulk_push, citizens, interactions, request_ops
from app.server.auth import Principal
from app.server.catalogue_store import CatalogueCache, CatalogueState
from app.server.db import Database, Work
from app.server.models import AppliedOp, ServiceRequest
from app.server.problems import Conflict, Refused
from app.server.records import article_record, citizen_record

OP_TYPES = tuple(t.value for t in OpType)
MAX_BATCH = 500
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Op:
    op_id: str
    type: str
    target: str
    base_revision: int = 0
    data: dict[str, Any] = field(default_factory=dict)


def op_digest(op: Op) -> str:
    """SHA-256 of the operation's content as canonical JSON (sorted keys, no whitespace,
    ASCII escapes: a lone surrogate has no UTF-8 form), its op_id aside."""
    content = {
        "type": op.type,
        "target": op.target,
        "base_revision": op.base_revision,
        "data": op.data,
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _reused(op: Op) -> dict[str, Any]:
    """The answer to an op_id already used for a different operation."""
    return {
        "op_id": op.op_id,
        "type": op.type,
        "target": op.target if storable(op.target) else ascii(op.target),
        "status": "rejected",
        "problems": [
            {
                "field": "op_id",
                "message": "already used for a different operation (another type, target, "
                "base_revision or data): give this operation a new op_id",
            }
        ],
    }


def _replay(op: Op, digest: str, first_digest: str | None, first: dict[str, Any]) -> dict[str, Any]:
    # An op applied before digests were kept (None) is taken on trust, as it always was.
    if first_digest is not None and first_digest != digest:
        return _reused(op)
    return {**first, "replayed": True}


def _applied(record: dict[str, Any]) -> dict[str, Any]:
    return {"status": "applied", "revision": record.get("revision"), "record": record}


def _request_result(work: Work, req: ServiceRequest) -> dict[str, Any]:
    """The record this op just published for the request, else (nothing changed) as stored."""
    for _entity, changed_id, _revision, record in reversed(work.changes):
        if changed_id == req.id:
            return _applied(record)
    return _applied(request_ops.record_of(work.session, req))


def _fields(op: Op, what: str) -> dict[str, Any]:
    wanted = op.data.get("fields")
    if not isinstance(wanted, dict) or not wanted:
        raise Refused.one("rejected", "data.fields", f"give the {what} to change")
    return wanted


def _apply_request_op(work: Work, cat: CatalogueState, who: Principal, op: Op) -> ServiceRequest:
    if op.type == OpType.REQUEST_CREATE:
        return request_ops.create_request(
            work, cat, op.data, case_number=op.target, source="console", principal=who
        )
    at = op.data.get("at")  # when the agent did it (offline perhaps): request_ops.done_at
    if op.type == OpType.REQUEST_UPDATE:
        wanted = _fields(op, "fields")
        return request_ops.update_request(work, cat, op.target, op.base_revision, wanted, who, at)
    if op.type == OpType.REQUEST_NOTE:
        return request_ops.add_note(work, op.target, op.data.get("text"), who, at)
    if op.type == OpType.REQUEST_LINK:
        return request_ops.link_duplicate(work, op.target, op.data.get("parent"), who, at)
    return request_ops.attach_citizen(work, op.target, citizen_of(op.data), who, at)


def apply_op(work: Work, cat: CatalogueState, who: Principal, op: Op) -> dict[str, Any]:
    if is_request_op(op.type):
        return _request_result(work, _apply_request_op(work, cat, who, op))
    if op.type == OpType.CITIZEN_UPSERT:
        citizen = citizens.upsert_citizen(
            work, op.target, op.base_revision, _fields(op, "citizen's fields")
        )
        return _applied(citizen_record(citizen))
    if op.type == OpType.INTERACTION_RECORD:
        return _applied(interactions.record_interaction(work, who, op.target, op.data))
    if op.type not in (OpType.ARTICLE_UPSERT, OpType.ARTICLE_DELETE):
        raise Refused.one("rejected", "type", f"unknown operation; known: {', '.join(OP_TYPES)}")
    if not who.at_least("admin"):
        raise Refused.one("forbidden", "type", "only an administrator edits articles")
    if op.type == OpType.ARTICLE_DELETE:
        return _applied(article_record(articles.delete_article(work, op.target, op.base_revision)))
    return _applied(
        article_record(articles.upsert_article(work, op.target, op.base_revision, op.data))
    )


def _apply_fast(
    work: Work, cat: CatalogueState, who: Principal, ops: Sequence[Op]
) -> list[dict[str, Any]] | None:
    """The batch applied by the bulk path, else None with nothing written."""
    session = work.session
    savepoint = session.begin_nested()
    try:
        results = bulk_push.apply_creations(work, cat, who, ops)
        session.add_all(
            AppliedOp(
                op_id=r["op_id"],
                account_id=who.account_id,
                result=r,
                digest=op_digest(op),
                applied_at=work.now,
            )
            for op, r in zip(ops, results, strict=True)
        )
        session.flush()
        savepoint.commit()
    except (bulk_push.NotFast, Refused, Conflict, ValueError, TypeError, DataError, IntegrityError):
        savepoint.rollback()
        work.changes.clear()
        return None
    return results


def _apply_batch(
    db: Database, cache: CatalogueCache, who: Principal, ops: Sequence[Op]
) -> list[dict[str, Any]]:
    with db.work(who.username) as work:
        session = work.session
        ids = list({op.op_id for op in ops})
        first = {
            row.op_id: row
            for row in session.scalars(select(AppliedOp).where(AppliedOp.op_id.in_(ids)))
        }
        cat = cache.get(session)
        if not first:
            fast = _apply_fast(work, cat, who, ops)
            if fast is not None:
                return fast
        results: list[dict[str, Any]] = []
        # Ops applied earlier in this batch: their digest and result.
        done: dict[str, tuple[str, dict[str, Any]]] = {}
        for op in ops:
            digest = op_digest(op)
            if op.op_id in done:
                results.append(_replay(op, digest, *done[op.op_id]))
                continue
            result: dict[str, Any]
            previous = first.get(op.op_id)
            if previous is not None:
                if previous.account_id != who.account_id:
                    result = {
                        "op_id": op.op_id,
                        "status": "forbidden",
                        "problems": [{"field": "op_id", "message": "used by another account"}],
                    }
                else:
                    result = _replay(op, digest, previous.digest, previous.result)
                results.append(result)
                continue
            mark = len(work.changes)
            savepoint = session.begin_nested()
            try:
                bad = unstorable_path({"target": op.target, "data": op.data})
                if bad:
                    raise Refused.one("rejected", bad, UNSTORABLE_MESSAGE)
                result = apply_op(work, cat, who, op)
                savepoint.commit()
            except Refused as exc:
                savepoint.rollback()
                del work.changes[mark:]
                result = {"status": exc.kind, "problems": exc.as_list()}
            except Conflict as exc:
                savepoint.rollback()
                del work.changes[mark:]
                result = {"status": "conflict", "fields": exc.fields, "record": exc.record}
            except (ValueError, TypeError, DataError) as exc:
                # A value no check foresaw: this op is refused, the rest of the batch goes
                # on, and a resend gets the same answer instead of failing for ever.
                savepoint.rollback()
                del work.changes[mark:]
                log.warning("op %s (%s) refused: %s", op.op_id, op.type, type(exc).__name__)
                result = {
                    "status": "rejected",
                    "problems": [
                        {"field": "data", "message": "a value has the wrong type or size"}
                    ],
                }
            target = op.target if storable(op.target) else ascii(op.target)
            result = {"op_id": op.op_id, "type": op.type, "target": target, **result}
            session.add(
                AppliedOp(
                    op_id=op.op_id,
                    account_id=who.account_id,
                    result=result,
                    digest=digest,
                    applied_at=work.now,
                )
            )
            done[op.op_id] = (digest, result)
            results.append(result)
        return results


def push(
    db: Database,
    cache: CatalogueCache,
    who: Principal,
    ops: Sequence[Op],
    *,
    records: bool = True,
) -> list[PushResult]:
    """Each op's answer, in order. records=False: an applied op is answered without its
    record (its status and revision only), as the console asks: the change feed brings it
    the records, once each. The stored answer keeps the record for a replay that wants it."""
    results = _push(db, cache, who, ops)
    return results if records else [without_record(r) for r in results]


def _push(
    db: Database, cache: CatalogueCache, who: Principal, ops: Sequence[Op]
) -> list[PushResult]:
    # Two sends of one batch racing each other: the second waits on the first's op_id
    # rows, then fails on them; run again, it finds them and answers with their results.
    for attempt in range(4):
        try:
            return _apply_batch(db, cache, who, ops)  # type: ignore[return-value]
        except (IntegrityError, OperationalError):
            if attempt == 3:
                raise
            time.sleep(random.uniform(0, 0.02 * 2**attempt))  # let the other batch finish
    raise AssertionError("unreachable")

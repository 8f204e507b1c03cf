"""GET /sync/changes: every change after a cursor, in commit order.

Sequence numbers are handed out under the feed clock's row lock, held until commit
(see db.Work.publish), so they become visible in order: a reader that has seen number n
has seen every number below it, and its cursor can never jump a change still in flight.
A cursor is '<epoch>.<seq>.<check>': the epoch names this database, so a cursor from
another server is refused; the check is a digest of the change numbered <seq>, so a cursor
given out before a backup was restored no longer matches once new changes take the lost
numbers, and is refused instead of silently skipping them."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.server.db import Database, current_seq
from app.server.models import Change
from app.server.problems import Refused
from app.server.records import iso

_SEQ = re.compile(r"[0-9]{1,18}")
# What a cursor looks like (or none): anything else is refused as malformed (422); one of
# this form that does not name a change of this database's history is stale (409).
CURSOR_PATTERN = r"^([^.\x00]*\.[0-9]{1,18}\.[^.\x00]*)?$"
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000


def _check(entity: str, entity_id: str, revision: int) -> str:
    return hashlib.sha256(f"{entity}/{entity_id}/{revision}".encode()).hexdigest()[:8]


def _refuse(message: str, kind: str = "stale") -> Refused:
    return Refused.one(kind, "since", message)


def parse_cursor(session: Session, db: Database, cursor: str | None) -> int:
    if cursor is None or cursor == "":
        return 0
    epoch, seq_text, check = ([*cursor.split("."), "", ""])[:3]
    if not _SEQ.fullmatch(seq_text) or cursor.count(".") != 2:
        raise _refuse(f"« {cursor} » is not a cursor from this server", "rejected")
    if epoch != db.epoch:
        raise _refuse("cursor from another database: sync again from the start, without since")
    seq = int(seq_text)
    if seq == 0:
        return 0
    row = session.execute(
        select(Change.entity, Change.entity_id, Change.revision).where(Change.seq == seq)
    ).first()
    if row is None:
        raise _refuse(f"unknown cursor: this server is at {current_seq(session)}")
    if _check(*row) != check:
        raise _refuse(
            "this cursor does not match the server's history (was it restored from a backup?): "
            "sync again from the start, without since"
        )
    return seq


def _cursor(db: Database, seq: int, entity: str, entity_id: str, revision: int) -> str:
    return f"{db.epoch}.{seq}.{_check(entity, entity_id, revision) if seq else '0'}"


_COLUMNS = (
    Change.seq,
    Change.entity,
    Change.entity_id,
    Change.revision,
    Change.committed_at,
    Change.payload,
)


def _page(db: Database, cursor: str | None, limit: int) -> tuple[Sequence[Any], bool, int]:
    with db.read() as session:
        after = parse_cursor(session, db, cursor)
        # Plain rows, not ORM objects: a page is read once and written out.
        rows = session.execute(
            select(*_COLUMNS).where(Change.seq > after).order_by(Change.seq).limit(limit + 1)
        ).all()
        # How far the feed goes now: a new workstation's download shows its progress.
        head = current_seq(session) if len(rows) > limit else (rows[-1].seq if rows else after)
    return rows[:limit], len(rows) > limit, head


def _frame(row: Any) -> str:
    head = {
        "seq": row.seq,
        "entity": row.entity,
        "id": row.entity_id,
        "revision": row.revision,
        "committed_at": iso(row.committed_at),
    }
    payload: str = row.payload  # the record's JSON as stored, spliced in undecoded
    return json.dumps(head, ensure_ascii=False)[:-1] + ',"data":' + payload + "}"


def changes_json(
    db: Database, cursor: str | None, limit: int, station: dict[str, Any] | None = None
) -> str:
    """The page as JSON text; each record is spliced in as stored (see Change.payload).
    `station`: the caller's station and its case-number marks, told with every page."""
    rows, has_more, head = _page(db, cursor, limit)
    if rows:
        last = rows[-1]
        next_cursor = _cursor(db, last.seq, last.entity, last.entity_id, last.revision)
    else:
        next_cursor = cursor or _cursor(db, 0, "", "", 0)
    # What is left after this page, for a download's progress: the console keeps the
    # cursor opaque (it stores it and gives it back), so the page says how far it is.
    remaining = max(0, head - rows[-1].seq) if rows else 0
    tail = json.dumps(
        {"cursor": next_cursor, "has_more": has_more, "head": head, "remaining": remaining}
        | ({"station": station} if station is not None else {})
    )
    return '{"changes":[' + ",".join(_frame(row) for row in rows) + "]," + tail[1:]


def changes_since(db: Database, cursor: str | None, limit: int) -> dict[str, Any]:
    page: dict[str, Any] = json.loads(changes_json(db, cursor, limit))
    return page

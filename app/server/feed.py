"""GET /sync/changes: every change after a cursor, in commit order.

Sequence numbers are handed out under the feed clock's row lock, held until commit
(see db.Work.publish), so they become visible in order: a reader that has seen number n
has seen every number below it, and its cursor can never jump a change still in flight.
A cursor is '<epoch>.<seq>': the epoch names this database, so a cursor kept from
another server, or from before a restore, is refused instead of silently skipping data."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from app.server.db import Database, current_seq
from app.server.models import Change
from app.server.problems import Refused
from app.server.records import iso

_SEQ = re.compile(r"[0-9]{1,18}")
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000


def parse_cursor(db: Database, cursor: str | None, head: int) -> int:
    if cursor is None or cursor == "":
        return 0
    epoch, _, seq_text = cursor.partition(".")
    if not _SEQ.fullmatch(seq_text):
        raise Refused.one("rejected", "since", f"« {cursor} » is not a cursor from this server")
    if epoch != db.epoch:
        raise Refused.one(
            "rejected",
            "since",
            "cursor from another database (restored or replaced): sync again from the start, "
            "without since",
        )
    seq = int(seq_text)
    if seq > head:
        raise Refused.one("rejected", "since", f"unknown cursor: this server is at {head}")
    return seq


_COLUMNS = (
    Change.seq,
    Change.entity,
    Change.entity_id,
    Change.revision,
    Change.committed_at,
    Change.payload,
)


def _page(db: Database, cursor: str | None, limit: int) -> tuple[Sequence[Any], int, bool]:
    with db.read() as session:
        head = current_seq(session)
        after = parse_cursor(db, cursor, head)
        # Plain rows, not ORM objects: a page is read once and written out.
        rows = session.execute(
            select(*_COLUMNS).where(Change.seq > after).order_by(Change.seq).limit(limit + 1)
        ).all()
    return rows[:limit], after, len(rows) > limit


def _frame(row: Any) -> str:
    head = {
        "seq": row.seq,
        "entity": row.entity,
        "id": row.entity_id,
        "revision": row.revision,
        "committed_at": iso(row.committed_at),
    }
    return json.dumps(head, ensure_ascii=False)[:-1] + ',"data":' + row.payload + "}"


def changes_json(db: Database, cursor: str | None, limit: int) -> str:
    """The page as JSON text; each record is spliced in as stored (see Change.payload)."""
    rows, after, has_more = _page(db, cursor, limit)
    last = rows[-1].seq if rows else after
    tail = json.dumps({"cursor": f"{db.epoch}.{last}", "has_more": has_more})
    return '{"changes":[' + ",".join(_frame(row) for row in rows) + "]," + tail[1:]


def changes_since(db: Database, cursor: str | None, limit: int) -> dict[str, Any]:
    page: dict[str, Any] = json.loads(changes_json(db, cursor, limit))
    return page

"""A store file that is empty or damaged is never silently replaced.

It is set aside under its name and the date (with its WAL, which may hold its last
transactions), what can still be read of it is taken out (the operations not yet sent,
the workstation's profile, the highest case-number sequences), and a new store starts
with them. Reads go row by row past damaged pages: one bad page costs the rows on it,
not the whole outbox.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.models.meta import StoreMeta
from app.models.store_errors import DAMAGED, KnownStoreError
from app.models.tables import CaseSequence, OutboxOp

if TYPE_CHECKING:
    from app.models.store import Store

HEADER = b"SQLite format 3\x00"
MARK_SUFFIX = ".damaged"  # beside the store: a damaged page was met while it was in use
_COMPANIONS = ("-wal", "-shm")
_PROFILE_KEYS = ("station", "agent", "workplace")
_OUTBOX_COLUMNS = (
    "op_id",
    "type",
    "target",
    "base_revision",
    "data",
    "created_at",
    "state",
    "attempts",
    "answer",
)
MAX_ROWS = 200_000  # how far row-by-row reading goes past a damaged page


@dataclass
class Salvage:
    """What was read out of a damaged store."""

    copy: Path
    reason: str
    ops: list[dict[str, Any]] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    sequences: dict[tuple[int, int], int] = field(default_factory=dict)
    unreadable: int = 0  # outbox rows (or whole tables) that could not be read


def mark_path(path: Path) -> Path:
    return path.with_name(path.name + MARK_SUFFIX)


def mark_damaged(path: Path) -> None:
    """Remember, for the next start, that the store met a damaged page."""
    with contextlib.suppress(OSError):
        mark_path(path).touch()


def damage(path: Path) -> str | None:
    """Why the existing store file cannot be trusted (English), None when it looks sound.
    Cheap: the size and the 16-byte header, and the mark a damaged page left."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    except OSError:
        return None  # unreadable: opening it will say why
    if size == 0:
        return "the file is empty"
    try:
        with path.open("rb") as handle:
            head = handle.read(len(HEADER))
    except OSError:
        return None
    if head != HEADER:
        return "the file is not an SQLite database"
    if mark_path(path).exists():
        return "a damaged page was met while it was in use"
    return None


def damaged_error(path: Path, reason: str) -> KnownStoreError:
    return KnownStoreError(DAMAGED, path, reason)


def set_aside(path: Path, now: datetime) -> Path:
    """Rename the store (and its WAL and shared memory) to `<name>.damaged-<date>`; the
    returned copy is never touched again by Relais."""
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(copy)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(copy.with_name(copy.name + suffix))
    mark_path(path).unlink(missing_ok=True)
    return copy


def _connect(copy: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    conn.row_factory = sqlite3.Row
    return conn


def _outbox_rows(conn: sqlite3.Connection, salvage: Salvage) -> Iterator[sqlite3.Row]:
    """Every readable row in order; past a damaged page, one row at a time."""
    seen = 0
    try:
        for row in conn.execute("SELECT * FROM outbox ORDER BY seq"):
            seen = int(row["seq"])
            yield row
        return
    except sqlite3.Error:
        pass
    try:
        top = int(conn.execute("SELECT max(seq) FROM outbox").fetchone()[0] or 0)
    except sqlite3.Error:
        top = seen + MAX_ROWS
    for seq in range(seen + 1, min(top, seen + MAX_ROWS) + 1):
        try:
            row = conn.execute("SELECT * FROM outbox WHERE seq = ?", (seq,)).fetchone()
        except sqlite3.Error:
            salvage.unreadable += 1
            continue
        if row is not None:
            yield row


def _when(value: object) -> datetime | None:
    """A time as SQLite holds it (naive UTC text)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def _json(value: object) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _read_ops(conn: sqlite3.Connection, salvage: Salvage) -> None:
    for row in _outbox_rows(conn, salvage):
        keys = set(row.keys())
        op = {name: row[name] for name in _OUTBOX_COLUMNS if name in keys}
        op["data"] = _json(op.get("data"))
        op["answer"] = _json(op.get("answer"))
        if not op.get("op_id") or not op.get("type") or not isinstance(op["data"], dict):
            salvage.unreadable += 1
            continue
        salvage.ops.append(op)


def _read_profile(conn: sqlite3.Connection, salvage: Salvage) -> None:
    for key in _PROFILE_KEYS:
        try:
            row = conn.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            continue
        if row is not None and isinstance(row[0], str):
            salvage.profile[key] = row[0]


def _raise(salvage: Salvage, station: int, year: int, last: int) -> None:
    key = (station, year)
    salvage.sequences[key] = max(salvage.sequences.get(key, 0), last)


def _case_number(text: object) -> tuple[int, int, int] | None:
    digits = str(text or "").replace("-", "")
    if len(digits) != 12 or not digits.isdigit():
        return None
    return int(digits[2:5]), 2000 + int(digits[:2]), int(digits[5:11])


def _read_sequences(conn: sqlite3.Connection, salvage: Salvage) -> None:
    with contextlib.suppress(sqlite3.Error):
        for row in conn.execute("SELECT station, year, last FROM case_sequences"):
            _raise(salvage, int(row["station"]), int(row["year"]), int(row["last"]))
    # The numbers themselves, where the sequence table is lost: requests and operations.
    numbers: list[object] = [op.get("target") for op in salvage.ops]
    with contextlib.suppress(sqlite3.Error):
        numbers.extend(row[0] for row in conn.execute("SELECT case_number FROM requests"))
    for text in numbers:
        parsed = _case_number(text)
        if parsed is not None:
            _raise(salvage, *parsed)


def salvage(copy: Path, reason: str) -> Salvage:
    """Read what can be read of the set-aside copy (nothing, for an empty file)."""
    found = Salvage(copy=copy, reason=reason)
    conn = _connect(copy)
    if conn is None:
        return found
    try:
        _read_ops(conn, found)
        _read_profile(conn, found)
        _read_sequences(conn, found)
    finally:
        conn.close()
    return found


def restore_into(store: Store, found: Salvage, now: datetime) -> None:
    """Into a new store: the operations (same op_ids, so one the central store already
    applied is answered as a replay), the profile and the sequences."""
    with store.writing() as session:
        for op in found.ops:
            created = op.get("created_at")
            session.add(
                OutboxOp(
                    op_id=str(op["op_id"]),
                    type=str(op["type"]),
                    target=str(op.get("target") or ""),
                    base_revision=int(op.get("base_revision") or 0),
                    data=op["data"],
                    created_at=_when(created) or now,
                    state=str(op.get("state") or "pending"),
                    attempts=int(op.get("attempts") or 0),
                    answer=op.get("answer") if isinstance(op.get("answer"), dict) else None,
                )
            )
        for key, value in found.profile.items():
            session.merge(StoreMeta(key=key, value=value))
        for (station, year), last in found.sequences.items():
            session.merge(CaseSequence(year=year, station=station, last=last))

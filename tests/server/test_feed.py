"""GET /api/v1/sync/changes: commit order, paging, refused cursors, and no change lost
while many writers commit concurrently (the PostgreSQL server when PG_URL is set)."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

from sqlalchemy import delete, update

from app.server.db import Database
from app.server.feed import changes_since
from app.server.models import Change, FeedClock
from tests.server.conftest import Server
from tests.server.factories import create_op


def pull(server: Server, since: str | None = None, limit: int = 100) -> dict[str, Any]:
    params: dict[str, Any] = {"limit": limit}
    if since is not None:
        params["since"] = since
    answer = server.client.get(
        "/api/v1/sync/changes", params=params, headers=server.agents["bruno"].headers
    )
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def test_feed_pages_through_every_change_in_order(server: Server) -> None:
    alice = server.agents["alice"]
    start = pull(server, limit=5000)
    assert {c["entity"] for c in start["changes"]} == {"service", "routing"}
    cursor = start["cursor"]
    server.push(alice, [create_op(alice.station) for _ in range(7)])
    seen: list[int] = []
    while True:
        page = pull(server, cursor, limit=3)
        seen += [c["seq"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert len(seen) == 7 and seen == sorted(seen)
    assert seen == list(range(seen[0], seen[0] + 7))
    assert pull(server, cursor)["changes"] == []


def test_each_page_says_how_many_changes_remain(server: Server) -> None:
    """The console keeps the cursor opaque: its progress comes from the page."""
    alice = server.agents["alice"]
    cursor = pull(server, limit=5000)["cursor"]
    server.push(alice, [create_op(alice.station) for _ in range(5)])
    first = pull(server, cursor, limit=2)
    assert first["remaining"] == 3 and first["has_more"]
    last = pull(server, first["cursor"], limit=3)
    assert last["remaining"] == 0 and not last["has_more"]


def test_request_changes_carry_the_record(server: Server) -> None:
    alice = server.agents["alice"]
    cursor = pull(server, limit=5000)["cursor"]
    server.push(alice, [create_op(alice.station)])
    change = pull(server, cursor)["changes"][0]
    assert change["entity"] == "request"
    assert change["data"]["case_number"]
    assert change["revision"] == 1


def test_bad_cursors_are_refused_with_the_field(server: Server) -> None:
    headers = server.agents["alice"].headers
    head = pull(server, limit=1)["cursor"]
    epoch, seq, check = head.split(".")
    malformed = ("nonsense", f"{epoch}.-1.0", f"{epoch}.{seq}", f"{epoch}.²")
    # Well formed, but not of this database's history: another one's, or from before a restore.
    stale = (f"{epoch}.99999999.{check}", f"deadbeef.{seq}.{check}", f"{epoch}.{seq}.00000000")
    for since in (*malformed, *stale):
        answer = server.client.get("/api/v1/sync/changes", params={"since": since}, headers=headers)
        assert answer.status_code == (409 if since in stale else 422), since
        assert answer.json()["problems"][0]["field"] == "since"
    answer = server.client.get("/api/v1/sync/changes", params={"limit": 0}, headers=headers)
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["field"] == "limit"


def test_the_feed_needs_a_token(server: Server) -> None:
    assert server.client.get("/api/v1/sync/changes").status_code == 401


def _writer(db: Database, name: str, count: int, written: list[str], errors: list[str]) -> None:
    rng = random.Random(name)
    for i in range(count):
        try:
            with db.work(name) as work:
                key = f"{name}-{i}"
                work.changed("citizen", key, 1, {"id": key})
                # Long, overlapping transactions: the trap is a later number committing first.
                time.sleep(rng.uniform(0, 0.004))
            written.append(key)
        except Exception as exc:  # collected: a thread cannot fail the test itself
            errors.append(f"{name}: {exc!r}")


def test_no_change_lost_under_concurrent_writers(server_db: Database) -> None:
    # SQLite has one writer at a time and waiters poll for the lock: fewer, there.
    writers, per_writer = (8, 40) if server_db.dialect == "postgresql" else (4, 15)
    written: list[str] = []
    errors: list[str] = []
    cursor = changes_since(server_db, None, 5000)["cursor"]
    threads = [
        threading.Thread(target=_writer, args=(server_db, f"w{n}", per_writer, written, errors))
        for n in range(writers)
    ]
    for thread in threads:
        thread.start()
    seen: list[str] = []
    seqs: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        alive = any(t.is_alive() for t in threads)
        page = changes_since(server_db, cursor, 7)
        for change in page["changes"]:
            seqs.append(change["seq"])
            seen.append(change["id"])
        cursor = page["cursor"]
        if not alive and not page["has_more"] and len(seen) >= len(written):
            break
    for thread in threads:
        thread.join()
    assert not errors
    # Every page continued exactly where the previous stopped: no number was ever skipped,
    # so no change was still in flight below the cursor.
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert sorted(seen) == sorted(written)
    assert len(seen) == writers * per_writer


def test_a_cursor_from_before_a_restore_is_refused(server: Server) -> None:
    alice = server.agents["alice"]
    server.push(alice, [create_op(alice.station) for _ in range(3)])
    cursor = pull(server, limit=5000)["cursor"]  # the console has seen all three
    seq = int(cursor.split(".")[1])
    # Restore a backup taken before the last two changes, then let new work happen.
    with server.db.work("restore") as work:
        work.session.execute(delete(Change).where(Change.seq > seq - 2))
        work.session.execute(update(FeedClock).values(seq=seq - 2))
    server.push(alice, [create_op(alice.station) for _ in range(3)])
    answer = server.client.get(
        "/api/v1/sync/changes", params={"since": cursor}, headers=alice.headers
    )
    assert answer.status_code == 409  # well formed, but not of this history any more
    assert "restored" in answer.json()["detail"]

"""kill -9 at random moments: a console saving and syncing in a loop (crash_worker.py) is
killed again and again over the same store. Every request it said it saved must end on the
central store exactly once, and the local store must come out whole.

The kill lands anywhere: in a local save, between the save and its push, while the server
commits a push whose answer the console never reads, in the middle of applying a page of
the change feed. The outbox (written with the change), op_id replay (a resend is harmless)
and the page-with-its-cursor transaction are what make every one of those survivable."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.store import STORE_FILENAME
from app.server.db import Database, open_database
from app.server.models import AppliedOp, ServiceRequest
from app.services import outbox
from app.services.workspace import open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import Workstation
from app.sync.engine import SyncEngine
from tests.sync.conftest import LiveServer

WORKER = Path(__file__).with_name("crash_worker.py")
ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD, STATION = "agent1", "demo", "031"
WORKSTATION = "ws-crash-031"
SEED = 20_260_311  # the kill delays: a failure can be run again as it happened
START_TIMEOUT = 30.0  # a worker that never says "ready" is a failure, not a hang


class Zygote:
    """crash_worker.py --zygote: forks one worker per run, without Python's start-up."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), "--zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
        )

    def _line(self) -> str:
        assert self.proc.stdout is not None
        # readline blocks: a stuck worker is killed by the watchdog, so it returns (EOF)
        # and the test fails on the missing line instead of hanging.
        watchdog = threading.Timer(START_TIMEOUT, self.proc.kill)
        watchdog.start()
        try:
            return self.proc.stdout.readline()
        finally:
            watchdog.cancel()

    def run_and_kill(self, data_dir: Path, url: str, seed: int, delay: float) -> list[str]:
        """Fork a worker, let it run `delay` seconds past its start-up, kill -9 it; the
        case numbers it promised (complete "saved" lines only: a cut line was never
        promised)."""
        assert self.proc.stdin is not None
        args = [str(data_dir), url, USER, PASSWORD, STATION, WORKSTATION, str(seed)]
        self.proc.stdin.write(" ".join(args) + "\n")
        self.proc.stdin.flush()
        first = self._line()
        if not first.startswith("pid "):
            pytest.fail(f"the zygote did not fork a worker: {first!r}")
        pid = int(first.split()[1])
        ready = self._line()
        if ready.strip() != "ready":
            pytest.fail(f"the worker did not start: {ready!r}")
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        promised = []
        while True:
            line = self._line()
            if not line:
                pytest.fail("the zygote died")
            if line.strip() == f"dead {pid}":
                return promised
            if line.startswith("saved ") and line.endswith("\n"):
                promised.append(line.split()[1])

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()  # EOF: the zygote's loop ends
        try:
            self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()


def server_counts(db: Database) -> Counter[str]:
    """This workstation's case numbers on the central store, and how many rows each has."""
    with db.read() as session:
        rows = session.execute(
            select(ServiceRequest.case_number, func.count())
            .where(ServiceRequest.case_number.like(f"%-{STATION}-%"))
            .group_by(ServiceRequest.case_number)
        ).all()
    return Counter({str(case): int(count) for case, count in rows})


def unanswered(data_dir: Path, db: Database) -> int:
    """Operations still pending locally that the server has already applied: the kill fell
    between the server's commit and the console recording its answer (the replay case)."""
    # Read-only: closing a read-write connection would checkpoint the WAL the killed worker
    # left, and the next worker would never have to recover one.
    uri = f"file:{data_dir / STORE_FILENAME}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as conn:
            ids = [str(r[0]) for r in conn.execute("SELECT op_id FROM outbox")]
        conn.close()
    except sqlite3.OperationalError:
        return 0  # a WAL a read-only reader cannot open: this count is only a statistic
    with db.read() as session:
        query = select(func.count()).select_from(AppliedOp).where(AppliedOp.op_id.in_(ids))
        return int(session.scalar(query) or 0)


def local_cases(data_dir: Path) -> set[str]:
    with sqlite3.connect(data_dir / STORE_FILENAME) as conn:
        rows = conn.execute(
            "SELECT case_number FROM requests WHERE case_number LIKE ?",
            (f"%-{STATION}-%",),
        ).fetchall()
    conn.close()
    return {str(r[0]) for r in rows}


def integrity(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / STORE_FILENAME) as conn:
        result = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    conn.close()
    return result


def final_sync(data_dir: Path, url: str) -> tuple[int, int]:
    """What the console does when it starts again: one clean round. (pending, held)"""
    workspace = open_workspace(data_dir, load_bundled=False)
    client = SyncClient(url)
    client.login(USER, PASSWORD, int(STATION), Workstation(WORKSTATION, WORKSTATION * 3))
    engine = SyncEngine(workspace, client)
    try:
        ok, _ = asyncio.run(engine.sync_once())
        assert ok, engine.status.last_error
        return outbox.waiting_count(workspace.store), outbox.held_count(workspace.store)
    finally:
        engine.close()
        client.close()
        workspace.close()


def kill_again_and_again(tmp_path: Path, live_server: LiveServer, iterations: int) -> None:
    rng = random.Random(SEED)
    data_dir = tmp_path / "console"
    promised: list[str] = []
    mid_push = 0
    db = open_database(live_server.db_url)
    zygote = Zygote()
    try:
        for i in range(iterations):
            # Each run numbers its drafts from its own block: citizens' names stay distinct.
            delay = rng.uniform(0.05, 0.6)
            promised += zygote.run_and_kill(data_dir, live_server.url, i * 1000, delay)
            mid_push += unanswered(data_dir, db) > 0
        assert promised, "no worker lived long enough to save anything"
        assert len(promised) == len(set(promised)), "a case number was handed out twice"

        pending, held = final_sync(data_dir, live_server.url)
        on_server = server_counts(db)
    finally:
        zygote.close()
        db.close()
    missing = sorted(set(promised) - set(on_server))
    doubled = sorted(c for c, n in on_server.items() if n != 1)
    assert not missing, f"promised but never on the server: {missing}"
    assert not doubled, f"on the server more than once: {doubled}"
    # Saved but killed before the "saved" line: not promised, yet it must arrive too.
    assert local_cases(data_dir) == set(on_server)
    assert (pending, held) == (0, 0)  # a resend refused as a duplicate would be held
    assert integrity(data_dir) == "ok"
    print(f"kill -9 iterations survived: {iterations}")
    print(f"  {len(promised)} requests promised, {mid_push} kills between a push and its answer")


def test_kill_9_loses_nothing_and_doubles_nothing(tmp_path: Path, live_server: LiveServer) -> None:
    kill_again_and_again(tmp_path, live_server, 15)


@pytest.mark.slow
def test_kill_9_many_times(tmp_path: Path, live_server: LiveServer) -> None:
    kill_again_and_again(
        tmp_path, live_server, int(os.environ.get("RELAIS_CRASH_ITERATIONS", "200"))
    )

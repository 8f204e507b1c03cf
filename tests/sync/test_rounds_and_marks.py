"""The engine against the real central store: no store failure ends it, saves made during
a push never fail a round, and a workstation whose store was lost numbers above the
central store's mark for its station."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.domain.case_numbers import parse_case_number
from app.domain.validation import ValidationError
from app.services import sequences
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.sync.engine import ERROR, ONLINE, log_bug
from tests.sync.test_engine import Console, pothole


def test_saves_made_while_pushes_run_never_fail_a_round(tmp_path: Path, live_server: Any) -> None:
    """The push reads its batch and records its answers in separate transactions; a save
    committed in between used to fail the round with "database is locked"."""
    a = Console(tmp_path / "a", live_server.url, "agent1", "021")
    try:
        failures: list[str] = []
        done = threading.Event()

        def rounds() -> None:
            while not done.is_set():
                ok, _ = asyncio.run(a.engine.sync_once())
                if not ok:
                    failures.append(a.engine.status.last_error)

        runner = threading.Thread(target=rounds)
        runner.start()
        try:
            saved = [a.workspace.save_request(pothole(n), None).case_number for n in range(40)]
        finally:
            done.set()
            runner.join(timeout=120)
        assert failures == []
        assert a.sync() and a.engine.status.pending == 0
        for case_number in saved[::13]:
            assert a.client._call("GET", f"/requests/{case_number}")["case_number"] == case_number
    finally:
        a.close()


async def _until(predicate: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def test_a_store_error_mid_round_is_shown_and_the_next_round_succeeds(
    tmp_path: Path, live_server: Any
) -> None:
    a = Console(tmp_path / "a", live_server.url, "agent1", "021")
    a.engine.interval = 0.2
    a.workspace.save_request(pothole(1), None)
    # Another program holds the store's write lock longer than SQLite waits for it.
    blocker = sqlite3.connect(a.workspace.store.path, timeout=1, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")

    async def scenario() -> None:
        rounds = asyncio.create_task(a.engine.run())
        try:
            await _until(lambda: a.engine.status.state == ERROR)
            assert "locked by another program" in a.engine.status.last_error
            assert not rounds.done()  # the engine goes on
            blocker.execute("ROLLBACK")
            a.engine.poke()
            await _until(lambda: a.engine.status.state == ONLINE)
            assert a.engine.status.pending == 0
        finally:
            a.engine.stop()
            await rounds

    try:
        asyncio.run(scenario())
    finally:
        blocker.close()
        a.close()


def test_a_bug_is_logged_without_its_message(caplog: pytest.LogCaptureFixture) -> None:
    try:
        raise KeyError("Marie Tremblay 514 555-0123")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="app.sync.engine"):
            reason = log_bug("sync round", exc)
    assert "KeyError" in reason and "next round retries" in reason
    assert "KeyError" in caplog.text and "test_rounds_and_marks.py" in caplog.text
    assert "Marie" not in caplog.text and "555" not in caplog.text


def test_a_lost_store_learns_its_station_mark_and_numbers_above_it(
    tmp_path: Path, live_server: Any
) -> None:
    folder = tmp_path / "a"
    a = Console(folder, live_server.url, "agent1", "021")
    given = [a.workspace.save_request(pothole(n), None).case_number for n in range(3)]
    assert a.sync()
    a.close()
    # The store and its ledger are lost; the workstation's id and secret stay.
    for name in ("relais.sqlite3", sequences.LEDGER_FILE):
        (folder / name).unlink()

    b = Console(folder, live_server.url, "agent1", "021")
    try:
        b.workspace.central = True  # as the console sets it with a server configured
        with pytest.raises(ValidationError) as caught:
            b.workspace.save_request(pothole(9), None)
        assert caught.value.problems[0].code == "station_unconfirmed"
        assert b.sync()  # the change feed carries the station's mark
        after = b.workspace.save_request(pothole(9), None).case_number
    finally:
        b.close()
    assert after not in given
    year = parse_case_number(given[0]).year
    assert parse_case_number(after).sequence == 4 and parse_case_number(after).year == year


def test_login_tells_the_station_mark(tmp_path: Path, live_server: Any) -> None:
    a = Console(tmp_path / "a", live_server.url, "agent1", "021")
    try:
        numbers = [a.workspace.save_request(pothole(n), None).case_number for n in range(2)]
        assert a.sync()
    finally:
        a.close()
    client = SyncClient(live_server.url)
    try:
        session = client.login("agent1", "demo", 21, workstation(tmp_path / "a"))
    finally:
        client.close()
    year = parse_case_number(numbers[0]).year
    assert session.sequences == {year: 2}

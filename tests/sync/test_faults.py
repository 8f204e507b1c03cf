"""A console syncing through a fault-injection proxy: whatever the network or the server
does (refuses, hangs, fails, asks to wait, loses or cuts an answer, answers slowly),
requests saved locally reach the central store exactly once when the fault clears, the
outbox empties, and a page of the change feed is applied whole or not at all."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.server.db import Database, open_database
from app.server.models import ServiceRequest
from app.services import outbox, replica
from app.services.meta import get_meta
from app.services.workspace import Workspace, open_workspace
from app.sync import client as client_module
from app.sync import engine as engine_module
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.sync.engine import (
    BACKOFF_BASE,
    BACKOFF_CAP,
    ERROR,
    OFFLINE,
    ONLINE,
    SyncEngine,
    backoff_delay,
)
from tests.sync import proxy as proxy_module
from tests.sync.conftest import LiveServer
from tests.sync.proxy import FaultProxy
from tests.sync.test_engine import pothole

PUSH = "/api/v1/sync/push"
CHANGES = "/api/v1/sync/changes"
OPS_PER_REQUEST = 2  # a new citizen, then the request
ANSWER_DELAY = 1.5  # the proxy's hold on an answer in `slow` mode


class Console:
    """One workstation syncing through `url` (the proxy): its store, client and engine."""

    def __init__(self, data_dir: Path, url: str, user: str, station: str) -> None:
        self.workspace: Workspace = open_workspace(data_dir, load_bundled=False)
        self.workspace.set_profile(station, user, "311")
        self.client = SyncClient(url)
        self.client.login(user, "demo", int(station), workstation(data_dir))
        self.engine = SyncEngine(self.workspace, self.client)
        self._next = 0

    def save(self, count: int) -> list[str]:
        first, self._next = self._next, self._next + count
        return [
            self.workspace.save_request(pothole(n), None).case_number
            for n in range(first, self._next)
        ]

    def sync_once(self) -> tuple[bool, float | None]:
        return asyncio.run(self.engine.sync_once())

    def waiting(self) -> int:
        return outbox.waiting_count(self.workspace.store)

    def held(self) -> int:
        return outbox.held_count(self.workspace.store)

    def cursor(self) -> str | None:
        with self.workspace.store.session() as session:
            return get_meta(session, replica.CURSOR_KEY)

    def local_cases(self) -> set[str]:
        with self.workspace.store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT case_number FROM requests").all()
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        self.engine.close()
        self.client.close()
        self.workspace.close()


@pytest.fixture
def console(tmp_path: Path, proxy: FaultProxy) -> Iterator[Console]:
    made = Console(tmp_path / "console", proxy.url, "agent1", "021")
    yield made
    made.close()


@pytest.fixture
def central(live_server: LiveServer) -> Iterator[Database]:
    """The central store's database, read beside the running server."""
    db = open_database(live_server.db_url)
    yield db
    db.close()


def on_server(db: Database, cases: list[str]) -> Counter[str]:
    """How many rows the central store holds for each of `cases` (absent: not counted)."""
    with db.read() as session:
        rows = session.execute(
            select(ServiceRequest.case_number, func.count())
            .where(ServiceRequest.case_number.in_(cases))
            .group_by(ServiceRequest.case_number)
        ).all()
    return Counter({str(case): int(count) for case, count in rows})


def spy_on_push(console: Console, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every result the server's push answers reached the console with."""
    heard: list[dict[str, Any]] = []
    real = console.client.push

    def push(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        results = real(ops)
        heard.extend(results)
        return results

    monkeypatch.setattr(console.client, "push", push)
    return heard


@dataclass(frozen=True)
class Fault:
    mode: str
    state: str  # the engine's state after the failed round
    retry_after: float | None  # what sync_once hands the backoff
    committed: bool  # the server applied the batch although the console never heard
    read_timeout: float | None = None  # the client's, shortened so a hang costs a second
    delay: float = ANSWER_DELAY


FAULTS = [
    pytest.param(Fault("refuse", OFFLINE, None, committed=False), id="refused"),
    pytest.param(Fault("timeout", OFFLINE, None, False, read_timeout=1.0), id="timeout"),
    pytest.param(Fault("error500", ERROR, None, committed=False), id="500"),
    pytest.param(Fault("retry_after", ERROR, 2.0, committed=False), id="retry-after"),
    pytest.param(Fault("drop_response", OFFLINE, None, committed=True), id="answer-lost"),
    pytest.param(Fault("truncate", OFFLINE, None, committed=True), id="answer-cut"),
    # The server commits, its answer comes after the client gave up: a lost answer again.
    pytest.param(
        Fault("slow", OFFLINE, None, True, read_timeout=1.0, delay=2.0), id="answer-too-late"
    ),
]


@pytest.mark.parametrize("fault", FAULTS)
def test_requests_saved_during_a_fault_arrive_once_after_it(
    fault: Fault,
    console: Console,
    proxy: FaultProxy,
    central: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    heard = spy_on_push(console, monkeypatch)
    cases = console.save(3)
    ops = len(cases) * OPS_PER_REQUEST
    assert console.waiting() == ops
    if fault.read_timeout is not None:
        monkeypatch.setattr(client_module, "READ_TIMEOUT", fault.read_timeout)
    proxy.delay = fault.delay
    proxy.mode = fault.mode

    assert console.sync_once() == (False, fault.retry_after)
    status = console.engine.status
    assert (status.state, status.pending, status.held) == (fault.state, ops, 0)
    assert status.last_error  # the agent is told why
    assert console.waiting() == ops  # nothing taken out of the outbox on a failure
    committed = on_server(central, cases)
    assert committed == (Counter(dict.fromkeys(cases, 1)) if fault.committed else Counter())
    if fault.retry_after is not None:
        assert backoff_delay(1, fault.retry_after) >= fault.retry_after

    proxy.mode = "pass"
    monkeypatch.setattr(client_module, "READ_TIMEOUT", 10.0)
    assert console.sync_once() == (True, None)
    status = console.engine.status
    assert (status.state, status.pending, status.held) == (ONLINE, 0, 0)
    assert (console.waiting(), console.held()) == (0, 0)
    assert on_server(central, cases) == Counter(dict.fromkeys(cases, 1))
    # Only the round after the fault was heard. Its batch was the same operations: where the
    # server had committed them, it answered with the first results, not new rows.
    assert len(heard) == ops and all(r["status"] == "applied" for r in heard)
    assert [bool(r.get("replayed")) for r in heard] == [fault.committed] * ops
    for case_number in cases:
        detail = console.workspace.case_detail(case_number)
        assert detail is not None and detail.synced

    pushes = proxy.seen[PUSH]
    assert console.sync_once() == (True, None)
    assert proxy.seen[PUSH] == pushes  # nothing left to send: nothing sent twice


def test_slow_answers_within_the_read_timeout_are_waited_for(
    console: Console, proxy: FaultProxy, central: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = console.save(2)
    # Well above the proxy's hold: on a loaded machine the server's own time comes on top.
    monkeypatch.setattr(client_module, "READ_TIMEOUT", 10.0)
    proxy.delay = ANSWER_DELAY
    proxy.mode = "slow"
    assert console.sync_once() == (True, None)
    status = console.engine.status
    assert (status.state, status.pending, status.held) == (ONLINE, 0, 0)
    assert on_server(central, cases) == Counter(dict.fromkeys(cases, 1))


def test_retry_after_is_never_shortened_by_the_backoff(console: Console, proxy: FaultProxy) -> None:
    console.save(1)
    proxy.mode = "retry_after"
    ok, retry_after = console.sync_once()
    assert (ok, retry_after) == (False, 2.0)
    assert all(backoff_delay(n, retry_after) >= 2.0 for n in range(1, 8) for _ in range(50))


class OddRetryAfterProxy(FaultProxy):
    """In `retry_after` mode, a 503 whose Retry-After is neither delay-seconds nor an
    HTTP date: what a misconfigured gateway or a hand-written 503 page sends."""

    def __init__(self, target_url: str, retry_after: str) -> None:
        super().__init__(target_url)
        self.retry_after = retry_after

    def _dispatch(self, conn: Any, mode: str, request: bytes) -> None:
        if mode == "retry_after":
            extra = {"Retry-After": self.retry_after}
            conn.sendall(proxy_module._answer(503, "Service Unavailable", extra))
            return
        super()._dispatch(conn, mode, request)


@pytest.mark.parametrize("value", ["1.5", "soon"])
def test_an_unreadable_retry_after_is_a_busy_server_not_a_crash(
    value: str, tmp_path: Path, live_server: LiveServer, central: Database
) -> None:
    odd = OddRetryAfterProxy(live_server.url, value)
    odd.start()
    console = Console(tmp_path / "console", odd.url, "agent1", "021")
    try:
        cases = console.save(1)
        odd.mode = "retry_after"
        ok, retry_after = console.sync_once()
        assert not ok and (retry_after is None or retry_after >= 0)
        assert console.engine.status.state == ERROR
        assert console.waiting() == OPS_PER_REQUEST
        odd.mode = "pass"
        assert console.sync_once() == (True, None)
        assert on_server(central, cases) == Counter(dict.fromkeys(cases, 1))
    finally:
        console.close()
        odd.stop()


@pytest.mark.parametrize("mode", ["drop_response", "truncate"])
def test_a_page_of_changes_lost_or_cut_is_applied_whole_or_not_at_all(
    mode: str,
    tmp_path: Path,
    console: Console,
    live_server: LiveServer,
    proxy: FaultProxy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert console.sync_once() == (True, None)  # the demo data: the console is up to date
    # A colleague, straight to the server, makes changes the console has to pull.
    colleague = Console(tmp_path / "colleague", live_server.url, "agent2", "022")
    try:
        theirs = set(colleague.save(5))
        assert colleague.sync_once() == (True, None)
    finally:
        colleague.close()
    # Small pages, so the feed of the colleague's work takes several.
    monkeypatch.setattr(engine_module, "PULL_PAGE", 4)
    pages: list[dict[str, Any]] = []
    real = console.client.changes

    def changes(cursor: str | None, limit: int = 500) -> dict[str, Any]:
        page = real(cursor, limit)
        pages.append(page)
        return page

    monkeypatch.setattr(console.client, "changes", changes)

    # The very first page fails: nothing moves.
    before = console.cursor()
    assert before
    proxy.mode = mode
    assert console.sync_once() == (False, None)
    assert console.engine.status.state == OFFLINE
    assert console.cursor() == before
    assert not console.local_cases() & theirs
    assert proxy.seen[CHANGES] >= 1 and not pages

    # The second page fails: the first stays applied, with its cursor, and nothing more.
    def fail_after_first_page(cursor: str | None, limit: int = 500) -> dict[str, Any]:
        page = changes(cursor, limit)
        proxy.mode = mode
        return page

    proxy.mode = "pass"
    monkeypatch.setattr(console.client, "changes", fail_after_first_page)
    assert console.sync_once() == (False, None)
    assert len(pages) == 1 and pages[0]["has_more"]
    assert console.cursor() == str(pages[0]["cursor"]) != before
    first_page = {
        str(c["data"]["case_number"]) for c in pages[0]["changes"] if c["entity"] == "request"
    }
    assert console.local_cases() & theirs == first_page & theirs

    # The fault clears: the next round reads on from the first page's cursor to the end.
    proxy.mode = "pass"
    monkeypatch.setattr(console.client, "changes", changes)
    assert console.sync_once() == (True, None)
    assert pages[-1]["has_more"] is False
    assert console.cursor() == str(pages[-1]["cursor"])
    assert theirs <= console.local_cases()
    assert console.sync_once() == (True, None)
    assert console.engine.status.pulled == 0  # nothing read twice


@given(
    failures=st.integers(min_value=0, max_value=100),
    retry_after=st.none() | st.floats(min_value=0, max_value=600, allow_nan=False),
)
def test_backoff_stays_under_its_ceiling_and_honours_retry_after(
    failures: int, retry_after: float | None
) -> None:
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, failures - 1))
    delay = backoff_delay(failures, retry_after)
    assert delay >= (retry_after or 0.0)
    assert 0 <= delay <= max(ceiling, retry_after or 0.0)


def test_backoff_is_jittered_across_the_whole_range() -> None:
    # Full jitter, not a fixed step: consoles that failed together do not retry together.
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2**5)
    delays = [backoff_delay(6) for _ in range(2000)]
    assert min(delays) < 0.1 * ceiling and max(delays) > 0.9 * ceiling
    assert max(backoff_delay(n) for n in range(1, 200) for _ in range(10)) <= BACKOFF_CAP

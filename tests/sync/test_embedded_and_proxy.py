"""The embedded central store and the fault proxy: the server answers on a port of its own,
survives a restart, the demo seed is idempotent, and every fault the proxy injects reaches
the console's client as the error its sync engine acts on."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.domain import request_terms as terms
from app.server.db import open_database
from app.server.demo import ACCOUNTS, DEMO_STATION, seed_demo
from app.server.embedded import EmbeddedServer, EmbeddedServerError
from app.server.models import Account, Change, Citizen, ServiceRequest
from app.sync import client as client_module
from app.sync.client import Offline, ServerBusy, SyncClient
from app.sync.credentials import Workstation
from tests.server.factories import create_op
from tests.sync.conftest import LiveServer
from tests.sync.proxy import FaultProxy

STATION = 21
WORKSTATION = Workstation("ws-test-0021", "secret-of-the-test-workstation-0021")
NO_PROXY = {"http": "", "https": ""}  # the server is on loopback, whatever the environment


def signed_in(base_url: str) -> SyncClient:
    client = SyncClient(base_url)
    client.login("agent1", "demo", station=STATION, workstation=WORKSTATION)
    return client


def request_ids(page: dict[str, Any]) -> set[str]:
    return {c["id"] for c in page["changes"] if c["entity"] == "request"}


# -- the embedded server ------------------------------------------------------------------


def test_embedded_server_listens_on_a_free_port_and_answers(live_server: LiveServer) -> None:
    assert live_server.port > 0
    assert live_server.url == f"http://127.0.0.1:{live_server.port}"
    health = requests.get(live_server.url + "/health", timeout=5, proxies=NO_PROXY)
    assert health.status_code == 200
    discovery = requests.get(
        live_server.url + "/open311/v2/discovery.json", timeout=5, proxies=NO_PROXY
    )
    assert discovery.status_code == 200


def test_agent_logs_in_and_reads_the_demo_requests(live_server: LiveServer) -> None:
    client = signed_in(live_server.url)
    assert client.me()["username"] == "agent1"
    page = client.changes(None)
    assert not page["has_more"]
    assert len(request_ids(page)) >= 30
    client.close()


def test_stop_then_restart_on_the_same_port_keeps_the_data(live_server: LiveServer) -> None:
    client = signed_in(live_server.url)
    op = create_op(STATION)
    assert client.push([op])[0]["status"] == "applied"
    live_server.stop()
    with pytest.raises(Offline):
        client.changes(None)
    assert live_server.restart() == client.base_url
    # The token, the request and its op result are all in the database, not the process.
    again = client.push([op])[0]
    assert again["status"] == "applied" and again["replayed"] is True
    assert again["record"]["id"] in request_ids(client.changes(None))
    client.close()


def test_a_taken_port_is_a_clear_error(live_server: LiveServer) -> None:
    with pytest.raises(EmbeddedServerError, match="cannot listen"):
        EmbeddedServer(live_server.db_url, port=live_server.port).start()


def test_seed_demo_twice_writes_once(database_url: str) -> None:
    first = seed_demo(database_url)
    assert first.seeded and first.requests >= 30
    assert set(first.usernames) == set(ACCOUNTS) and first.password == "demo"
    db = open_database(database_url)
    try:

        def counts() -> tuple[int, ...]:
            with db.read() as s:
                return tuple(
                    int(s.scalar(select(func.count()).select_from(m)) or 0)
                    for m in (Account, ServiceRequest, Citizen, Change)
                )

        before = counts()
        again = seed_demo(database_url)
        assert not again.seeded and again.requests == 0
        assert counts() == before
        with db.read() as s:
            rows = s.scalars(select(ServiceRequest)).all()
        now = datetime.now(UTC)
        closed = [r for r in rows if r.status in terms.CLOSED_STATUSES]
        overdue = [
            r
            for r in rows
            if r.status not in terms.CLOSED_STATUSES and r.due_at is not None and r.due_at < now
        ]
        assert len(closed) >= 3 and len(overdue) >= 3
        assert sum(r.citizen_id is not None for r in rows) >= 5
        assert len({r.service_code for r in rows}) >= 20
        assert len({r.arrondissement for r in rows if r.arrondissement}) >= 10
        assert all(f"-{DEMO_STATION}-" in r.case_number for r in rows)
        assert min(r.created_at for r in rows) < max(r.created_at for r in rows)
    finally:
        db.close()


# -- faults, through the proxy -------------------------------------------------------------


def test_proxy_passes_requests_through_and_counts_them(proxy: FaultProxy) -> None:
    client = signed_in(proxy.url)
    client.me()
    client.me()
    assert proxy.seen["/api/v1/auth/token"] == 1
    assert proxy.seen["/api/v1/me"] == 2
    client.close()


def test_refused_connection_is_offline_until_the_proxy_listens_again(proxy: FaultProxy) -> None:
    proxy.mode = "refuse"
    client = SyncClient(proxy.url)
    with pytest.raises(Offline):
        client.login("agent1", "demo", station=STATION, workstation=WORKSTATION)
    proxy.mode = "pass"
    client.login("agent1", "demo", station=STATION, workstation=WORKSTATION)
    client.close()


def test_no_answer_is_offline_within_the_read_timeout(
    proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = signed_in(proxy.url)
    monkeypatch.setattr(client_module, "READ_TIMEOUT", 1.0)
    proxy.mode = "timeout"
    started = time.monotonic()
    with pytest.raises(Offline):
        client.changes(None)
    # The 1 s given, not the client's 20 s default nor the proxy's 120 s hold; the margin
    # is for a loaded machine.
    assert time.monotonic() - started < 10
    client.close()


def test_server_error_is_busy(proxy: FaultProxy) -> None:
    client = signed_in(proxy.url)
    proxy.mode = "error500"
    with pytest.raises(ServerBusy) as caught:
        client.push([create_op(STATION)])
    assert caught.value.retry_after is None
    client.close()


def test_retry_after_is_busy_with_the_server_s_delay(proxy: FaultProxy) -> None:
    client = signed_in(proxy.url)
    proxy.mode = "retry_after"
    with pytest.raises(ServerBusy) as caught:
        client.changes(None)
    assert caught.value.retry_after == 2
    client.close()


def test_truncated_answer_is_offline(proxy: FaultProxy) -> None:
    client = signed_in(proxy.url)
    proxy.mode = "truncate"
    with pytest.raises(Offline):
        client.changes(None)
    client.close()


def test_answer_lost_after_commit_is_offline_and_the_resend_is_a_replay(
    proxy: FaultProxy,
) -> None:
    client = signed_in(proxy.url)
    op = create_op(STATION)
    proxy.mode = "drop_response"
    with pytest.raises(Offline):
        client.push([op])
    assert proxy.seen["/api/v1/sync/push"] == 1
    proxy.mode = "pass"
    result = client.push([op])[0]
    assert result["status"] == "applied" and result["replayed"] is True
    client.close()


def test_slow_answer_still_arrives(proxy: FaultProxy) -> None:
    client = signed_in(proxy.url)
    proxy.mode, proxy.delay = "slow", 0.5
    started = time.monotonic()
    assert client.push([create_op(STATION)])[0]["status"] == "applied"
    assert time.monotonic() - started >= 0.5
    client.close()

"""Sync fixtures: the real central store served over HTTP on loopback (seeded with the
demo data), and a fault-injection proxy in front of it."""

from __future__ import annotations

import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.server.demo import seed_demo
from app.server.embedded import EmbeddedServer
from tests.server import conftest as server_fixtures
from tests.sync.proxy import FaultProxy

# The same fresh store per test as the server tests: a SQLite file in tmp_path, or a
# PostgreSQL schema of its own when PG_URL is set.
database_url = server_fixtures.database_url


class LiveServer:
    """An EmbeddedServer that a test can stop (an outage) and restart on the same port, so
    a client's base URL stays valid across the outage."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self._server = EmbeddedServer(db_url)
        self.url = self._server.start()
        self.port = self._server.port

    @property
    def running(self) -> bool:
        return self._server.running

    def stop(self) -> None:
        self._server.stop()

    def restart(self) -> str:
        """Start again on the same port (stopping first if it runs); the data is kept."""
        self._server.stop()
        self._server = EmbeddedServer(self.db_url, port=self.port)
        self.url = self._server.start()
        return self.url


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """On SQLite, one seeded store per test session that each test copies: seeding costs
    more than half a second (scrypt, the knowledge base), a copy a few milliseconds."""
    if server_fixtures.PG_URL:
        return None
    path = tmp_path_factory.mktemp("demo-template") / "central.sqlite3"
    seed_demo(f"sqlite:///{path}")
    return path


@pytest.fixture
def demo_database_url(database_url: str, demo_template: Path | None) -> str:
    """A fresh store holding the demo data (accounts agent1, agent2, superviseur, admin;
    password "demo")."""
    if demo_template is None:
        seed_demo(database_url)
        return database_url
    target = make_url(database_url).database
    assert target is not None
    shutil.copyfile(demo_template, target)  # closed cleanly: no WAL file left beside it
    with sqlite3.connect(target) as conn:
        # A database of its own, as a fresh seed would be: cursors from another test's
        # store must be refused by this one.
        conn.execute(
            "UPDATE server_meta SET value = ? WHERE key = 'epoch'", (secrets.token_hex(4),)
        )
    conn.close()
    return database_url


@pytest.fixture
def live_server(demo_database_url: str) -> Iterator[LiveServer]:
    server = LiveServer(demo_database_url)
    yield server
    server.stop()


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(live_server.url)
    fault_proxy.start()
    yield fault_proxy
    fault_proxy.stop()

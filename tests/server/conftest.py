"""Server fixtures: a fresh central store per test, on SQLite by default and on the
PostgreSQL server named by PG_URL when it is set (each test in a schema of its own)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.server.app import create_app
from app.server.auth import digest, hash_password, issue_token
from app.server.catalogue_store import store_catalogue
from app.server.db import Database, open_database
from app.server.models import Account, Station
from app.services.catalogue_files import bundled_catalogue

PG_URL = os.environ.get("PG_URL")
PASSWORD = "correct-horse-battery"


def backends() -> list[str]:
    return ["postgresql"] if PG_URL else ["sqlite"]


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'central.sqlite3'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def server_db(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    with db.work("installer") as work:
        store_catalogue(work, bundled_catalogue())
    yield db
    db.close()


@dataclass
class Agent:
    username: str
    role: str
    token: str
    station: int | None

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Server:
    db: Database
    client: TestClient
    agents: dict[str, Agent]

    def login(self, username: str, station: int | None = None) -> Agent:
        body: dict[str, Any] = {"username": username, "password": PASSWORD}
        if station is not None:
            body |= {
                "station": station,
                "workstation_id": f"ws-{username}-{station}",
                "workstation_secret": workstation_secret(username, station),
            }
        answer = self.client.post("/api/v1/auth/token", json=body)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        return Agent(username, data["role"], data["access_token"], station)

    def push(self, agent: Agent, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answer = self.client.post("/api/v1/sync/push", json={"ops": ops}, headers=agent.headers)
        assert answer.status_code == 200, answer.text
        results: list[dict[str, Any]] = answer.json()["results"]
        return results


def workstation_secret(username: str, station: int) -> str:
    """The secret the test workstation of `username` at `station` keeps."""
    return f"secret-of-the-workstation-of-{username}-at-{station:03d}"


ROLES = {
    "alice": ("agent", 11),
    "bruno": ("agent", 12),
    "sophie": ("supervisor", 13),
    "admin": ("admin", 14),
}


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # scrypt is slow on purpose: once per test session


@pytest.fixture
def server(server_db: Database, password_hash: str) -> Iterator[Server]:
    """The app over a fresh store, with one logged-in account per role (tokens issued
    directly; logging in through the API is tested on its own)."""
    agents = {}
    with server_db.work("installer") as work:
        for username, (role, station) in ROLES.items():
            account = Account(
                username=username,
                password_hash=password_hash,
                role=role,
                active=True,
                created_at=work.now,
                created_by="installer",
            )
            work.session.add(account)
            work.session.add(
                Station(
                    code=station,
                    workstation_id=f"ws-{username}-{station}",
                    secret_hash=digest(workstation_secret(username, station)),
                    registered_by=username,
                    registered_at=work.now,
                )
            )
            work.session.flush()
            secret, _ = issue_token(work.session, account, station, work.now)
            agents[username] = Agent(username, role, secret, station)
    with TestClient(create_app(server_db)) as client:
        yield Server(server_db, client, agents)

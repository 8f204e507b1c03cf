"""The central store's schema: migrations equal the models, and a newer schema is refused."""

from __future__ import annotations

import json
import uuid
from unittest.mock import ANY

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text

from app.server.app import create_app
from app.server.auth import issue_token
from app.server.db import Database, DatabaseError, alembic_config, open_database
from app.server.models import (
    Account,
    AppliedOp,
    CaseSequence,
    Interaction,
    ServerBase,
    Station,
)


def test_migrations_build_exactly_the_models(server_db: Database) -> None:
    with server_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), ServerBase.metadata)
    assert diff == []


def test_reopening_keeps_data_and_epoch(database_url: str) -> None:
    first = open_database(database_url)
    epoch = first.epoch
    first.close()
    again = open_database(database_url)
    assert again.epoch == epoch
    again.close()


def test_a_database_from_a_newer_server_is_refused_untouched(database_url: str) -> None:
    db = open_database(database_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(DatabaseError, match="newer relais-server"):
        open_database(database_url)


def test_interactions_recorded_before_0003_keep_an_unknown_queueing_time(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text(
                "INSERT INTO accounts (id, username, password_hash, role, active, created_at, "
                "created_by) VALUES (1, 'alice', '-', 'agent', true, :at, 'installer')"
            ),
            {"at": "2026-11-20 14:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO interactions (id, account_id, agent, station, channel, started_at, "
                "ended_at, outcome, case_numbers, recorded_at) VALUES (:id, 1, 'alice', 11, "
                "'phone', :at, :at, 'information', '[]', :at)"
            ),
            {"id": "5d7e0b1c-2f4a-4c8e-9b3d-6a1e2f3c4d5e", "at": "2026-11-20 14:00:00"},
        )
    engine.dispose()
    db = open_database(database_url)
    with db.read() as session:
        assert session.execute(select(Interaction.agent, Interaction.queued_at)).all() == [
            ("alice", None)
        ]
    db.close()


def test_0005_keeps_each_workstation_stations_highest_number_and_binds_old_stations_later(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    cfg = alembic_config()
    at = "2026-11-20 14:00:00"
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(
            text(
                "INSERT INTO stations (code, workstation_id, registered_by, registered_at) "
                "VALUES (11, 'ws-of-station-11', 'alice', :at)"
            ),
            {"at": at},
        )
        for n, (number, source) in enumerate(
            [
                ("26-011-000007-6", "console"),
                ("26-011-000042-1", "console"),
                ("25-011-000900-3", "console"),
                ("26-012-000003-0", "console"),
                ("26-900-000500-2", "georeport"),  # the server's own: its sequence stands
            ]
        ):
            conn.execute(
                text(
                    "INSERT INTO service_requests (id, case_number, source, service_code, "
                    "service_name, nature, channel, status, status_notes, description, "
                    "attributes, civic_number, street, postal_code, arrondissement, agent, "
                    "responsible_unit, handled_by, created_at, updated_at, updated_by, "
                    "revision, field_revisions) VALUES (:id, :number, :source, 'X', 'X', "
                    "'request', 'phone', 'transmise', '', '', '{}', '', '', '', '', '', '', "
                    "'', :at, :at, 'alice', 1, '{}')"
                ),
                {
                    "id": f"00000000-0000-0000-0000-00000000000{n}",
                    "number": number,
                    "source": source,
                    "at": at,
                },
            )
        conn.execute(
            text("INSERT INTO case_sequences (year, station, last) VALUES (2026, 900, 500)")
        )
    engine.dispose()
    db = open_database(database_url)
    with db.read() as session:
        marks = set(
            session.execute(select(CaseSequence.year, CaseSequence.station, CaseSequence.last))
        )
        station = session.get(Station, 11)
    db.close()
    assert marks == {(2026, 11, 42), (2025, 11, 900), (2026, 12, 3), (2026, 900, 500)}
    assert station is not None and station.secret_hash is None  # bound at its next login


def test_ops_applied_before_0006_keep_their_replays_without_a_digest(database_url: str) -> None:
    """No digest was kept then: a replay is answered as it always was, whatever it holds;
    an op applied after the upgrade is checked."""
    engine = create_engine(database_url)
    cfg = alembic_config()
    op_id = str(uuid.uuid4())
    first = {"op_id": op_id, "type": "request.note", "target": "x", "status": "not_found"}
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(
            text(
                "INSERT INTO accounts (id, username, password_hash, role, active, created_at, "
                "created_by) VALUES (1, 'alice', '-', 'agent', true, :at, 'installer')"
            ),
            {"at": "2026-11-20 14:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO applied_ops (op_id, account_id, result, applied_at) "
                "VALUES (:id, 1, :result, :at)"
            ),
            {"id": op_id, "result": json.dumps(first), "at": "2026-11-20 14:00:00"},
        )
    engine.dispose()
    db = open_database(database_url)
    with db.work("installer") as work:
        row = work.session.get(AppliedOp, op_id)
        assert row is not None and row.digest is None
        account = work.session.get(Account, 1)
        assert account is not None
        secret, _ = issue_token(work.session, account, None, work.now)
    headers = {"Authorization": f"Bearer {secret}"}
    other = {"op_id": op_id, "type": "request.note", "target": "y", "data": {"text": "?"}}
    fresh = {**other, "op_id": str(uuid.uuid4())}
    with TestClient(create_app(db)) as client:

        def push(one: dict[str, object]) -> dict[str, object]:
            answer = client.post("/api/v1/sync/push", json={"ops": [one]}, headers=headers)
            assert answer.status_code == 200, answer.text
            result: dict[str, object] = answer.json()["results"][0]
            return result

        assert push(other) == {**first, "replayed": True}
        assert push(fresh)["status"] == "not_found"
        assert push({**fresh, "target": "z"})["problems"] == [{"field": "op_id", "message": ANY}]
    db.close()

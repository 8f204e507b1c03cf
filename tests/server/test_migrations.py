"""The central store's schema: migrations equal the models, and a newer schema is refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.server.db import Database, DatabaseError, open_database
from app.server.models import ServerBase


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

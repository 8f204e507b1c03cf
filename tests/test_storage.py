"""The SQLite set-up both stores share (app.storage): the same pragmas, one busy
timeout, the same newer-schema refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.models.store import open_store
from app.server.db import DatabaseError, open_database
from app.storage import migrations
from app.storage.sqlite import BUSY_TIMEOUT_SECONDS


def _pragmas(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }


def test_both_stores_open_sqlite_alike_with_one_busy_timeout(tmp_path: Path) -> None:
    store = open_store(tmp_path / "console")
    central = open_database(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        expected = {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
            "synchronous": 1,  # NORMAL
        }
        assert BUSY_TIMEOUT_SECONDS == 5
        assert _pragmas(store.engine) == expected
        assert _pragmas(central.engine) == expected
        assert _pragmas(central.read_engine) == expected
    finally:
        store.close()
        central.close()


def test_an_unknown_revision_is_refused_and_none_is_a_new_file() -> None:
    location = Path(migrations.__file__).parents[1] / "models" / "migrations"
    migrations.refuse_unknown(location, None)
    migrations.refuse_unknown(location, migrations.head(location))
    with pytest.raises(migrations.SchemaTooNewError) as refused:
        migrations.refuse_unknown(location, "9999")
    assert refused.value.revision == "9999"


def test_a_damaged_central_database_is_named_with_its_fix(tmp_path: Path) -> None:
    """The central store sorts a SQLite failure as the console does (app.storage.errors)
    and says what to do about it."""
    path = tmp_path / "central.sqlite3"
    path.write_bytes(b"not a database at all " * 200)
    with pytest.raises(DatabaseError) as refused:
        open_database(f"sqlite:///{path}")
    message = str(refused.value)
    assert "file is not a database" in message
    assert "damaged: restore it from a backup" in message

"""The local store file: WAL, migrations on open, refusal of a newer schema."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.store import STORE_FILENAME, StoreTooNewError, make_engine, open_store, upgrade
from app.services.indicators import remember_role, remembered_role
from app.services.meta import set_meta
from app.services.workspace import open_workspace
from app.storage.sqlite import BUSY_TIMEOUT_SECONDS


def test_new_store_is_wal_at_head(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0005"
    store.close()


def test_store_from_first_migration_upgrades_to_head(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kb_articles(id, category, service_codes, version, updated_at, source)"
                " VALUES ('vieil-article', 'collectes', '[]', 1, '2025-01-01 00:00:00', 'import')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO kb_article_texts(article_id, lang, title, body, keywords,"
                " referral_unit, referral_phone, referral_address, referral_hours) VALUES"
                " ('vieil-article', 'fr', 'Vieux compostage', 'Composteur domestique', :kw,"
                " '', '311', '', '')"
            ),
            {"kw": json.dumps(["composteur"])},
        )
    engine.dispose()

    workspace = open_workspace(tmp_path, load_bundled=False)
    try:
        with workspace.store.engine.connect() as conn:
            assert (
                conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0005"
            )
        assert workspace.article("vieil-article") is not None
        # Rows written before the search index existed are indexed on open.
        assert workspace.search("composteur").hits[0].article_id == "vieil-article"
    finally:
        workspace.close()
    assert (tmp_path / f"{STORE_FILENAME}.before-0001.bak").exists()


def test_store_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    path = tmp_path / STORE_FILENAME
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(StoreTooNewError, match="newer version of Relais"):
        open_store(tmp_path)
    assert path.read_bytes() == before


def test_unwritable_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    from app.models.store import StoreError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the data folder"):
        open_store(blocker / "sub")


def test_a_failed_migration_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as conn:  # something in the way of migration 0002, half-way through it
        conn.execute(text("CREATE TABLE kb_vocab (x INTEGER)"))
    engine.dispose()

    from app.models.store import StoreError

    with pytest.raises(StoreError, match=r"before-0001\.bak") as info:
        open_store(tmp_path)
    assert "Background on this error" not in str(info.value)

    engine = make_engine(path)
    with engine.begin() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "kb_fts_fr" not in tables  # the part of 0002 before the failure rolled back
        conn.execute(text("DROP TABLE kb_vocab"))
    engine.dispose()
    open_store(tmp_path).close()  # and once the obstacle is gone, the upgrade goes through


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.models import Base
    from app.models.search_index import include_in_autogenerate

    store = open_store(tmp_path)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_in_autogenerate})
        assert compare_metadata(ctx, Base.metadata) == []
    store.close()


def test_a_write_waits_behind_the_sync_writer_instead_of_failing(tmp_path: Path) -> None:
    """A unit of work that reads, then writes while another thread (the sync applying a
    page) holds the write lock, waits for it rather than failing with "database is
    locked"; before writes began IMMEDIATE, its stale WAL snapshot could not upgrade."""
    store = open_store(tmp_path)
    holding = threading.Event()

    def sync_page() -> None:
        with store.writing() as session:
            set_meta(session, "cursor", "42")
            holding.set()
            time.sleep(0.3)

    page = threading.Thread(target=sync_page)
    page.start()
    holding.wait(5)
    remember_role(store, "sophie", "supervisor")  # reads the key, then writes it
    page.join()
    assert remembered_role(store, "sophie") == "supervisor"
    store.close()


def test_a_save_waits_behind_a_writer_of_this_process_longer_than_the_busy_timeout(
    tmp_path: Path,
) -> None:
    """Writers of one process take their turn on a lock, not on SQLite's polling wait: on a
    loaded machine the sync's back-to-back rounds kept the lock past the busy timeout and a
    save failed with "locked by another program" (seen in CI). Held here for longer than
    that timeout, the save still waits and lands."""
    store = open_store(tmp_path)
    holding = threading.Event()

    def long_writer() -> None:
        with store.writing() as session:
            set_meta(session, "cursor", "42")
            holding.set()
            time.sleep(BUSY_TIMEOUT_SECONDS + 1)

    writer = threading.Thread(target=long_writer)
    writer.start()
    assert holding.wait(10)
    remember_role(store, "sophie", "supervisor")
    writer.join()
    assert remembered_role(store, "sophie") == "supervisor"
    store.close()

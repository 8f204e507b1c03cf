"""The local SQLite store: one file, WAL mode, schema kept at head by Alembic on open."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.models import salvage, store_errors
from app.models.store_errors import KnownStoreError, StoreError

__all__ = ["KnownStoreError", "Store", "StoreError", "StoreTooNewError", "open_store"]

MIGRATIONS = Path(__file__).with_name("migrations")
STORE_FILENAME = "relais.sqlite3"


class StoreTooNewError(StoreError):
    def __init__(self, path: Path, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"The store {path} was written by a newer version of Relais (schema {revision}). "
            "It was left untouched: install the newer Relais, or choose another data folder "
            "with --data-dir."
        )


@dataclass
class Store:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that reads (it may write, but see `writing`): committed on
        success, rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that writes. It takes the write lock first (BEGIN IMMEDIATE),
        waiting its turn behind the sync's writer: a transaction that read first and then
        wrote while the sync committed would fail at once with "database is locked"
        (WAL cannot upgrade a stale snapshot), instead of waiting."""
        with self._write_sessions.begin() as session:
            yield session

    @cached_property
    def _write_sessions(self) -> sessionmaker[Session]:
        immediate = self.engine.execution_options(relais_begin="BEGIN IMMEDIATE")
        return sessionmaker(immediate, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite opens transactions itself, and not before DDL: a migration would commit
    # statement by statement. Take transactions over (SQLAlchemy's documented recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _no_rows(record: logging.LogRecord) -> bool:
    """SQLAlchemy's DEBUG echo prints every row read (citizens' names, phones, e-mails):
    never logged. Statements (INFO) stay for diagnosis; their values are hidden."""
    return record.levelno > logging.DEBUG


def make_engine(path: Path) -> Engine:
    logging.getLogger("sqlalchemy.engine.Engine").addFilter(_no_rows)
    # hide_parameters: the store holds citizens' personal data; an error's message (shown,
    # or logged) must not carry the values of the statement that failed.
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False}, hide_parameters=True
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    store_errors.install(engine, path, salvage.mark_damaged)
    return engine


def _begin(conn: Any) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("relais_begin", "BEGIN"))


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def integrity_problems(store: Store, limit: int = 20) -> list[str]:
    """SQLite's integrity check of the whole file: [] when every page and index is sound.
    It reads every page (seconds for a large store): for the self-check, not for a start."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"PRAGMA integrity_check({int(limit)})").scalars().all()
    return [] if rows == ["ok"] else [str(row) for row in rows]


def _check_known_revision(path: Path, revision: str | None) -> None:
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise StoreTooNewError(path, revision)


def _backup(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the store before an upgrade, so a failed migration can be rolled back by hand."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    return target


def open_store(data_dir: Path) -> Store:
    """Open (creating or upgrading as needed) the store that lives in data_dir."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        known = store_errors.known(exc, data_dir / STORE_FILENAME)
        if known is not None:
            raise known from exc
        raise StoreError(f"Cannot create the data folder {data_dir}: {exc.strerror}.") from exc
    path = data_dir / STORE_FILENAME
    damage = salvage.damage(path)
    if damage is not None:
        raise salvage.damaged_error(path, damage)
    engine = make_engine(path)
    backup: Path | None = None
    try:
        revision = current_revision(engine)
        _check_known_revision(path, revision)
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        if revision is not None and revision != head:
            backup = _backup(engine, path, revision)
        if revision != head:
            upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        known = store_errors.known(exc, path)
        if known is not None:
            raise known from exc
        reason = getattr(exc, "orig", None) or exc  # the driver's words, not SQLAlchemy's wrapper
        kept = f" The copy made before the upgrade is {backup}." if backup else ""
        raise StoreError(
            f"Cannot open the store {path}: {reason}.{kept} Nothing was changed by the failed "
            "step; choose another data folder with --data-dir to keep working."
        ) from exc
    return Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))

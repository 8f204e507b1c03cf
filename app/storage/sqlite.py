"""SQLite engines as both stores open them: WAL, foreign keys, a bounded wait for the
write lock, transactions begun by us (so a writer can take the lock up front), and no
personal data in the logs."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event

# How long a statement waits for another connection's write lock before it fails as busy.
# One value for both stores: every holder is one of their own short transactions (a save,
# a feed page, a batch of 500 pushed operations: well under a second), so a wait past a
# few seconds means a foreign holder (another Relais or a tool on the same file) that
# waiting longer will not shake off. The console then says at once that the store is
# locked by another program, to an agent who has a citizen on the line; the server
# answers 503 with Retry-After well inside the console's 20 s read timeout (at 15 s, a
# push waiting for the lock could outlast it: the console gave up on a reply the server
# then committed), and the console's backoff does the waiting.
BUSY_TIMEOUT_SECONDS = 5

BEGIN = "BEGIN"
BEGIN_IMMEDIATE = "BEGIN IMMEDIATE"
_BEGIN_OPTION = "relais_begin"


def quiet_rows() -> None:
    """SQLAlchemy's DEBUG echo prints every row read (citizens' names, phones, e-mails):
    never logged. Statements (INFO) stay for diagnosis; their values are hidden by the
    engines' hide_parameters."""
    logging.getLogger("sqlalchemy.engine.Engine").addFilter(_no_rows)


def _no_rows(record: logging.LogRecord) -> bool:
    return record.levelno > logging.DEBUG


def sqlite_engine(url: str, *, begin: str = BEGIN) -> Engine:
    """An engine on the SQLite file of `url`. Its transactions open with `begin`
    (BEGIN IMMEDIATE for an engine that only writes); `writes_first` gives a view of it
    whose transactions take the write lock first."""
    quiet_rows()
    # hide_parameters: the stores hold citizens' personal data; an error's message (shown,
    # or logged) must not carry the values of the statement that failed.
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS},
        hide_parameters=True,
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(_begin_of(conn, begin)))
    return engine


def writes_first(engine: Engine) -> Engine:
    """The same engine (and pool), its transactions taking the write lock first (BEGIN
    IMMEDIATE): a deferred transaction that read, then writes while another connection
    committed, fails at once with "database is locked" (WAL cannot upgrade a stale
    snapshot) instead of waiting its turn."""
    return engine.execution_options(**{_BEGIN_OPTION: BEGIN_IMMEDIATE})


def _begin_of(conn: Any, default: str) -> str:
    return str(conn.get_execution_options().get(_BEGIN_OPTION, default))


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite opens transactions itself, and not before DDL: a migration would commit
    # statement by statement. Take transactions over (SQLAlchemy's documented recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cur.close()


def integrity_problems(engine: Engine, limit: int = 20) -> list[str]:
    """SQLite's integrity check of the whole file: [] when every page and index is sound.
    It reads every page (seconds for a large file): for a self-check, not for a start."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"PRAGMA integrity_check({int(limit)})").scalars().all()
    return [] if rows == ["ok"] else [str(row) for row in rows]


def backup(engine: Engine, target: str) -> None:
    """A consistent copy of the file at `target` (SQLite's online backup), for a copy
    made before an upgrade."""
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()

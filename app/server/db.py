"""The central store's database: engines, migrations on start, and units of work that
publish their changes to the feed in commit order."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.config import Config
from sqlalchemy import Engine, create_engine, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.server.models import Change, FeedClock, ServerBase, ServerMeta
from app.storage import errors, migrations, sqlite

MIGRATIONS = Path(__file__).with_name("migrations")
# The table, not the entity: the ORM's bulk insert path costs a quarter more per row.
CHANGES = ServerBase.metadata.tables[Change.__tablename__]


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


# What to do about a known failure of a SQLite database (app.storage.errors); any other
# failure is said as the driver says it.
_FIXES = {
    errors.BUSY: "Another program holds its lock (another relais-server on the same file?): "
    "stop it, or wait a moment and start again.",
    errors.FULL: "Its disk is full: free some space, then start again.",
    errors.READ_ONLY: "The server's account cannot write there: give it write access, or "
    "choose another --database-url.",
    errors.DAMAGED: "The file is damaged: restore it from a backup, or choose another "
    "--database-url.",
    errors.IO: "Reading or writing it failed: check the disk, then start again.",
}


def _engine(url: str, *, immediate: bool = False) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        # Writers take the write lock up front: a deferred transaction that must upgrade
        # its lock fails at once with "database is locked" instead of waiting its turn.
        return sqlite.sqlite_engine(
            url, begin=sqlite.BEGIN_IMMEDIATE if immediate else sqlite.BEGIN
        )
    sqlite.quiet_rows()
    # hide_parameters: a database error must not copy a citizen's data into the server log.
    return create_engine(
        url, pool_size=20, max_overflow=30, pool_pre_ping=True, hide_parameters=True
    )


def alembic_config() -> Config:
    return migrations.alembic_config(MIGRATIONS)


def migrate(engine: Engine) -> None:
    """Bring the schema to head; refuse a database written by a newer server."""
    current = migrations.current_revision(engine)
    try:
        migrations.refuse_unknown(MIGRATIONS, current)
    except migrations.SchemaTooNewError as exc:
        raise DatabaseError(
            f"The database is at schema {current}, written by a newer relais-server; "
            "it was left untouched. Run the newer server."
        ) from exc
    if current != migrations.head(MIGRATIONS):
        migrations.upgrade(engine, MIGRATIONS)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Work:
    """One transaction's session and the changes it will publish to the feed."""

    session: Session
    actor: str
    now: datetime = field(default_factory=utcnow)
    changes: list[tuple[str, str, int, dict[str, Any]]] = field(default_factory=list)

    def changed(self, entity: str, entity_id: str, revision: int, payload: dict[str, Any]) -> None:
        self.changes.append((entity, entity_id, revision, payload))

    def publish(self) -> None:
        """Number this transaction's changes. Must be the last statement before commit:
        the feed clock's row stays locked until then, so a later number cannot commit
        before an earlier one and a reader can never skip past a gap."""
        if not self.changes:
            return
        n = len(self.changes)
        last = self.session.execute(
            update(FeedClock)
            .where(FeedClock.id == 1)
            .values(seq=FeedClock.seq + n)
            .returning(FeedClock.seq)
        ).scalar_one()
        first = last - n + 1
        self.session.execute(
            insert(CHANGES),
            [
                {
                    "seq": first + i,
                    "entity": entity,
                    "entity_id": entity_id,
                    "revision": revision,
                    "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                    "committed_at": self.now,
                }
                for i, (entity, entity_id, revision, payload) in enumerate(self.changes)
            ],
        )
        self.changes.clear()


@dataclass
class Database:
    url: str
    engine: Engine
    read_engine: Engine
    sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session]
    epoch: str = ""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def work(self, actor: str) -> Iterator[Work]:
        """A write transaction: committed (with its feed changes) on success, else rolled back."""
        with self.sessions.begin() as session:
            work = Work(session=session, actor=actor)
            yield work
            work.publish()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.read_sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


def default_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("Relais", appauthor=False)) / "server"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'relais-server.sqlite3'}"


def open_database(url: str) -> Database:
    """Connect, migrate to head and make sure the feed clock and epoch exist."""
    engines: list[Engine] = []
    try:
        engine = _engine(url, immediate=True)
        engines.append(engine)
        read_engine = _engine(url) if engine.dialect.name == "sqlite" else engine
        if read_engine is not engine:
            engines.append(read_engine)
        migrate(engine)
        db = Database(
            url=url,
            engine=engine,
            read_engine=read_engine,
            sessions=sessionmaker(engine, expire_on_commit=False),
            read_sessions=sessionmaker(read_engine, expire_on_commit=False),
        )
        db.epoch = _ensure_epoch(db)
    except Exception as exc:
        # A database refused (or unreachable) is let go whole: its pooled connections are
        # closed now, not left open until the engine is collected.
        for made in engines:
            made.dispose()
        if isinstance(exc, DatabaseError):
            raise
        kind = errors.kind_of(exc)
        fix = f". {_FIXES[kind]}" if kind in _FIXES else ""
        raise DatabaseError(
            f"Cannot open the database {make_url(url)!r}: {errors.driver_error(exc)}{fix}"
        ) from exc
    return db


def _ensure_epoch(db: Database) -> str:
    """A random name for this database, part of every feed cursor: a cursor from another
    database (or from before a restore) is recognised and refused."""
    with db.sessions.begin() as session:
        row = session.get(ServerMeta, "epoch")
        if row is None:
            row = ServerMeta(key="epoch", value=secrets.token_hex(4))
            session.add(row)
        if session.get(FeedClock, 1) is None:
            session.add(FeedClock(id=1, seq=0))
        return row.value


def current_seq(session: Session) -> int:
    return session.execute(select(FeedClock.seq).where(FeedClock.id == 1)).scalar_one()

"""The local SQLite store: one file, WAL mode, schema kept at head by Alembic on open."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import salvage, store_errors
from app.models.commit_hooks import LocalChanges
from app.models.store_errors import KnownStoreError, StoreError
from app.storage import migrations, sqlite

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
    _queued: LocalChanges = field(default_factory=LocalChanges, init=False, repr=False)

    def __post_init__(self) -> None:
        self._queued.watch(self.sessions)

    def on_local_change(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener()` after each commit that queued (or withdrew) an operation for
        the central store, in the thread that committed (see commit_hooks); returns the
        function that stops it."""
        return self._queued.subscribe(listener)

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
        (WAL cannot upgrade a stale snapshot), instead of waiting.

        Writers of this process queue on a lock first: each is woken as soon as the one
        before it commits. SQLite's own wait polls with growing sleeps, so a writer that
        comes back at once (the sync's rounds) could take the lock again and again for
        longer than the busy timeout on a loaded machine, and a save would fail; its
        timeout is now only for another program on the same file."""
        with self._writer_turn, self._write_sessions.begin() as session:
            yield session

    @cached_property
    def _writer_turn(self) -> threading.RLock:
        return _writer_lock(self.path)

    @cached_property
    def _write_sessions(self) -> sessionmaker[Session]:
        sessions = sessionmaker(sqlite.writes_first(self.engine), expire_on_commit=False)
        self._queued.watch(sessions)
        return sessions

    def close(self) -> None:
        self.engine.dispose()


_WRITER_LOCKS: dict[Path, threading.RLock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.RLock:
    """One lock per store file, shared by every Store open on it in this process."""
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(path.resolve(), threading.RLock())


def make_engine(path: Path) -> Engine:
    engine = sqlite.sqlite_engine(f"sqlite:///{path}")
    store_errors.install(engine, path, salvage.mark_damaged)
    return engine


def current_revision(engine: Engine) -> str | None:
    return migrations.current_revision(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    migrations.upgrade(engine, MIGRATIONS, revision)


def integrity_problems(store: Store, limit: int = 20) -> list[str]:
    """SQLite's integrity check of the whole file: [] when every page and index is sound.
    It reads every page (seconds for a large store): for the self-check, not for a start."""
    return sqlite.integrity_problems(store.engine, limit)


def _backup(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the store before an upgrade, so a failed migration can be rolled back by hand."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    sqlite.backup(engine, str(target))
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
        try:
            migrations.refuse_unknown(MIGRATIONS, revision)
        except migrations.SchemaTooNewError as exc:
            raise StoreTooNewError(path, exc.revision) from exc
        head = migrations.head(MIGRATIONS)
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

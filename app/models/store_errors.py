"""The local store's failures sorted into those a person can fix and bugs.

As qutebrowser's `misc/sql.py` does: SQLite's result code says whether the store is busy
(another program holds the lock), the disk is full, the folder cannot be written, or the
file is damaged. Those become a `KnownStoreError` whose message says what happened, where,
and what to do; anything else stays the exception it was, a bug to log and report.
The classification runs on every statement of the store's engine (`install`), so the
console, the command line and the sync engine all see the same few kinds.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

BUSY, FULL, READ_ONLY, DAMAGED, IO = "busy", "full", "read_only", "damaged", "io"

# SQLite's primary result codes (the low byte of the extended code).
_SQLITE_KINDS = {
    3: READ_ONLY,  # SQLITE_PERM
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: FULL,  # SQLITE_FULL
    14: READ_ONLY,  # SQLITE_CANTOPEN: the file or its folder cannot be opened for writing
    26: DAMAGED,  # SQLITE_NOTADB
}
_OS_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: IO,
}


class StoreError(Exception):
    """The store cannot be used as asked; the message says why and what to do."""


class KnownStoreError(StoreError):
    """A failure of the disk or the file, not of Relais: `what` happened where, and the
    `fix`. `transient` ones (busy) may succeed on their own a moment later."""

    def __init__(self, kind: str, path: Path, detail: str = "") -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        self.what, self.fix = describe(kind, path, detail)
        super().__init__(f"{self.what}. {self.fix}")

    @property
    def transient(self) -> bool:
        return self.kind == BUSY


def describe(kind: str, path: Path, detail: str = "") -> tuple[str, str]:
    """(what happened, where; what to do), in English, for the command line and logs."""
    folder = path.parent
    why = f" ({detail})" if detail else ""
    if kind == BUSY:
        return (
            f"The local store {path} is locked by another program{why}",
            "Is Relais already open on this data folder? Close the other one, or wait a "
            "moment and try again.",
        )
    if kind == FULL:
        return (
            f"The disk holding {folder} is full{why}",
            "Free some space on it, or choose another data folder with --data-dir; nothing "
            "already saved was lost.",
        )
    if kind == READ_ONLY:
        return (
            f"Relais cannot write in {folder}{why}: the folder is read-only or not yours",
            "Give your account write access to it, or choose another data folder with --data-dir.",
        )
    if kind == DAMAGED:
        return (
            f"The local store {path} is damaged{why}",
            "Start the console (relais): it sets the damaged file aside, keeps the unsent "
            "work it can read and starts a new store; or restore a backup of the file.",
        )
    return (
        f"Reading or writing {path} failed{why}: the disk may be full, removed or failing",
        "Check the disk, then try again.",
    )


def kind_of(exc: BaseException) -> str | None:
    """The known kind of a driver or OS failure, None for anything else (a bug)."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_KINDS.get(code & 0xFF)
        # Older SQLite bindings without the code: their standard wording.
        text = str(orig).lower()
        for words, kind in (
            ("locked", BUSY),
            ("disk is full", FULL),
            ("readonly", READ_ONLY),
            ("malformed", DAMAGED),
            ("not a database", DAMAGED),
            ("disk i/o", IO),
        ):
            if words in text:
                return kind
        return None
    if isinstance(orig, OSError) and orig.errno is not None:
        return _OS_KINDS.get(orig.errno)
    return None


def known(exc: BaseException, path: Path) -> KnownStoreError | None:
    if isinstance(exc, KnownStoreError):
        return exc
    kind = kind_of(exc)
    if kind is None:
        return None
    orig = getattr(exc, "orig", None) or exc
    # The driver's words ("database disk image is malformed"); never a statement or values.
    detail = orig.strerror if isinstance(orig, OSError) and orig.strerror else str(orig)
    return KnownStoreError(kind, path, detail.splitlines()[0][:120] if detail else "")


def install(engine: Engine, path: Path, on_damaged: Callable[[Path], None]) -> None:
    """Every failure of a statement, a commit or a connection on `engine` that is one of
    the known kinds is raised as a KnownStoreError instead of SQLAlchemy's wrapper;
    `on_damaged` hears of a damaged file (so the next start does not trust it)."""

    def _sort(context: Any) -> None:
        error = known(context.original_exception, path)
        if error is None:
            return
        if error.kind == DAMAGED:
            on_damaged(path)
        raise error from context.original_exception

    event.listen(engine, "handle_error", _sort)

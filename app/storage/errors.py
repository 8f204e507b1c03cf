"""Database failures sorted into those a person can fix and bugs.

As qutebrowser's `misc/sql.py` does: SQLite's result code (or the OS's errno) says whether
the database is busy (another program holds the lock), the disk is full, the folder
cannot be written, the file is damaged, or the disk failed. Those are `known`; anything
else is a bug, to be logged and reported. Each store says a known failure in its own
words (`app.models.store_errors` for the console).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
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
# Older SQLite bindings without the code: their standard wording.
_SQLITE_WORDS = (
    ("locked", BUSY),
    ("disk is full", FULL),
    ("readonly", READ_ONLY),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
    ("disk i/o", IO),
)
_OS_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: IO,
}


def driver_error(exc: BaseException) -> BaseException:
    """The driver's (or the OS's) own exception under SQLAlchemy's wrapper."""
    return getattr(exc, "orig", None) or exc


def kind_of(exc: BaseException) -> str | None:
    """The known kind of a driver or OS failure, None for anything else (a bug)."""
    orig = driver_error(exc)
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_KINDS.get(code & 0xFF)
        text = str(orig).lower()
        return next((kind for words, kind in _SQLITE_WORDS if words in text), None)
    if isinstance(orig, OSError) and orig.errno is not None:
        return _OS_KINDS.get(orig.errno)
    return None


def detail(exc: BaseException) -> str:
    """The driver's words ("database disk image is malformed"), one short line; never a
    statement or its values."""
    orig = driver_error(exc)
    words = orig.strerror if isinstance(orig, OSError) and orig.strerror else str(orig)
    return words.splitlines()[0][:120] if words else ""


def raise_sorted(engine: Engine, sort: Callable[[BaseException], Exception | None]) -> None:
    """Every failure of a statement, a commit or a connection on `engine` that `sort`
    recognises (it returns an exception) is raised as that exception instead of
    SQLAlchemy's wrapper; the others go on as they were."""

    def _sort(context: Any) -> None:
        error = sort(context.original_exception)
        if error is not None:
            raise error from context.original_exception

    event.listen(engine, "handle_error", _sort)

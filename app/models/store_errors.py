"""The local store's failures sorted into those a person can fix and bugs.

The sorting itself (SQLite's result code, the OS's errno) is the shared one of
`app.storage.errors`; here a known failure becomes a `KnownStoreError` whose message says
what happened, where, and what to do in the console's terms; anything else stays the
exception it was, a bug to log and report. The classification runs on every statement of
the store's engine (`install`), so the console, the command line and the sync engine all
see the same few kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from app.storage import errors
from app.storage.errors import BUSY, DAMAGED, FULL, IO, READ_ONLY, kind_of

__all__ = [
    "BUSY",
    "DAMAGED",
    "FULL",
    "IO",
    "READ_ONLY",
    "KnownStoreError",
    "StoreError",
    "describe",
    "install",
    "kind_of",
    "known",
]


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


def known(exc: BaseException, path: Path) -> KnownStoreError | None:
    if isinstance(exc, KnownStoreError):
        return exc
    kind = kind_of(exc)
    if kind is None:
        return None
    return KnownStoreError(kind, path, errors.detail(exc))


def install(engine: Engine, path: Path, on_damaged: Callable[[Path], None]) -> None:
    """Every failure of a statement, a commit or a connection on `engine` that is one of
    the known kinds is raised as a KnownStoreError instead of SQLAlchemy's wrapper;
    `on_damaged` hears of a damaged file (so the next start does not trust it)."""

    def _sort(exc: BaseException) -> KnownStoreError | None:
        error = known(exc, path)
        if error is not None and error.kind == DAMAGED:
            on_damaged(path)
        return error

    errors.raise_sorted(engine, _sort)

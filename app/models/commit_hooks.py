"""Local changes announce themselves: after a transaction that queued an operation for
the central store (or withdrew one: a refused change the agent dropped, whose case the
next sync brings back) commits, whoever listens hears of it (the sync engine, to sync
soon). The sync's own bookkeeping (operations acknowledged, marked refused) is no news.

Any unit of work on the store counts (`Store.session` and `Store.writing`), so a change
saved by a use case from any thread is heard without the window saying so. Listeners
run in the committing thread, right after the commit: a listener that lives on another
thread hands over itself (asyncio's call_soon_threadsafe, a queued Qt signal). A failing
listener is logged, never raised: the change is saved by then, and its caller must not be
told otherwise.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app.models.tables import OutboxOp

log = logging.getLogger(__name__)

_QUEUED = "relais_queued_ops"  # in Session.info: this transaction added or removed one

Listener = Callable[[], None]


class LocalChanges:
    """The after-commit hook of the store's sessions, for commits that queued or withdrew
    operations (through the session: the sync's bulk statements do not count)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: tuple[Listener, ...] = ()

    def watch(self, sessions: sessionmaker[Session]) -> None:
        event.listen(sessions, "before_flush", _note_change)
        event.listen(sessions, "after_commit", self._committed)
        event.listen(sessions, "after_rollback", _forget)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener()` after each commit that queued or withdrew an operation; the
        function returned unsubscribes it."""
        with self._lock:
            self._listeners = (*self._listeners, listener)

        def unsubscribe() -> None:
            with self._lock:
                self._listeners = tuple(each for each in self._listeners if each is not listener)

        return unsubscribe

    def _committed(self, session: Session) -> None:
        if not session.info.pop(_QUEUED, False):
            return
        for listener in self._listeners:
            try:
                listener()
            except Exception as exc:  # the change is committed: its caller hears success
                _log_failure(exc)


def _note_change(session: Session, _context: Any, _instances: Any) -> None:
    if any(isinstance(each, OutboxOp) for each in (*session.new, *session.deleted)):
        session.info[_QUEUED] = True


def _forget(session: Session) -> None:
    session.info.pop(_QUEUED, None)


def _log_failure(exc: Exception) -> None:
    """Its type and where, never its message (it may quote a citizen's data)."""
    frames = "\n".join(
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
        for frame in traceback.extract_tb(exc.__traceback__)
    )
    log.error(
        "a listener of queued operations failed: %s (message withheld)\n%s",
        type(exc).__name__,
        frames,
    )

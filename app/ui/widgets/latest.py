"""Keep a view in step with what the agent is typing, without ever blocking the typing.

A `Follower` runs one piece of store work at a time off the UI thread for the latest
input; input that arrives meanwhile is handled as soon as the running work ends, and a
result that no longer matches the input is dropped instead of shown. When the work fails,
the view is emptied (never left showing results for older input) and the owner told."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.ui.widgets.background import Background


class Follower(QObject):
    def __init__(
        self,
        background: Background,
        wanted: Callable[[], Hashable],
        work: Callable[[Any], Any],
        show: Callable[[Any, Any], None],
        delay_ms: int,
        parent: QObject | None = None,
        failed: Callable[[Exception], None] | None = None,
        empty: Any = None,
    ) -> None:
        super().__init__(parent)
        self._background = background
        self._wanted = wanted
        self._work = work
        self._show = show
        self._failed = failed
        self._empty = empty
        self._running = False
        self._shown: Hashable = object()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self.enabled = True

    def poke(self) -> None:
        """The input changed: follow it after the debounce delay."""
        self._timer.start()

    def now(self) -> None:
        self._timer.stop()
        self._start()

    def forget(self) -> None:
        """Show the next result even if the input is the same (the data changed)."""
        self._shown = object()

    def _start(self) -> None:
        if self._running or not self.enabled or self._wanted() == self._shown:
            return
        self._running = True
        self._background.spawn(self._follow())

    async def _follow(self) -> None:
        try:
            while self.enabled:
                wanted = self._wanted()
                try:
                    result = await self._background.run(self._work, wanted)
                except Exception as exc:  # shown by the owner; what was typed stays
                    self._shown = object()
                    self._show(wanted, self._empty)
                    if self._failed is not None:
                        self._failed(exc)
                    if self._wanted() != wanted:
                        self._timer.start()  # the input moved on: try again for it
                    return
                if self._wanted() == wanted:
                    self._shown = wanted
                    self._show(wanted, result)
                    return
        finally:
            self._running = False

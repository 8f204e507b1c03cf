"""Runs blocking work (store reads and writes, later the network) off the UI thread.

Results come back as awaited futures on the qasync loop, so they land on the UI thread.
Only `run_in_executor` and `create_task` are used: they work whether or not the loop is
the one running the application (pytest-qt spins Qt's own loop).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class Background:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        # One worker: store work runs in order and never piles up behind a slow query.
        self._store = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relais-store")
        # The network apart: a slow server must not hold up saving a request. Owned here
        # (not the loop's default pool) so that shutdown waits for it: a call finishing
        # after the loop is gone would post its result to a deleted Qt object.
        self._net = ThreadPoolExecutor(max_workers=2, thread_name_prefix="relais-net")
        self._tasks: set[asyncio.Task[Any]] = set()

    def run(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        return self.loop.run_in_executor(self._store, fn, *args)

    def run_net(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Blocking network calls (always with timeouts)."""
        return self.loop.run_in_executor(self._net, fn, *args)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any] | None:
        """Start a task and keep it alive until it ends (the loop holds only weak refs)."""
        if self.loop.is_closed():
            # A timer that fired while the window was closing: no one is left to answer.
            coro.close()
            return None
        task = self.loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed", exc_info=task.exception())

    def shutdown(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._store.shutdown(wait=True, cancel_futures=True)
        self._net.shutdown(wait=True, cancel_futures=True)

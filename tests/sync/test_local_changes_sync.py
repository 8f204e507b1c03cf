"""A change saved through a service, by no screen, wakes the sync engine: the store
announces the commit from the saving thread, the controller hands the poke to the
engine's loop, and the operation reaches the central store on loopback long before the
next timed round."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.sync.engine import ONLINE
from app.ui.main_window import MainWindow
from tests.sync.test_ui_sync import anonymous_pothole, console, on_server, window

__all__ = ["console", "window"]  # the fixtures: the console synced to the live store


def test_a_save_by_a_service_in_a_worker_is_pushed_at_once(
    qtbot: QtBot, window: MainWindow, console: Workspace, live_server: Any
) -> None:
    controller = window.sync
    assert controller is not None and controller.engine is not None
    # No timed round within the test (read when the first round ends): only a poke.
    controller.engine.interval = 600.0
    qtbot.waitUntil(lambda: controller.status.state == ONLINE, timeout=10000)
    qtbot.wait(1500)  # the first round over (ONLINE is said before its last steps): asleep
    saved: list[str] = []
    saver = threading.Thread(  # as the console's saves run: off the Qt thread
        target=lambda: saved.append(console.save_request(anonymous_pothole(7), None).case_number)
    )
    saver.start()
    saver.join()
    qtbot.waitUntil(lambda: on_server(live_server.url, saved[0]), timeout=10000)
    qtbot.waitUntil(lambda: controller.status.pending == 0, timeout=5000)

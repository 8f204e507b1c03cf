"""A change saved through a service, by no screen, wakes the sync engine: the store
announces the commit from the saving thread, the controller hands the poke to the
engine's loop, and the operation reaches the central store on loopback long before the
next timed round."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.services.workspace import Workspace, open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.sync.engine import ONLINE
from app.ui.background import Background
from app.ui.main import attach_server, create_window
from app.ui.main_window import MainWindow
from app.ui.sync_controller import SyncController
from tests.sync.test_ui_sync import anonymous_pothole, on_server


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "console", load_bundled=False)
    ws.set_profile("061", "agent1", "311")
    yield ws
    ws.close()


@pytest.fixture
def synced(
    qtbot, qloop: asyncio.AbstractEventLoop, console: Workspace, live_server: Any
) -> Iterator[tuple[MainWindow, SyncController]]:  # type: ignore[no-untyped-def]
    background = Background(qloop)
    client = SyncClient(live_server.url)
    session = client.login("agent1", "demo", 61, workstation(console.data_dir))
    client.close()
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    controller = attach_server(win, background, live_server.url, None, session)
    assert controller is not None
    win.set_workspace(console, 0)
    assert controller.engine is not None
    controller.engine.interval = 600.0  # no timed round within the test: only a poke
    yield win, controller
    controller.close()
    background.shutdown()
    QSettings().remove("sync/server")


def test_a_save_by_a_service_in_a_worker_is_pushed_at_once(
    qtbot, synced: tuple[MainWindow, SyncController], console: Workspace, live_server: Any
) -> None:  # type: ignore[no-untyped-def]
    _window, controller = synced
    assert controller.engine is not None
    qtbot.waitUntil(lambda: controller.status.state == ONLINE, timeout=10000)
    saved: list[str] = []
    saver = threading.Thread(  # as the console's saves run: off the Qt thread
        target=lambda: saved.append(console.save_request(anonymous_pothole(7), None).case_number)
    )
    saver.start()
    saver.join()
    qtbot.waitUntil(lambda: on_server(live_server.url, saved[0]), timeout=10000)
    qtbot.waitUntil(lambda: controller.status.pending == 0, timeout=5000)


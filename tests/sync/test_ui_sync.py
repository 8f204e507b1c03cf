"""The console window synced to a live central store: the indicator, the banner while
the store is down, and nothing lost across the outage."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.sync.client import Refused, SyncClient
from app.sync.credentials import Workstation, workstation
from app.ui.main import attach_server, create_window
from app.ui.main_window import MainWindow
from app.ui.widgets.background import Background


def anonymous_pothole(n: int) -> Draft:
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number=str(200 + n),
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "oui"},
    )


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "console", load_bundled=False)
    ws.set_profile("061", "agent1", "311")
    yield ws
    ws.close()


@pytest.fixture
def window(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, console: Workspace, live_server: Any
) -> Iterator[MainWindow]:
    background = Background(qloop)
    client = SyncClient(live_server.url)
    session = client.login("agent1", "demo", 61, workstation(console.data_dir))
    client.close()
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    controller = attach_server(win, background, live_server.url, None, session)
    assert controller is not None
    controller_engine_interval = 0.5  # quick rounds: the test waits on them
    win.show()
    win.set_workspace(console, 0)
    assert controller.engine is not None
    controller.engine.interval = controller_engine_interval
    yield win
    controller.close()
    background.shutdown()
    QSettings().remove("sync/server")


def on_server(url: str, case_number: str) -> bool:
    client = SyncClient(url)
    client.login("agent2", "demo", 62, Workstation("ws-test-check-0062", "s" * 40))
    try:
        return client._call("GET", f"/requests/{case_number}")["case_number"] == case_number
    except Refused:  # 404: not there (yet)
        return False
    finally:
        client.close()


def test_the_window_syncs_and_keeps_work_through_an_outage(
    qtbot: QtBot, window: MainWindow, console: Workspace, live_server: Any
) -> None:
    qtbot.waitUntil(lambda: "En ligne" in window.sync_indicator.text(), timeout=10000)
    first = console.save_request(anonymous_pothole(1), None).case_number
    window.form.saved.emit(first)  # what the form does after a save: sync soon
    qtbot.waitUntil(lambda: on_server(live_server.url, first), timeout=10000)

    live_server.stop()
    second = console.save_request(anonymous_pothole(2), None).case_number
    window.form.saved.emit(second)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert "conservé sur ce poste" in window.banner.text()
    assert "Hors ligne" in window.sync_indicator.text()
    assert "1 en attente" in window.sync_indicator.text()

    live_server.restart()
    window.sync.poke()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "En ligne" in window.sync_indicator.text(), timeout=15000)
    assert not window.banner.isVisible()
    assert on_server(live_server.url, second)


def test_the_demos_server_is_not_remembered(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, console: Workspace, live_server: Any
) -> None:
    """The demo's embedded store lives on a new port each time: a later plain start of
    the console must stay local, not look for it."""
    QSettings().remove("sync/server")
    background = Background(qloop)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    controller = attach_server(win, background, live_server.url, None, None, remember=False)
    assert controller is not None
    assert not QSettings().value("sync/server")
    controller.close()
    background.shutdown()


def test_a_login_restarts_an_engine_whose_rounds_ended(
    qtbot: QtBot, window: MainWindow, console: Workspace, live_server: Any
) -> None:
    controller = window.sync
    assert controller is not None
    qtbot.waitUntil(lambda: "En ligne" in window.sync_indicator.text(), timeout=10000)
    rounds = controller._rounds
    assert rounds is not None
    rounds.cancel()  # however they ended, they no longer run
    qtbot.waitUntil(rounds.done, timeout=10000)
    client = SyncClient(live_server.url)
    session = client.login("agent1", "demo", 61, workstation(console.data_dir))
    client.close()
    controller._logged_in(session)  # what the login dialog's success does
    assert controller._rounds is not None and not controller._rounds.done()
    number = console.save_request(anonymous_pothole(3), None).case_number
    window.form.saved.emit(number)
    qtbot.waitUntil(lambda: on_server(live_server.url, number), timeout=15000)

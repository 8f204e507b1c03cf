"""The supervisor's indicators in the window, against a live central store seeded with
the demo's requests and two weeks of interactions: offered to supervisors only, read
from the store, kept for offline reading, and the overdue list exported."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace, open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.ui.main import attach_server, create_window
from app.ui.main_window import MainWindow
from app.ui.supervisor.supervisor_view import SupervisorView
from app.ui.widgets.background import Background
from tests.test_ui_english import ALLOWED, Seen, french_names, french_sources, place_names

OpenWindow = Callable[[str, int], MainWindow]


@pytest.fixture
def open_window(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, live_server: Any
) -> Iterator[OpenWindow]:
    opened: list[tuple[Any, Background, Workspace]] = []

    def open_as(username: str, station: int) -> MainWindow:
        console = open_workspace(tmp_path / username, load_bundled=False)
        console.set_profile(f"{station:03d}", username, "311")
        background = Background(qloop)
        client = SyncClient(live_server.url)
        session = client.login(username, "demo", station, workstation(console.data_dir))
        client.close()
        win = create_window(background, "fr")
        qtbot.addWidget(win)
        controller = attach_server(win, background, live_server.url, None, session)
        assert controller is not None
        win.show()
        win.set_workspace(console, 0)
        opened.append((controller, background, console))
        return win

    yield open_as
    for controller, background, console in opened:
        controller.close()
        background.shutdown()
        console.close()
    QSettings().remove("sync/server")


def loaded(view: SupervisorView) -> bool:
    return view.figures is not None and view.state_label.text().startswith("Données du")


def test_a_supervisor_reads_the_figures_and_exports_the_overdue_list(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    win = open_window("superviseur", 63)
    qtbot.waitUntil(win.indicators_action.isVisible, timeout=10000)
    win.show_indicators()
    view = win.supervisor_view
    assert view is not None
    view.period.setCurrentIndex(view.period.findData("month"))
    qtbot.waitUntil(lambda: loaded(view) and view.figures.first != view.figures.last, timeout=15000)
    figures = view.figures
    assert figures is not None
    assert sum(row.count for row in figures.by_hour) > 100  # two weeks of seeded work
    assert figures.phone_answer.known > 0 and view.answer_tile.value.text().endswith("%")
    assert view.overdue_model.rowCount() == len(figures.overdue) > 0
    # Sorting by days overdue sorts numbers, not text.
    view.overdue_view.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    shown = [row.days_overdue for row in view.overdue_rows_in_view_order()]
    assert shown == sorted(shown)

    out = tmp_path / "retard.csv"
    view.export_to(out)
    qtbot.waitUntil(lambda: "exportée" in view.state_label.text(), timeout=5000)
    lines = out.read_text("utf-8-sig").splitlines()
    assert len(lines) == len(figures.overdue) + 1
    assert lines[0].startswith("N° de cas;")
    assert lines[1].split(";")[0] == view.overdue_rows_in_view_order()[0].case_number


def test_the_last_figures_stay_readable_when_the_store_is_down(
    qtbot: QtBot, open_window: OpenWindow, live_server: Any
) -> None:
    win = open_window("superviseur", 63)
    qtbot.waitUntil(win.indicators_action.isVisible, timeout=10000)
    win.show_indicators()
    view = win.supervisor_view
    assert view is not None
    qtbot.waitUntil(lambda: loaded(view), timeout=15000)
    before = view.figures
    view.close()
    live_server.stop()
    win.show_indicators()
    qtbot.waitUntil(lambda: "injoignable" in view.state_label.text(), timeout=15000)
    assert view.figures is not None and before is not None
    assert view.figures.generated_at == before.generated_at
    assert before.overdue_total == view.figures.overdue_total


def test_an_agent_is_not_offered_the_figures(qtbot: QtBot, open_window: OpenWindow) -> None:
    win = open_window("agent1", 61)
    assert win.sync is not None
    qtbot.waitUntil(lambda: win.sync is not None and win.sync.role == "agent", timeout=10000)
    assert not win.indicators_action.isVisible()
    win.show_indicators()
    assert win.supervisor_view is None


def test_no_french_is_left_in_the_english_view(qtbot: QtBot, open_window: OpenWindow) -> None:
    win = open_window("superviseur", 63)
    assert win.workspace is not None
    win.set_language("en")
    qtbot.waitUntil(win.indicators_action.isVisible, timeout=10000)
    win.show_indicators()
    view = win.supervisor_view
    assert view is not None
    view.period.setCurrentIndex(view.period.findData("month"))
    qtbot.waitUntil(
        lambda: (
            view.figures is not None
            and view.figures.first != view.figures.last
            and view.state_label.text().startswith("Figures from")
        ),
        timeout=15000,
    )
    seen = Seen()
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        seen.window(view, f"indicators tab {tab}")
        for model in (view.service_model, view.complaint_model, view.overdue_model):
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    seen.add(model.data(model.index(row, column)), f"tab {tab} cell")
    names = french_names(win.workspace)
    # Units are named by their English names, some of which quote the French proper name
    # ("Agence de mobilité durable (sustainable mobility agency)").
    units = tuple(u.name_en for u in win.workspace.catalogue.routing.units.values() if u.name_en)
    wrong = seen.french(french_sources(), names, ALLOWED + place_names(win.workspace) + units)
    assert not wrong, "\n".join(wrong)

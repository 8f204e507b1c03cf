"""The whole console as an agent meets it: first start, the tabs, interactions, and the
way from an article to a request and from a saved request to its case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main import create_window
from app.ui.main_window import CASES_TAB, REQUEST_TAB, MainWindow
from app.ui.widgets.background import Background

POTHOLE = "VOIRIE-NID-DE-POULE"


def open_window(qtbot: QtBot, background: Background, workspace: Workspace) -> MainWindow:
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(workspace, workspace.article_count())
    # Application shortcuts (F2, Ctrl+Shift+N) need an active window: one turn of the loop.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    return win


def outbox_types(workspace: Workspace) -> list[str]:
    with workspace.store.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT type FROM outbox ORDER BY seq")]


def fill_pothole(win: MainWindow) -> None:
    form = win.form
    form.citizen.anonymous.setChecked(True)
    form.picker.choose(POTHOLE)
    form.civic.setText("4321")
    form.street.setText("rue Rachel Est")
    form.arrondissement.setCurrentIndex(form.arrondissement.findData("PMR"))
    form.attributes.editors["emplacement"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.attributes.editors["danger_immediat"].setCurrentIndex(2)  # type: ignore[attr-defined]


def test_first_start_asks_for_the_station_and_refuses_a_bad_one(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    assert workspace.profile is None
    win = open_window(qtbot, background, workspace)
    dialog = win.workstation_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.station)
    qtbot.keyClicks(dialog.station, "abc")
    qtbot.keyClick(dialog.station, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors["station"].isVisible())
    assert "001 à 899" in dialog.errors["station"].text()
    assert dialog.isVisible() and dialog.station.text() == "abc"
    dialog.station.selectAll()
    qtbot.keyClicks(dialog.station, "12")
    qtbot.keyClick(dialog.station, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert workspace.profile is not None and workspace.profile.station == 12
    assert win.interaction.start_button.isEnabled()


def test_an_interaction_from_f2_to_f3_records_its_request(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("013", "bruno", "bam")
    win = open_window(qtbot, background, workspace)
    assert win.interaction.channel.currentData() == "counter"
    qtbot.keyClick(win.search.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: win.interaction.current is not None)
    assert "en cours" in win.interaction.state.text()
    assert win.form.interaction_id == win.interaction.current.id  # type: ignore[union-attr]
    win.go_request()
    fill_pothole(win)
    assert win.form.channel.currentData() == "counter"
    with qtbot.waitSignal(win.form.saved, timeout=5000) as saved:
        win.form.save()
    qtbot.keyClick(win.form.description, Qt.Key.Key_F3)
    dialog = win.interaction.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.outcome == "request"  # a request was saved: proposed as the outcome
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: win.interaction.current is None)
    assert outbox_types(workspace)[-1] == "interaction.record"
    with workspace.store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT channel, outcome, case_numbers, ended_at FROM interactions"
        ).one()
    assert row[0] == "counter" and row[1] == "request" and row[3] is not None
    assert saved.args[0] in row[2]


def test_from_an_article_to_a_request_to_its_case(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("014", "chloe", "311")
    win = open_window(qtbot, background, workspace)
    win.open_article("nid-de-poule-signalement", "fr")
    qtbot.waitUntil(lambda: win.article.create_request.isVisible())
    qtbot.keyClick(
        win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert win.tabs.currentIndex() == REQUEST_TAB
    assert win.form.picker.service is not None and win.form.picker.service.code == POTHOLE
    fill_pothole(win)
    with qtbot.waitSignal(win.form.saved, timeout=5000) as saved:
        qtbot.keyClick(win.form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case_number = saved.args[0]
    assert win.form.side.saved_number.text() == case_number
    win.form.side.open_case_button.click()
    assert win.tabs.currentIndex() == CASES_TAB
    qtbot.waitUntil(
        lambda: (
            win.cases.detail.detail is not None
            and win.cases.detail.detail.summary.case_number == case_number
        )
    )
    assert "request.create" in outbox_types(workspace)


def test_f2_twice_opens_one_interaction(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("015", "dana", "311")
    win = open_window(qtbot, background, workspace)
    qtbot.keyClick(win.search.field, Qt.Key.Key_F2)
    qtbot.keyClick(win.search.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: win.interaction.current is not None)
    qtbot.wait(100)
    with workspace.store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM interactions").scalar() == 1

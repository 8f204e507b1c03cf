"""The console's every window, opened as an agent opens them, for the tests that check
each one (fits the screen, one Alt+letter per target): the main window, synced with a
central store that does not answer (so the login and the sync window have something to
say), each of its tabs, and each dialog in turn."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.validation import FieldProblem
from app.services.intake import Draft
from app.services.outbox import NOTE, Refusal
from app.services.workspace import Workspace
from app.ui.cases.refusal_banner import NoteCorrection
from app.ui.cases.reopen_dialog import ReopenDialog
from app.ui.main import attach_server, create_window
from app.ui.main_window import CASES_TAB, MainWindow
from app.ui.station import settings
from app.ui.sync.sync_controller import SyncController
from app.ui.widgets.background import Background

POTHOLE = "VOIRIE-NID-DE-POULE"


def nobody_listening() -> str:
    """A loopback address that refuses connections at once: the server is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def prepare(workspace: Workspace) -> str:
    """A configured workstation that reached the central store once, with one case."""
    workspace.set_profile("061", "agent-test", "311")
    workspace.learn_station_marks(61, {})
    saved = workspace.save_request(
        Draft(
            service_code=POTHOLE,
            channel="phone",
            description="Trou profond devant le dépanneur",
            civic_number="1234",
            street="boul. St-Laurent",
            arrondissement="PMR",
            attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        ),
        None,
    )
    return saved.case_number


def open_console(
    qtbot: QtBot, background: Background, workspace: Workspace, lang: str = "fr"
) -> tuple[MainWindow, SyncController]:
    """The window with a central store configured; the login it asks for is left open."""
    QSettings().remove(settings.SERVER)
    win = create_window(background, lang)
    qtbot.addWidget(win)
    controller = attach_server(win, background, nobody_listening(), None, remember=False)
    assert controller is not None
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(workspace, workspace.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    login = controller.login_dialog
    assert login is not None
    qtbot.waitUntil(login.isVisible)
    return win, controller


def main_tabs(qtbot: QtBot, win: MainWindow, case_number: str) -> Iterator[int]:
    """Each tab of the main window made current, with what it can show: a service's own
    fields in the request form, a case in the case view."""
    win.form.picker.choose(POTHOLE)
    win.open_case(case_number)
    qtbot.waitUntil(lambda: win.cases.shown_case == case_number, timeout=5000)
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        yield index


def dialogs(
    qtbot: QtBot,
    background: Background,
    win: MainWindow,
    controller: SyncController,
    workspace: Workspace,
    case_number: str,
) -> Iterator[tuple[str, QWidget]]:
    """Each dialog of the console, open; closed when the caller asks for the next one."""
    login = controller.login_dialog
    assert login is not None
    yield "login", login
    login.reject()

    win.edit_workstation()
    assert win.workstation_dialog is not None
    qtbot.waitUntil(win.workstation_dialog.isVisible)
    yield "workstation", win.workstation_dialog
    win.workstation_dialog.reject()

    win.edit_settings()
    assert win.settings_dialog is not None
    qtbot.waitUntil(win.settings_dialog.isVisible)
    yield "settings", win.settings_dialog
    win.settings_dialog.reject()

    win.show_sync()
    assert controller.sync_dialog is not None
    qtbot.waitUntil(controller.sync_dialog.isVisible)
    qtbot.waitUntil(lambda: controller.sync_dialog.table.rowCount() > 0)  # type: ignore[union-attr]
    yield "sync", controller.sync_dialog
    controller.sync_dialog.reject()

    controller.show_conflicts()
    assert controller.conflict_dialog is not None
    qtbot.waitUntil(lambda: controller.conflict_dialog.loaded)  # type: ignore[union-attr]
    yield "conflicts", controller.conflict_dialog
    controller.conflict_dialog.reject()

    win.tabs.setCurrentIndex(CASES_TAB)
    reopen = ReopenDialog(case_number, "Nid-de-poule", win.cases)
    reopen.open()
    qtbot.waitUntil(reopen.isVisible)
    yield "reopen", reopen
    reopen.reject()

    refusal = Refusal(
        seq=1,
        type=NOTE,
        target=case_number,
        status="rejected",
        problems=(FieldProblem("text", "too long: 31 characters, at most 8", "store_too_long"),),
        data={"text": "Une note que le stockage refuse"},
        created_at=datetime.now(UTC),
    )
    note = NoteCorrection(refusal, win.cases)
    note.open()
    qtbot.waitUntil(note.isVisible)
    yield "note correction", note
    note.reject()

    win.interaction.start()
    qtbot.waitUntil(lambda: win.interaction.current is not None)
    win.interaction.end()
    outcome = win.interaction.dialog
    assert outcome is not None
    qtbot.waitUntil(outcome.isVisible)
    yield "interaction outcome", outcome
    outcome.reject()

    win.show_shortcuts()
    assert win.shortcuts_dialog is not None
    qtbot.waitUntil(win.shortcuts_dialog.isVisible)
    yield "shortcuts", win.shortcuts_dialog
    win.shortcuts_dialog.reject()

    controller.roleChanged.emit("supervisor")
    win.show_indicators()
    view = win.supervisor_view
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    yield "supervisor", view
    view.close()

"""On a 1280×720 laptop (the suite's offscreen screen, tests/conftest.py) every window
fits: the main window opens, and restores a geometry saved on a bigger screen, inside the
screen's available area, with Enregistrer, Vider le formulaire and the status bar in
sight; each dialog opens inside it and can be resized; a wrapped message makes its dialog
taller rather than squeezing the field above it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main import create_window
from app.ui.main_window import REQUEST_TAB, MainWindow
from app.ui.station import settings
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring
from tests.ui_tour import dialogs, main_tabs, open_console, prepare


def area() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def inside_screen(window: QWidget) -> bool:
    return area().contains(window.frameGeometry())


def in_sight(widget: QWidget) -> bool:
    """Shown, and wholly inside its window."""
    window = widget.window()
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return widget.isVisible() and window.rect().contains(where)


@pytest.mark.skipif(sys.platform == "win32", reason="offscreen's screen is set on Linux only")
def test_the_tests_run_on_a_laptop_screen(qapp: object) -> None:
    assert area().size() == QSize(1280, 720)


def test_the_main_window_fits_with_its_buttons_and_status_bar_in_sight(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    case_number = prepare(workspace)
    win, _controller = open_console(qtbot, background, workspace)
    assert inside_screen(win), (win.frameGeometry(), area())
    for _index in main_tabs(qtbot, win, case_number):
        assert win.minimumSizeHint().height() <= area().height()
        assert inside_screen(win)
        assert in_sight(win.statusBar()) and in_sight(win.sync_indicator)
    win.tabs.setCurrentIndex(REQUEST_TAB)
    form = win.form
    # Everything the right-hand column can show at once: still the buttons under it.
    form.save()
    qtbot.waitUntil(form.side.summary.isVisible)
    form.side.saved_banner.show()
    form.side.duplicates_box.show()
    for button in form.side.suggest_buttons:
        button.setText("Alt+1  Un article suggéré au titre assez long pour passer à la ligne")
        button.show()
    qtbot.wait(50)
    assert inside_screen(win)
    for widget in (
        form.side.save_button,
        form.side.clear_button,
        win.statusBar(),
        win.sync_indicator,
    ):
        assert in_sight(widget), widget.objectName()
    assert form.side.save_button.text() == "Enregistrer (Ctrl+Entrée)"


def test_a_geometry_saved_on_a_bigger_screen_is_brought_inside(
    qtbot: QtBot, background: Background
) -> None:
    big = MainWindow(background, create_window(background, "fr").translations)
    qtbot.addWidget(big)
    big.setGeometry(300, 200, 1900, 1150)  # a desktop monitor's window
    QSettings().setValue(settings.GEOMETRY, big.saveGeometry())
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert inside_screen(win), (win.frameGeometry(), area())
    assert in_sight(win.statusBar())


def test_every_dialog_fits_the_screen_and_can_be_resized(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    case_number = prepare(workspace)
    win, controller = open_console(qtbot, background, workspace)
    seen = []
    for name, dialog in dialogs(qtbot, background, win, controller, workspace, case_number):
        seen.append(name)
        assert inside_screen(dialog), (name, dialog.frameGeometry(), area())
        smallest, largest = dialog.minimumSize(), dialog.maximumSize()
        assert smallest.height() < largest.height() and smallest.width() < largest.width(), name
        assert dialog.minimumSizeHint().height() <= area().height(), name
    assert "supervisor" in seen and "sync" in seen and "login" in seen


def test_a_wrapped_message_does_not_squeeze_the_workstation_field(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    QSettings().remove(settings.SERVER)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.set_workspace(workspace, workspace.article_count())  # first start: the dialog
    dialog = win.workstation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    tall = dialog.station.sizeHint().height()
    qtbot.keyClicks(dialog.station, "abc")
    dialog.submit()
    error = dialog.errors["station"]
    qtbot.waitUntil(error.isVisible)
    qtbot.wait(50)  # the dialog grows once its layout has settled
    assert dialog.station.height() >= tall
    # The message's every line is shown: as tall as its wrapped text.
    assert error.height() >= error.heightForWidth(error.width())
    assert inside_screen(dialog)

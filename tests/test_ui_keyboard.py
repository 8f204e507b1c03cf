"""The keyboard path, whole: a case opened with ↓ Entrée takes the keyboard (Ctrl+E edits
it, Ctrl+Entrée saves, Modifier one Tab away, Échap back to the search); after a request
is saved the keyboard is on the next request's first field; Alt+letter reaches a field
further down the form and scrolls it into view; F1 lists the window's shortcuts, in the
agent's language, read from the window's own actions and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main import create_window
from app.ui.main_window import MainWindow
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring
from tests.ui_tour import open_console, prepare

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def local_window(qtbot: QtBot, background: Background, workspace: Workspace) -> MainWindow:
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(workspace, workspace.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def test_down_enter_then_ctrl_e_edits_the_case_and_ctrl_enter_saves(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    case_number = prepare(workspace)
    win = local_window(qtbot, background, workspace)
    press(qtbot, Qt.Key.Key_D, CTRL)
    cases = win.cases
    assert focused() is cases.field
    qtbot.keyClicks(cases.field, "St-Laurent")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cases.shown_case == case_number)
    detail = cases.detail
    qtbot.waitUntil(lambda: focused() is detail.number_label)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is detail.edit_button  # Modifier, one Tab away
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert detail.editing
    assert focused() is detail.editor.description
    qtbot.keyClicks(detail.editor.description, " Il s'agrandit.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not detail.editing, timeout=5000)
    assert "Il s'agrandit." in detail.description_label.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is cases.field  # back to the search, to refine it


def test_down_enter_then_ctrl_enter_goes_to_the_note_and_adds_it(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    case_number = prepare(workspace)
    win = local_window(qtbot, background, workspace)
    win.go_cases()
    qtbot.keyClicks(win.cases.field, "St-Laurent")
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    detail = win.cases.detail
    qtbot.waitUntil(lambda: focused() is detail.number_label)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # nothing typed yet: to the note
    assert focused() is detail.note_field
    assert detail.note_problem.isHidden()
    qtbot.keyClicks(detail.note_field, "Rappel du citoyen")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Rappel du citoyen" in detail.timeline.text(), timeout=5000)
    assert detail.case_number == case_number and detail.note_field.toPlainText() == ""


def test_ctrl_e_right_after_typing_a_case_number(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    case_number = prepare(workspace)
    win = local_window(qtbot, background, workspace)
    win.go_cases()
    qtbot.keyClicks(win.cases.field, case_number)
    qtbot.waitUntil(lambda: win.cases.shown_case == case_number)
    assert focused() is win.cases.field  # typing a number keeps the keyboard in the search
    press(qtbot, Qt.Key.Key_E, CTRL)  # the field's own Ctrl+E (end of line) gives way
    assert win.cases.detail.editing


def test_after_a_save_the_keyboard_is_on_the_next_request(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    prepare(workspace)
    win = local_window(qtbot, background, workspace)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = win.form
    form.citizen.anonymous.setChecked(True)
    form.picker.choose("VOIRIE-NID-DE-POULE")
    form.civic.setText("4321")
    form.street.setText("rue Rachel Est")
    form.arrondissement.setCurrentIndex(form.arrondissement.findData("PMR"))
    form.attributes.editors["emplacement"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.attributes.editors["danger_immediat"].setCurrentIndex(2)  # type: ignore[attr-defined]
    form.description.setFocus()
    with qtbot.waitSignal(form.saved, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert form.side.saved_banner.isVisible()
    # The same caller's next request starts with its type; the number is in view.
    qtbot.waitUntil(lambda: focused() is form.picker)
    assert form.citizen.anonymous.isChecked()
    assert form.side.open_case_button.autoDefault()  # Tab to it, Enter opens the case


def test_an_alt_letter_scrolls_its_field_into_view(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    prepare(workspace)
    win = local_window(qtbot, background, workspace)
    win.go_request()
    form = win.form
    form.picker.choose("VOIRIE-NID-DE-POULE")  # its own fields push the description down
    qtbot.wait(50)
    area = form.scroll_area
    assert area.verticalScrollBar().maximum() > 0, "the form should be taller than the window"
    area.verticalScrollBar().setValue(0)
    press(qtbot, Qt.Key.Key_S, ALT)  # De&scription
    assert focused() is form.description
    qtbot.wait(50)
    viewport = area.viewport()
    where = QRect(form.description.mapTo(viewport, QPoint(0, 0)), form.description.size())
    assert viewport.rect().contains(where), (viewport.rect(), where)  # all of it, not one line


def test_f1_lists_the_windows_shortcuts_in_french_and_english(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    prepare(workspace)
    win, controller = open_console(qtbot, background, workspace)
    assert controller.login_dialog is not None
    controller.login_dialog.reject()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    press(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: win.shortcuts_dialog is not None and win.shortcuts_dialog.isVisible())
    dialog = win.shortcuts_dialog
    assert dialog is not None and dialog.windowTitle() == "Raccourcis clavier"
    lines = dialog.lines()
    keys = {(section, keys): what for section, keys, what in lines}
    assert keys[("Partout", "Ctrl+K, Ctrl+1")] == "Aller à la recherche d'information"
    assert keys[("Partout", "Ctrl+N, Ctrl+2")] == "Nouvelle demande"
    assert keys[("Partout", "F2")].startswith("Début d'interaction")
    assert keys[("Partout", "Ctrl+Maj+S")] == "Synchronisation"  # the menu's own entry
    assert keys[("Partout", "F1")] == "Raccourcis clavier"
    assert keys[("Nouvelle demande", "Ctrl+Entrée")] == "Enregistrer la demande"
    assert keys[("Nouvelle demande", "Alt+1, Alt+2, Alt+3")] == "Ouvrir un des articles suggérés"
    assert keys[("Dossiers", "Ctrl+E")].startswith("Modifier le dossier ouvert")
    assert keys[("Dossiers", "Ctrl+Entrée")].startswith("Ajouter la note")
    assert keys[("Dossiers", "Échap")].startswith("Revenir à la recherche")
    assert keys[("Information", "Échap")] == "Revenir de l'article à la recherche"
    assert lines[0][0] == "Partout"
    dialog.reject()

    win.apply_language("en")
    win.show_shortcuts()
    english = win.shortcuts_dialog
    assert english is not None and english.windowTitle() == "Keyboard shortcuts"
    keys = {(section, keys): what for section, keys, what in english.lines()}
    assert keys[("New request", "Ctrl+Enter")] == "Save the request"
    assert keys[("Cases", "Esc")].startswith("Back to the case search")
    assert keys[("Everywhere", "Ctrl+Shift+S")] == "Sync status"
    english.reject()

"""A clean slate for each call, and nothing typed lost: the whole window driven from the
keyboard over a real store (F2, Ctrl+Entrée, F3, Ctrl+N, Ctrl+Q), and a restart that gives
the half-typed form back from the store."""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.ui.main import create_window
from app.ui.main_window import REQUEST_TAB, MainWindow
from app.ui.widgets.background import Background

POTHOLE = "VOIRIE-NID-DE-POULE"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir, load_bundled=False)
    workspace.set_profile("016", "elise", "311")
    yield workspace
    workspace.close()


def open_window(qtbot: QtBot, background: Background, ws: Workspace) -> MainWindow:
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(ws, ws.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    qtbot.waitUntil(lambda: win.form._draft_ready, timeout=5000)  # its draft looked for
    return win


def key(
    qtbot: QtBot, win: MainWindow, k: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget() or win
    qtbot.keyClick(widget, k, modifier)


def start_call(qtbot: QtBot, win: MainWindow) -> None:
    key(qtbot, win, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: win.interaction.current is not None, timeout=5000)


def end_call(qtbot: QtBot, win: MainWindow) -> None:
    key(qtbot, win, Qt.Key.Key_F3)
    dialog = win.interaction.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.interaction.current is None, timeout=5000)
    win.activateWindow()  # the outcome window gone, the keys go to the console again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def fill_request(
    win: MainWindow, name: str = "Jean Tremblay", phone: str = "514 555 0123", civic: str = "4321"
) -> None:
    """A pothole at `civic` (another civic number for another request: the same one would
    be proposed as a duplicate of the first)."""
    form = win.form
    if name:
        form.citizen.name.setText(name)
        form.citizen.phone.setText(phone)
    form.picker.choose(POTHOLE)
    form.civic.setText(civic)
    form.street.setText("rue Rachel Est")
    form.arrondissement.setCurrentIndex(form.arrondissement.findData("PMR"))
    form.attributes.editors["emplacement"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.attributes.editors["danger_immediat"].setCurrentIndex(2)  # type: ignore[attr-defined]
    form.description.setPlainText("Trou profond devant l'école")


def save(qtbot: QtBot, win: MainWindow) -> str:
    with qtbot.waitSignal(win.form.saved, timeout=5000) as saved:
        qtbot.keyClick(win.form.description, Qt.Key.Key_Return, CTRL)
    return str(saved.args[0])


def assert_clean(win: MainWindow) -> None:
    citizen = win.form.citizen
    assert citizen.picked is None and citizen.picked_box.isHidden()
    assert citizen.lookup.text() == citizen.name.text() == citizen.phone.text() == ""
    assert not citizen.anonymous.isChecked()
    assert win.form.side.saved_banner.isHidden()
    assert win.form.citizen.choice() == (None, None)


def test_f2_save_f3_ctrl_n_leaves_no_citizen_no_banner_not_anonymous(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    win = open_window(qtbot, background, ws)
    start_call(qtbot, win)
    key(qtbot, win, Qt.Key.Key_N, CTRL)
    assert win.tabs.currentIndex() == REQUEST_TAB
    fill_request(win)
    case_number = save(qtbot, win)
    assert win.form.side.saved_number.text() == case_number
    # Within the call, the citizen stays picked for the same caller's next request.
    qtbot.waitUntil(lambda: win.form.citizen.picked is not None, timeout=5000)
    assert win.form.citizen.picked.name == "Jean Tremblay"  # type: ignore[union-attr]
    assert win.form.side.saved_banner.isVisible()

    end_call(qtbot, win)
    key(qtbot, win, Qt.Key.Key_N, CTRL)
    assert_clean(win)
    assert QApplication.focusWidget() is win.form.citizen.lookup

    # The next caller, anonymous this time: after F3 and F2, nothing of it is left either.
    start_call(qtbot, win)
    win.form.citizen.anonymous.setChecked(True)
    fill_request(win, name="", civic="4323")
    save(qtbot, win)
    assert win.form.citizen.anonymous.isChecked()  # same call: still the choice made
    end_call(qtbot, win)
    start_call(qtbot, win)
    key(qtbot, win, Qt.Key.Key_N, CTRL)
    assert_clean(win)


def test_ctrl_n_during_a_call_keeps_the_caller_and_without_a_call_clears_them(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    win = open_window(qtbot, background, ws)
    start_call(qtbot, win)
    win.go_request()
    fill_request(win)
    save(qtbot, win)
    qtbot.waitUntil(lambda: win.form.citizen.picked is not None, timeout=5000)
    key(qtbot, win, Qt.Key.Key_N, CTRL)  # the same caller's next request
    assert win.form.citizen.picked is not None
    assert win.form.side.saved_banner.isHidden()
    end_call(qtbot, win)
    assert_clean(win)

    # No interaction logged (F2 forgotten): a save, then Ctrl+N, starts clean too.
    win.go_request()
    fill_request(win, name="Marie Roy", phone="438 555 0199", civic="4325")
    save(qtbot, win)
    qtbot.waitUntil(lambda: win.form.citizen.picked is not None, timeout=5000)
    key(qtbot, win, Qt.Key.Key_N, CTRL)
    assert_clean(win)


def test_what_is_typed_for_the_next_caller_is_not_cleared(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    win = open_window(qtbot, background, ws)
    win.go_request()
    # The phone typed as the call came in, F2 pressed after: it stays.
    qtbot.keyClicks(win.form.citizen.lookup, "514 555 0188")
    start_call(qtbot, win)
    assert win.form.citizen.lookup.text() == "514 555 0188"
    # A request begun and not saved when the call ends stays whole, its citizen included.
    fill_request(win, name="Paul Roy", phone="514 555 0188")
    end_call(qtbot, win)
    assert win.form.citizen.name.text() == "Paul Roy"
    assert win.form.description.toPlainText() == "Trou profond devant l'école"
    assert "reste dans le formulaire" in win.statusBar().currentMessage()


def quit_box(qtbot: QtBot, win: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: win.quit_box is not None and win.quit_box.isVisible(), timeout=5000)
    assert win.quit_box is not None
    return win.quit_box


def test_ctrl_q_with_a_half_typed_form_asks_and_a_restart_gives_the_draft_back(
    qtbot: QtBot, background: Background, ws: Workspace, data_dir: Path
) -> None:
    win = open_window(qtbot, background, ws)
    win.go_request()
    fill_request(win, name="Jean Tremblay", phone="514 555 0123")
    typed = win.form.attributes.values()
    assert set(typed) == {"emplacement", "danger_immediat"}
    win.form.picker.setFocus()
    key(qtbot, win, Qt.Key.Key_Q, CTRL)
    box = quit_box(qtbot, win)
    buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
    assert box.defaultButton() is buttons["quitCancel"]  # Annuler by default
    assert buttons["quitAnyway"].text() == "&Quitter quand même"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: Annuler; the console stays
    qtbot.waitUntil(lambda: not box.isVisible())
    assert win.isVisible() and win.form.description.toPlainText() == "Trou profond devant l'école"
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)

    key(qtbot, win, Qt.Key.Key_Q, CTRL)
    box = quit_box(qtbot, win)
    buttons = {b.objectName(): b for b in box.findChildren(QPushButton)}
    buttons["quitAnyway"].click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    saved = ws.form_draft()
    assert saved is not None
    assert saved.data["description"] == "Trou profond devant l'école"
    assert saved.data["citizen"]["name"] == "Jean Tremblay"
    ws.close()

    # The next start: the same store, a new window.
    again = open_workspace(data_dir, load_bundled=False)
    try:
        win2 = open_window(qtbot, background, again)
        form = win2.form
        qtbot.waitUntil(lambda: form.side.draft_note.isVisible(), timeout=5000)
        assert form.side.draft_note.text().startswith("Brouillon repris du ")
        assert form.description.toPlainText() == "Trou profond devant l'école"
        assert form.picker.service is not None and form.picker.service.code == POTHOLE
        assert (form.civic.text(), form.street.text()) == ("4321", "rue Rachel Est")
        assert form.arrondissement_code() == "PMR"
        assert form.attributes.values() == typed
        assert (form.citizen.name.text(), form.citizen.phone.text()) == (
            "Jean Tremblay",
            "514 555 0123",
        )
        # Saved: the draft goes, and the note with it.
        win2.go_request()
        save(qtbot, win2)
        assert form.side.draft_note.isHidden()
        qtbot.waitUntil(lambda: again.form_draft() is None, timeout=5000)
        qtbot.waitUntil(lambda: form.draft_settled, timeout=5000)
        win2.close()  # nothing unsaved: no question
        qtbot.waitUntil(lambda: not win2.isVisible(), timeout=5000)
        assert win2.quit_box is None
    finally:
        again.close()


def test_a_picked_citizen_comes_back_picked_and_emptying_the_form_removes_the_draft(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    win = open_window(qtbot, background, ws)
    win.go_request()
    fill_request(win)
    save(qtbot, win)  # Jean is now a known citizen
    qtbot.waitUntil(lambda: win.form.citizen.picked is not None, timeout=5000)
    citizen_id = win.form.citizen.picked.id  # type: ignore[union-attr]
    # The citizen a save left is no draft: a restart must not bring the previous caller.
    qtbot.waitUntil(lambda: win.form.draft_settled, timeout=5000)
    assert ws.form_draft() is None
    win.form.description.setPlainText("Deuxième demande du même citoyen")
    qtbot.waitUntil(lambda: ws.form_draft() is not None, timeout=5000)
    assert ws.form_draft().data["citizen"]["picked"] == citizen_id  # type: ignore[union-attr]
    win.form.side.clear_button.click()
    qtbot.waitUntil(lambda: ws.form_draft() is None, timeout=5000)


def test_the_draft_is_debounced_and_written_off_the_ui_thread(
    qtbot: QtBot, background: Background, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, background, ws)
    writes: list[threading.Thread] = []
    real = ws.save_form_draft

    def spy(data: dict[str, Any]) -> Any:
        writes.append(threading.current_thread())
        return real(data)

    monkeypatch.setattr(ws, "save_form_draft", spy)
    win.go_request()
    qtbot.keyClicks(win.form.description, "Un lampadaire eteint depuis trois jours")
    qtbot.waitUntil(lambda: win.form.draft_settled, timeout=5000)
    assert 1 <= len(writes) <= 2  # not one per keystroke (39 of them)
    assert all(t is not threading.main_thread() for t in writes)
    assert ws.form_draft().data["description"] == "Un lampadaire eteint depuis trois jours"  # type: ignore[union-attr]


def test_a_draft_that_cannot_be_written_is_said_and_the_form_keeps_it(
    qtbot: QtBot, background: Background, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, background, ws)

    def full(_data: dict[str, Any]) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ws, "save_form_draft", full)
    win.go_request()
    fill_request(win)
    problem = win.form.side.draft_problem
    qtbot.waitUntil(problem.isVisible, timeout=5000)
    assert "brouillon n'a pas pu être gardé" in problem.text()
    assert win.form.description.toPlainText() == "Trou profond devant l'école"

    win.close()
    quit_box(qtbot, win).findChild(QPushButton, "quitAnyway").click()  # type: ignore[union-attr]
    # Not written: the console says so and asks again, Annuler by default.
    qtbot.waitUntil(
        lambda: win.quit_box is not None and win.quit_box.objectName() == "quitDraftFailedBox",
        timeout=5000,
    )
    failed = win.quit_box
    assert failed is not None and failed.isVisible()
    assert "sera perdu" in failed.informativeText()
    qtbot.keyClick(failed, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not failed.isVisible())
    assert win.isVisible() and win.form.description.toPlainText() == "Trou profond devant l'école"

    # The disk has room again: the next change is kept, and the problem goes.
    monkeypatch.undo()
    win.form.description.setPlainText("Trou profond devant l'école, côté nord")
    qtbot.waitUntil(problem.isHidden, timeout=5000)
    assert ws.form_draft().data["description"] == "Trou profond devant l'école, côté nord"  # type: ignore[union-attr]


def test_the_cases_tab_lists_again_a_request_saved_since_its_search(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    """The agent searched a street, took a new request on it, and comes back to Dossiers
    (Ctrl+D) with the same words in the field: the new case is listed, not the list of
    before the save (the text had not changed, so nothing searched again)."""
    win = open_window(qtbot, background, ws)
    key(qtbot, win, Qt.Key.Key_D, CTRL)
    qtbot.keyClicks(win.cases.field, "rachel")
    qtbot.waitUntil(lambda: win.cases.shown_query == "rachel", timeout=5000)
    assert win.cases.model.rowCount() == 0
    key(qtbot, win, Qt.Key.Key_N, CTRL)
    saved = ws.save_request(
        Draft(
            service_code=POTHOLE,
            channel="phone",
            civic_number="4500",
            street="rue Rachel Est",
            arrondissement="PMR",
            attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        ),
        None,
    )
    key(qtbot, win, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1, timeout=5000)
    case = win.cases.model.case(0)
    assert case is not None and case.case_number == saved.case_number

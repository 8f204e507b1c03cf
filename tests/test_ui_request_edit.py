"""Correcting a case's description and location from its detail, driven from the keyboard
on real widgets offscreen over a real store: Ctrl+E opens the fields, a bad value shows
under its field with nothing typed lost, Ctrl+Enter saves and the status bar says so,
Esc gives up; and a clash on a case is settled in the conflict dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.models import ServiceRequest
from app.services import outbox, replica
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.ui.cases.case_history import CaseHistoryPanel
from app.ui.main import create_window
from app.ui.main_window import CASES_TAB, MainWindow
from app.ui.sync.conflict_dialog import ConflictDialog
from app.ui.widgets.background import Background
from tests.test_ui_conflicts import value_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("015", "denise", "311")
    yield workspace
    workspace.close()


def new_case(ws: Workspace) -> str:
    draft = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        description="Trou dans la chaussée",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Marie Roy", "514 555 0199", "", "fr"),
    )
    case_number = ws.save_request(draft, None).case_number
    with ws.store.session() as session:
        sent = [op.op_id for op in outbox.pending(session)]
    # The case reached the central store (revision 1) before anyone corrected it.
    replica.record_results(ws.store, [{"op_id": op_id, "status": "applied"} for op_id in sent])
    with ws.store.writing() as session:
        session.execute(update(ServiceRequest).values(revision=1))
    return case_number


def open_window(qtbot: QtBot, background: Background, ws: Workspace) -> MainWindow:
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(ws, ws.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    return win


def open_case(qtbot: QtBot, win: MainWindow, case_number: str) -> CaseHistoryPanel:
    win.go_cases()
    assert win.tabs.currentIndex() == CASES_TAB
    panel = win.cases
    panel.show_case(case_number)
    qtbot.waitUntil(lambda: panel.shown_case == case_number, timeout=5000)
    return panel


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def pending(ws: Workspace) -> list[tuple[str, int, dict[str, object]]]:
    """The queued operations, each without the time it was done (checked: ISO 8601)."""
    with ws.store.session() as session:
        ops = [(op.type, op.base_revision, dict(op.data)) for op in outbox.pending(session)]
    for _type, _base, data in ops:
        datetime.fromisoformat(str(data.pop("at")))
    return ops


def test_a_case_is_corrected_from_the_keyboard(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    assert view.edit_button.isVisible() and view.edit_button.text() == "Modifier (Ctrl+E)"

    panel.field.setFocus()  # the agent has just typed the case number
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = view.editor
    assert view.editing and not view.edit_button.isVisible()
    assert view.description_label.isHidden()  # the field takes its place
    assert focused() is editor.description
    assert editor.description.toPlainText() == "Trou dans la chaussée"
    assert (editor.civic.text(), editor.street.text()) == ("1234", "boul. St-Laurent")
    assert editor.arrondissement.currentData() == "PMR"

    # Tab goes through the fields in order.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.civic
    editor.description.setPlainText("Trou profond, côté nord")  # accents: no keyClicks
    editor.civic.selectAll()
    qtbot.keyClicks(editor.civic, "douze")
    editor.postal.setFocus()
    qtbot.keyClicks(editor.postal, "h2x1y4")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    error = editor.errors["civic_number"]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=5000)
    assert "1234A" in error.text()  # the house message: what a civic number looks like
    assert editor.civic.property("invalid") is True
    assert focused() is editor.civic
    # Nothing typed is lost, nothing was saved.
    assert view.editing and editor.civic.text() == "douze"
    assert editor.description.toPlainText() == "Trou profond, côté nord"
    assert editor.postal.text() == "h2x1y4"
    assert pending(ws) == []

    editor.civic.selectAll()
    qtbot.keyClicks(editor.civic, "1236")
    assert error.isHidden()  # the problem goes as the field is corrected
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not view.editing, timeout=5000)
    assert win.statusBar().currentMessage() == (
        f"Dossier {case_number} modifié : les changements seront transmis au stockage central."
    )
    assert view.description_label.text() == "Trou profond, côté nord"
    assert view.fact_values["address"].text() == "1236 boul. St-Laurent · H2X 1Y4"
    assert "Dossier modifié" in view.timeline.text()
    assert pending(ws) == [
        (
            "request.update",
            1,
            {
                "fields": {
                    "description": "Trou profond, côté nord",
                    "civic_number": "1236",
                    "postal_code": "H2X 1Y4",
                }
            },
        )
    ]
    assert focused() is view.edit_button


def test_escape_gives_the_correction_up(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    view.edit_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.editing
    view.editor.street.setFocus()
    qtbot.keyClicks(view.editor.street, " Ouest")
    press(qtbot, Qt.Key.Key_Escape)
    assert not view.editing
    assert panel.field is not focused()  # Esc left the fields, not the case
    assert view.fact_values["address"].text() == "1234 boul. St-Laurent"
    assert pending(ws) == []
    # Opened again: the case's own values, not the abandoned ones.
    panel.start_edit()
    assert view.editor.street.text() == "boul. St-Laurent"
    # Esc from the buttons gives up too.
    view.editor.cancel_button.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert not view.editing


def test_an_unknown_arrondissement_is_named_under_its_field(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    panel.start_edit()
    editor = panel.detail.editor
    editor.arrondissement.setEditText("Nulle part")
    editor.arrondissement.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    error = editor.errors["arrondissement"]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=5000)
    assert error.text() == "Choisissez l'arrondissement : ce service y est traité."
    assert editor.arrondissement.currentText() == "Nulle part"
    # A unique match of the typed words is the place: the case moves to Ville-Marie.
    editor.arrondissement.setEditText("ville-marie")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not panel.detail.editing, timeout=5000)
    assert panel.detail.fact_values["arrondissement"].text() == "Ville-Marie (VM)"
    assert "Ville-Marie" in panel.detail.fact_values["unit"].text()


def test_a_closed_case_offers_no_correction(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    with ws.store.writing() as session:
        session.execute(update(ServiceRequest).values(status="terminee"))
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    assert panel.detail.edit_button.isHidden()
    panel.results.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert not panel.detail.editing


def test_a_clash_on_a_case_is_settled_in_the_dialog(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    ws.edit_request(case_number, {"description": "Trou rebouché", "street": "rue Rachel Est"})
    with ws.store.session() as session:
        [edit] = outbox.pending(session)
        op_id = edit.op_id
    detail = ws.case_detail(case_number)
    assert detail is not None
    record = {
        "id": ws.case_detail(case_number).summary.id,  # type: ignore[union-attr]
        "case_number": case_number,
        "service_code": "VOIRIE-NID-DE-POULE",
        "service_name": "Nid-de-poule",
        "nature": "request",
        "channel": "phone",
        "status": "transmise",
        "description": "Trou signalé deux fois",
        "civic_number": "1234",
        "street": "boul. St-Laurent",
        "arrondissement": "VM",
        "responsible_unit": "TP-VM",
        "created_at": detail.summary.created_at.isoformat(),
        "revision": 3,
        "events": [],
    }
    replica.record_results(
        ws.store,
        [
            {
                "op_id": op_id,
                "status": "conflict",
                "fields": ["description"],
                "record": record,
            }
        ],
    )
    [conflict] = ws.conflicts()
    dialog = ConflictDialog(background, ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.loaded)
    box = dialog.findChild(QWidget, f"conflict-{conflict.seq}")
    assert box is not None and box.title() == f"Dossier {case_number} · Nid-de-poule"  # type: ignore[attr-defined]
    mine = dialog.findChild(QRadioButton, f"mine-{conflict.seq}-description")
    theirs = dialog.findChild(QRadioButton, f"theirs-{conflict.seq}-description")
    assert mine is not None and theirs is not None
    assert value_text(dialog, f"mine-value-{conflict.seq}-description") == "Trou rebouché"
    assert (
        value_text(dialog, f"theirs-value-{conflict.seq}-description") == "Trou signalé deux fois"
    )
    assert theirs.isChecked()
    mine.setChecked(True)
    with qtbot.waitSignal(dialog.resolved, timeout=15_000):  # store writes
        dialog.submit()
    assert ws.conflict_count() == 0
    assert pending(ws) == [
        (
            "request.update",
            3,
            {"fields": {"description": "Trou rebouché", "street": "rue Rachel Est"}},
        )
    ]
    shown = ws.case_detail(case_number)
    assert shown is not None
    assert (shown.description, shown.summary.street) == ("Trou rebouché", "rue Rachel Est")
    # The colleague's move to Ville-Marie came in with the record.
    assert (shown.summary.arrondissement, shown.responsible_unit) == ("VM", "TP-VM")

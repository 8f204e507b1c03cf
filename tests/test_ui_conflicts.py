"""Settling a clash with a colleague and correcting a citizen's details, driven from the
keyboard on real widgets offscreen, over a real store. The clash is the central store's
answer recorded by the sync services, as a push would record it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from app.services import outbox, replica
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.ui.request.citizen_box import CitizenBox
from app.ui.sync.conflict_dialog import ConflictDialog


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("012", "agent2", "311")
    yield workspace
    workspace.close()


def new_citizen(ws: Workspace) -> str:
    draft = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Marie Roy", "514 555 0199", "", "fr"),
    )
    citizen_id = ws.save_request(draft, None).citizen_id
    assert citizen_id is not None
    return citizen_id


def clash(ws: Workspace, citizen_id: str) -> None:
    """The agent changes the phone, the e-mail and the name; the central store answers
    that a colleague changed the phone and the e-mail first (its record: revision 2)."""
    with ws.store.session() as session:
        sent = [op.op_id for op in outbox.pending(session)]
    # The request and the new citizen reached the central store before the edit was made.
    replica.record_results(ws.store, [{"op_id": op_id, "status": "applied"} for op_id in sent])
    ws.edit_citizen(
        citizen_id,
        {"phone": "514 555 0303", "email": "mroy@exemple.ca", "name": "Marie Roy-Tremblay"},
    )
    with ws.store.session() as session:
        [edit] = outbox.pending(session)
        op_id = edit.op_id
    record = {
        "id": citizen_id,
        "name": "Marie Roy",
        "phone": "514-555-0202",
        "email": "marie@exemple.ca",
        "address": "",
        "preferred_language": "fr",
        "revision": 2,
    }
    outcome = replica.record_results(
        ws.store,
        [{"op_id": op_id, "status": "conflict", "fields": ["phone", "email"], "record": record}],
    )
    assert outcome.conflicts == 1


def value_text(dialog: ConflictDialog, name: str) -> str:
    """A value as the agent reads it (its highlight markup left out)."""
    label = dialog.findChild(QLabel, name)
    assert label is not None
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


# A store write off the UI thread, then the signal: seconds on a loaded machine.
SAVE_TIMEOUT = 15_000


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(qtbot: QtBot, k: Qt.Key) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, k)


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_the_agent_keeps_their_value_from_the_keyboard(
    qtbot: QtBot, ws: Workspace, background
) -> None:
    citizen_id = new_citizen(ws)
    clash(ws, citizen_id)
    [conflict] = ws.conflicts()

    dialog = ConflictDialog(background, ws)
    show(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert "1 conflit" in dialog.status.text()
    mine = dialog.findChild(QRadioButton, f"mine-{conflict.seq}-phone")
    theirs = dialog.findChild(QRadioButton, f"theirs-{conflict.seq}-phone")
    assert mine is not None and theirs is not None
    # Built when the conflicts are read, the rows are shown and laid out at the loop's next
    # turn; the arrow keys move between buttons by their place on screen, so they wait.
    qtbot.waitUntil(lambda: mine.isVisible() and theirs.isVisible())
    assert mine.text() == "Garder &votre valeur"
    assert theirs.text() == "Garder la valeur du &registre (modifiée par un collègue)"
    assert "514-555-0303" in value_text(dialog, f"mine-value-{conflict.seq}-phone")
    assert "514-555-0202" in value_text(dialog, f"theirs-value-{conflict.seq}-phone")
    # The colleague's value stands until the agent chooses: it has the focus, checked.
    assert theirs.isChecked() and focused() is theirs
    key(qtbot, Qt.Key.Key_Up)
    assert mine.isChecked() and not theirs.isChecked()
    # Tab: the next field, on its current choice (the registry's e-mail), which stays.
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.findChild(QRadioButton, f"theirs-{conflict.seq}-email")

    with qtbot.waitSignal(dialog.resolved, timeout=SAVE_TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)  # the dialog's default button: OK
    assert ws.conflict_count() == 0 and outbox.held_count(ws.store) == 0
    with ws.store.session() as session:
        row = outbox.pending(session)[-1]
        assert row.base_revision == 2
        assert row.data == {"fields": {"phone": "514-555-0303", "name": "Marie Roy-Tremblay"}}
    match = ws.citizen(citizen_id)
    assert match is not None
    assert (match.name, match.phone, match.email) == (
        "Marie Roy-Tremblay",
        "514-555-0303",
        "marie@exemple.ca",
    )


def test_nothing_to_settle(qtbot: QtBot, ws: Workspace, background) -> None:
    dialog = ConflictDialog(background, ws)
    show(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.status.text() == "Aucun conflit à régler."
    assert dialog.findChildren(QRadioButton) == []


def test_the_picked_citizen_is_corrected_in_place(qtbot: QtBot, ws: Workspace, background) -> None:
    citizen_id = new_citizen(ws)
    box = CitizenBox(background)
    show(qtbot, box)
    match = ws.citizen(citizen_id)
    assert match is not None
    box.pick(match)
    assert box.edit_button.isHidden()  # no way to save yet: no button
    box.set_editor(ws.edit_citizen)
    assert box.edit_button.isVisible()

    box.edit_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert box.editing and box.picked_box.isHidden()
    assert (box.edit_name.text(), box.edit_phone.text()) == ("Marie Roy", "514-555-0199")
    assert focused() is box.edit_name

    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is box.edit_phone
    box.edit_phone.selectAll()
    qtbot.keyClicks(box.edit_phone, "555")
    key(qtbot, Qt.Key.Key_Return)
    error = box.edit_errors["citizen.phone"]
    qtbot.waitUntil(lambda: not error.isHidden())
    assert "10 chiffres" in error.text()
    assert box.editing and box.edit_phone.text() == "555"  # nothing typed is lost
    assert ws.citizen(citizen_id).phone == "514-555-0199"  # type: ignore[union-attr]

    box.edit_phone.selectAll()
    qtbot.keyClicks(box.edit_phone, "514 555 0404")
    with qtbot.waitSignal(box.citizenEdited, timeout=SAVE_TIMEOUT):
        key(qtbot, Qt.Key.Key_Return)
    assert not box.editing and box.picked_box.isVisible() and error.isHidden()
    assert box.picked is not None and box.picked.phone == "514-555-0404"
    assert "514-555-0404" in box.picked_label.text()
    with ws.store.session() as session:
        row = outbox.pending(session)[-1]
        assert (row.target, row.data) == (citizen_id, {"fields": {"phone": "514-555-0404"}})

    # Escape leaves the fields without saving.
    box.start_edit()
    qtbot.keyClicks(box.edit_name, " X")
    key(qtbot, Qt.Key.Key_Escape)
    assert not box.editing and ws.citizen(citizen_id).name == "Marie Roy"  # type: ignore[union-attr]

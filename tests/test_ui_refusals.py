"""A change the central store refused, in the case's detail, driven from the keyboard on
real widgets offscreen over a real store: the case says "Refusé par le stockage central"
with the store's reasons and offers its two ways out; Ctrl+E corrects the named field
(outlined with the store's message) and resends; dropping asks first, naming the case and
its service, then shows the store's copy, or offers to remove a case the store never had.
The sync window opens a refused change's case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services import outbox, replica
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.sync.client import Offline
from app.sync.engine import SyncStatus
from app.ui.cases.case_history import CaseHistoryPanel
from app.ui.main import create_window
from app.ui.main_window import MainWindow
from app.ui.sync.sync_status import DETAIL, SyncDialog
from app.ui.widgets.background import Background

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TOO_LONG = {"field": "description", "message": "too long: 33 characters, at most 20"}


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
        description="Trou profond devant le dépanneur",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Marie Roy", "514 555 0199", "", "fr"),
    )
    return ws.save_request(draft, None).case_number


def refuse(ws: Workspace, type_: str, problem: dict[str, str]) -> str:
    with ws.store.session() as session:
        op = next(o for o in outbox.pending(session) if o.type == type_)
        op_id = op.op_id
    replica.record_results(
        ws.store, [{"op_id": op_id, "status": "rejected", "problems": [problem]}]
    )
    return op_id


def pending(ws: Workspace) -> list[Any]:
    with ws.store.session() as session:
        return list(outbox.pending(session))


def open_window(qtbot: QtBot, background: Background, ws: Workspace) -> MainWindow:
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.set_workspace(ws, ws.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    return win


def open_case(qtbot: QtBot, win: MainWindow, case_number: str) -> CaseHistoryPanel:
    win.go_cases()
    panel = win.cases
    panel.field.setText(case_number)  # as typed: the list shows it, the case opens
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


def button(panel: CaseHistoryPanel, name: str) -> QPushButton:
    found = [b for b in panel.detail.banner.buttons if b.objectName() == name]
    assert len(found) == 1, [b.objectName() for b in panel.detail.banner.buttons]
    return found[0]


def confirm(qtbot: QtBot, panel: CaseHistoryPanel, mnemonic: Qt.Key) -> str:
    """The confirmation on screen: its text, then its action chosen by its mnemonic."""
    qtbot.waitUntil(lambda: panel.confirm_box is not None and panel.confirm_box.isVisible())
    box = panel.confirm_box
    assert box is not None
    text = box.text()
    default = box.defaultButton()
    assert default is not None and default.text() == "Annuler"  # a mere Enter drops nothing
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    qtbot.keyClick(focused() or box, mnemonic, ALT)
    qtbot.waitUntil(lambda: not box.isVisible())
    return text


def test_a_refused_creation_is_corrected_and_resent_from_the_keyboard(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    old_op = refuse(ws, "request.create", TOO_LONG)
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail

    # The list flags it, the case says it, with the store's reason.
    assert panel.model.data(panel.model.index(0, 6)) == "Refusé"
    assert view.banner.isVisible()
    assert view.banner.title.text() == "Refusé par le stockage central"
    reasons = view.banner.findChild(QWidget, f"refusal-{view.detail.refusals[0].seq}")
    assert reasons is not None
    text = " ".join(label.text() for label in reasons.findChildren(type(view.banner.title)))
    assert "Création de la demande, refusée le" in text
    assert (
        "Description : Trop long : 33 caractères, le stockage central en accepte 20 au plus."
        in text
    )
    assert not view.unsynced_badge.isVisible()  # not "not yet sent": refused
    assert not view.edit_button.isVisible()  # the banner's own correction instead
    correct = button(panel, "refusalCorrect")
    drop = button(panel, "refusalDrop")
    assert correct.text() == "Corriger et renvoyer (Ctrl+E)"
    assert drop.text() == "Abandonner la création…"
    # Reachable by Tab from the case number, in reading order.
    view.number_label.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is correct
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is drop

    panel.field.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = view.editor
    assert view.editing and editor.resend_seq is not None
    assert editor.save_button.text() == "Renvoyer au stockage central (Ctrl+Entrée)"
    assert editor.description.property("invalid") is True
    error = editor.errors["description"]
    assert error.isVisible()
    assert error.text() == "Trop long : 33 caractères, le stockage central en accepte 20 au plus."
    assert focused() is editor.description
    editor.description.selectAll()
    qtbot.keyClicks(editor.description, "Trou profond")
    assert not error.isVisible()  # the outline goes as the field is corrected
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not view.editing, timeout=5000)
    assert win.statusBar().currentMessage() == (
        f"Dossier {case_number} corrigé : la correction sera renvoyée au stockage central."
    )
    assert not view.banner.isVisible()
    assert view.unsynced_badge.isVisible()
    assert view.unsynced_badge.text() == "Pas encore transmis au stockage central"
    assert view.description_label.text() == "Trou profond"
    assert "Corrigé et renvoyé au stockage central" in view.timeline.text()
    [create] = [op for op in pending(ws) if op.type == "request.create"]
    assert create.op_id != old_op and create.data["description"] == "Trou profond"


def test_a_dropped_creation_the_store_never_had_is_removed_after_two_questions(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = new_case(ws)
    refuse(ws, "request.create", {"field": "created_at", "message": "is more than 90 days old"})
    win = open_window(qtbot, background, ws)
    asked: list[str] = []

    async def no_copy(number: str) -> dict[str, Any] | None:
        asked.append(number)
        return None  # 404: the store never had it

    win.cases.set_store_copy_fetcher(no_copy)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    text = " ".join(lbl.text() for lbl in view.banner.findChildren(type(view.banner.title)))
    assert "Saisie il y a plus de 90 jours" in text
    assert "Ne se corrige pas depuis ce dossier (Date de saisie)" in text
    assert [b.objectName() for b in view.banner.buttons] == ["refusalDrop"]  # no correction
    panel.field.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert not view.editing  # nothing here can correct it

    view.number_label.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    drop = button(panel, "refusalDrop")
    assert focused() is drop
    panel.refresh_shown()  # a sync round ended: the case reads again...
    qtbot.wait(300)
    assert focused() is drop  # ...and the keyboard stays where it was
    press(qtbot, Qt.Key.Key_Return)
    question = confirm(qtbot, panel, Qt.Key.Key_A)
    assert f"Abandonner la création du dossier {case_number} (Nid-de-poule) ?" in question
    qtbot.waitUntil(lambda: asked == [case_number], timeout=5000)
    # The store has no copy: asked again, saying so, before anything is removed.
    question = confirm(qtbot, panel, Qt.Key.Key_R)
    assert f"Le stockage central n'a aucune copie du dossier {case_number} (Nid-de-poule)." in (
        question
    )
    qtbot.waitUntil(lambda: panel.shown_case is None, timeout=5000)
    assert win.statusBar().currentMessage() == (
        f"Dossier {case_number} retiré de ce poste : le stockage central n'en avait aucune copie."
    )
    assert ws.case_detail(case_number) is None
    assert [op.type for op in pending(ws)] == ["citizen.upsert"]  # the citizen stays


def synced_case(ws: Workspace) -> str:
    case_number = new_case(ws)
    sent = [op.op_id for op in pending(ws)]
    replica.record_results(ws.store, [{"op_id": op_id, "status": "applied"} for op_id in sent])
    return case_number


def store_record(ws: Workspace, case_number: str, **fields: Any) -> dict[str, Any]:
    shown = ws.case_detail(case_number)
    assert shown is not None
    case = shown.summary
    return {
        "id": case.id,
        "case_number": case_number,
        "service_code": case.service_code,
        "service_name": case.service_name,
        "nature": case.nature,
        "channel": case.channel,
        "status": case.status,
        "description": shown.description,
        "civic_number": case.civic_number,
        "street": case.street,
        "arrondissement": case.arrondissement,
        "responsible_unit": shown.responsible_unit,
        "handled_by": shown.handled_by,
        "created_at": case.created_at.isoformat(),
        "updated_at": datetime.now(UTC).isoformat(),
        "revision": 2,
        "events": [],
        **fields,
    }


def test_a_dropped_correction_shows_the_stores_copy_or_waits_for_the_next_sync(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = synced_case(ws)
    ws.edit_request(case_number, {"description": "Une version bien trop longue"})
    refuse(ws, "request.update", TOO_LONG)
    win = open_window(qtbot, background, ws)

    async def offline(_number: str) -> dict[str, Any] | None:
        raise Offline("the server does not answer")

    win.cases.set_store_copy_fetcher(offline)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    assert view.edit_button.isHidden()  # Ctrl+E corrects the refused change
    button(panel, "refusalDrop").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    question = confirm(qtbot, panel, Qt.Key.Key_A)
    assert f"Abandonner la modification du dossier {case_number} (Nid-de-poule) ?" in question
    assert "Champs modifiés : Description." in question
    qtbot.waitUntil(lambda: not view.banner.isVisible(), timeout=5000)
    assert view.unsynced_badge.text() == (
        "Copie du stockage central à récupérer à la prochaine synchronisation"
    )
    assert "sera récupérée à la prochaine synchronisation" in win.statusBar().currentMessage()
    assert "Modification refusée abandonnée" in view.timeline.text()
    assert "Une version bien trop longue" in view.timeline.text()  # still readable
    assert ws.cases_awaiting_copy() == [case_number]

    # The next sync brings it (as the engine does), and the open case reads again.
    ws.take_store_copy(case_number, store_record(ws, case_number, description="Du stockage"))
    win.cases.refresh_shown()
    qtbot.waitUntil(lambda: view.description_label.text() == "Du stockage", timeout=5000)
    assert not view.unsynced_badge.isVisible()
    assert "Modification refusée abandonnée" in view.timeline.text()


def test_a_refused_note_is_corrected_in_its_own_window(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = synced_case(ws)
    ws.add_note(case_number, "Une note que le stockage refuse")
    refuse(ws, "request.note", {"field": "text", "message": "too long: 31 characters, at most 8"})
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    assert panel.detail.edit_button.isVisible()  # a note's refusal leaves Modifier alone
    button(panel, "refusalCorrect").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.note_correction is not None and panel.note_correction.isVisible())
    dialog = panel.note_correction
    assert dialog is not None
    assert "Note : Trop long : 31 caractères, le stockage central en accepte 8 au plus." in (
        dialog.intro.text()
    )
    assert dialog.field.toPlainText() == "Une note que le stockage refuse"
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, "Courte")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert not panel.detail.banner.isVisible()
    assert [(op.type, op.data["text"]) for op in pending(ws)] == [("request.note", "Courte")]


def test_the_sync_window_opens_a_refused_changes_case(qtbot: QtBot, ws: Workspace) -> None:
    case_number = new_case(ws)
    refuse(ws, "request.create", TOO_LONG)
    dialog = SyncDialog(SyncStatus(held=1))
    qtbot.addWidget(dialog)
    dialog.show()
    _waiting, ops = ws.sync_overview()
    dialog.show_ops(ops)
    refused = next(i for i, op in enumerate(ops) if op.state == "rejected")
    assert dialog.table.currentRow() == refused  # the refused change, ready to open
    assert "Description : Trop long : 33 caractères" in (dialog.table.item(refused, DETAIL).text())
    assert dialog.open_button.isEnabled()
    opened: list[str] = []
    dialog.openCase.connect(opened.append)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [case_number]
    citizen = next(i for i, op in enumerate(ops) if op.type == "citizen.upsert")
    dialog.table.selectRow(citizen)
    assert not dialog.open_button.isEnabled()  # a citizen's operation has no case


def test_in_english_the_refusal_reads_in_english(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    from tests.test_ui_english import FRENCH_LETTERS, FRENCH_WORDS

    case_number = new_case(ws)
    refuse(ws, "request.create", TOO_LONG)
    win = open_window(qtbot, background, ws)
    win.apply_language("en")
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    texts = [label.text() for label in view.banner.findChildren(type(view.banner.title))]
    texts += [b.text() for b in view.banner.buttons]
    shown = "\n".join(texts)
    assert "Refused by the central store" in shown
    assert "Creation of the request, refused on" in shown
    assert "Description: Too long: 33 characters, the central store takes at most 20." in shown
    assert "Correct and send again (Ctrl+E)" in shown
    assert "Drop the creation…" in shown
    assert not FRENCH_LETTERS.search(shown) and not FRENCH_WORDS.search(shown), shown
    assert panel.model.data(panel.model.index(0, 6)) == "Refused"
    assert panel.model.headerData(6, Qt.Orientation.Horizontal) == "Central store"


def test_a_sent_case_with_an_edit_still_to_send_says_so(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    case_number = synced_case(ws)
    ws.take_store_copy(case_number, store_record(ws, case_number, revision=1))
    win = open_window(qtbot, background, ws)
    panel = open_case(qtbot, win, case_number)
    view = panel.detail
    assert not view.unsynced_badge.isVisible()  # the store has it as shown
    panel.field.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL)
    view.editor.street.setFocus()
    qtbot.keyClicks(view.editor.street, " Ouest")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not view.editing, timeout=5000)
    assert view.unsynced_badge.isVisible()
    assert view.unsynced_badge.text() == "Modifications pas encore transmises au stockage central"

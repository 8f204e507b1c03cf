"""The sync window in the agent's words: opened from Fichier → Synchronisation or
Ctrl+Maj+S (not only a click on the status bar), each waiting or refused operation named
as the agent knows it (what was done, the case number or the citizen's name, the local
time, its state, the store's reasons in the interface's language), never an operation
type, an identifier or the central store's English message."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import outbox
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace
from app.sync.client import Offline, Refused
from app.sync.engine import ERROR, OFFLINE, SyncStatus
from app.ui.sync.sync_status import (
    DETAIL,
    OPERATION,
    SAVED,
    STATE,
    TARGET,
    SyncDialog,
    failure_text,
)
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring
from tests.ui_tour import open_console

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
TOO_LONG = {"field": "description", "message": "too long: 33 characters, at most 20"}


def some_work(ws: Workspace) -> str:
    """A new citizen's request (the citizen, the creation), a note, an interaction; the
    creation refused by the store."""
    ws.set_profile("061", "agent-test", "311")
    ws.learn_station_marks(61, {})
    view = ws.start_interaction("phone")
    saved = ws.save_request(
        Draft(
            service_code="VOIRIE-NID-DE-POULE",
            channel="phone",
            description="Trou profond devant le dépanneur, très dangereux",
            civic_number="1234",
            street="boul. St-Laurent",
            arrondissement="PMR",
            attributes={"emplacement": "chaussee", "danger_immediat": "non"},
            new_citizen=CitizenDraft("Jean Tremblay", "514 555 0123", "", "fr"),
        ),
        view.id,
    )
    ws.add_note(saved.case_number, "Rappel du citoyen")
    ws.end_interaction(view.id, "request")
    with ws.store.writing() as session:
        created = next(op for op in outbox.pending(session, 10) if op.type == outbox.CREATE)
        created.state = outbox.REJECTED
        created.answer = {"status": "rejected", "problems": [TOO_LONG]}
    return saved.case_number


def rows(dialog: SyncDialog) -> list[dict[int, str]]:
    table = dialog.table
    return [
        {col: table.item(row, col).text() for col in range(table.columnCount())}
        for row in range(table.rowCount())
    ]


def test_the_menu_and_ctrl_shift_s_open_it_and_it_speaks_french(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    case_number = some_work(workspace)
    win, controller = open_console(qtbot, background, workspace)
    assert controller.login_dialog is not None
    controller.login_dialog.reject()
    assert win.sync_action.isVisible() and win.sync_action.text() == "&Synchronisation…"
    # Not signed in: the status bar still counts what waits (the refused one is held).
    qtbot.waitUntil(lambda: "3 en attente · 1 à régler" in win.sync_indicator.text())
    assert win.sync_action in win.file_menu.actions()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win.search.field, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: controller.sync_dialog is not None)
    dialog = controller.sync_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    shown = rows(dialog)
    by_operation = {row[OPERATION]: row for row in shown}
    assert set(by_operation) == {
        "Création de la demande",
        "Fiche du citoyen",
        "Note",
        "Interaction",
    }
    created = by_operation["Création de la demande"]
    assert created[TARGET] == case_number
    assert created[STATE] == "Refusée par le registre"
    assert created[DETAIL] == (
        "Description : Trop long : 33 caractères, le stockage central en accepte 20 au plus."
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", created[SAVED])
    assert by_operation["Fiche du citoyen"][TARGET] == "Jean Tremblay"
    assert by_operation["Note"][TARGET] == case_number
    assert by_operation["Interaction"][TARGET] == "Téléphone"
    assert dialog.table.currentRow() == shown.index(created)  # the refused one, to open
    assert "3 opérations en attente d'envoi." in dialog.summary.text()
    headers = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    assert headers == ["Opération", "Dossier ou citoyen", "Enregistrée le", "État", "Détail"]
    everything = "\n".join("\n".join(row.values()) for row in shown) + dialog.summary.text()
    assert not UUID.search(everything), everything
    assert "request." not in everything and "citizen." not in everything
    assert "too long" not in everything


def test_in_english_it_speaks_english(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    from tests.test_ui_english import FRENCH_LETTERS, FRENCH_WORDS

    some_work(workspace)
    win, controller = open_console(qtbot, background, workspace, "en")
    assert controller.login_dialog is not None
    controller.login_dialog.reject()
    win.sync_action.trigger()
    dialog = controller.sync_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    shown = "\n".join("\n".join(row.values()) for row in rows(dialog))
    assert "Creation of the request" in shown and "Interaction" in shown and "Phone" in shown
    # The store's reason in English words, not its raw message.
    assert "Description: Too long: 33 characters, the central store takes at most 20." in shown
    texts = shown.replace("Jean Tremblay", "").replace("St-Laurent", "")
    assert not FRENCH_LETTERS.search(texts) and not FRENCH_WORDS.search(texts), texts


def test_the_last_failure_is_said_in_the_agents_words(qtbot: QtBot) -> None:
    offline = Offline("cannot reach http://127.0.0.1:1: Connection refused")
    dialog = SyncDialog(SyncStatus(state=OFFLINE, last_error=str(offline), error=offline))
    qtbot.addWidget(dialog)
    assert "le registre central ne répond pas" in dialog.summary.text()
    assert "Connection refused" not in dialog.summary.text()
    refused = Refused("400 Bad Request", 400, [])
    dialog.show_status(SyncStatus(state=ERROR, last_error=str(refused), error=refused))
    assert "refusé la demande (code 400)" in dialog.summary.text()
    assert "Bad Request" not in dialog.summary.text()
    assert "erreur interne" in failure_text(RuntimeError("boom: Jean Tremblay"))


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_status_bar_and_banner_follow_a_language_switch(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    some_work(workspace)
    win, controller = open_console(qtbot, background, workspace)
    assert controller.login_dialog is not None
    controller.login_dialog.reject()
    qtbot.waitUntil(lambda: "3 en attente" in win.sync_indicator.text())
    assert win.banner.isVisible() and "Non connecté" in win.banner.text()
    win.lang_actions["en"].trigger()
    qtbot.waitUntil(lambda: "3 waiting" in win.sync_indicator.text())
    qtbot.waitUntil(lambda: "Not logged in" in win.banner.text())

"""The case history panel driven as an agent drives it: keyboard first, real widgets
offscreen, a real SQLite store filled through the services."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import intake
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.ui.cases.case_history import CaseHistoryPanel
from app.ui.cases.case_render import LATE_BG
from app.ui.widgets.background import Background

ROUTED_TO = "Travaux publics – Le Plateau-Mont-Royal"


@dataclass(frozen=True)
class Cases:
    recent: str  # Jean's pothole, saved now
    overdue: str  # Jean's pothole, saved months ago: past its due date
    other: str  # Marie's, elsewhere


def pothole(civic: str, street: str, citizen: CitizenDraft) -> Draft:
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number=civic,
        street=street,
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=citizen,
    )


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    # Without the bundled knowledge base: cases need only the catalogue, and it is 10x faster.
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("011", "alice", "311")
    yield workspace
    workspace.close()


@pytest.fixture
def cases(ws: Workspace) -> Cases:
    jean = CitizenDraft("Jean Tremblay", "514 555 0123", "jean@exemple.ca", "fr")
    marie = CitizenDraft("Marie Roy", "438 555 0199", "marie@exemple.ca", "fr")
    assert ws.profile is not None
    months_ago = datetime.now(UTC) - timedelta(days=120)
    overdue = intake.save(
        ws.store,
        ws.catalogue,
        ws.profile,
        pothole("1234", "boul. St-Laurent", jean),
        now=months_ago,
    )
    recent = ws.save_request(pothole("1234", "boul. St-Laurent", jean), None)
    other = ws.save_request(pothole("500", "rue Rachel Est", marie), None)
    return Cases(recent.case_number, overdue.case_number, other.case_number)


def make_panel(qtbot: QtBot, background: Background) -> CaseHistoryPanel:
    panel = CaseHistoryPanel(background)
    qtbot.addWidget(panel)
    panel.resize(1200, 720)
    panel.show()
    panel.activateWindow()
    qtbot.waitExposed(panel)
    # The keyboard tests need the focus, which only an active window's widgets get.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, background: Background, ws: Workspace, cases: Cases) -> CaseHistoryPanel:
    panel = make_panel(qtbot, background)
    panel.set_workspace(ws)
    return panel


def type_query(qtbot: QtBot, panel: CaseHistoryPanel, text: str) -> None:
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)  # QTest.keyClicks aborts on non-ASCII
    qtbot.waitUntil(lambda: panel.shown_query == text, timeout=5000)


def open_case(qtbot: QtBot, panel: CaseHistoryPanel, number: str) -> None:
    panel.show_case(number)
    qtbot.waitUntil(lambda: panel.shown_case == number, timeout=5000)


def listed(panel: CaseHistoryPanel) -> list[str]:
    return [c.case_number for row in range(panel.model.rowCount()) if (c := panel.model.case(row))]


def test_case_number_typed_opens_that_case(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    type_query(qtbot, panel, cases.recent)
    assert listed(panel) == [cases.recent]
    assert panel.summary.text().startswith("Numéro de dossier · 1 dossier")
    assert panel.problem.isHidden()
    # One valid number names one case: its detail opens without another keystroke.
    qtbot.waitUntil(lambda: panel.shown_case == cases.recent)
    assert panel.detail.number_label.text() == cases.recent


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("514 555 0123", "Téléphone"),
        ("jean@exemple.ca", "Courriel"),
        ("1234 boul. St-Laurent", "Adresse"),
    ],
)
def test_cases_found_by_phone_email_and_address(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot, query: str, kind: str
) -> None:
    type_query(qtbot, panel, query)
    assert sorted(listed(panel)) == sorted([cases.recent, cases.overdue])
    assert panel.summary.text().startswith(f"{kind} · 2 dossier")
    assert panel.results.currentIndex().row() == 0


def test_one_mistyped_digit_proposes_the_case_and_the_keyboard_opens_it(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    last = cases.recent[-1]
    typo = cases.recent[:-1] + ("0" if last != "0" else "1")  # a wrong check digit
    type_query(qtbot, panel, typo)
    assert listed(panel) == []
    assert not panel.problem.isHidden()
    assert "Chiffre de contrôle" in panel.problem.text()
    assert panel.did_you_mean.isVisible()
    assert panel.did_you_mean_label.text() == "Vouliez-vous dire :"
    assert [b.text() for b in panel.suggestion_buttons] == [f"{cases.recent} ?"]

    qtbot.waitUntil(lambda: panel.field.hasFocus())
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # from the field to the first suggestion
    button = panel.suggestion_buttons[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.shown_case == cases.recent)
    assert panel.field.text() == cases.recent
    qtbot.waitUntil(lambda: panel.shown_query == cases.recent)
    assert panel.did_you_mean.isHidden()


def test_overdue_case_is_flagged_in_its_row_and_its_detail(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    type_query(qtbot, panel, "jean@exemple.ca")
    rows = {c.case_number: row for row in range(2) if (c := panel.model.case(row))}
    late, fresh = rows[cases.overdue], rows[cases.recent]
    flag = panel.model.index(late, 5)
    assert panel.model.data(flag) == "En retard"
    background = panel.model.data(flag, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color().name() == LATE_BG
    assert panel.model.data(panel.model.index(fresh, 5)) == ""
    assert panel.model.data(panel.model.index(fresh, 0), Qt.ItemDataRole.BackgroundRole) is None

    open_case(qtbot, panel, cases.overdue)
    assert panel.detail.late_badge.isVisible()
    assert panel.detail.late_badge.text() == "En retard"
    assert "En retard" in panel.detail.fact_values["due"].text()
    open_case(qtbot, panel, cases.recent)
    assert panel.detail.late_badge.isHidden()


def test_keyboard_only_type_down_enter_shows_the_detail(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: panel.field.hasFocus())
    type_query(qtbot, panel, "St-Laurent")
    assert panel.model.rowCount() == 2
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == 1
    second = panel.model.case(1)
    assert second is not None
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.shown_case == second.case_number)
    # The keyboard is on the case (Ctrl+E, Ctrl+Entrée at once); Esc goes back to refine.
    qtbot.waitUntil(lambda: panel.detail.number_label.hasFocus())
    qtbot.keyClick(panel.detail.number_label, Qt.Key.Key_Escape)
    assert panel.field.hasFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)  # Enter in the list opens too
    first = panel.model.case(0)
    assert first is not None
    qtbot.waitUntil(lambda: panel.shown_case == first.case_number)


def test_detail_shows_the_case_and_its_timeline(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    open_case(qtbot, panel, cases.recent)
    detail = panel.detail
    facts = {key: label.text() for key, label in detail.fact_values.items()}
    assert facts["service"] == "Nid-de-poule"
    assert facts["status"] == "Transmise pour traitement"
    assert facts["channel"] == "Téléphone"
    assert facts["address"] == "1234 boul. St-Laurent"
    assert "(PMR)" in facts["arrondissement"]
    assert facts["unit"] == ROUTED_TO
    assert "Jean Tremblay" in detail.citizens_label.text()
    assert "514-555-0123" in detail.citizens_label.text()
    assert "Chaussée" in detail.attributes_label.text()
    assert detail.unsynced_badge.isVisible()  # saved here, not yet sent
    timeline = detail.timeline.text()
    assert timeline.index("Demande créée") < timeline.index("Acheminée")
    assert "Canal : Téléphone" in timeline
    assert ROUTED_TO in timeline
    assert "alice" in timeline


def test_ctrl_enter_adds_the_note_to_the_timeline(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    open_case(qtbot, panel, cases.recent)
    note = panel.detail.note_field
    messages: list[str] = []
    panel.statusMessage.connect(messages.append)
    qtbot.keyClicks(note, "Le citoyen rappelle")
    note.insertPlainText(" : trou élargi.")
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "trou élargi" in panel.detail.timeline.text())
    timeline = panel.detail.timeline.text()
    assert timeline.index("Acheminée") < timeline.index("Le citoyen rappelle : trou élargi.")
    assert note.toPlainText() == ""
    assert messages == [f"Note ajoutée au dossier {cases.recent}"]


def test_empty_note_is_explained(panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot) -> None:
    open_case(qtbot, panel, cases.recent)
    qtbot.keyClick(panel.detail.add_note_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.detail.note_problem.isVisible())
    assert panel.detail.note_problem.text() == "Obligatoire : remplissez ce champ."


def test_a_note_that_fails_keeps_its_text(
    panel: CaseHistoryPanel, cases: Cases, ws: Workspace, qtbot: QtBot, monkeypatch: Any
) -> None:
    open_case(qtbot, panel, cases.recent)

    def locked(case_number: str, text: str) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(ws, "add_note", locked)
    note = panel.detail.note_field
    qtbot.keyClicks(note, "Rappel demain")
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.detail.note_problem.isVisible())
    assert "database is locked" in panel.detail.note_problem.text()
    assert note.toPlainText() == "Rappel demain"
    assert not note.isReadOnly() and panel.detail.add_note_button.isEnabled()


def test_store_work_runs_off_the_ui_thread(
    panel: CaseHistoryPanel, cases: Cases, ws: Workspace, qtbot: QtBot, monkeypatch: Any
) -> None:
    threads: list[threading.Thread] = []

    def spying(method: Any) -> Any:
        def spy(*args: Any) -> Any:
            threads.append(threading.current_thread())
            return method(*args)

        return spy

    for name in ("find_cases", "case_detail", "add_note"):
        monkeypatch.setattr(ws, name, spying(getattr(ws, name)))
    type_query(qtbot, panel, cases.other)
    qtbot.waitUntil(lambda: panel.shown_case == cases.other)
    panel.detail.note_field.setPlainText("ok")
    panel.add_note()
    qtbot.waitUntil(lambda: "ok" in panel.detail.timeline.text())
    assert len(threads) >= 3
    assert all(t is not threading.main_thread() for t in threads)


def test_fast_typing_ends_on_the_last_text(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    panel.field.setText("514 555 0123")
    panel.field.setText("marie@exemple")
    panel.field.setText("marie@exemple.ca")
    qtbot.waitUntil(lambda: panel.shown_query == "marie@exemple.ca")
    assert listed(panel) == [cases.other]


def test_text_and_case_asked_before_the_store_opens_are_kept(
    qtbot: QtBot, background: Background, ws: Workspace, cases: Cases
) -> None:
    panel = make_panel(qtbot, background)
    qtbot.keyClicks(panel.field, "marie@exemple.ca")
    panel.show_case(cases.overdue)  # e.g. the form saved it while the store was opening
    panel.set_workspace(ws)
    qtbot.waitUntil(lambda: panel.shown_case == cases.overdue)
    qtbot.waitUntil(lambda: panel.shown_query == cases.overdue)
    assert listed(panel) == [cases.overdue]


def test_english_data_labels(panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot) -> None:
    open_case(qtbot, panel, cases.recent)
    type_query(qtbot, panel, "marie@exemple.ca")
    panel.set_language("en")
    assert panel.model.data(panel.model.index(0, 1)) == "Pothole"
    assert panel.model.data(panel.model.index(0, 2)) == "Sent for processing"
    assert panel.detail.fact_values["service"].text() == "Pothole"
    assert panel.detail.fact_values["channel"].text() == "Phone"
    assert "Roadway" in panel.detail.attributes_label.text()
    panel.set_language("fr")
    assert panel.detail.fact_values["service"].text() == "Nid-de-poule"


def test_a_closed_case_is_reactivated_by_keyboard_with_the_reason(
    panel: CaseHistoryPanel, cases: Cases, ws: Workspace, qtbot: QtBot
) -> None:
    from sqlalchemy import update

    from app.models import ServiceRequest
    from app.ui.cases.reopen_dialog import ReopenDialog

    with ws.store.writing() as session:  # as the feed brings the unit's "Terminée"
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.case_number == cases.recent)
            .values(status="terminee")
        )
    open_case(qtbot, panel, cases.recent)
    assert panel.detail.reopen_button.isVisible() and not panel.detail.edit_button.isVisible()
    qtbot.keyClick(panel.detail, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(panel.reopen_dialog, ReopenDialog))
    dialog = panel.reopen_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason yet: said, nothing saved
    qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.Key.Key_Space)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "pourquoi" in dialog.problem.text().lower()
    qtbot.keyClicks(dialog.reason, "Le trou est revenu")
    assert dialog.problem.isHidden()
    qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Réactivée" in panel.detail.fact_values["status"].text())
    assert "Le trou est revenu" in panel.detail.timeline.text()
    assert panel.detail.edit_button.isVisible() and not panel.detail.reopen_button.isVisible()

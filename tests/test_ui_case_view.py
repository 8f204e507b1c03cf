"""The case view is always the selected case: it follows the row selected by the arrows or
a click, empties when a search finds nothing, and never shows one case under another's
highlighted row; a note typed stays with its own case. Real widgets, a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.cases.case_history import CaseHistoryPanel
from tests import test_ui_case_history as history
from tests.test_ui_case_history import Cases, listed, open_case, type_query

# The case history tests' fixtures: a store with three cases, the panel over it.
cases, panel, ws = history.cases, history.panel, history.ws


def selected(panel: CaseHistoryPanel) -> list[str]:
    rows = panel.results.selectionModel().selectedRows()
    return [case.case_number for index in rows if (case := panel.model.case(index.row()))]


def test_a_search_that_finds_nothing_empties_the_case_view(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    open_case(qtbot, panel, cases.recent)
    assert panel.detail.body.isVisible()
    type_query(qtbot, panel, "9999 rue Inexistante")
    assert listed(panel) == []
    qtbot.waitUntil(lambda: panel.shown_case is None)
    assert panel.detail.empty_label.isVisible() and panel.detail.body.isHidden()
    assert selected(panel) == []
    # The field cleared: nothing found, nothing shown either.
    type_query(qtbot, panel, "marie@exemple.ca")
    qtbot.waitUntil(lambda: panel.shown_case == cases.other)
    panel.field.clear()
    qtbot.waitUntil(lambda: panel.shown_case is None, timeout=5000)


def test_the_view_follows_the_selected_row_by_arrows_and_click(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: panel.field.hasFocus())
    type_query(qtbot, panel, "St-Laurent")
    first, second = listed(panel)
    # The first row is highlighted, and it is the case shown: no Enter needed.
    assert selected(panel) == [first]
    qtbot.waitUntil(lambda: panel.shown_case == first)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert selected(panel) == [second]
    qtbot.waitUntil(lambda: panel.shown_case == second)
    assert panel.field.hasFocus()  # the keyboard stays where the agent types
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.shown_case == first)
    # A click on a row shows its case.
    rect = panel.results.visualRect(panel.model.index(1, 0))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.shown_case == second)
    assert selected(panel) == [second]
    # In the list itself, the arrows do the same.
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.shown_case == first)
    assert selected(panel) == [first]


def test_an_address_search_highlights_the_case_shown_not_another(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    open_case(qtbot, panel, cases.overdue)
    type_query(qtbot, panel, "1234 boul. St-Laurent")
    assert sorted(listed(panel)) == sorted([cases.recent, cases.overdue])
    assert selected(panel) == [cases.overdue]  # the one shown, wherever its row is
    qtbot.wait(300)  # nothing else comes to replace it
    assert panel.shown_case == cases.overdue
    # Another search, without the case shown among its results: its first row, shown.
    type_query(qtbot, panel, "marie@exemple.ca")
    assert selected(panel) == [cases.other]
    qtbot.waitUntil(lambda: panel.shown_case == cases.other)


def test_a_note_typed_stays_with_its_own_case(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    type_query(qtbot, panel, "jean@exemple.ca")
    first, second = listed(panel)
    qtbot.waitUntil(lambda: panel.shown_case == first)
    panel.detail.note_field.setPlainText("Rappeler le citoyen demain")
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.shown_case == second)
    assert panel.detail.note_field.toPlainText() == ""  # not added to the other case
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.shown_case == first)
    assert panel.detail.note_field.toPlainText() == "Rappeler le citoyen demain"


def test_a_correction_being_typed_is_not_dropped_by_a_search(
    panel: CaseHistoryPanel, cases: Cases, qtbot: QtBot
) -> None:
    open_case(qtbot, panel, cases.recent)
    panel.start_edit()
    assert panel.detail.editing
    panel.detail.editor.description.setPlainText("Trou rebouché en partie")
    type_query(qtbot, panel, "9999 rue Inexistante")
    qtbot.wait(300)
    assert panel.shown_case == cases.recent and panel.detail.editing
    assert panel.detail.editor.description.toPlainText() == "Trou rebouché en partie"
    assert selected(panel) == []  # nothing highlighted that is not shown
    type_query(qtbot, panel, "marie@exemple.ca")  # found, but not the case corrected
    assert selected(panel) == []
    assert panel.shown_case == cases.recent and panel.detail.editing

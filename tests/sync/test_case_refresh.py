"""A colleague's change to the case an agent has open, against the live central store: the
sync round names the case (not this console's own changes echoed back), the open case
reads again with a "Mis à jour à HH:MM" mark, and a correction being typed keeps what was
typed, says the store changed it, and becomes a conflict for a field both changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.sync import test_ui_sync as ui_sync
from tests.sync.test_engine import Console, pothole
from tests.sync.test_request_conflicts import detail

# The window synced with the live central store, as agent1 (station 061).
console, window = ui_sync.console, ui_sync.window

MARK = re.compile(r"^Mis à jour à \d\d:\d\d$")


@pytest.fixture
def consoles(tmp_path: Path, live_server: Any) -> Iterator[list[Console]]:
    made = [
        Console(tmp_path / "a", live_server.url, "agent1", "031"),
        Console(tmp_path / "b", live_server.url, "agent2", "032"),
    ]
    yield made
    for made_console in made:
        made_console.close()


def test_a_round_names_the_cases_a_colleague_changed_not_its_own(
    consoles: list[Console],
) -> None:
    a, b = consoles
    case = a.workspace.save_request(pothole(3), None).case_number
    assert a.sync() and a.engine.status.updated == frozenset()  # its own creation
    assert b.sync() and b.engine.status.updated == frozenset()  # new here: nothing to re-read
    a.workspace.add_note(case, "Note de A")
    assert a.sync() and a.engine.status.updated == frozenset()  # its own note, echoed
    assert b.sync() and b.engine.status.updated == {case}
    assert b.sync() and b.engine.status.updated == frozenset()  # said once
    b.workspace.edit_request(case, {"description": "Trou élargi"})
    assert b.sync() and b.engine.status.updated == frozenset()
    assert a.sync() and a.engine.status.updated == {case}


def test_a_correction_typed_before_a_colleagues_change_of_that_field_is_a_conflict(
    consoles: list[Console],
) -> None:
    a, b = consoles
    case = a.workspace.save_request(pothole(4), None).case_number
    assert a.sync() and b.sync()
    seen = detail(a.workspace, case).revision  # A opens the correction here
    b.workspace.edit_request(case, {"description": "Version de B"})
    assert b.sync() and a.sync()  # B's change reaches A while A types
    assert detail(a.workspace, case).description == "Version de B"
    a.workspace.edit_request(case, {"description": "Version de A"}, seen_revision=seen)
    assert a.sync()
    [conflict] = a.workspace.conflicts()
    assert [(c.mine, c.theirs) for c in conflict.clashes] == [("Version de A", "Version de B")]


def synced(colleague: Console) -> bool:
    """The colleague's round, in a thread of its own: asyncio.run in the test's thread
    would take the current event loop from under the window's qasync loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return bool(pool.submit(colleague.sync).result())


def open_shown(qtbot: QtBot, window: MainWindow, case: str) -> None:
    window.go_cases()
    window.cases.show_case(case)
    qtbot.waitUntil(lambda: window.cases.shown_case == case, timeout=10000)


def test_the_open_case_reads_a_colleagues_note_and_says_it_was_updated(
    qtbot: QtBot, window: MainWindow, live_server: Any, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: "En ligne" in window.sync_indicator.text(), timeout=10000)
    colleague = Console(tmp_path / "colleague", live_server.url, "agent2", "062")
    try:
        case = colleague.workspace.save_request(pothole(5), None).case_number
        assert synced(colleague)
        cases = window.cases
        shown = cases.detail
        qtbot.waitUntil(lambda: window.workspace.case_detail(case) is not None, timeout=10000)  # type: ignore[union-attr]
        open_shown(qtbot, window, case)
        assert shown.updated_badge.isHidden()

        colleague.workspace.add_note(case, "Le citoyen a rappelé : trou plus grand")
        assert synced(colleague)
        qtbot.waitUntil(lambda: "trou plus grand" in shown.timeline.text(), timeout=15000)
        qtbot.waitUntil(shown.updated_badge.isVisible, timeout=5000)
        assert MARK.match(shown.updated_badge.text()), shown.updated_badge.text()

        # The agent's own note, sent and echoed by the feed, is no news to them.
        shown.updated_badge.hide()
        shown.note_field.setPlainText("Note de Paul")
        cases.add_note()
        qtbot.waitUntil(lambda: "Note de Paul" in shown.timeline.text(), timeout=5000)
        qtbot.waitUntil(lambda: shown.detail is not None and shown.detail.synced, timeout=15000)
        qtbot.wait(1500)  # a few more rounds
        assert shown.updated_badge.isHidden()

        # Another case shown: the mark was the first one's.
        colleague.workspace.add_note(case, "Deuxième note")
        assert synced(colleague)
        qtbot.waitUntil(shown.updated_badge.isVisible, timeout=15000)
        other = colleague.workspace.save_request(pothole(6), None).case_number
        assert synced(colleague)
        qtbot.waitUntil(lambda: window.workspace.case_detail(other) is not None, timeout=10000)  # type: ignore[union-attr]
        open_shown(qtbot, window, other)
        assert shown.updated_badge.isHidden()
    finally:
        colleague.close()


def test_a_correction_being_typed_is_kept_and_told_of_the_change(
    qtbot: QtBot, window: MainWindow, live_server: Any, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: "En ligne" in window.sync_indicator.text(), timeout=10000)
    colleague = Console(tmp_path / "colleague", live_server.url, "agent2", "062")
    try:
        case = colleague.workspace.save_request(pothole(7), None).case_number
        assert synced(colleague)
        qtbot.waitUntil(lambda: window.workspace.case_detail(case) is not None, timeout=10000)  # type: ignore[union-attr]
        open_shown(qtbot, window, case)
        cases, shown = window.cases, window.cases.detail
        cases.start_edit()
        assert shown.editing
        editor = shown.editor
        editor.description.setPlainText("Trou rebouché par l'agent")

        colleague.workspace.edit_request(case, {"description": "Trou signalé par la collègue"})
        assert synced(colleague)
        qtbot.waitUntil(editor.store_notice.isVisible, timeout=15000)
        notice = editor.store_notice.text()
        assert "modifié par le stockage central pendant votre correction" in notice.lower()
        assert "Description" in notice
        # What the agent typed is untouched, the correction still open, no mark instead.
        assert editor.description.toPlainText() == "Trou rebouché par l'agent"
        assert shown.editing and shown.updated_badge.isHidden()

        # Saved: both changed the description, so it comes back as a conflict to settle.
        cases.save_edit()
        qtbot.waitUntil(lambda: not shown.editing, timeout=5000)
        controller = window.sync
        assert controller is not None
        qtbot.waitUntil(
            lambda: controller.conflict_dialog is not None and controller.conflict_dialog.loaded,
            timeout=15000,
        )
        [conflict] = controller.conflict_dialog.conflicts  # type: ignore[union-attr]
        assert [(c.mine, c.theirs) for c in conflict.clashes] == [
            ("Trou rebouché par l'agent", "Trou signalé par la collègue")
        ]
    finally:
        colleague.close()

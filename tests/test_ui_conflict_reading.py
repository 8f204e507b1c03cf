"""A conflict the agent can read and settle from the keyboard: both values whole and
wrapped, the words that differ highlighted (in colour, and bold and underlined), each
field's choice by Tab and the arrows or its mnemonic, Enter to confirm. Real widgets, a
real store holding the central store's answer as a push records it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.services import outbox, replica
from app.services.conflicts import word_diff
from app.services.workspace import Workspace, open_workspace
from app.ui.sync.conflict_dialog import DIFF_STYLE, ConflictDialog
from app.ui.widgets.background import Background
from tests.test_ui_conflicts import value_text
from tests.test_ui_request_edit import new_case

MINE_TEXT = (
    "Le lampadaire au coin de la rue Rachel et de l'avenue de Lorimier est éteint depuis "
    "trois jours ; le citoyen dit que le trottoir est très sombre le soir et que des "
    "enfants passent par là pour aller à l'école Saint-Pierre-Claver."
)
THEIRS_TEXT = MINE_TEXT.replace("est éteint", "clignote")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("017", "fanny", "311")
    yield workspace
    workspace.close()


def clash(ws: Workspace, fields: dict[str, tuple[str, str]]) -> int:
    """The agent corrected `fields` (name -> (mine, theirs)); the central store answers
    that a colleague changed them first. Returns the conflict's seq."""
    case_number = new_case(ws)
    ws.edit_request(case_number, {name: mine for name, (mine, _theirs) in fields.items()})
    with ws.store.session() as session:
        [edit] = outbox.pending(session)
        op_id = edit.op_id
    detail = ws.case_detail(case_number)
    assert detail is not None
    record = {
        "id": detail.summary.id,
        "case_number": case_number,
        "service_code": "VOIRIE-NID-DE-POULE",
        "service_name": "Nid-de-poule",
        "nature": "request",
        "channel": "phone",
        "status": "transmise",
        "description": "Trou dans la chaussée",
        "civic_number": "1234",
        "street": "boul. St-Laurent",
        "arrondissement": "PMR",
        "responsible_unit": "TP-PMR",
        "created_at": detail.summary.created_at.isoformat(),
        "revision": 3,
        "events": [],
    }
    record.update({name: theirs for name, (_mine, theirs) in fields.items()})
    replica.record_results(
        ws.store,
        [{"op_id": op_id, "status": "conflict", "fields": list(fields), "record": record}],
    )
    [conflict] = ws.conflicts()
    return conflict.seq


def open_dialog(qtbot: QtBot, background: Background, ws: Workspace, width: int) -> ConflictDialog:
    dialog = ConflictDialog(background, ws)
    qtbot.addWidget(dialog)
    dialog.resize(width, 560)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(
    qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, k, modifier)


def highlighted(label: QLabel) -> list[str]:
    """The runs the label shows highlighted."""
    style = re.escape(DIFF_STYLE)
    return re.findall(rf"<span style='{style}'>(.*?)</span>", label.text())


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_word_diff_marks_only_what_differs() -> None:
    mine, theirs = word_diff(MINE_TEXT, THEIRS_TEXT)
    assert [p.text for p in mine if p.changed] == ["est éteint"]
    assert [p.text for p in theirs if p.changed] == ["clignote"]
    assert "".join(p.text for p in mine) == MINE_TEXT
    assert "".join(p.text for p in theirs) == THEIRS_TEXT
    mine, theirs = word_diff("1001, rue Rachel", "1003, rue Rachel")
    assert [p.text for p in mine if p.changed] == ["1001"]
    # Words added at the end: the words alone, not the space before them.
    mine, theirs = word_diff("Trou rebouché. Vérifié le 2 décembre.", "Trou rebouché.")
    assert [(p.text, p.changed) for p in mine] == [
        ("Trou rebouché. ", False),
        ("Vérifié le 2 décembre.", True),
    ]
    assert [p.text for p in theirs if p.changed] == []
    _left, right = word_diff("", "boul. St-Laurent")
    assert [(p.text, p.changed) for p in right] == [("boul. St-Laurent", True)]


def test_both_values_are_whole_wrapped_and_their_difference_highlighted(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    seq = clash(
        ws,
        {"description": (MINE_TEXT, THEIRS_TEXT), "street": ("rue Rachel Est", "rue Rachel Ouest")},
    )
    dialog = open_dialog(qtbot, background, ws, width=560)  # narrower than the text
    mine = dialog.findChild(QLabel, f"mine-value-{seq}-description")
    theirs = dialog.findChild(QLabel, f"theirs-value-{seq}-description")
    assert mine is not None and theirs is not None
    # Whole: every word is there, the one that differs near the end included.
    assert value_text(dialog, mine.objectName()) == MINE_TEXT
    assert value_text(dialog, theirs.objectName()) == THEIRS_TEXT
    # Wrapped within the window: several lines, no sideways scrolling, nothing cut.
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: mine.height() > 3 * mine.fontMetrics().lineSpacing())
    assert mine.wordWrap() and theirs.wordWrap()
    assert scroll.horizontalScrollBar().maximum() == 0
    assert mine.geometry().right() <= scroll.viewport().width()
    assert mine.height() >= mine.heightForWidth(mine.width())
    # Only the differing words are highlighted, on each side.
    assert highlighted(mine) == ["est éteint"]
    assert highlighted(theirs) == ["clignote"]
    street_mine = dialog.findChild(QLabel, f"mine-value-{seq}-street")
    street_theirs = dialog.findChild(QLabel, f"theirs-value-{seq}-street")
    assert highlighted(street_mine) == ["Est"]  # type: ignore[arg-type]
    assert highlighted(street_theirs) == ["Ouest"]  # type: ignore[arg-type]
    # Readable, and not by colour alone.
    colours = dict(re.findall(r"(background-color|color):(#[0-9a-f]{6})", DIFF_STYLE))
    light, dark = luminance(colours["background-color"]), luminance(colours["color"])
    assert (light + 0.05) / (dark + 0.05) >= 7  # WCAG AAA for text
    assert "font-weight:bold" in DIFF_STYLE and "underline" in DIFF_STYLE


def test_each_fields_choice_by_tab_and_arrows_and_enter_confirms(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    seq = clash(
        ws,
        {"description": (MINE_TEXT, THEIRS_TEXT), "street": ("rue Rachel Est", "rue Rachel Ouest")},
    )
    dialog = open_dialog(qtbot, background, ws, width=760)

    def button(side: str, field: str) -> QRadioButton:
        found = dialog.findChild(QRadioButton, f"{side}-{seq}-{field}")
        assert found is not None
        return found

    # The colleague's values stand until the agent chooses; the keyboard is on the first.
    assert (
        focused() is button("theirs", "description") and button("theirs", "description").isChecked()
    )
    key(qtbot, Qt.Key.Key_Up)
    assert button("mine", "description").isChecked()
    key(qtbot, Qt.Key.Key_Tab)  # the next field, on its current choice
    assert focused() is button("theirs", "street")
    key(qtbot, Qt.Key.Key_Up)
    assert button("mine", "street").isChecked()
    key(qtbot, Qt.Key.Key_Down)
    assert button("theirs", "street").isChecked()
    key(qtbot, Qt.Key.Key_Backtab)  # back to the first field, its choice kept
    assert focused() is button("mine", "description")
    assert dialog.kept() == {seq: {"description"}}
    with qtbot.waitSignal(dialog.resolved, timeout=10000):
        key(qtbot, Qt.Key.Key_Return)  # Enter confirms
    assert ws.conflict_count() == 0
    with ws.store.session() as session:
        row = outbox.pending(session)[-1]
    assert row.data["fields"] == {"description": MINE_TEXT}


def test_a_single_fields_choice_by_its_mnemonic_and_a_click_on_a_value(
    qtbot: QtBot, background: Background, ws: Workspace
) -> None:
    seq = clash(ws, {"description": ("Trou rebouché", "Trou signalé deux fois")})
    dialog = open_dialog(qtbot, background, ws, width=760)
    mine = dialog.findChild(QRadioButton, f"mine-{seq}-description")
    theirs = dialog.findChild(QRadioButton, f"theirs-{seq}-description")
    assert mine is not None and theirs is not None
    assert mine.text() == "Garder &votre valeur"
    key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(mine.isChecked, timeout=10000)  # a mnemonic clicks (animated: 100 ms)
    key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(theirs.isChecked, timeout=10000)
    value = dialog.findChild(QLabel, f"mine-value-{seq}-description")
    assert value is not None
    qtbot.mouseClick(value, Qt.MouseButton.LeftButton)
    assert mine.isChecked() and focused() is mine
    with qtbot.waitSignal(dialog.resolved, timeout=10000):
        key(qtbot, Qt.Key.Key_Enter)
    with ws.store.session() as session:
        assert outbox.pending(session)[-1].data["fields"] == {"description": "Trou rebouché"}

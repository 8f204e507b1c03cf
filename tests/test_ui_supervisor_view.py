"""The supervisor's indicators window on figures kept in a real local store (no server):
the overdue CSV is the table as shown, header by header and cell by cell; numbers read
the French or the English way; places and units by name; an empty table says so; sort
arrows point the way the rows run; Qt's file chooser speaks the interface's language;
the window fits the screen."""

from __future__ import annotations

import asyncio
import copy
import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QStyleOptionHeader
from pytestqt.qtbot import QtBot

from app.services.indicators import save_indicators, write_table_csv
from app.services.workspace import Workspace
from app.ui.supervisor.supervisor_view import SupervisorView
from app.ui.widgets.background import Background
from app.ui.widgets.i18n import Translations
from app.ui.widgets.rows_model import RowsView
from tests.test_indicators_cache import payload
from tests.test_ui_english import ALLOWED, Seen, french_names, french_sources, place_names

FETCHED = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
NBSP = "\u00a0"


def overdue_row(case: str, arr: str, unit: str, due: str, days: float) -> dict[str, Any]:
    return {
        "case_number": case,
        "service_code": "VOIRIE-NID-DE-POULE",
        "service_name": "Nid-de-poule",
        "arrondissement": arr,
        "responsible_unit": unit,
        "status": "transmise",
        "created_at": "2026-11-02T14:00:00+00:00",
        "due_at": due,
        "days_overdue": days,
    }


def figures() -> dict[str, Any]:
    data = copy.deepcopy(payload())
    data["overdue"] = {
        "total": 1234,  # more than the rows sent: the longest overdue only
        "rows": [
            overdue_row("26-011-000001-3", "VM", "TP-VM", "2026-11-09T22:00:00+00:00", 15.7),
            overdue_row("26-011-000002-1", "PMR", "TP-PMR", "2026-11-20T22:00:00+00:00", 4.7),
            overdue_row("26-011-000003-9", "XX", "GONE", "2026-10-01T21:00:00+00:00", 1054.2),
        ],
    }
    data["requests_by_service"] = []  # nothing created in the period
    return data


@pytest.fixture
def view(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, workspace: Workspace
) -> Iterator[SupervisorView]:
    save_indicators(workspace.store, "today", figures(), FETCHED)
    background = Background(qloop)
    widget = SupervisorView(background, workspace, None, "fr")
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    qtbot.waitUntil(lambda: widget.figures is not None)
    yield widget
    background.shutdown()


def shown(view: RowsView) -> tuple[list[str], list[list[str]]]:
    """What the table displays, read cell by cell from the view's own model."""
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    return headers, cells


def exported(qtbot: QtBot, view: SupervisorView, path: Path) -> list[list[str]]:
    view.export_to(path)
    qtbot.waitUntil(lambda: path.exists() and "export" in view.state_label.text().lower())
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8 accents
    with path.open(encoding="utf-8-sig", newline="") as data:
        return list(csv.reader(data, delimiter=";"))


def test_the_csv_is_the_table_header_by_header(
    qtbot: QtBot, view: SupervisorView, tmp_path: Path
) -> None:
    view.overdue_view.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    headers, cells = shown(view.overdue_view)
    lines = exported(qtbot, view, tmp_path / "retard.csv")
    assert len(lines[0]) == view.overdue_model.columnCount() == len(headers) == 7
    for column, (written, on_screen) in enumerate(zip(lines[0], headers, strict=True)):
        assert written == on_screen, f"header {column}"
        for row, line in enumerate(lines[1:]):
            assert line[column] == cells[row][column], f"{on_screen}, row {row}"
    assert len(lines) == 1 + len(cells) == 4
    by_case = {line[0]: dict(zip(lines[0], line, strict=True)) for line in lines[1:]}
    first = by_case["26-011-000001-3"]
    assert first["Arrondissement"] == "Ville-Marie"  # by name, not VM
    assert first["Unité responsable"] == "Travaux publics – Ville-Marie"
    assert first["Échéance"] == "2026-11-09 17:00"  # Montréal time, under its own header
    assert first["Jours de retard"] == "15,7"
    assert by_case["26-011-000003-9"]["Jours de retard"] == f"1{NBSP}054,2"
    # A code the catalogue does not know stays readable as its code.
    assert by_case["26-011-000003-9"]["Arrondissement"] == "XX"
    assert by_case["26-011-000003-9"]["Unité responsable"] == "GONE"
    # In the order shown: fewest days first.
    assert [line[0] for line in lines[1:]] == [
        "26-011-000002-1",
        "26-011-000001-3",
        "26-011-000003-9",
    ]


def test_the_english_csv_reads_the_english_way(
    qtbot: QtBot, view: SupervisorView, tmp_path: Path
) -> None:
    Translations().apply("en")
    view.set_language("en")
    headers, cells = shown(view.overdue_view)
    lines = exported(qtbot, view, tmp_path / "overdue.csv")
    assert lines[0] == headers and lines[1:] == cells
    row = dict(zip(lines[0], lines[1], strict=True))
    assert row["Days overdue"] == "1,054.2"  # the longest overdue first
    assert row["Responsible unit"] == "GONE"
    units = {line[3] for line in lines[1:]}
    assert "Public works – Ville-Marie" in units


def test_numbers_read_the_french_way_then_the_english_way(view: SupervisorView) -> None:
    assert view.answer_tile.value.text() == f"83,3{NBSP}%"
    assert view.overdue_tile.value.text() == f"1{NBSP}234"
    assert view.complaint_model.data(view.complaint_model.index(0, 6)) == "41,2"
    Translations().apply("en")
    view.set_language("en")
    assert view.answer_tile.value.text() == "83.3%"
    assert view.overdue_tile.value.text() == "1,234"
    assert view.complaint_model.data(view.complaint_model.index(0, 6)) == "41.2"


def test_an_empty_table_says_so(qtbot: QtBot, view: SupervisorView) -> None:
    view.tabs.setCurrentIndex(2)  # requests by service: none in the period
    qtbot.waitUntil(view.service_view.placeholder.isVisible)
    assert view.service_view.placeholder.text() == "Aucune requête créée sur cette période."
    assert view.service_view.placeholder.geometry().height() > 20  # not a zero-size label
    view.tabs.setCurrentIndex(4)
    qtbot.wait(20)
    assert not view.overdue_view.placeholder.isVisible()  # it has rows
    view.overdue_model.set_rows([])
    assert view.overdue_view.placeholder.isVisible()
    assert view.overdue_view.placeholder.text() == "Aucune requête en retard."
    Translations().apply("en")
    view.set_language("en")
    assert view.overdue_view.placeholder.text() == "No overdue request."


def test_no_figures_is_not_told_as_no_overdue_request(
    qtbot: QtBot, qloop, workspace: Workspace
) -> None:
    background = Background(qloop)
    empty = SupervisorView(background, workspace, None, "fr")
    qtbot.addWidget(empty)
    empty.show()
    for table in (empty.handling_view, empty.service_view, empty.complaint_view):
        assert table.placeholder.text() == "Aucun chiffre à afficher pour l'instant."
    assert empty.overdue_view.placeholder.text() == "Aucun chiffre à afficher pour l'instant."
    assert not empty.export_button.isEnabled()
    background.shutdown()


def arrow_points_up(view: RowsView, column: int) -> bool:
    """Whether the arrow drawn in that header section is ▲ (widest at its bottom)."""
    header = view.horizontalHeader()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert header.sectionViewportPosition(column) + header.sectionSize(column) <= header.width()
    image = header.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    x0 = header.sectionViewportPosition(column)
    section = QRect(x0, 0, header.sectionSize(column), image.height())
    background = QColor(image.pixel(section.left() + 3, section.center().y()))
    widths: list[int] = []
    for y in range(section.top() + 1, section.bottom()):
        # The arrow sits at the right end of the section, right of the (centred) text.
        dark = sum(
            1
            for x in range(section.right() - 22, section.right() - 1)
            if QColor(image.pixel(x, y)).lightness() < background.lightness() - 60
        )
        if dark:
            widths.append(dark)
    assert len(widths) >= 2, "no arrow drawn"
    return widths[-1] > widths[0]


def test_sort_arrows_point_the_way_the_rows_run(qtbot: QtBot, view: SupervisorView) -> None:
    table = view.overdue_view
    view.resize(1600, 700)  # the last column then stretches: its arrow stands clear of its text
    view.tabs.setCurrentIndex(4)
    qtbot.waitUntil(table.isVisible)
    header = table.horizontalHeader()
    # Opened longest overdue first: descending, and the arrow says so (▼).
    days = [row.days_overdue for row in view.overdue_rows_in_view_order()]
    assert days == sorted(days, reverse=True)
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, 6)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
    assert not arrow_points_up(table, 6)
    table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    days = [row.days_overdue for row in view.overdue_rows_in_view_order()]
    assert days == sorted(days)
    header.initStyleOptionForIndex(option, 6)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp
    assert arrow_points_up(table, 6)
    # A first click on a count sorts the most first.
    view.tabs.setCurrentIndex(3)
    complaints = view.complaint_view.horizontalHeader()
    qtbot.waitUntil(complaints.isVisible)
    assert complaints.sortIndicatorSection() == 1  # open complaints, most first
    assert complaints.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.mouseClick(
        complaints.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QRect(complaints.sectionViewportPosition(2), 0, complaints.sectionSize(2), 10).center(),
    )
    assert complaints.sortIndicatorSection() == 2
    assert complaints.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_file_chooser_speaks_the_interfaces_language(view: SupervisorView) -> None:
    dialog = view.save_dialog()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel)).replace("&", "")
    for text in ("Voir dans", "Nom du fichier", "Type de fichier"):
        assert text in labels, labels
    assert "Look in" not in labels and "Files of type" not in labels
    dialog.close()
    Translations().apply("en")
    view.set_language("en")
    dialog = view.save_dialog()
    dialog.show()
    seen = Seen()
    seen.window(dialog, "export dialog")
    names = french_names(view._workspace)
    wrong = seen.french(french_sources(), names, ALLOWED + place_names(view._workspace))
    assert not wrong, "\n".join(wrong)
    assert dialog.windowTitle() == "Export the overdue requests"
    dialog.close()


def test_the_window_fits_the_screen_and_resizes(view: SupervisorView) -> None:
    room = view.screen().availableGeometry()
    assert view.width() <= room.width() and view.height() <= room.height()
    assert view.minimumSizeHint().height() <= 720 - 48  # a 1280x720 counter screen
    view.resize(room.width() // 2, room.height() // 2)
    assert view.width() == room.width() // 2  # the supervisor may make it smaller


def test_a_row_that_does_not_fit_the_headers_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="row 0 has 2 cells for 3 headers"):
        write_table_csv(tmp_path / "x.csv", ["a", "b", "c"], [["1", "2"]])

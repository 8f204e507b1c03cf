"""The cases a search found, as a table: one row each, overdue rows coloured and flagged in
words, refused changes flagged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.catalogue import Catalogue
from app.services.case_lookup import CaseSummary
from app.ui.cases.case_render import LATE_BG, LATE_FG
from app.ui.cases.refusal_banner import REFUSED_FG
from app.ui.widgets import formatting as fmt

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """The cases found: one row each, overdue rows coloured and flagged in words."""

    COLUMNS = ("case_number", "service", "status", "created", "due", "overdue", "refused")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: tuple[CaseSummary, ...] = ()
        self._headers: tuple[str, ...] = ("",) * len(self.COLUMNS)
        self._late_text = ""
        self._refused_text = ""
        self.lang = "fr"
        self.catalogue: Catalogue | None = None

    def set_cases(self, cases: tuple[CaseSummary, ...]) -> None:
        self.beginResetModel()
        self._cases = cases
        self.endResetModel()

    def set_labels(self, headers: tuple[str, ...], late_text: str, refused_text: str = "") -> None:
        """Column titles and the overdue and refused flags, in the UI language (given by
        the panel)."""
        self._headers = headers
        self._late_text = late_text
        self._refused_text = refused_text
        self.refresh()

    def refresh(self) -> None:
        """Labels or language changed: redraw every cell and header."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._cases:
            last = self.index(len(self._cases) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def case(self, row: int) -> CaseSummary | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def update_case(self, summary: CaseSummary) -> None:
        """A case just read again (corrected, resent, dropped): its row follows, without
        a new search that would move the selection."""
        for row, case in enumerate(self._cases):
            if case.case_number == summary.case_number and case != summary:
                self._cases = (*self._cases[:row], summary, *self._cases[row + 1 :])
                last = len(self.COLUMNS) - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        case = self.case(index.row())
        if case is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(case, column)
        if column == "refused" and case.refused:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(REFUSED_FG))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if case.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(LATE_FG))
        if case.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(LATE_BG))
        return None

    def _text(self, case: CaseSummary, column: str) -> str:
        if column == "case_number":
            return case.case_number
        if column == "service":
            return fmt.service_name(self.catalogue, case.service_code, case.service_name, self.lang)
        if column == "status":
            return fmt.status_label(case.status, self.lang)
        if column == "created":
            return fmt.day(case.created_at)
        if column == "due":
            return fmt.when(case.due_at)
        if column == "refused":
            return self._refused_text if case.refused else ""
        return self._late_text if case.overdue else ""

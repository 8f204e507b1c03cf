"""A read-only table of typed rows: each column says what it is called, how a row reads
and how it sorts, so that a QSortFilterProxyModel sorts numbers and dates as such, not as
text, and so that whatever is built from the table (the CSV export) has exactly its
headers and its cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_COLUMN_CHARS = 30  # a column fitted to its contents is at most about this wide


@dataclass(frozen=True)
class Column(Generic[R]):
    header: Callable[[], str]  # called again at each change of language
    text: Callable[[R], str]
    key: Callable[[R], Any]
    numeric: bool = False


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._headers = [column.header() for column in self._columns]
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def retranslate(self) -> None:
        """Headers, and cells, read again in the interface's language."""
        self._headers = [column.header() for column in self._columns]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:  # cells may read differently in the new language
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # A first click on a count or a delay shows the most first; on a name, A to Z.
            numeric = self._columns[section].numeric
            return Qt.SortOrder.DescendingOrder if numeric else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SortHeader(QHeaderView):
    """A header whose arrow points as the order runs: up (▲) for ascending, the smallest
    at the top, as in the file explorers agents know. Qt draws the opposite: it turns
    AscendingOrder into QStyleOptionHeader.SortDown, which its styles draw pointing down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        if option.sortIndicator != QStyleOptionHeader.SortIndicator.None_:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortUp
                if ascending
                else QStyleOptionHeader.SortIndicator.SortDown
            )


class RowsView(QTableView):
    """A sortable table of a RowsModel that says so, in its own words, when it is empty
    (a blank grid reads as "not loaded yet" or "broken")."""

    def __init__(self, model: RowsModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setHorizontalHeader(SortHeader(self))
        self.setModel(self.proxy)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click: back to the store's order
        self.placeholder = QLabel(self.viewport())
        self.placeholder.setObjectName("emptyTable")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(12)
        muted = self.placeholder.palette()
        muted.setColor(
            QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText)
        )
        self.placeholder.setPalette(muted)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_placeholder)
        self.proxy.modelReset.connect(self.fit_columns)
        self.proxy.headerDataChanged.connect(self.fit_columns)
        self._update_placeholder()

    def fit_columns(self) -> None:
        """Each column as wide as its contents, a long name cut short (whole in its
        tooltip) so that the figures at the right stay in view; the supervisor may still
        widen any column."""
        self.resizeColumnsToContents()
        widest = self.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > widest:
                header.resizeSection(column, widest)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sorted by that column (-1: in the order the rows came, with no arrow)."""
        self.setSortingEnabled(False)
        self.horizontalHeader().setSortIndicator(column, order)
        self.setSortingEnabled(True)  # sorts by the indicator just set

    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)

    def texts(self) -> tuple[list[str], list[list[str]]]:
        """The headers and every cell as shown, rows in the order shown."""
        model: QAbstractItemModel = self.proxy
        columns = model.columnCount()
        headers = [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
        ]
        cells = [
            [str(model.data(model.index(r, c)) or "") for c in range(columns)]
            for r in range(model.rowCount())
        ]
        return headers, cells

    def _update_placeholder(self) -> None:
        self.placeholder.setVisible(self.proxy.rowCount() == 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.placeholder.setGeometry(self.viewport().rect())

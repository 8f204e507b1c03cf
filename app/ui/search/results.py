"""The list of search results: a model over SearchHit and a delegate that draws each hit
as title, category and the marked snippet."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain import categories
from app.services.search import SearchHit
from app.services.snippets import to_html

HitRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()
        self.lang = "fr"

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title_text
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.article_id
        if role == HitRole:
            return hit
        return None


class ResultDelegate(QStyledItemDelegate):
    """Rich text rows: bold title with marked words, a grey category line, the snippet."""

    MARGIN = 8

    def _document(
        self, hit: SearchHit, width: float, option: QStyleOptionViewItem, lang: str
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(max(width, 50.0))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        muted = "#dfe7f2" if selected else "#5b6470"
        mark_bg = "#4a6fa0" if selected else "#fff1a8"
        badge = hit.lang.upper()
        doc.setDefaultStyleSheet(f"b {{ background-color: {mark_bg}; }}")
        doc.setHtml(
            f"<div style='font-weight:600; font-size:larger'>{to_html(hit.title, 'b')}</div>"
            f"<div style='color:{muted}; font-size:smaller'>"
            f"{html.escape(categories.label(hit.category, lang))} · {badge}</div>"
            f"<div>{to_html(hit.snippet, 'b')}</div>"
        )
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        lang = getattr(index.model(), "lang", "fr")
        rect = option.rect.adjusted(self.MARGIN, self.MARGIN // 2, -self.MARGIN, -self.MARGIN // 2)
        doc = self._document(hit, rect.width(), option, lang)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hit = index.data(HitRole)
        if hit is None:
            return super().sizeHint(option, index)
        view = option.widget
        viewport = view.viewport() if isinstance(view, QAbstractItemView) else None
        width = (viewport.width() if viewport is not None else 400) - 2 * self.MARGIN
        lang = getattr(index.model(), "lang", "fr")
        doc = self._document(hit, width, option, lang)
        return QSize(int(width), int(doc.size().height()) + self.MARGIN)

"""Interactions per hour of the day, stacked by channel: the shape of the day at a glance
(when the peaks come, and by which channel), drawn with QPainter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.indicators import HourCount
from app.ui.widgets import formatting as fmt

# Colour-blind-safe (Okabe-Ito), one per channel; unknown channels take the last.
COLOURS = {
    "phone": "#0072B2",
    "counter": "#E69F00",
    "email": "#009E73",
    "web": "#CC79A7",
    "mail": "#56B4E9",
    "mobile": "#D55E00",
    "social": "#F0E442",
}
OTHER = "#999999"


class HourChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[int, dict[str, int]] = {}
        self._channels: list[str] = []
        self.lang = "fr"
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(720, 300)

    def set_counts(self, rows: Sequence[HourCount]) -> None:
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        totals: dict[str, int] = defaultdict(int)
        for row in rows:
            counts[row.hour][row.channel] = counts[row.hour].get(row.channel, 0) + row.count
            totals[row.channel] += row.count
        self._counts = dict(counts)
        self._channels = sorted(totals, key=lambda c: -totals[c])
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        """The chart as text, for screen readers and tooltips."""
        return "; ".join(
            f"{hour} h: {sum(by.values())}" for hour, by in sorted(self._counts.items())
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        peak = max((sum(by.values()) for by in self._counts.values()), default=0)
        if peak == 0:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        legend_h = line + 8
        left, right, top, bottom = (
            metrics.horizontalAdvance(str(peak)) + 10,
            8,
            legend_h + 8,
            line + 6,
        )
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        slot = plot.width() / 24
        painter.setPen(text)
        painter.drawText(
            QRectF(0, top - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, str(peak)
        )
        painter.drawText(
            QRectF(0, plot.bottom() - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, "0"
        )
        grid = QColor(text)
        grid.setAlpha(60)
        painter.setPen(grid)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.topRight())
        painter.setPen(Qt.PenStyle.NoPen)
        for hour in range(24):
            y = plot.bottom()
            for channel in self._channels:
                count = self._counts.get(hour, {}).get(channel, 0)
                if not count:
                    continue
                height = plot.height() * count / peak
                painter.setBrush(QColor(COLOURS.get(channel, OTHER)))
                painter.drawRect(
                    QRectF(plot.left() + hour * slot + 1.5, y - height, slot - 3, height)
                )
                y -= height
        painter.setPen(text)
        for hour in range(0, 24, 2 if slot < metrics.horizontalAdvance("00 h") + 4 else 1):
            box = QRectF(plot.left() + hour * slot, plot.bottom() + 3, slot * 2, line)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft, f"{hour} h")
        x = float(left)
        for channel in self._channels:
            painter.setBrush(QColor(COLOURS.get(channel, OTHER)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(QRectF(x, 4 + line / 4, line / 2, line / 2))
            label = fmt.channel_label(channel, self.lang)
            painter.setPen(text)
            painter.drawText(
                QRectF(x + line * 0.7, 4, 400, line), Qt.AlignmentFlag.AlignLeft, label
            )
            x += line * 0.7 + metrics.horizontalAdvance(label) + 16
        painter.end()

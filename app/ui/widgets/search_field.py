"""The large search field the knowledge base and the case history share: the words the
agent types while a citizen talks, readable at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


def search_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setClearButtonEnabled(True)
    font = field.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    field.setFont(font)
    field.setMinimumHeight(field.fontMetrics().height() + 14)
    return field

"""How a field with a problem looks: its message in dark red under it, and the field
outlined (the form's style sheet draws `[invalid="true"]`)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #a40000;"


def error_label(parent: QWidget) -> QLabel:
    """A hidden, wrapping message line for one field."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def mark(editor: QWidget | None, label: QLabel | None, text: str) -> None:
    if label is not None:
        label.setText(text)
        label.show()
    _outline(editor, True)


def unmark(editor: QWidget | None, label: QLabel | None) -> None:
    if label is not None:
        label.hide()
    _outline(editor, False)


def _outline(editor: QWidget | None, on: bool) -> None:
    if editor is not None:
        editor.setProperty("invalid", on)
        editor.style().polish(editor)  # the style sheet reads the property on polish

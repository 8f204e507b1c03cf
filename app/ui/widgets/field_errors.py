"""How a field with a problem looks: its message in dark red under it, wrapping, and the
field outlined (the form's style sheet draws `[invalid="true"]`). The outline and the
message go as soon as the agent changes the field: what is left marked is what is still
to fix."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

ERROR_STYLE = "color: #a40000;"
_WATCHED = "unmarkOnEdit"  # the editor's edit signal is connected (once)


def error_label(parent: QWidget) -> QLabel:
    """A hidden, wrapping message line for one field: as tall as its lines need, never
    squeezed to one."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


def mark(editor: QWidget | None, label: QLabel | None, text: str) -> None:
    if label is not None:
        label.setText(text)
        label.show()
    _outline(editor, True)
    if editor is not None:
        _unmark_on_edit(editor, label)


def unmark(editor: QWidget | None, label: QLabel | None) -> None:
    if label is not None:
        label.hide()
    _outline(editor, False)


def _outline(editor: QWidget | None, on: bool) -> None:
    if editor is not None and bool(editor.property("invalid")) != on:
        editor.setProperty("invalid", on)
        editor.style().polish(editor)  # the style sheet reads the property on polish


def _unmark_on_edit(editor: QWidget, label: QLabel | None) -> None:
    """The agent's change to the field (typing, a choice) takes its mark away: it is
    being fixed. Connected once per field."""
    if editor.property(_WATCHED):
        return
    editor.setProperty(_WATCHED, True)

    def edited(*_args: object) -> None:
        if editor.property("invalid"):
            unmark(editor, label)

    if isinstance(editor, QLineEdit):
        editor.textEdited.connect(edited)
    elif isinstance(editor, QComboBox):
        editor.activated.connect(edited)
        line = editor.lineEdit()
        if line is not None:
            line.textEdited.connect(edited)
    elif isinstance(editor, QPlainTextEdit):
        editor.textChanged.connect(edited)
    elif isinstance(editor, QListWidget):
        editor.itemChanged.connect(edited)
    elif isinstance(editor, QAbstractButton):
        editor.toggled.connect(edited)

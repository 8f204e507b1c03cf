"""Keys the console's windows share: Entrée (either key), and Ctrl+Entrée to save the
text being typed where Entrée alone starts a new line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_ctrl_enter(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in ENTER
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


class CtrlEnter(QObject):
    """Calls `action` on Ctrl+Enter in the watched widget (Enter alone starts a new line)."""

    def __init__(self, parent: QObject, action: Callable[[], object]) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_ctrl_enter(event):
            self._action()
            return True
        return super().eventFilter(watched, event)


def on_ctrl_enter(widget: QObject, action: Callable[[], object]) -> None:
    widget.installEventFilter(CtrlEnter(widget, action))

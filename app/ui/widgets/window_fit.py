"""Windows that fit the agent's screen, a 1280×720 or 1366×768 laptop as much as a desktop
monitor: a window never opens, restores or grows larger than its screen's available area
(the desktop less its panels), and it stays inside that area. A dialog whose message
wraps onto more lines grows to show it (never beyond the screen) rather than squeezing
its fields."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

# Until the window manager has framed a window its frame is unknown: room for a title bar
# and borders, so that a window sized before it is shown still fits once framed.
FRAME_GUESS = QMargins(4, 32, 4, 4)
MARGIN = 16  # around a field scrolled into view


def available_area(window: QWidget) -> QRect:
    """The available geometry of the window's screen (the primary one before it has one)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:
        return FRAME_GUESS
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def room(window: QWidget) -> QRect:
    """Where the window's inside (its geometry without the frame) may go."""
    return available_area(window).marginsRemoved(frame_margins(window))


def fit(window: QWidget, size: QSize | None = None) -> None:
    """At most `size` (else its current size) and at most the room on its screen; moved
    back inside that room when it was placed (a saved geometry, a dialog centred on its
    parent) partly outside it. A window the window manager has not placed yet is left
    where it will be placed."""
    if window.isMaximized() or window.isFullScreen():
        return
    space = room(window)
    wanted = size or window.size()
    width = max(min(wanted.width(), space.width()), window.minimumWidth())
    height = max(min(wanted.height(), space.height()), window.minimumHeight())
    if QSize(width, height) != window.size():
        window.resize(width, height)
    if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        return
    inner = window.geometry()
    x = max(space.left(), min(inner.x(), space.right() + 1 - width))
    y = max(space.top(), min(inner.y(), space.bottom() + 1 - height))
    if (x, y) != (inner.x(), inner.y()):
        margins = frame_margins(window)
        window.move(x - margins.left(), y - margins.top())  # move() places the frame


def needed_height(window: QWidget) -> int:
    """The height the window's layout needs at its present width, wrapped lines included
    (a top-level window's minimum size does not count them)."""
    height = window.minimumSizeHint().height()
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, window.heightForWidth(window.width()))
    return height


class _Keeper(QObject):
    def __init__(self, window: QWidget, grow: bool) -> None:
        super().__init__(window)
        self._window = window
        self._grow = grow
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Show:
                fit(self._window)
            elif event.type() == QEvent.Type.LayoutRequest and self._grow and not self._pending:
                self._pending = True  # once the layout has settled
                QTimer.singleShot(0, self, self._grow_to_content)
        return False

    def _grow_to_content(self) -> None:
        self._pending = False
        window = self._window
        if not window.isVisible() or window.isMaximized() or window.isFullScreen():
            return
        height = min(needed_height(window), room(window).height())
        if height > window.height():
            window.resize(window.width(), height)
            fit(window)


def keep_on_screen(window: QWidget, grow: bool = True) -> None:
    """Each time the window is shown it fits its screen; with `grow`, a message shown in
    it later makes it taller (up to the screen) instead of squeezing its fields."""
    _Keeper(window, grow)


class _FocusFollower(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The area's children (this one too) go last when it is destroyed: a focused field
        # destroyed before them still moves the focus, with the area itself already gone.
        if not shiboken6.isValid(self._area):
            return
        area, content = self._area, self._area.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            return
        where = QRect(new.mapTo(content, QPoint(0, 0)), new.size())
        if where.height() + 2 * MARGIN <= area.viewport().height():
            # The whole field (a text box's last line too), not only its cursor's line.
            centre = where.center()
            area.ensureVisible(
                centre.x(), centre.y(), where.width() // 2 + MARGIN, where.height() // 2 + MARGIN
            )
        else:
            area.ensureWidgetVisible(new, MARGIN, MARGIN)


def scroll_to_focus(area: QScrollArea) -> None:
    """Whatever takes the keyboard inside the scroll area (Tab, Alt+letter, a field with
    a problem) is scrolled into view: on a small screen the form is taller than the
    window."""
    _FocusFollower(area)

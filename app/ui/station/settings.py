"""The console's settings as QSettings keeps them: every key and its default in one place.
A value that does not pass the rules (edited by hand, left by an older version) reads as
the default rather than stopping the console. The station code is not here: it lives in
the local store, with the case numbers that depend on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.validation import ValidationError
from app.services import settings_rules as rules

SERVER = "sync/server"
CA_BUNDLE = "sync/ca_bundle"
LANGUAGE = "ui/language"
FONT_SIZE = "ui/font_size"
GEOMETRY = "ui/geometry"
DEFAULT_CHANNEL = "work/default_channel"
RETENTION_DAYS = "privacy/retention_days"

T = TypeVar("T")

_system_font: QFont | None = None  # the application's font before any setting changed it


def _text(key: str) -> str:
    value = QSettings().value(key, "")
    return "" if value is None else str(value)


def _checked(check: Callable[[str], T], raw: str, default: T) -> T:
    try:
        return check(raw)
    except ValidationError:
        return default


def load() -> rules.ConsoleSettings:
    default = rules.ConsoleSettings()
    return rules.ConsoleSettings(
        # As remembered, unchecked: --server is kept as given, and the dialog must show it
        # (and refuse it until fixed) rather than quietly drop it.
        server_url=_text(SERVER).strip(),
        default_channel=_checked(
            rules.check_default_channel, _text(DEFAULT_CHANNEL), default.default_channel
        ),
        language=language(),
        retention_days=_checked(
            rules.check_retention_days,
            _text(RETENTION_DAYS) or str(default.retention_days),
            default.retention_days,
        ),
        font_size=_checked(rules.check_font_size, _text(FONT_SIZE), default.font_size),
    )


def save(settings: rules.ConsoleSettings) -> None:
    store = QSettings()
    store.setValue(SERVER, settings.server_url)
    store.setValue(DEFAULT_CHANNEL, settings.default_channel)
    store.setValue(LANGUAGE, settings.language)
    store.setValue(RETENTION_DAYS, settings.retention_days)
    store.setValue(FONT_SIZE, "" if settings.font_size is None else settings.font_size)


def language() -> str:
    """The interface language (system, fr or en): the one setting that the View menu and
    the settings dialog both change."""
    return _checked(rules.check_language, _text(LANGUAGE) or rules.SYSTEM, rules.SYSTEM)


def save_language(lang: str) -> None:
    QSettings().setValue(LANGUAGE, rules.check_language(lang))


def retention_days() -> int:
    return load().retention_days


def apply_font_size(points: int | None) -> None:
    """The whole application in that size now (None: back to the system's own). Text
    drawn larger or smaller than the rest (the case number read to the citizen, titles,
    figures) keeps its proportion: a widget that set its own font size follows the new
    size, scaled as it was, instead of staying at the size it was built with."""
    global _system_font
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_font is None:
        _system_font = QFont(app.font())
    before = app.font().pointSizeF()
    # Each widget's proportion to the font it was sized from, read before the change.
    scaled: list[tuple[QWidget, float]] = []
    if before > 0:
        for widget in app.allWidgets():
            size = widget.font().pointSizeF()
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and size > 0:
                scaled.append((widget, size / before))
    font = QFont(_system_font)
    if points is not None:
        font.setPointSize(points)
    app.setFont(font)
    after = app.font().pointSizeF()
    for widget, ratio in scaled:
        own = QFont(widget.font())
        own.setPointSizeF(round(after * ratio, 1))
        widget.setFont(own)
    # A widget with its own style sheet took its font when polished and does not follow
    # the application's: polishing it again makes it.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())

"""Type-ahead for the type of request, over French and English names and keywords."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.domain.catalogue import Catalogue, Service
from app.services.service_search import match_services


class ServicePicker(QLineEdit):
    """The chosen service is `service`; editing the text away from its name unsets it."""

    serviceChanged = Signal(object)  # Service | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicePicker")
        self.setClearButtonEnabled(True)
        self.catalogue: Catalogue | None = None
        self.service: Service | None = None
        self._lang = "fr"
        self._shown: dict[str, Service] = {}
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(10)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._on_activated)
        self.textEdited.connect(self._on_edited)
        self.installEventFilter(self)

    def set_catalogue(self, catalogue: Catalogue | None, lang: str) -> None:
        self.catalogue = catalogue
        self._lang = lang

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.service is not None:
            self.setText(self._label(self.service))

    def choose(self, code: str) -> bool:
        service = self.catalogue.services.get(code) if self.catalogue else None
        if service is None:
            return False
        self._set(service)
        return True

    def clear_choice(self) -> None:
        self.clear()
        self._set(None)

    def _label(self, service: Service) -> str:
        return f"{service.name(self._lang)} ({service.code})"

    def _set(self, service: Service | None) -> None:
        changed = service is not self.service
        self.service = service
        if service is not None:
            self.setText(self._label(service))
        if changed:
            self.serviceChanged.emit(service)

    def matches(self, text: str) -> list[Service]:
        if self.catalogue is None:
            return []
        return match_services(self.catalogue, text, self._lang, limit=12)

    def _on_edited(self, text: str) -> None:
        if self.service is not None and text != self._label(self.service):
            self._set(None)
        found = self.matches(text) if text.strip() else []
        self._shown = {self._label(s): s for s in found}
        self._model.setStringList(list(self._shown))
        if found:
            self._completer.complete()
        else:
            self._hide_popup()

    def _on_activated(self, text: str) -> None:
        service = self._shown.get(text)
        if service is not None:
            self._set(service)

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter with the list closed takes the best match: type "nid", Enter, done.
        if (
            watched is self
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self.service is None
        ):
            found = self.matches(self.text())
            if found:
                self._set(found[0])
                self._hide_popup()
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

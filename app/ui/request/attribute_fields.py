"""The fields a service asks for, generated from its Open311 attribute definitions.

What the agent types is kept per attribute code while they switch services, so picking
the wrong type of request first and correcting it loses nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Attribute, Service
from app.ui.widgets.field_errors import error_label, mark, unmark


class AttributeFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeFields")
        self._service: Service | None = None
        self._lang = "fr"
        self._kept: dict[str, Any] = {}  # code -> raw value, across services
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # Every field as wide as the column: a message under a short list wraps there, not
        # in the list's width (three clipped lines under a combo box).
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    # -- public -------------------------------------------------------------------------
    def set_service(self, service: Service | None, lang: str) -> None:
        self._keep_current()
        self._service = service
        self._lang = lang
        self._rebuild()

    def set_language(self, lang: str) -> None:
        self.set_service(self._service, lang)

    def values(self) -> dict[str, Any]:
        """The raw values of the current service's fields, empty ones left out."""
        out: dict[str, Any] = {}
        if self._service is None:
            return out
        for attr in self._service.attributes:
            value = self._read(attr)
            if value not in ("", [], None):
                out[attr.code] = value
        return out

    def clear(self) -> None:
        self._kept.clear()
        self._rebuild()

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the current service's fields with raw values (a draft given back)."""
        self._kept.update(values)
        self._rebuild()

    def show_problem(self, code: str, text: str) -> QWidget | None:
        if code not in self.errors:
            return None
        mark(self.editors[code], self.errors[code], text)
        return self.editors[code]

    def clear_problems(self) -> None:
        for code, label in self.errors.items():
            unmark(self.editors[code], label)

    # -- building -----------------------------------------------------------------------
    def _label(self, attr: Attribute) -> str:
        text = attr.description_en if self._lang == "en" and attr.description_en else ""
        text = text or attr.description_fr
        return f"{text} *" if attr.required else text

    def _rebuild(self) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        if self._service is None:
            return
        for attr in sorted(self._service.attributes, key=lambda a: a.order):
            box = QWidget(self)
            editor = self._editor(attr, box)
            editor.setObjectName(f"attr_{attr.code}")
            editor.setAccessibleName(self._label(attr))
            error = error_label(box)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            # A buddy's "&" is a mnemonic: the catalogue's own "&" is shown as typed.
            label = QLabel(self._label(attr).replace("&", "&&"), self)
            label.setBuddy(editor)
            label.setWordWrap(True)
            self._layout.addRow(label, box)
            # Shown now, not at the next turn of the event loop: the agent may press Tab
            # into them in the same breath as picking the service.
            label.show()
            box.show()
            self.editors[attr.code] = editor
            self.errors[attr.code] = error
            self._restore(attr, editor)

    def _value_name(self, key: str, name_fr: str, name_en: str) -> str:
        return (name_en if self._lang == "en" and name_en else name_fr) or key

    def _editor(self, attr: Attribute, parent: QWidget) -> QWidget:
        if attr.datatype == "singlevaluelist":
            combo = QComboBox(parent)
            combo.addItem("—", "")
            for v in attr.values:
                combo.addItem(self._value_name(v.key, v.name_fr, v.name_en), v.key)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            return combo
        if attr.datatype == "multivaluelist":
            items = QListWidget(parent)
            for v in attr.values:
                item = QListWidgetItem(self._value_name(v.key, v.name_fr, v.name_en), items)
                item.setData(Qt.ItemDataRole.UserRole, v.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            rows = max(1, len(attr.values))
            items.setMaximumHeight(items.sizeHintForRow(0) * min(rows, 6) + 8)
            items.itemChanged.connect(lambda _i: self.changed.emit())
            return items
        if attr.datatype == "text":
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setMaximumHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            text.textChanged.connect(self.changed.emit)
            return text
        line = QLineEdit(parent)
        if attr.datatype == "datetime":
            line.setPlaceholderText(self.tr("AAAA-MM-JJ HH:MM"))
        elif attr.datatype == "number":
            line.setPlaceholderText(self.tr("nombre"))
        line.textChanged.connect(lambda _t: self.changed.emit())
        return line

    # -- values -------------------------------------------------------------------------
    def _read(self, attr: Attribute) -> Any:
        editor = self.editors.get(attr.code)
        if isinstance(editor, QComboBox):
            return editor.currentData() or ""
        if isinstance(editor, QListWidget):
            return [
                editor.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QLineEdit):
            return editor.text()
        return ""

    def _keep_current(self) -> None:
        if self._service is None:
            return
        for attr in self._service.attributes:
            if attr.code in self.editors:
                self._kept[attr.code] = self._read(attr)

    def _restore(self, attr: Attribute, editor: QWidget) -> None:
        value = self._kept.get(attr.code)
        if value in (None, "", []):
            return
        if isinstance(editor, QComboBox):
            index = editor.findData(value if isinstance(value, str) else "")
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QListWidget):
            chosen = set(value) if isinstance(value, list) else set()
            for i in range(editor.count()):
                item = editor.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value if isinstance(value, str) else "")
        elif isinstance(editor, QLineEdit):
            editor.setText(value if isinstance(value, str) else "")

"""A case's own fields made editable in its detail: the description and where the problem
is. Each problem shows under its field and what the agent typed stays; Ctrl+Enter saves,
Esc gives up. Display and input only: the case panel saves off the UI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Catalogue
from app.domain.text import fold_all
from app.domain.validation import FieldProblem
from app.services.case_lookup import CaseDetail
from app.ui.widgets import formatting as fmt
from app.ui.widgets.field_errors import error_label, mark, unmark
from app.ui.widgets.keys import ENTER

FIELDS = ("description", "civic_number", "street", "postal_code", "arrondissement")
# A field with a problem is outlined as on the request form (field_errors.mark sets it).
EDITOR_STYLE = '*[invalid="true"] { border: 2px solid #a40000; border-radius: 3px; }'


class CaseEditor(QWidget):
    saveRequested = Signal()  # Enregistrer, or Ctrl+Enter in a field
    cancelRequested = Signal()  # Annuler, or Esc in a field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self._lang = "fr"
        self.case_number: str | None = None
        self._shown: dict[str, str] = {}  # the values the fields were filled with
        self._catalogue: Catalogue | None = None
        # Correcting a change the central store refused: its outbox seq (None: an edit).
        self.resend_seq: int | None = None
        # The central store's revision of the case when the correction began: it is sent
        # on that one, so a colleague's change that comes in meanwhile cannot be replaced
        # unseen.
        self.revision = 0

        self.description = QPlainTextEdit(self)
        self.description.setObjectName("editDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 5 + 16)
        self.civic = QLineEdit(self)
        self.civic.setObjectName("editCivicNumber")
        self.civic.setMaximumWidth(140)
        self.street = QLineEdit(self)
        self.street.setObjectName("editStreet")
        self.postal = QLineEdit(self)
        self.postal.setObjectName("editPostalCode")
        self.postal.setMaximumWidth(140)
        self.arrondissement = QComboBox(self)
        self.arrondissement.setObjectName("editArrondissement")
        # Typed, with a completer matching anywhere, as on the request form: "plateau"
        # finds "Le Plateau-Mont-Royal" among 34 places.
        self.arrondissement.setEditable(True)
        self.arrondissement.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.arrondissement.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        self.editors: dict[str, QWidget] = {
            "description": self.description,
            "civic_number": self.civic,
            "street": self.street,
            "postal_code": self.postal,
            "arrondissement": self.arrondissement,
        }
        self.errors = {name: error_label(self) for name in FIELDS}
        self.general_error = error_label(self)
        self.general_error.setObjectName("caseEditError")
        # A colleague's change that came in while the agent types: said, the typing kept.
        self.store_notice = QLabel(self)
        self.store_notice.setObjectName("caseEditStoreNotice")
        self.store_notice.setWordWrap(True)
        self.store_notice.setStyleSheet(
            "#caseEditStoreNotice { color: #6b3a00; background: #fff1d6; border: 1px solid"
            " #6b3a00; border-radius: 4px; padding: 4px 6px; }"
        )
        self.store_notice.hide()
        self.labels = {name: QLabel(self) for name in FIELDS}
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("caseEditSave")
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.saveRequested)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("caseEditCancel")
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self._build_layout()
        for name, editor in self.editors.items():
            self.labels[name].setBuddy(editor)
            editor.installEventFilter(self)
        line = self.arrondissement.lineEdit()
        if line is not None:
            line.installEventFilter(self)
            line.textEdited.connect(lambda _t: self._clear("arrondissement"))
        self.description.textChanged.connect(lambda: self._clear("description"))
        for name, edit in (
            ("civic_number", self.civic),
            ("street", self.street),
            ("postal_code", self.postal),
        ):
            edit.textEdited.connect(lambda _t, n=name: self._clear(n))
        for button in (self.save_button, self.cancel_button):
            button.installEventFilter(self)
        self.retranslate()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name in FIELDS:
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.editors[name])
            column.addWidget(self.errors[name])
            form.addRow(self.labels[name], cell)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.store_notice)
        outer.addLayout(form)
        outer.addWidget(self.general_error)
        outer.addLayout(buttons)
        previous: QWidget = self.description
        for widget in (*list(self.editors.values())[1:], self.save_button, self.cancel_button):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def retranslate(self) -> None:
        captions = {
            "description": self.tr("Description :"),
            "civic_number": self.tr("N° civique :"),
            "street": self.tr("Rue :"),
            "postal_code": self.tr("Code postal :"),
            "arrondissement": self.tr("Arrondissement :"),
        }
        for name, label in self.labels.items():
            label.setText(captions[name])
            self.editors[name].setAccessibleName(captions[name].rstrip(" :"))
        self._save_text()
        self.cancel_button.setText(self.tr("Annuler (Échap)"))
        self._fill_arrondissements(None)

    def _save_text(self) -> None:
        if self.resend_seq is None:
            self.save_button.setText(self.tr("Enregistrer (Ctrl+Entrée)"))
        else:
            self.save_button.setText(self.tr("Renvoyer au stockage central (Ctrl+Entrée)"))

    # -- filling --------------------------------------------------------------------------
    def start(
        self,
        detail: CaseDetail,
        catalogue: Catalogue | None,
        values: dict[str, str] | None = None,
        resend_seq: int | None = None,
    ) -> None:
        """The case's current values in the fields (or `values`: what a refused change
        wanted), ready to correct; with `resend_seq`, the correction resends that change."""
        case = detail.summary
        self.case_number = case.case_number
        self.resend_seq = resend_seq
        self.revision = detail.revision
        self.store_notice.hide()
        self._shown = values or {
            "description": detail.description,
            "civic_number": case.civic_number,
            "street": case.street,
            "postal_code": detail.postal_code,
            "arrondissement": case.arrondissement,
        }
        self._catalogue = catalogue
        self.description.setPlainText(self._shown["description"])
        self.civic.setText(self._shown["civic_number"])
        self.street.setText(self._shown["street"])
        self.postal.setText(self._shown["postal_code"])
        self._fill_arrondissements(self._shown["arrondissement"])
        self._save_text()
        self.clear_problems()
        self.set_busy(False)

    def _fill_arrondissements(self, code: str | None) -> None:
        box = self.arrondissement
        catalogue = self._catalogue
        keep_text = code is None  # a language change: what was typed stays
        typed, current = box.currentText(), str(box.currentData() or "")
        box.blockSignals(True)
        box.clear()
        box.addItem("", "")
        places = sorted(
            catalogue.routing.arrondissements.values() if catalogue is not None else (),
            key=lambda a: (a.kind, a.name),
        )
        for place in places:
            suffix = "" if place.kind == "arrondissement" else self.tr(" (ville liée)")
            box.addItem(f"{place.name}{suffix}", place.code)
        wanted = current if keep_text else code
        if wanted and box.findData(wanted) < 0:
            box.addItem(wanted, wanted)  # a code this workstation's catalogue lacks
        box.setCurrentIndex(max(0, box.findData(wanted)))
        if keep_text and typed != box.currentText():
            box.setEditText(typed)
        box.blockSignals(False)

    # -- reading --------------------------------------------------------------------------
    def arrondissement_code(self) -> str:
        """The place chosen; else the one place the typed words start; else the text
        itself, which the check then names as unknown (nothing typed is dropped)."""
        box = self.arrondissement
        typed = box.currentText().strip()
        if box.currentIndex() >= 0 and typed == box.itemText(box.currentIndex()):
            return str(box.currentData() or "")
        wanted = fold_all(typed)
        if not wanted:
            return ""
        found = [
            i
            for i in range(1, box.count())
            if all(any(w.startswith(x) for w in fold_all(box.itemText(i))) for x in wanted)
        ]
        return str(box.itemData(found[0])) if len(found) == 1 else typed

    def typed(self) -> dict[str, str]:
        return {
            "description": self.description.toPlainText(),
            "civic_number": self.civic.text(),
            "street": self.street.text(),
            "postal_code": self.postal.text(),
            "arrondissement": self.arrondissement_code(),
        }

    def changes(self) -> dict[str, str]:
        """Only what the agent changed: an untouched field is neither checked nor sent."""
        return {name: value for name, value in self.typed().items() if value != self._shown[name]}

    def store_changed(self, detail: CaseDetail, at: str) -> None:
        """The case came in changed from the central store while the agent corrects it:
        the fields keep what was typed; the notice names the corrected fields the store
        changed (saving then makes a field changed on both sides a conflict to settle)."""
        case = detail.summary
        now = {
            "description": detail.description,
            "civic_number": case.civic_number,
            "street": case.street,
            "postal_code": detail.postal_code,
            "arrondissement": case.arrondissement,
        }
        changed = [name for name in FIELDS if now[name] != self._shown.get(name, now[name])]
        if changed:
            names = ", ".join(self.labels[name].text().rstrip(" :") for name in changed)
            text = (
                self.tr(
                    "Modifié par le stockage central pendant votre correction (à %1) : %2. "
                    "Vos saisies sont gardées ; un champ que vous changez aussi deviendra un "
                    "conflit à régler à l'enregistrement."
                )
                .replace("%1", at)
                .replace("%2", names)
            )
        else:
            text = self.tr(
                "Modifié par le stockage central pendant votre correction (à %1) : les champs "
                "que vous corrigez n'ont pas changé."
            ).replace("%1", at)
        self.store_notice.setText(text)
        self.store_notice.show()

    # -- problems -------------------------------------------------------------------------
    def show_problems(
        self,
        problems: Sequence[FieldProblem],
        text: Callable[[FieldProblem], str] = fmt.problem_text,
    ) -> None:
        """Each problem under its field (`text` words it), the first field focused."""
        self.clear_problems()
        first: QWidget | None = None
        general: list[str] = []
        for problem in problems:
            editor = self.editors.get(problem.field)
            if editor is None:
                general.append(fmt.problem_text(problem))
                continue
            mark(editor, self.errors[problem.field], text(problem))
            first = first or editor
        if general:
            self.show_error("\n".join(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()

    def clear_problems(self) -> None:
        for name in FIELDS:
            unmark(self.editors[name], self.errors[name])
        self.general_error.hide()

    def _clear(self, name: str) -> None:
        unmark(self.editors[name], self.errors[name])

    def set_busy(self, busy: bool) -> None:
        # Read-only while saving: what is shown after the save is exactly what was sent.
        self.description.setReadOnly(busy)
        for edit in (self.civic, self.street, self.postal):
            edit.setReadOnly(busy)
        self.arrondissement.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # -- keyboard -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            escape = event.key() == Qt.Key.Key_Escape
            save = event.key() in ENTER and ctrl
            if escape or save:
                if kind == QEvent.Type.ShortcutOverride:
                    # Ours, not the panel's: Esc there goes back to the search field.
                    event.accept()
                    return True
                (self.cancelRequested if escape else self.saveRequested).emit()
                return True
        return super().eventFilter(watched, event)

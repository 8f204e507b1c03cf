"""What a case says when the central store refused a change to it: "Refusé par le
stockage central", each refused change with the store's reasons (field and message, in
the agent's language where the message is a known one, else as the store wrote it), and
the two ways out: correct and resend, or drop. A case the store has no copy of (its
creation was dropped) says so, with the way to remove it from the workstation. Display
only: the case panel acts, off the UI thread."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.validation import FieldProblem
from app.services.case_lookup import CaseDetail
from app.services.outbox import CITIZEN, CREATE, INTERACTION, NOTE, UPDATE, Refusal
from app.ui.widgets import formatting as fmt
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.keys import is_ctrl_enter
from app.ui.widgets.window_fit import keep_on_screen

# Dark red on light red, as overdue cases (about 8:1).
REFUSED_FG = "#8b0000"
REFUSED_BG = "#fde8e8"


def field_label(field: str) -> str:
    """A field the central store named, as the agent knows it."""
    names = {
        "description": QCoreApplication.translate("RefusalTexts", "Description"),
        "civic_number": QCoreApplication.translate("RefusalTexts", "N° civique"),
        "street": QCoreApplication.translate("RefusalTexts", "Rue"),
        "postal_code": QCoreApplication.translate("RefusalTexts", "Code postal"),
        "arrondissement": QCoreApplication.translate("RefusalTexts", "Arrondissement"),
        "text": QCoreApplication.translate("RefusalTexts", "Note"),
        "service_code": QCoreApplication.translate("RefusalTexts", "Type de demande"),
        "citizen_id": QCoreApplication.translate("RefusalTexts", "Citoyen"),
        "channel": QCoreApplication.translate("RefusalTexts", "Canal"),
        "created_at": QCoreApplication.translate("RefusalTexts", "Date de saisie"),
        "due_at": QCoreApplication.translate("RefusalTexts", "Échéance"),
        "case_number": QCoreApplication.translate("RefusalTexts", "Numéro de dossier"),
        "agent": QCoreApplication.translate("RefusalTexts", "Agent"),
        "attributes": QCoreApplication.translate("RefusalTexts", "Précisions"),
        "lat": QCoreApplication.translate("RefusalTexts", "Coordonnées"),
        "long": QCoreApplication.translate("RefusalTexts", "Coordonnées"),
        "parent": QCoreApplication.translate("RefusalTexts", "Dossier d'origine"),
        "status": QCoreApplication.translate("RefusalTexts", "Statut"),
        "base_revision": QCoreApplication.translate("RefusalTexts", "Version du dossier"),
    }
    if field.startswith("attribute["):
        return QCoreApplication.translate("RefusalTexts", "Précisions")
    return names.get(field, field)


def problem_text(problem: FieldProblem) -> str:
    """The store's reason, in the agent's language when it is a known one."""
    text = fmt.problem_text(problem) if problem.code else ""
    if not text or text == problem.message:
        # Not one the console knows: the store's own words, quoted.
        text = QCoreApplication.translate(
            "RefusalTexts", "« %1 » (message du stockage central)"
        ).replace("%1", problem.message)
    return text


def problem_line(problem: FieldProblem) -> str:
    return (
        QCoreApplication.translate("RefusalTexts", "%1 : %2")
        .replace("%1", field_label(problem.field))
        .replace("%2", problem_text(problem))
    )


def change_label(type_: str) -> str:
    """The refused change, as a title."""
    return {
        CREATE: QCoreApplication.translate("RefusalTexts", "Création de la demande"),
        UPDATE: QCoreApplication.translate("RefusalTexts", "Modification du dossier"),
        NOTE: QCoreApplication.translate("RefusalTexts", "Note"),
        "request.attach_citizen": QCoreApplication.translate(
            "RefusalTexts", "Ajout d'un citoyen au dossier"
        ),
        "request.link": QCoreApplication.translate("RefusalTexts", "Lien de doublon"),
        CITIZEN: QCoreApplication.translate("RefusalTexts", "Fiche du citoyen"),
        INTERACTION: QCoreApplication.translate("RefusalTexts", "Interaction"),
    }.get(type_, type_)


def _esc(text: str) -> str:
    return html.escape(text)


class RefusalBanner(QFrame):
    """Above the case's facts, while the store refuses a change to it or has no copy."""

    correctRequested = Signal(int)  # outbox seq of the refused operation
    dropRequested = Signal(int)
    removeRequested = Signal()  # the case the store has no copy of

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusalBanner")
        self.setStyleSheet(
            f"#refusalBanner {{ background: {REFUSED_BG}; border: 1px solid {REFUSED_FG};"
            " border-radius: 4px; }"
            f" #refusalBanner QLabel {{ color: {REFUSED_FG}; }}"
        )
        self.title = QLabel(self)
        self.title.setObjectName("refusalTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(self.rows)
        self.buttons: list[QPushButton] = []  # in reading order, for the tab chain
        self.detail: CaseDetail | None = None
        self._shown: object = None  # what the rows say: rebuilt only when it changes
        self.hide()

    def show_case(self, detail: CaseDetail | None, can_correct: bool, can_drop: bool) -> None:
        """`can_correct`: this workstation can save corrections (a profile, an open case);
        `can_drop`: it can record a drop (a profile)."""
        self.detail = detail
        refused = detail is not None and (detail.refusals or detail.waiting_on_creation)
        absent = detail is not None and detail.sync_state == "absent"
        # The case read again after a sync round, unchanged: the same buttons stay, and
        # the keyboard focus with them. (The title's text follows the language.)
        shown = (
            None
            if detail is None
            else (
                detail.summary.case_number,
                detail.refusals,
                detail.waiting_on_creation,
                absent,
                can_correct,
                can_drop,
                self.tr("Refusé par le stockage central"),
            )
        )
        if shown == self._shown and (refused or absent):
            return
        self._shown = shown
        self._clear()
        if detail is None or not (refused or absent):
            self.hide()
            return
        if refused:
            self.title.setText(self.tr("Refusé par le stockage central"))
            for refusal in detail.refusals:
                self._refusal_row(detail, refusal, can_correct, can_drop)
        else:
            self.title.setText(self.tr("Le stockage central n'a aucune copie de ce dossier"))
            self._absent_row(can_drop)
        self.show()

    def _clear(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = []

    def _text(self, parent: QWidget, text: str, name: str = "") -> QLabel:
        label = QLabel(parent)
        if name:
            label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setText(text)
        return label

    def _button(self, parent: QWidget, text: str, name: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter on the focused button
        self.buttons.append(button)
        return button

    def _refusal_row(
        self, detail: CaseDetail, refusal: Refusal, can_correct: bool, can_drop: bool
    ) -> None:
        row = QWidget(self)
        row.setObjectName(f"refusal-{refusal.seq}")
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        title = self.tr("%1, refusée le %2").replace("%1", change_label(refusal.type))
        title = title.replace("%2", fmt.when(refusal.created_at))
        lines = [f"<b>{_esc(title)}</b>"]
        reasons = [f"• {_esc(problem_line(p))}" for p in refusal.problems]
        if not reasons:
            reasons = [_esc(self.tr("• Le stockage central n'a pas donné de raison."))]
        lines += reasons
        if refusal.blocked:
            names = ", ".join(dict.fromkeys(field_label(f) for f in refusal.blocked))
            lines.append(
                "<i>"
                + _esc(
                    self.tr(
                        "Ne se corrige pas depuis ce dossier (%1) : seul l'abandon de la "
                        "modification est possible."
                    ).replace("%1", names)
                )
                + "</i>"
            )
        if refusal.type == CREATE and detail.waiting_on_creation:
            lines.append(
                _esc(
                    self.tr(
                        "%n autre(s) modification(s) de ce dossier attend(ent) sa création : "
                        "renvoyée(s) en même temps.",
                        "",
                        detail.waiting_on_creation,
                    )
                )
            )
        label = self._text(row, "<br>".join(lines), "refusalText")
        label.setAccessibleName(self.tr("Refusé par le stockage central"))
        column.addWidget(label)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        if refusal.can_resend and can_correct:
            correct = self._button(row, self.tr("Corriger et renvoyer (Ctrl+E)"), "refusalCorrect")
            correct.clicked.connect(lambda _=False, s=refusal.seq: self.correctRequested.emit(s))
            buttons.addWidget(correct)
        if can_drop:
            drop = self._button(row, self.tr("Abandonner la modification…"), "refusalDrop")
            if refusal.type == CREATE:
                drop.setText(self.tr("Abandonner la création…"))
            drop.clicked.connect(lambda _=False, s=refusal.seq: self.dropRequested.emit(s))
            buttons.addWidget(drop)
        column.addLayout(buttons)
        self.rows.addWidget(row)

    def _absent_row(self, can_remove: bool) -> None:
        row = QWidget(self)
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        text = self.tr(
            "Sa création a été abandonnée et le stockage central ne l'a jamais reçue. Ce "
            "dossier n'existe que sur ce poste ; retirez-le quand vous voulez."
        )
        column.addWidget(self._text(row, _esc(text), "refusalText"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if can_remove:
            remove = self._button(row, self.tr("Retirer ce dossier du poste…"), "refusalRemove")
            remove.clicked.connect(self.removeRequested)
            buttons.addWidget(remove)
        column.addLayout(buttons)
        self.rows.addWidget(row)

    def first_correctable(self) -> Refusal | None:
        """The refusal Ctrl+E corrects: the first a correction form can resend."""
        detail = self.detail
        if detail is None:
            return None
        return next(
            (r for r in detail.refusals if r.can_resend and r.type in (CREATE, UPDATE)), None
        )


class NoteCorrection(QDialog):
    """A refused note's text, to correct and resend (Ctrl+Entrée), or Échap to leave it."""

    submitted = Signal(str)

    def __init__(self, refusal: Refusal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteCorrection")
        self.refusal = refusal
        self.setWindowTitle(self.tr("Corriger la note refusée"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        reasons = "\n".join(f"• {problem_line(p)}" for p in refusal.problems)
        self.intro.setText(self.tr("Le stockage central a refusé cette note :") + "\n" + reasons)
        self.field = QPlainTextEdit(self)
        self.field.setObjectName("noteCorrectionField")
        self.field.setTabChangesFocus(True)
        self.field.setPlainText(str(refusal.data.get("text") or ""))
        self.field.setAccessibleName(self.tr("Texte de la note"))
        self.field.installEventFilter(self)
        self.error = QLabel(self)
        self.error.setObjectName("noteCorrectionError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            self.tr("Renvoyer (Ctrl+Entrée)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        keep_on_screen(self)
        self.field.setFocus()

    def _submit(self) -> None:
        if self.send_button.isEnabled():
            self.submitted.emit(self.field.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_ctrl_enter(event):
            self._submit()
            return True
        return super().eventFilter(watched, event)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.field.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.field.setReadOnly(busy)
        self.send_button.setEnabled(not busy)

"""Réactiver: a closed case the citizen says is not done is reopened with the reason, the
only change an agent may make to a closed case (services.lifecycle). The reason stays in
the field until the reopening is saved; a problem is shown under it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.field_errors import error_label, mark, unmark
from app.ui.widgets.keys import on_ctrl_enter
from app.ui.widgets.window_fit import keep_on_screen


class ReopenDialog(QDialog):
    reopenRequested = Signal(str, str)  # case number, reason

    def __init__(self, case_number: str, service: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.case_number = case_number
        self.setWindowTitle(self.tr("Réactiver le dossier %1").replace("%1", case_number))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "Le dossier %1 (%2) est fermé. Le citoyen dit que ce n'est pas réglé : le "
                "dossier redeviendra « Réactivée » et retournera à l'unité responsable."
            )
            .replace("%1", case_number)
            .replace("%2", service)
        )
        self.reason_label = QLabel(self.tr("&Raison (ce que signale le citoyen) :"), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 16)
        self.reason_label.setBuddy(self.reason)
        self.problem = error_label(self)
        self.problem.setObjectName("reopenProblem")
        self.reason.textChanged.connect(lambda: unmark(self.reason, self.problem))
        on_ctrl_enter(self.reason, self._ask)  # Entrée alone starts a new line
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Réactiver"))
        ok.setObjectName("reopenConfirm")
        self.buttons.accepted.connect(self._ask)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        keep_on_screen(self)
        self.reason.setFocus()

    def _ask(self) -> None:
        self.set_busy(True)
        self.reopenRequested.emit(self.case_number, self.reason.toPlainText())

    def set_busy(self, busy: bool) -> None:
        self.reason.setReadOnly(busy)
        self.buttons.setEnabled(not busy)

    def show_problem(self, text: str) -> None:
        self.set_busy(False)
        mark(self.reason, self.problem, text)
        self.reason.setFocus()

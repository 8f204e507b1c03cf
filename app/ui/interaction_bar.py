"""Start (F2) and end (F3) of each call, visit, e-mail or letter, with its outcome: the
interaction log the service indicators are computed from."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import request_terms as terms
from app.domain.validation import ValidationError
from app.services.interactions import OUTCOMES, InteractionView
from app.services.workspace import Workspace
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.window_fit import keep_on_screen


class OutcomeDialog(QDialog):
    """How the interaction ended: Up/Down or 1-4, then Enter."""

    def __init__(self, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Fin de l'interaction"))
        labels = {
            "information": self.tr("1  Information donnée"),
            "referral": self.tr("2  Référence vers un autre service"),
            "request": self.tr("3  Demande créée"),
            "transfer": self.tr("4  Transfert"),
        }
        self.choices = QListWidget(self)
        self.choices.setObjectName("outcomeChoices")
        for code in OUTCOMES:
            item = QListWidgetItem(labels[code], self.choices)
            item.setData(Qt.ItemDataRole.UserRole, code)
        self.choices.setCurrentRow(OUTCOMES.index(suggested))
        self.choices.setMaximumHeight(self.choices.sizeHintForRow(0) * len(OUTCOMES) + 8)
        self.choices.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Résultat de l'interaction :"), self))
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        keep_on_screen(self)
        self.choices.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = event.key() - Qt.Key.Key_1
        if 0 <= digit < len(OUTCOMES):
            self.choices.setCurrentRow(digit)
            self.accept()
            return
        super().keyPressEvent(event)

    @property
    def outcome(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else OUTCOMES[0]


class InteractionBar(QWidget):
    interactionChanged = Signal(object)  # InteractionView | None
    channelChanged = Signal(str)
    statusMessage = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionBar")
        self._background = background
        self.workspace: Workspace | None = None
        self.current: InteractionView | None = None
        self._cases = 0
        self._lang = "fr"
        self._busy = False  # a start or an end is being written: F2 twice opens one
        self.dialog: OutcomeDialog | None = None
        self.channel = QComboBox(self)
        self.channel.setObjectName("interactionChannel")
        for code in terms.CHANNELS:
            self.channel.addItem(code, code)
        self.channel.currentIndexChanged.connect(
            lambda _i: self.channelChanged.emit(self.channel.currentData())
        )
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startInteraction")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endInteraction")
        self.state = QLabel(self)
        self.state.setObjectName("interactionState")
        self.start_button.clicked.connect(self.start)
        self.end_button.clicked.connect(self.end)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.channel)
        layout.addWidget(self.start_button)
        layout.addWidget(self.end_button)
        layout.addWidget(self.state, 1)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_state)
        self.retranslate()

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if workspace is not None and workspace.profile is not None:
            self.set_channel(workspace.profile.default_channel)
            self._background.spawn(self._resume(workspace))
        self._show_state()

    def set_channel(self, code: str) -> None:
        index = self.channel.findData(code)
        if index >= 0:
            self.channel.setCurrentIndex(index)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.channel.count()):
            self.channel.setItemText(i, fmt.channel_label(self.channel.itemData(i), self._lang))
        self.channel.setToolTip(self.tr("Canal de l'interaction"))
        self.start_button.setText(self.tr("Début d'interaction (F2)"))
        self.end_button.setText(self.tr("Fin (F3)"))
        self._show_state()

    def case_saved(self) -> None:
        self._cases += 1

    async def _resume(self, workspace: Workspace) -> None:
        """An interaction left open (the console was closed mid-call) is carried on."""
        current = await self._background.run(workspace.current_interaction)
        if current is not None and self.current is None:
            self._set_current(current)

    def start(self) -> None:
        workspace = self.workspace
        if workspace is None or workspace.profile is None or self.current is not None:
            return
        if self._busy:
            return
        self._busy = True
        self._background.spawn(self._start(workspace, self.channel.currentData()))

    async def _start(self, workspace: Workspace, channel: str) -> None:
        try:
            # One left open (console closed mid-call, or still being resumed) is carried
            # on rather than doubled.
            view = await self._background.run(workspace.current_interaction)
            if view is None:
                view = await self._background.run(workspace.start_interaction, channel)
        except ValidationError as exc:
            self.statusMessage.emit(fmt.problem_text(exc.problems[0]))
            return
        finally:
            self._busy = False
        self._cases = 0
        self._set_current(view)

    def end(self) -> None:
        if self.current is None or self.workspace is None or self._busy:
            return
        suggested = "request" if self._cases or self.current.case_numbers else "information"
        self.dialog = OutcomeDialog(suggested, self.window())
        self.dialog.accepted.connect(self._outcome_chosen)
        self.dialog.open()

    def _outcome_chosen(self) -> None:
        if self.dialog is None or self.current is None or self.workspace is None or self._busy:
            return
        self._busy = True
        self._background.spawn(self._end(self.workspace, self.current.id, self.dialog.outcome))

    async def _end(self, workspace: Workspace, interaction_id: str, outcome: str) -> None:
        try:
            await self._background.run(workspace.end_interaction, interaction_id, outcome)
        except ValidationError as exc:
            self.statusMessage.emit(fmt.problem_text(exc.problems[0]))
            if exc.problems[0].code == "no_interaction":
                self._set_current(None)  # ended elsewhere already: nothing left to end
            return  # otherwise still open: the agent can end it again
        finally:
            self._busy = False
        # Said first: what the form says of a request left in it (on the change) stays shown.
        self.statusMessage.emit(self.tr("Interaction terminée et consignée."))
        self._set_current(None)

    def _set_current(self, view: InteractionView | None) -> None:
        self.current = view
        if view is not None:
            self.set_channel(view.channel)
            self._tick.start()
        else:
            self._tick.stop()
        self.channel.setEnabled(view is None)
        self._show_state()
        self.interactionChanged.emit(view)

    def _show_state(self) -> None:
        ready = self.workspace is not None and self.workspace.profile is not None
        self.start_button.setEnabled(ready and self.current is None)
        self.end_button.setEnabled(self.current is not None)
        if self.current is None:
            self.state.setText(self.tr("Aucune interaction en cours"))
            self.state.setStyleSheet("color: #4a4a4a;")
            return
        seconds = max(0, int((fmt.now() - self.current.started_at).total_seconds()))
        elapsed = f"{seconds // 60:02d}:{seconds % 60:02d}"
        self.state.setText(
            self.tr("Interaction en cours : %1 · %2")
            .replace("%1", elapsed)
            .replace("%2", fmt.channel_label(self.current.channel, self._lang))
        )
        self.state.setStyleSheet("color: #0b5394; font-weight: bold;")

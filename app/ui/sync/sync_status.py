"""What the agent sees of the sync: an indicator in the status bar (online, offline,
syncing, error; operations waiting; last sync), a banner while work is kept locally, and
a window with the waiting and held operations and "sync now"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.outbox import CITIZEN, INTERACTION, OpView, store_problems
from app.services.workspace import KnownStoreError
from app.sync.client import Offline, Refused, ServerBusy, SignedOut, SyncError
from app.sync.engine import ERROR, OFFLINE, ONLINE, SIGNED_OUT, SYNCING, SyncStatus
from app.ui.cases.refusal_banner import change_label, field_label, problem_line
from app.ui.widgets import formatting as fmt
from app.ui.widgets.window_fit import keep_on_screen

# The sync window's columns.
COLUMNS = OPERATION, TARGET, SAVED, STATE, DETAIL = range(5)
_COLOURS = {
    ONLINE: "#1e6b34",
    SYNCING: "#0b5394",
    OFFLINE: "#8a4b00",
    ERROR: "#a40000",
    SIGNED_OUT: "#a40000",
}


def failure_text(error: BaseException | None, state: str = "") -> str:
    """Why the sync or a login failed, in the agent's language (the client's and the
    store's own messages are English, and a bug's may quote data)."""
    translate = QCoreApplication.translate
    if isinstance(error, KnownStoreError):
        return translate("SyncStatus", "stockage local : %1").replace(
            "%1", fmt.failure_reason(error)
        )
    if isinstance(error, Offline) or (error is None and state == OFFLINE):
        return translate(
            "SyncStatus",
            "le registre central ne répond pas (réseau coupé ou serveur arrêté) ; le "
            "travail reste sur ce poste et la synchronisation reprendra seule",
        )
    if isinstance(error, SignedOut) or (error is None and state == SIGNED_OUT):
        return translate("SyncStatus", "la session a expiré ou a été révoquée : reconnectez-vous")
    if isinstance(error, ServerBusy):
        return translate(
            "SyncStatus",
            "le registre central est surchargé ou en maintenance ; nouvel essai automatique",
        )
    if isinstance(error, Refused):
        reasons = [problem_line(p) for p in store_problems({"problems": error.problems})]
        if reasons:
            return translate("SyncStatus", "le registre central a refusé : %1").replace(
                "%1", " ; ".join(reasons)
            )
        return translate("SyncStatus", "le registre central a refusé la demande (code %1)").replace(
            "%1", str(error.status)
        )
    if isinstance(error, SyncError):
        return translate(
            "SyncStatus",
            "la communication avec le registre central a échoué ; nouvel essai automatique",
        )
    return translate(
        "SyncStatus",
        "erreur interne de Relais, notée dans son journal ; nouvel essai automatique",
    )


def state_text(status: SyncStatus) -> str:
    names = {
        ONLINE: QCoreApplication.translate("SyncStatus", "En ligne"),
        SYNCING: QCoreApplication.translate("SyncStatus", "Synchronisation…"),
        OFFLINE: QCoreApplication.translate("SyncStatus", "Hors ligne"),
        ERROR: QCoreApplication.translate("SyncStatus", "Erreur de synchronisation"),
        SIGNED_OUT: QCoreApplication.translate("SyncStatus", "Session expirée : se reconnecter"),
    }
    if status.state == SIGNED_OUT and not status.last_error:
        return QCoreApplication.translate("SyncStatus", "Non connecté")
    return names.get(status.state, status.state)


class SyncIndicator(QToolButton):
    """The status-bar button; a click opens the sync window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.status = SyncStatus()
        self.show_status(self.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # Affichage → Langue: at once
            self.show_status(self.status)
        super().changeEvent(event)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        parts = [f"● {state_text(status)}"]
        parts.append(self.tr("%n en attente", "", status.pending))
        if status.held:
            parts.append(self.tr("%n à régler", "", status.held))
        if status.last_success is not None:
            parts.append(
                self.tr("synchronisé à %1").replace("%1", fmt.when(status.last_success)[-5:])
            )
        self.setText(" · ".join(parts))
        self.setStyleSheet(f"color: {_COLOURS.get(status.state, '#333')};")
        hint = self.tr("Cliquez pour voir les opérations (Ctrl+Maj+S)")
        if status.last_error:
            hint = failure_text(status.error, status.state) + "\n" + hint
        self.setToolTip(hint)


class DownloadProgress(QProgressBar):
    """A new workstation's first download (or a long outage's catch-up): changes and
    bytes received, in the status bar; hidden the rest of the time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloadProgress")
        self.setMaximumWidth(360)
        self.setTextVisible(True)
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        if not status.download_total:
            self.hide()
            return
        self.setMaximum(status.download_total)
        self.setValue(min(status.download_done, status.download_total))
        megabytes = f"{status.download_bytes / 1_000_000:.1f}"
        self.setFormat(
            self.tr("Téléchargement : %1 / %2 changements (%3 Mo)")
            .replace("%1", str(status.download_done))
            .replace("%2", str(status.download_total))
            .replace("%3", megabytes)
        )
        self.show()


class OfflineBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#offlineBanner { background: #fff6e0; color: #3d2c00; border-bottom: 1px solid "
            "#c99a2e; padding: 4px 8px; }"
        )
        self.status: SyncStatus | None = None  # none yet: a console with no central store
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.status is not None:
            self.show_status(self.status)  # Affichage → Langue: at once
        super().changeEvent(event)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.state in (OFFLINE, ERROR):
            self.setText(
                self.tr(
                    "Registre central injoignable : votre travail est conservé sur ce poste "
                    "et sera transmis dès le retour de la connexion (%n opération(s) en "
                    "attente).",
                    "",
                    status.pending,
                )
            )
            self.show()
        elif status.state == SIGNED_OUT and status.last_error:
            self.setText(
                self.tr(
                    "Session expirée : reconnectez-vous (Fichier > Se connecter). Le travail "
                    "en attente est conservé."
                )
            )
            self.show()
        elif status.state == SIGNED_OUT:
            self.setText(
                self.tr(
                    "Non connecté au registre central : connectez-vous (Fichier > Se "
                    "connecter). Le travail est conservé sur ce poste en attendant."
                )
            )
            self.show()
        else:
            self.hide()


class SyncDialog(QDialog):
    syncNow = Signal()
    settleConflicts = Signal()
    openCase = Signal(str)  # a case number: its operation's row was opened

    def __init__(
        self,
        status: SyncStatus,
        parent: QWidget | None = None,
        lang: str = "fr",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Synchronisation"))
        self.resize(760, 420)
        keep_on_screen(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self._lang = lang
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("outboxTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Opération"),
                self.tr("Dossier ou citoyen"),
                self.tr("Enregistrée le"),
                self.tr("État"),
                self.tr("Détail"),
            ]
        )
        header = self.table.horizontalHeader()
        # Short columns as wide as their text; the reasons take the rest, and wrap there.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.hide()  # row numbers mean nothing to the agent
        # A long reason wraps onto as many lines as it needs, at any width of the window.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Enter or a double click on a case's operation opens the case.
        self.table.doubleClicked.connect(self._open_row)
        self.table.installEventFilter(self)
        self.ops: list[OpView] = []
        self.status = status
        self.waiting: int | None = None
        self.open_button = QPushButton(self.tr("&Ouvrir le dossier"), self)
        self.open_button.setObjectName("openCase")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex()))
        self.table.currentCellChanged.connect(lambda *_: self._update_open())
        self.sync_button = QPushButton(self.tr("&Synchroniser maintenant"), self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.syncNow.emit)
        self.conflicts_button = QPushButton(self.tr("&Régler les conflits…"), self)
        self.conflicts_button.setObjectName("settleConflicts")
        self.conflicts_button.clicked.connect(self.settleConflicts.emit)
        self.conflicts_button.setVisible(status.held > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(buttons)
        self.show_status(status)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        # The count read with the list, when there is one: the status's is the last round's.
        waiting = status.pending if self.waiting is None else self.waiting
        lines = [
            self.tr("État : %1").replace("%1", state_text(status)),
            self.tr("%n opération(s) en attente d'envoi.", "", waiting),
        ]
        if status.last_success is not None:
            lines.append(
                self.tr("Dernière synchronisation réussie : %1").replace(
                    "%1", fmt.when(status.last_success)
                )
            )
        if status.last_error:
            lines.append(
                self.tr("Dernière erreur : %1").replace(
                    "%1", failure_text(status.error, status.state)
                )
            )
        self.summary.setText("\n".join(lines))

    def show_ops(self, ops: list[OpView], waiting: int | None = None) -> None:
        """The operations listed (the held ones and the first waiting); `waiting`: how
        many wait in all, read with them."""
        if waiting is not None:
            self.waiting = waiting
            self.show_status(self.status)
        states = {
            "pending": self.tr("En attente"),
            "rejected": self.tr("Refusée par le registre"),
            "conflict": self.tr("Conflit à régler"),
        }
        self.ops = list(ops)
        self.table.setRowCount(len(ops))
        for row, op in enumerate(ops):
            texts = {
                OPERATION: change_label(op.type),
                TARGET: self._target(op),
                SAVED: fmt.when(op.created_at),
                STATE: states.get(op.state, op.state),
                DETAIL: self._detail(op),
            }
            for col, text in texts.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        # The first refused change on a case, ready to open.
        first = next((i for i, op in enumerate(ops) if _case_of(op) and op.state != "pending"), 0)
        if ops:
            self.table.selectRow(first)
        self._update_open()

    def _target(self, op: OpView) -> str:
        """A case by its number, a citizen by name, an interaction by its channel: never
        an identifier the agent has never seen."""
        if _case_of(op):
            return op.target
        if op.type == CITIZEN:
            return op.citizen_name or self.tr("Citoyen sans nom")
        if op.type == INTERACTION:
            return fmt.channel_label(op.channel, self._lang) if op.channel else "—"
        return "—"

    def _detail(self, op: OpView) -> str:
        answer = op.answer
        if not answer:
            return ""
        fields = answer.get("fields")
        if op.state == "conflict" and fields:
            return self.tr("Champs modifiés par un collègue : %1").replace(
                "%1", ", ".join(field_label(str(f)) for f in fields)
            )
        problems = store_problems(answer)
        if problems:
            return " ; ".join(problem_line(p) for p in problems)
        reasons = {
            "not_found": self.tr("Le registre central n'a pas ce dossier."),
            "forbidden": self.tr("Votre rôle ne permet pas cette modification."),
        }
        return reasons.get(str(answer.get("status") or ""), "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open_row(self.table.currentIndex())
            return True  # not the dialog's default button as well
        return super().eventFilter(watched, event)

    def _update_open(self) -> None:
        row = self.table.currentRow()
        op = self.ops[row] if 0 <= row < len(self.ops) else None
        self.open_button.setEnabled(op is not None and bool(_case_of(op)))

    def _open_row(self, index: QModelIndex) -> None:
        row = index.row() if index.isValid() else -1
        op = self.ops[row] if 0 <= row < len(self.ops) else None
        case_number = _case_of(op) if op is not None else ""
        if case_number:
            self.openCase.emit(case_number)


def _case_of(op: OpView) -> str:
    """The case an operation is about ("" for a citizen, an interaction...)."""
    return op.target if op.type.startswith("request.") else ""

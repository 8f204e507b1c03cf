"""Signing in to the central registry: user name and password, sent once to get a session
token. The console works without it (requests wait in the outbox), so every failure says
what the agent can do next, and "offline" is a way out rather than an error."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sync.client import (
    Offline,
    Refused,
    ServerBusy,
    Session,
    SignedOut,
    SyncClient,
    SyncError,
)
from app.sync.credentials import TokenStore, Workstation
from app.ui.sync.sync_status import failure_text
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.window_fit import keep_on_screen

log = logging.getLogger(__name__)
T = TypeVar("T")
NOTE_STYLE = "color: #4a4a4a;"
CONFLICT = 409


class LoginDialog(QDialog):
    loggedIn = Signal(object)  # Session

    def __init__(
        self,
        background: Background,
        client_factory: Callable[[], SyncClient],
        station: int,
        workstation: Workstation,
        token_store: TokenStore,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._background = background
        self._client_factory = client_factory
        self._station = station
        self._workstation = workstation
        self._tokens = token_store
        self._busy = False
        self._dismissed = False

        self.reason = QLabel(self)
        self.reason.setObjectName("loginReason")
        self.reason.setWordWrap(True)
        self.reason.hide()
        self.server = QLabel(token_store.server_url, self)
        self.server.setObjectName("serverLabel")
        self.user = QLineEdit(self)
        self.user.setObjectName("userField")
        self.user.setText(username or token_store.last_user() or "")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {key: QLabel(self) for key in ("user", "password")}
        for label in self.errors.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.server)
        for label, editor, key in zip(
            self.labels[1:], (self.user, self.password), ("user", "password"), strict=True
        ):
            label.setBuddy(editor)
            cell = QVBoxLayout()
            cell.addWidget(editor)
            cell.addWidget(self.errors[key])
            form.addRow(label, cell)
        self.note = QLabel(self)
        self.note.setObjectName("tokenNote")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        # What went wrong with the server itself (offline, refused, busy): not one field's fault.
        self.problem = QLabel(self)
        self.problem.setObjectName("loginProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.status = QLabel(self)
        self.status.setObjectName("loginStatus")
        self.status.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.offline = QPushButton(self)
        self.offline.setObjectName("offlineButton")
        # Not a default button: Enter must keep meaning "try again" once the server is back.
        self.offline.setAutoDefault(False)
        self.buttons.addButton(self.offline, QDialogButtonBox.ButtonRole.RejectRole)
        self.offline.hide()  # offered once the store cannot be reached, or refuses the password
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        keep_on_screen(self)
        (self.password if self.user.text() else self.user).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connexion au registre central"))
        self.labels[0].setText(self.tr("Serveur"))
        self.labels[1].setText(self.tr("&Utilisateur"))
        self.labels[2].setText(self.tr("&Mot de passe"))
        self.ok.setText(self.tr("Se &connecter"))
        self.offline.setText(self.tr("Continuer &hors ligne"))
        self.status.setText(self.tr("Connexion…"))
        if self._tokens.available:
            self.note.setText(
                self.tr(
                    "La session reste ouverte sur ce poste jusqu'à la fin du quart (trousseau "
                    "du système) ; le mot de passe n'est jamais enregistré."
                )
            )
        else:
            self.note.setText(
                self.tr("Aucun trousseau système : il faudra se reconnecter à chaque démarrage.")
            )

    # -- what the caller can say above the form ------------------------------------------
    def set_reason(self, text: str) -> None:
        """Why the dialog opened (already translated); empty hides the line."""
        self.reason.setText(text)
        self.reason.setVisible(bool(text))

    def show_expired(self) -> None:
        """The stored token was refused (expired or revoked): say that nothing is lost."""
        self.set_reason(
            self.tr(
                "Votre session a expiré : reconnectez-vous. Le travail en attente est conservé."
            )
        )

    # -- signing in ----------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        self._clear_problems()
        # Account names are lower-case on the server: "Agent1" typed by habit still works.
        username = self.user.text().strip().lower()
        password = self.password.text()
        if not username:
            self._field_error("user", self.tr("Saisissez votre nom d'utilisateur."))
            self.user.setFocus()
            return
        if not password:
            self._field_error("password", self.tr("Saisissez votre mot de passe."))
            self.password.setFocus()
            return
        self._set_busy(True)
        self._background.spawn(self._login(username, password))

    def reject(self) -> None:
        # A login still in flight is left to finish unseen: its session is dropped (the
        # token expires by itself on the server), and nothing is saved.
        self._dismissed = True
        super().reject()

    async def _login(self, username: str, password: str) -> None:
        session: Session | None = None
        try:
            session = await self._off_thread(self._ask_server, username, password)
        except SignedOut:
            if self._still_here():
                self._field_error(
                    "password", self.tr("Nom d'utilisateur ou mot de passe incorrect.")
                )
                # A forgotten password must not stop the work: it goes on offline.
                self.offline.show()
                self.password.setFocus()
                self.password.selectAll()
        except Offline as exc:
            log.info("login: offline (%s)", exc)
            if self._still_here():
                self._problem(
                    self.tr(
                        "Le registre central ne répond pas : vous pouvez continuer à travailler "
                        "hors ligne ; la connexion sera retentée."
                    )
                )
                self.offline.show()
                self.offline.setFocus()
        except Refused as exc:
            if self._still_here():
                self._refused(exc)
        except ServerBusy as exc:
            log.info("login: server busy (%s)", exc)
            if self._still_here():
                self._problem(
                    self.tr(
                        "Le registre central est surchargé ou en maintenance : réessayez dans "
                        "un moment."
                    )
                )
                self.offline.show()
        except SyncError as exc:  # a kind added to the client later: still say something
            if self._still_here():
                self._problem(
                    self.tr("La connexion a échoué : %1").replace("%1", failure_text(exc))
                )
        finally:
            # Busy until the dialog closes on success: a second Enter must not log in twice.
            if session is None and self._still_here():
                self._set_busy(False)
        if session is None or not self._still_here():
            return
        # The keyring may block (an unlock prompt, D-Bus): not on the UI thread either.
        await self._off_thread(self._keep, session)
        if not self._still_here():
            return  # dismissed meanwhile: the token is kept, the next start will use it
        self.password.clear()
        self.loggedIn.emit(session)
        self.accept()

    def _ask_server(self, username: str, password: str) -> Session:
        client = self._client_factory()
        try:
            return client.login(username, password, self._station, self._workstation)
        finally:
            # The session carries the token; the sync engine uses its own client.
            client.close()

    def _keep(self, session: Session) -> None:
        self._tokens.save(session.username, session.token)
        try:
            self._tokens.remember_user(session.username)
        except OSError as exc:  # a convenience for the next start: not worth failing for
            log.warning("could not remember the user name: %s", exc)

    def _off_thread(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        # The network pool, not the store's single worker: a slow server must not hold up
        # saving a request.
        return self._background.run_net(fn, *args)

    def _refused(self, exc: Refused) -> None:
        fields = {str(p.get("field", "")) for p in exc.problems}
        if exc.status == CONFLICT and "station" in fields:
            self._problem(
                self.tr(
                    "Le code de poste %1 appartient à un autre poste : changez-le dans "
                    "Fichier > Poste de travail."
                ).replace("%1", f"{self._station:03d}")
            )
            return
        self._problem(self.tr("La connexion a échoué : %1").replace("%1", failure_text(exc)))

    # -- display -------------------------------------------------------------------------
    def _still_here(self) -> bool:
        return not self._dismissed and shiboken6.isValid(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok.setEnabled(not busy)
        self.status.setVisible(busy)

    def _clear_problems(self) -> None:
        # Continuer hors ligne, once offered, stays: the next try may fail the same way.
        for label in self.errors.values():
            label.hide()
        self.problem.hide()

    def _field_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

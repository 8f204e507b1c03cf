"""Connects the console to a central store: the token (from the keyring, or a login),
the sync engine in the qasync loop, and what the agent sees of it. Without a server
configured the console stays purely local and none of this starts."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.services.workspace import Workspace
from app.sync.client import Offline, Session, SyncClient
from app.sync.credentials import TokenStore, workstation
from app.sync.engine import SIGNED_OUT, SyncEngine, SyncStatus
from app.ui.sync.conflict_dialog import ConflictDialog
from app.ui.sync.login_dialog import LoginDialog
from app.ui.sync.sync_status import SyncDialog
from app.ui.widgets.background import Background


class SyncController(QObject):
    statusChanged = Signal(object)  # SyncStatus
    roleChanged = Signal(str)  # the signed-in user's role on the server; "" when signed out
    openCase = Signal(str)  # the agent asked to see a case (from the sync window)

    def __init__(
        self,
        background: Background,
        parent_widget: QWidget,
        server_url: str,
        ca_bundle: str | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._background = background
        self._parent = parent_widget
        self.server_url = server_url.rstrip("/")
        self.ca_bundle = ca_bundle
        self.workspace: Workspace | None = None
        self.engine: SyncEngine | None = None
        self._rounds: asyncio.Task[Any] | None = None  # the engine's run(), while it runs
        self.tokens: TokenStore | None = None
        self.username: str | None = None
        self.login_dialog: LoginDialog | None = None
        self.sync_dialog: SyncDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.status = SyncStatus()
        self.role = ""
        self._suggested_user = ""  # typed in Poste de travail: the login offers it
        self._expired_shown = False
        self._deaf: Callable[[], None] | None = None  # stops hearing the store's changes
        self._heard_store: object | None = None

    def _client(self) -> SyncClient:
        return SyncClient(self.server_url, self.ca_bundle)

    # -- start -----------------------------------------------------------------------------
    def start(self, workspace: Workspace, session: Session | None = None) -> None:
        """Begin syncing with a token: the one given (demo), the one kept in the keyring,
        or one from the login dialog. Without a workstation profile, wait for it."""
        self.workspace = workspace
        self._hear_local_changes(workspace)
        # Numbers for a station this store never numbered for wait for the central
        # store's mark (services.sequences).
        workspace.central = True
        self.tokens = TokenStore(self.server_url, workspace.data_dir)
        if self.engine is None:
            self.engine = SyncEngine(
                workspace,
                self._client(),
                self._on_status,
                on_conflicts=lambda _count: self.show_conflicts(),
                loop=self._background.loop,
            )
            self._run_engine()
        if session is not None:
            self._logged_in(session)
            return
        user = self.tokens.last_user()
        token = self.tokens.load(user) if user else None
        if user and token:
            self._signed_in(user, token)
        else:
            self.log_in()

    def _hear_local_changes(self, workspace: Workspace) -> None:
        """Every local change is sent soon after it is saved: the store announces each
        commit that queued an operation, from whichever thread saved it (a worker, the
        sync's own), and the poke is handed to the engine's loop."""
        if self._heard_store is workspace.store:
            return
        self._stop_hearing()
        loop = self._background.loop

        def heard() -> None:  # in the thread that committed
            with contextlib.suppress(RuntimeError):  # the loop is closed: quitting
                loop.call_soon_threadsafe(self.poke)

        self._deaf = workspace.store.on_local_change(heard)
        self._heard_store = workspace.store

    def _stop_hearing(self) -> None:
        if self._deaf is not None:
            self._deaf()
        self._deaf, self._heard_store = None, None

    def _run_engine(self) -> None:
        """Start the engine's rounds, or start them again if they ended (they should
        not: a failed round is retried; this is the last line of defence)."""
        if self.engine is not None and (self._rounds is None or self._rounds.done()):
            self._rounds = self._background.spawn(self.engine.run())

    def _logged_in(self, session: Session) -> None:
        workspace = self.workspace
        if workspace is not None and session.station is not None:
            # Where the station's numbering stands on the central store: a store that
            # never numbered for it may number from now on, above that mark.
            self._background.spawn(self._learn_marks(workspace, session))
        self._signed_in(session.username, session.token, session.role)

    async def _learn_marks(self, workspace: Workspace, session: Session) -> None:
        assert session.station is not None
        await self._background.run(
            workspace.learn_station_marks, session.station, session.sequences
        )

    def _signed_in(self, username: str, token: str, role: str | None = None) -> None:
        self.username = username
        self._expired_shown = False
        if self.engine is not None:
            self.engine.signed_in(token)
            self._run_engine()
        self._background.spawn(self._learn_role(username, token, role))

    async def _learn_role(self, username: str, token: str, role: str | None) -> None:
        """The role decides what the window offers (the supervisor's figures): the one
        the login gave, else the one remembered here at once, then the server's."""
        workspace = self.workspace
        if workspace is None:
            return
        if role is None:
            self._set_role(await self._background.run(workspace.remembered_role, username))
            client = self._client()
            client.token = token
            try:
                role = str((await self._background.run_net(client.me)).get("role") or "")
            except Exception:  # offline or refused: the remembered role stands
                return
            finally:
                client.close()
        if username == self.username:
            await self._background.run(workspace.remember_role, username, role)
            self._set_role(role)

    def _set_role(self, role: str) -> None:
        if self.workspace is not None:
            self.workspace.role = role
        if role != self.role:
            self.role = role
            self.roleChanged.emit(role)

    def fetch_indicators(self, first: date, last: date) -> dict[str, Any]:
        """Blocking (run it with run_net): the figures, on a connection of its own so
        that it never waits behind the sync's."""
        client = self._client()
        client.token = self.engine.client.token if self.engine is not None else None
        try:
            return client.indicators(first, last)
        finally:
            client.close()

    def log_in(self, expired: bool = False) -> None:
        workspace = self.workspace
        if workspace is None or workspace.profile is None or self.tokens is None:
            return
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return
        # The user whose session expired; else the one just named in Poste de travail;
        # else the last one signed in here; else the workstation's.
        user = (
            self.username
            or self._suggested_user
            or self.tokens.last_user()
            or workspace.profile.agent
        )
        self.login_dialog = LoginDialog(
            self._background,
            self._client,
            workspace.profile.station,
            workstation(workspace.data_dir),
            self.tokens,
            user or "",
            self._parent,
        )
        if expired:
            self.login_dialog.show_expired()
        self.login_dialog.loggedIn.connect(self._logged_in)
        self.login_dialog.open()

    def suggest_user(self, username: str) -> None:
        """The user name the agent just typed in Poste de travail: the login proposes it
        rather than have it typed twice."""
        self._suggested_user = username.strip()

    # -- while running ---------------------------------------------------------------------
    def poke(self) -> None:
        if self.engine is not None:
            self.engine.poke()

    def _on_status(self, status: SyncStatus) -> None:
        self.status = status
        self.statusChanged.emit(status)
        if self.sync_dialog is not None and self.sync_dialog.isVisible():
            self.sync_dialog.show_status(status)
        # last_error set: the server refused the token (not a first start without one).
        if status.state == SIGNED_OUT and status.last_error and not self._expired_shown:
            # The token was revoked or expired: it is useless now; ask again, keep the work.
            self._expired_shown = True
            if self.tokens is not None and self.username:
                self.tokens.forget(self.username)
            self.log_in(expired=True)

    def show_window(self, lang: str = "fr") -> None:
        """The sync window; `lang`: the interface's, for the channels it names."""
        workspace = self.workspace
        if workspace is None:
            return
        self.sync_dialog = SyncDialog(self.status, self._parent, lang)
        self.sync_dialog.syncNow.connect(self.poke)
        self.sync_dialog.settleConflicts.connect(self.show_conflicts)
        self.sync_dialog.openCase.connect(self._open_case)
        self.sync_dialog.open()
        self._background.spawn(self._load_ops(workspace))

    def _open_case(self, case_number: str) -> None:
        if self.sync_dialog is not None:
            self.sync_dialog.accept()
        self.openCase.emit(case_number)

    async def fetch_request(self, case_number: str) -> dict[str, Any] | None:
        """The central store's copy of one case (None: it has none), asked on the sync
        engine's own connection and network thread; raises Offline when not connected."""
        engine = self.engine
        if engine is None or engine.client.token is None:
            raise Offline("not connected to the central store")
        return await engine.fetch_request(case_number)

    def show_conflicts(self) -> None:
        """Both values of each clashing field, for the agent to choose; the choice is
        pushed as a new operation."""
        workspace = self.workspace
        if workspace is None:
            return
        if self.sync_dialog is not None:
            self.sync_dialog.accept()
        self.conflict_dialog = ConflictDialog(self._background, workspace, self._parent)
        self.conflict_dialog.resolved.connect(self.poke)
        self.conflict_dialog.open()

    async def _load_ops(self, workspace: Workspace) -> None:
        waiting, ops = await self._background.run(workspace.sync_overview)
        if self.sync_dialog is not None:
            self.sync_dialog.show_ops(ops, waiting)

    # -- leaving ---------------------------------------------------------------------------
    def log_out(self, clear_citizens: bool, done: Callable[[int], None] | None = None) -> None:
        """Revoke the token and forget it; with clear_citizens, remove the citizens cached
        on this workstation too (shared counters). Work still to be sent is kept."""
        engine, workspace = self.engine, self.workspace
        if engine is None or workspace is None:
            return
        self._background.spawn(self._log_out(engine, workspace, clear_citizens, done))

    async def _log_out(
        self,
        engine: SyncEngine,
        workspace: Workspace,
        clear_citizens: bool,
        done: Callable[[int], None] | None,
    ) -> None:
        try:
            await self._background.run_net(engine.client.logout)
        except Exception:  # offline: the token is forgotten here and expires on its own
            engine.client.token = None
        if self.tokens is not None and self.username:
            self.tokens.forget(self.username)
        self._expired_shown = True  # signed out on purpose: no "session expired" dialog
        engine.signed_out()
        self._set_role("")
        removed = 0
        if clear_citizens:
            removed = await self._background.run(workspace.clear_cached_citizens)
        if done is not None:
            done(removed)

    def close(self) -> None:
        self._stop_hearing()
        if self.engine is not None:
            self.engine.close()
            self.engine = None


def server_from_settings(option: str | None, stored: str | None) -> str | None:
    """--server wins and is remembered; else the one remembered; else none (local only)."""
    return (option or stored or "").strip() or None

"""The login dialog against the real central server (uvicorn in a thread, on loopback),
real widgets offscreen, and an in-memory keyring in place of the user's own."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.server.demo import seed_demo
from app.server.embedded import EmbeddedServer
from app.services.workspace import Workspace
from app.sync.client import Session, SyncClient
from app.sync.credentials import TokenStore, workstation
from app.ui.sync.login_dialog import LoginDialog
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring

STATION = 42
WAIT = 10_000  # ms: a password check plus a round trip, with room for a slow CI machine


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    database_url = f"sqlite:///{tmp_path}/central.sqlite3"
    seed_demo(database_url)
    server = EmbeddedServer(database_url)
    yield server.start()
    server.stop()


def nobody_listening() -> str:
    """A loopback address that refuses connections at once: the server is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


MakeDialog = Callable[..., LoginDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, background: Background, tmp_path: Path) -> MakeDialog:
    def make(
        url: str,
        station: int = STATION,
        data_dir: Path | None = None,
        factory: Callable[[], SyncClient] | None = None,
    ) -> LoginDialog:
        data = data_dir or tmp_path / "console"
        dialog = LoginDialog(
            background,
            factory or (lambda: SyncClient(url)),
            station,
            workstation(data),
            TokenStore(url, data),
        )
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def sign_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_a_good_password_signs_in_and_keeps_the_token(
    qtbot: QtBot,
    make_dialog: MakeDialog,
    server_url: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    dialog = make_dialog(server_url)
    assert dialog.server.text() == server_url
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert "jamais enregistré" in dialog.note.text()
    with qtbot.waitSignal(dialog.loggedIn, timeout=WAIT) as signed:
        sign_in(qtbot, dialog, "agent1", "demo")
    session = signed.args[0]
    assert isinstance(session, Session)
    assert (session.username, session.station) == ("agent1", STATION)
    assert dialog.password.text() == ""
    assert not dialog.isVisible() and dialog.result() == LoginDialog.DialogCode.Accepted
    assert memory_keyring.secrets == {(f"Relais {server_url}", "agent1"): session.token}
    # The password went nowhere but the server.
    assert "demo" not in memory_keyring.secrets.values()
    assert "demo" not in (tmp_path / "console" / "login.json").read_text("utf-8")
    # The next start proposes the same user and goes straight to the password.
    again = make_dialog(server_url)
    assert again.user.text() == "agent1"
    qtbot.waitUntil(lambda: again.password.hasFocus())


def test_a_wrong_password_says_so_under_the_field(
    qtbot: QtBot, make_dialog: MakeDialog, server_url: str, memory_keyring: MemoryKeyring
) -> None:
    dialog = make_dialog(server_url)
    sign_in(qtbot, dialog, "agent1", "not-the-password")
    error = dialog.errors["password"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT)
    assert error.text() == "Nom d'utilisateur ou mot de passe incorrect."
    assert dialog.isVisible()
    assert dialog.user.text() == "agent1"
    assert dialog.password.text() == "not-the-password"
    assert dialog.password.selectedText() == "not-the-password"  # retype over it
    assert dialog.ok.isEnabled() and not dialog.status.isVisible()
    assert memory_keyring.secrets == {}
    # The second try is the good one.
    with qtbot.waitSignal(dialog.loggedIn, timeout=WAIT):
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "demo")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert error.isHidden()


def test_a_server_down_offers_to_continue_offline(
    qtbot: QtBot, make_dialog: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    dialog = make_dialog(nobody_listening())
    sign_in(qtbot, dialog, "agent1", "demo")
    qtbot.waitUntil(dialog.offline.isVisible, timeout=WAIT)
    assert "ne répond pas" in dialog.problem.text()
    assert "hors ligne" in dialog.problem.text()
    assert dialog.isVisible() and dialog.ok.isEnabled()
    with qtbot.assertNotEmitted(dialog.loggedIn), qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.offline, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == LoginDialog.DialogCode.Rejected
    assert memory_keyring.secrets == {}


def test_the_login_runs_off_the_ui_thread(
    qtbot: QtBot, make_dialog: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    threads: list[threading.Thread] = []
    release = threading.Event()
    url = nobody_listening()

    def factory() -> SyncClient:
        client = SyncClient(url)
        real_login = client.login

        def spy(*args: object) -> Session:
            threads.append(threading.current_thread())
            # Held until the test has seen the busy state (on the UI thread this would
            # freeze the test for the whole wait, and the checks below would fail).
            release.wait(WAIT / 1000)
            return real_login(*args)  # type: ignore[arg-type]

        client.login = spy  # type: ignore[method-assign]
        return client

    dialog = make_dialog(url, factory=factory)
    sign_in(qtbot, dialog, "agent1", "demo")
    qtbot.waitUntil(lambda: bool(threads), timeout=WAIT)
    # While it runs: no second try, and the agent sees that something is happening.
    assert not dialog.ok.isEnabled()
    assert dialog.status.isVisible() and dialog.status.text() == "Connexion…"
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # a second Enter does nothing
    release.set()
    qtbot.waitUntil(dialog.offline.isVisible, timeout=WAIT)
    assert len(threads) == 1
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_a_station_code_taken_by_another_workstation(
    qtbot: QtBot,
    make_dialog: MakeDialog,
    server_url: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    first = make_dialog(server_url, data_dir=tmp_path / "poste-a")
    with qtbot.waitSignal(first.loggedIn, timeout=WAIT):
        sign_in(qtbot, first, "agent1", "demo")
    second = make_dialog(server_url, data_dir=tmp_path / "poste-b")
    sign_in(qtbot, second, "agent2", "demo")
    qtbot.waitUntil(second.problem.isVisible, timeout=WAIT)
    assert second.problem.text() == (
        "Le code de poste 042 appartient à un autre poste : changez-le dans "
        "Fichier > Poste de travail."
    )
    assert second.isVisible()


def test_empty_fields_are_caught_before_the_network(
    qtbot: QtBot, make_dialog: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    calls: list[str] = []
    dialog = make_dialog(
        nobody_listening(), factory=lambda: calls.append("client") or SyncClient("http://x")
    )
    qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
    assert dialog.errors["user"].isVisible()
    qtbot.keyClicks(dialog.user, "agent1")
    qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
    assert dialog.errors["password"].isVisible() and not dialog.errors["user"].isVisible()
    assert calls == [] and dialog.isVisible()


def test_without_a_keyring_the_dialog_says_the_session_is_not_kept(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = make_dialog(nobody_listening())
    finally:
        keyring.set_keyring(previous)
    assert dialog.note.text() == (
        "Aucun trousseau système : il faudra se reconnecter à chaque démarrage."
    )


def test_an_expired_session_is_explained(
    qtbot: QtBot, make_dialog: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    dialog = make_dialog(nobody_listening())
    assert not dialog.reason.isVisible()
    dialog.show_expired()
    assert dialog.reason.isVisible()
    assert "Le travail en attente est conservé" in dialog.reason.text()
    dialog.set_reason("")
    assert not dialog.reason.isVisible()


def test_a_wrong_password_leaves_continue_offline_at_hand(
    qtbot: QtBot, make_dialog: MakeDialog, server_url: str, memory_keyring: MemoryKeyring
) -> None:
    dialog = make_dialog(server_url)
    assert dialog.offline.isHidden()  # nothing went wrong yet
    sign_in(qtbot, dialog, "agent1", "forgotten")
    qtbot.waitUntil(dialog.errors["password"].isVisible, timeout=WAIT)
    assert dialog.offline.isVisible() and dialog.offline.isEnabled()
    assert dialog.offline.text() == "Continuer &hors ligne"
    # Tried again, wrong again: the way out is still there, Enter still means "try".
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.status.isVisible(), timeout=WAIT)
    qtbot.waitUntil(dialog.errors["password"].isVisible, timeout=WAIT)
    assert dialog.offline.isVisible()
    assert not dialog.offline.autoDefault()
    with qtbot.assertNotEmitted(dialog.loggedIn), qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.offline, Qt.MouseButton.LeftButton)
    assert memory_keyring.secrets == {}


def test_the_user_typed_in_the_workstation_is_the_login_user(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    from PySide6.QtCore import QSettings

    from app.ui.main import attach_server, create_window
    from app.ui.station import settings

    QSettings().remove(settings.SERVER)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    controller = attach_server(win, background, nobody_listening(), None, remember=False)
    assert controller is not None
    win.show()
    qtbot.waitExposed(win)
    win.set_workspace(workspace, workspace.article_count())  # first start: no profile
    station = win.workstation_dialog
    assert station is not None
    qtbot.waitUntil(station.isVisible)
    qtbot.keyClicks(station.station, "042")
    station.agent.clear()
    qtbot.keyClicks(station.agent, "marie.roy")
    qtbot.keyClick(station.station, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=WAIT)
    login = controller.login_dialog
    assert login is not None
    qtbot.waitUntil(login.isVisible)
    assert login.user.text() == "marie.roy"  # not typed twice
    qtbot.waitUntil(login.password.hasFocus)

"""Shared fixtures: real SQLite stores in temporary folders, real Qt widgets offscreen."""

from __future__ import annotations

import asyncio
import os
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Offscreen's own screen is 800×800: every window is tested on an agent's laptop screen
# instead, 1280×720 (Qt's platform options are split on ":", hence not on Windows).
LAPTOP_SCREEN = ROOT / "tests" / "data" / "offscreen-1280x720.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen" and sys.platform != "win32":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

QUERIES = tomllib.loads((ROOT / "tests" / "data" / "kb_queries.toml").read_text("utf-8"))["queries"]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the developer's own data folder or settings."""
    monkeypatch.setenv("RELAIS_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # Qt reads XDG_CONFIG_HOME once per process: each test gets its own settings folder
    # explicitly, so no test sees another's settings, nor the developer's.
    from PySide6.QtCore import QSettings

    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _french_again() -> Iterator[None]:
    """A test that switched the shared application to English leaves it in French: the
    next test's texts (and its assertions) are the French source ones."""
    yield
    if "app.ui.widgets.i18n" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        from app.ui.widgets.i18n import Translations

        if QCoreApplication.instance() is not None:
            Translations().apply("fr")


@pytest.fixture(autouse=True)
def _no_window_left() -> Iterator[None]:
    """No window outlives its test. qtbot closes the widgets it was given, but a dialog they
    opened (a store error box, the workstation dialog) stays on screen when its parent
    window closes: still the active window, it took the activation and the keyboard focus
    that the next test's window asked for."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            for widget in app.topLevelWidgets():
                if widget.isVisible():
                    widget.close()


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One workspace over the real bundled knowledge base, shared by read-only tests."""
    from app.services.workspace import open_workspace

    workspace = open_workspace(tmp_path_factory.mktemp("bundled"))
    # Configured, as a deployed workstation is: no first-start dialog over the window.
    workspace.set_profile("010", "agent-test", "311")
    yield workspace
    workspace.close()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[object]:
    """A workspace of its own, for tests that write."""
    from app.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "data")
    yield ws
    ws.close()


_CLOSED_LOOPS: list[asyncio.AbstractEventLoop] = []


def _finish_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """What asyncio.run does before it closes its loop: the tasks still pending (a search
    the window's close cancelled, one spawned but not started yet) are cancelled and run to
    their end. Closed with the loop instead, they were destroyed pending, and one that had
    not started warned, collected during a later test, that it was never awaited."""
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.wait(pending, timeout=30))


@pytest.fixture
def qloop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop bound to the session QApplication, closed after the test."""
    import qasync
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("Relais-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    _finish_tasks(loop)
    loop.close()
    asyncio.set_event_loop(None)
    # Kept alive for the session: a closed qasync loop still has Qt timers registered
    # (a sync engine asleep for 30 s); its timer object kills them when they fire, but
    # collected, it left Qt a dangling receiver and a later test segfaulted.
    _CLOSED_LOOPS.append(loop)


@pytest.fixture
def background(qloop: asyncio.AbstractEventLoop) -> Iterator[object]:
    """The console's worker pools on the test's qasync loop, shut down after it."""
    from app.ui.widgets.background import Background

    made = Background(qloop)
    yield made
    made.shutdown()


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """A keyring in memory for the test: the developer's own is never touched."""
    import keyring

    from tests.test_credentials import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)

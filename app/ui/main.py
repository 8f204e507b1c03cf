"""Starts the console: Qt application, qasync loop, window; the store opens in the
background so the window is there at once and keeps what the agent types."""

from __future__ import annotations

import asyncio
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services.settings_rules import SYSTEM
from app.services.workspace import Workspace, open_workspace
from app.sync.client import Session
from app.ui.main_window import MainWindow
from app.ui.station import settings
from app.ui.sync.sync_controller import SyncController, server_from_settings
from app.ui.widgets.background import Background
from app.ui.widgets.i18n import Translations, system_language
from app.ui.widgets.window_fit import fit


async def open_into(
    window: MainWindow, data_dir: Path, opened: list[Workspace] | None = None
) -> Workspace | None:
    """Open the store off the UI thread and hand it to the window. `opened` receives the
    workspace as soon as it exists, so whoever owns it can close it even if the window
    went away first."""

    def _open() -> tuple[Workspace, int]:
        # An empty or damaged store is set aside and a new one started (the window says so).
        workspace = open_workspace(data_dir, recover=True)
        if opened is not None:
            opened.append(workspace)
        return workspace, workspace.article_count()

    try:
        workspace, count = await window.background.run(_open)
    except Exception as exc:  # every failure is shown to the agent, none is only logged
        window.show_store_error(exc)
        return None
    window.set_workspace(workspace, count)
    # Everything loaded so far lives as long as the console: out of the collector's sight,
    # so a full collection (which holds the GIL) cannot stall the window for ~100 ms
    # while the sync threads allocate (measured in benchmarks/sync.py).
    gc.collect()
    gc.freeze()
    return workspace


def start_language(option: str | None) -> str:
    """--lang (one start only) > the saved setting > the system's language."""
    saved = settings.language()
    return option or (system_language() if saved == SYSTEM else saved)


def create_window(background: Background, lang: str | None) -> MainWindow:
    translations = Translations()
    translations.apply(start_language(lang))
    settings.apply_font_size(settings.load().font_size)
    window = MainWindow(background, translations)
    geometry = QSettings().value(settings.GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
        fit(window)  # saved on a bigger screen: no larger than this one, and on it
    return window


def attach_server(
    window: MainWindow,
    background: Background,
    server: str | None,
    ca_bundle: str | None,
    session: Session | None = None,
    remember: bool = True,
) -> SyncController | None:
    """--server is remembered in the settings (not the demo's, which lives only as long
    as the demo); without one the console stays local."""
    stored = QSettings()
    if server and remember:
        stored.setValue(settings.SERVER, server)
    if ca_bundle and remember:
        stored.setValue(settings.CA_BUNDLE, ca_bundle)
    url = server_from_settings(server, str(stored.value(settings.SERVER, "") or ""))
    if url is None:
        return None
    bundle = ca_bundle or str(stored.value(settings.CA_BUNDLE, "") or "") or None
    controller = SyncController(background, window, url, bundle)
    window.attach_sync(controller, session)
    return controller


def run_gui(
    data_dir: Path,
    lang: str | None = None,
    server: str | None = None,
    ca_bundle: str | None = None,
    session: Session | None = None,
    remember_server: bool = True,
) -> int:
    import qasync  # imported here so `relais kb ...` never loads Qt

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("Ville de Montréal")
    app.setApplicationName("Relais")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    background = Background(loop)
    window = create_window(background, lang)
    controller = attach_server(window, background, server, ca_bundle, session, remember_server)
    window.show()
    opened: list[Workspace] = []
    background.spawn(open_into(window, data_dir, opened))
    closing = asyncio.Event()
    app.aboutToQuit.connect(closing.set)
    try:
        with loop:
            loop.run_until_complete(closing.wait())
    finally:
        if controller is not None:
            controller.close()
        background.shutdown()  # waits for the store worker: nothing is opened after this
        for workspace in opened:
            workspace.close()
    # The store could not be opened (a full disk, a read-only folder...): said in the
    # window; the exit code says it to whoever started the console.
    return 2 if window.store_failed else 0

"""In English, no French is left on screen: the real main window, switched to English, is
walked through (every tab, a search and an article, a request refused then saved, its
case, an interaction, every menu, the settings, workstation and login dialogs) and every
text an agent can see is collected; one still in French fails the test, with the list."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main import attach_server, create_window
from app.ui.main_window import CASES_TAB, INFO_TAB, REQUEST_TAB, MainWindow
from app.ui.station import settings
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]
POTHOLE = "VOIRIE-NID-DE-POULE"
STREET = "rue Rachel Est"  # data the test types: shown as typed, in any language

# Accents and signs English never uses.
FRENCH_LETTERS = re.compile(r"[éèêëàâçôîïûùœ«»ÉÈÀÇ]")
# Words of the interface that are French only (whole words, any case).
FRENCH_WORDS = re.compile(
    r"\b(aucune?|demandes?|dossiers?|citoyens?|rechercher|recherche|enregistrer|annuler|"
    r"fermer|courriel|téléphone|adresse|poste|nouvelle|résultats?|avec|pour|dans|sur|les|des|"
    r"une|du)\b",
    re.IGNORECASE,
)
# Proper nouns and data, the same in both languages.
ALLOWED = (
    "Montréal",
    "Français",
    "Bureau Accès Montréal",
    "Accès Montréal",
    STREET,
)


def french_sources() -> set[str]:
    """French source texts whose English differs (and that are no English text elsewhere):
    seeing one on screen means it was not translated. Mnemonics (&) left out."""
    tree = ET.parse(ROOT / "resources" / "i18n" / "relais_en.ts")
    sources: set[str] = set()
    english: set[str] = set()
    for message in tree.iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        texts = [f.text or "" for f in forms] or [
            "" if translation is None else (translation.text or "")
        ]
        english.update(t.replace("&", "") for t in texts)
        if "%" not in source:
            sources.add(source)
    return sources - english


def place_names(workspace: Workspace) -> tuple[str, ...]:
    return tuple(a.name for a in workspace.catalogue.routing.arrondissements.values())


def french_names(workspace: Workspace) -> set[str]:
    """The catalogue's French names that have English ones: services, units, choices."""
    found: set[str] = set()
    for service in workspace.catalogue.services.values():
        found.add(service.name_fr if service.name_en != service.name_fr else "")
        for attr in service.attributes:
            for value in attr.values:
                found.add(value.name_fr if value.name_en != value.name_fr else "")
    for unit in workspace.catalogue.routing.units.values():
        found.add(unit.name_fr if unit.name_en != unit.name_fr else "")
    return {name for name in found if len(name) > 3}


class Seen:
    """Every text seen, with where it was seen."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def add(self, text: str | None, where: str) -> None:
        if text and text.strip():
            self.texts.setdefault(text, where)

    def widget(self, widget: QWidget, where: str) -> None:
        name = f"{where}/{type(widget).__name__}:{widget.objectName()}"
        if widget.isWindow():
            self.add(widget.windowTitle(), name + " title")
        self.add(widget.toolTip(), name + " tooltip")
        if isinstance(widget, QLabel | QAbstractButton):
            self.add(widget.text(), name)
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            self.add(widget.placeholderText(), name + " placeholder")
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                self.add(widget.itemText(i), f"{name} item {i}")
        elif isinstance(widget, QGroupBox):
            self.add(widget.title(), name)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                self.add(widget.tabText(i), f"{name} tab {i}")
                self.add(widget.tabToolTip(i), f"{name} tab {i} tooltip")
        elif isinstance(widget, QMenu):
            self.add(widget.title(), name)
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                self.add(item.text(), f"{name} item {i}")
                self.add(item.toolTip(), f"{name} item {i} tooltip")
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and header.model() is not None and not header.isHidden():
            for column in range(header.count()):
                text = header.model().headerData(column, Qt.Orientation.Horizontal)
                self.add(str(text or ""), f"{name} header {column}")

    def window(self, top: QWidget, where: str) -> None:
        """The visible widgets of a window (and the window itself)."""
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                self.widget(widget, where)

    def actions(self, top: QWidget, where: str) -> None:
        for menu in top.findChildren(QMenu):
            self.add(menu.title(), f"{where} menu")
            for action in menu.actions():
                self.add(action.text(), f"{where} menu {menu.title()!r}")
                self.add(action.toolTip() if action.toolTip() != action.text() else "", where)

    def french(self, sources: set[str], names: set[str], allowed: tuple[str, ...]) -> list[str]:
        wrong: list[str] = []
        data_names = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(names)))
        for text, where in sorted(self.texts.items()):
            if text.replace("&", "") in sources:
                wrong.append(f"{where}: {text!r} (untranslated source text)")
                continue
            rest = re.sub(r"<[^>]+>", " ", text)  # rich text: the markup is not shown
            for name in sorted(allowed, key=len, reverse=True):
                rest = rest.replace(name, "")
            found = data_names.search(rest)
            if found:
                wrong.append(f"{where}: {text!r} (French name {found.group()!r})")
            elif FRENCH_LETTERS.search(rest) or FRENCH_WORDS.search(rest):
                wrong.append(f"{where}: {text!r}")
        return wrong


def nobody_listening() -> str:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def visit(qtbot: QtBot, win: MainWindow, seen: Seen, where: str) -> None:
    qtbot.wait(50)  # a turn of the loop: labels follow what was just shown
    seen.window(win, where)
    for dialog in win.findChildren(QDialog):
        if dialog.isVisible():
            seen.window(dialog, f"{where}/{dialog.objectName()}")


def test_no_french_is_left_in_english(
    qtbot: QtBot, background: Background, workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    workspace.set_profile("061", "agent-test", "311")
    # A workstation that reached the central store before: it numbers offline (a new one
    # waits for the station's mark, tests/test_sequences.py).
    workspace.learn_station_marks(61, {})
    QSettings().remove(settings.SERVER)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    controller = attach_server(win, background, nobody_listening(), None)
    assert controller is not None
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    # Built in French, switched to English from the View menu while the store opens.
    win.lang_actions["en"].trigger()
    assert win.translations.lang == "en"
    win.set_workspace(workspace, workspace.article_count())
    seen = Seen()

    # The login the sync asks for (no token yet), refused by a server that is down.
    login = controller.login_dialog
    assert login is not None
    qtbot.waitUntil(login.isVisible)
    qtbot.wait(50)
    seen.window(login, "login")
    login.user.setText("agent1")
    login.password.setText("demo")
    login.submit()
    qtbot.waitUntil(lambda: login.problem.isVisible(), timeout=10_000)
    seen.window(login, "login offline")
    login.offline.click()
    qtbot.waitUntil(lambda: not login.isVisible())

    # Information: a search and an article.
    win.go_search()
    win.search.field.setText("pothole")
    qtbot.waitUntil(lambda: win.search.shown_query == "pothole", timeout=5000)
    win.open_article("nid-de-poule-signalement", "en")
    qtbot.waitUntil(lambda: win.article.create_request.isVisible())
    visit(qtbot, win, seen, "information")

    # A request: refused first (every problem under its field), then saved.
    win.go_request()
    win.form.save()
    qtbot.waitUntil(lambda: win.form.side.summary.isVisible())
    visit(qtbot, win, seen, "request refused")
    win.form.picker.choose(POTHOLE)
    win.form.civic.setText("4321")
    win.form.street.setText(STREET)
    win.form.arrondissement.setCurrentIndex(win.form.arrondissement.findData("PMR"))
    win.form.citizen.name.setText("Jane Doe")
    win.form.citizen.phone.setText("abc")
    win.form.save()
    qtbot.waitUntil(lambda: win.form.citizen.errors["citizen.phone"].isVisible())
    visit(qtbot, win, seen, "request with problems")
    win.form.citizen.phone.setText("438 555 0123")
    win.form.attributes.editors["emplacement"].setCurrentIndex(1)  # type: ignore[attr-defined]
    win.form.attributes.editors["danger_immediat"].setCurrentIndex(2)  # type: ignore[attr-defined]
    with qtbot.waitSignal(win.form.saved, timeout=5000) as saved:
        win.form.save()
    visit(qtbot, win, seen, "request saved")

    # The same citizen found again, and opened for a correction.
    win.form.clear()
    win.form.citizen.lookup.setText("438 555 01")
    qtbot.waitUntil(lambda: win.form.citizen.matches.count() > 0)
    visit(qtbot, win, seen, "citizen found")
    win.form.citizen.pick(win.form.citizen.matches.item(0).data(Qt.ItemDataRole.UserRole))
    win.form.citizen.start_edit()
    visit(qtbot, win, seen, "citizen edit")
    win.form.citizen.cancel_edit()

    # Its case.
    win.open_case(saved.args[0])
    qtbot.waitUntil(lambda: win.cases.detail.detail is not None)
    visit(qtbot, win, seen, "case")

    # An interaction, and how it ended.
    win.interaction.start()
    qtbot.waitUntil(lambda: win.interaction.current is not None)
    win.interaction.end()
    dialog = win.interaction.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    visit(qtbot, win, seen, "interaction")
    dialog.reject()

    # Settings, refused once; the workstation.
    win.edit_settings()
    settings_dialog = win.settings_dialog
    assert settings_dialog is not None
    settings_dialog.retention.setText("0")
    settings_dialog.server.setText("http://example.org")
    settings_dialog.submit()
    visit(qtbot, win, seen, "settings")
    settings_dialog.reject()
    win.edit_workstation()
    assert win.workstation_dialog is not None
    visit(qtbot, win, seen, "workstation")
    win.workstation_dialog.reject()

    # What is waiting for the central store.
    win.show_sync()  # Fichier > Synchronisation
    assert controller.sync_dialog is not None
    qtbot.waitUntil(controller.sync_dialog.isVisible)
    visit(qtbot, win, seen, "sync")
    controller.sync_dialog.reject()

    for index in (INFO_TAB, REQUEST_TAB, CASES_TAB):
        win.tabs.setCurrentIndex(index)
        visit(qtbot, win, seen, f"tab {index}")
    seen.actions(win, "menus")
    seen.add(win.statusBar().currentMessage(), "status bar")

    assert len(seen.texts) > 100, "too few texts seen: the walk missed the window"
    wrong = seen.french(
        french_sources(), french_names(workspace), (*ALLOWED, *place_names(workspace))
    )
    assert not wrong, "still in French:\n" + "\n".join(wrong)

"""One Alt+letter, one target: every window of the console (the main window with each of
its tabs and its menus, every dialog) is walked in French and in English, and an
underlined letter (the & of a label with a buddy, a button, a group box, a tab, a menu
and its entries) used twice in one window fails the test, naming both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.widgets.background import Background
from tests.test_credentials import MemoryKeyring
from tests.ui_tour import dialogs, main_tabs, open_console, prepare


def mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand), lower-case."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def widget_texts(widget: QWidget) -> list[str]:
    """The texts of a widget that make an Alt+letter shortcut in its window."""
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabWidget):
        return [widget.tabText(i) for i in range(widget.count())]
    return []


def window_mnemonics(top: QWidget, leave_out: tuple[QWidget, ...] = ()) -> dict[str, list[str]]:
    """Letter -> the texts that claim it in this window (its own widgets, shown or not,
    except those under `leave_out`: another tab's page; another window's are its own)."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.window() is not top or any(
            w is widget or w.isAncestorOf(widget) for w in leave_out
        ):
            continue
        for text in widget_texts(widget):
            letter = mnemonic(text)
            if letter:
                found[letter].append(f"{type(widget).__name__} {text!r}")
    return found


def menu_bar_mnemonics(win: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in win.menuBar().actions():
        letter = mnemonic(action.text())
        if letter and action.isVisible():
            found[letter].append(f"menu {action.text()!r}")
    return found


def menus(menu: QMenu) -> Iterator[QMenu]:
    yield menu
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menus(sub)


def repeated(where: str, *found: dict[str, list[str]]) -> list[str]:
    merged: dict[str, list[str]] = defaultdict(list)
    for claims in found:
        for letter, texts in claims.items():
            merged[letter].extend(texts)
    return [
        f"{where}: Alt+{letter.upper()} is {' and '.join(texts)}"
        for letter, texts in sorted(merged.items())
        if len(texts) > 1
    ]


def test_mnemonic_helper() -> None:
    assert mnemonic("Cana&l") == "l"
    assert mnemonic("Rues && trottoirs") is None
    assert mnemonic("A && B &suite") == "s"
    assert mnemonic("Enregistrer (Ctrl+Entrée)") is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_alt_letter_is_unique_in_its_window(
    qtbot: QtBot,
    background: Background,
    workspace: Workspace,
    memory_keyring: MemoryKeyring,
    lang: str,
) -> None:
    case_number = prepare(workspace)
    win, controller = open_console(qtbot, background, workspace, lang)
    problems: list[str] = []
    checked = 0

    pages = tuple(win.tabs.widget(i) for i in range(win.tabs.count()))
    bar = menu_bar_mnemonics(win)
    for index in main_tabs(qtbot, win, case_number):
        others = tuple(page for i, page in enumerate(pages) if i != index)
        claims = window_mnemonics(win, others)
        checked += sum(map(len, claims.values()))
        problems += repeated(f"main window, tab {win.tabs.tabText(index)!r}", bar, claims)
    for action in win.menuBar().actions():
        top = action.menu()
        assert isinstance(top, QMenu)
        for menu in menus(top):
            entries: dict[str, list[str]] = defaultdict(list)
            for entry in menu.actions():
                letter = mnemonic(entry.text())
                if letter:
                    entries[letter].append(f"{entry.text()!r}")
            checked += sum(map(len, entries.values()))
            problems += repeated(f"menu {menu.title()!r}", entries)

    seen = []
    for name, dialog in dialogs(qtbot, background, win, controller, workspace, case_number):
        seen.append(name)
        claims = window_mnemonics(dialog)
        checked += sum(map(len, claims.values()))
        problems += repeated(name, claims)

    assert seen == [
        "login",
        "workstation",
        "settings",
        "sync",
        "conflicts",
        "reopen",
        "note correction",
        "interaction outcome",
        "shortcuts",
        "supervisor",
    ]
    assert checked > 40, "too few Alt+letters seen: the walk missed the windows"
    assert not problems, "Alt+letter used twice:\n" + "\n".join(problems)

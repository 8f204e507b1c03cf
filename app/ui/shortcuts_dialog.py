"""Aide → Raccourcis clavier (F1): every shortcut of the window, in the agent's language,
read from the window's own menu actions and shortcuts (each QShortcut says what it does
in its whatsThis), so the list cannot drift from what the keys do; the few keys that
lists and fields handle themselves (↓ then Entrée...) are given by the window."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.window_fit import keep_on_screen


@dataclass(frozen=True)
class KeyHelp:
    section: str  # where the keys work: "Partout", a tab's name...
    keys: str  # as the agent reads them, in the interface's language
    what: str


def key_text(sequence: QKeySequence) -> str:
    """In the interface's language (Ctrl+Maj+N, Échap); Return and Enter are one key to
    an agent: both read as Entrée."""
    portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return QKeySequence(portable.replace("Return", "Enter")).toString(
        QKeySequence.SequenceFormat.NativeText
    )


def action_text(action: QAction) -> str:
    """A menu entry's text as read: no mnemonic, no shortcut after a tab."""
    text = action.text().split("\t")[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_actions(menu: QMenu) -> Iterable[QAction]:
    for action in menu.actions():
        if not action.isVisible() or action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_actions(submenu)
        else:
            yield action


def _section(widget: QWidget | None, sections: Mapping[QWidget, str], everywhere: str) -> str:
    while widget is not None:
        if widget in sections:
            return sections[widget]
        widget = widget.parentWidget()
    return everywhere


def window_keys(
    window: QMainWindow,
    sections: Mapping[QWidget, str],
    everywhere: str,
    typed: Iterable[KeyHelp] = (),
) -> list[KeyHelp]:
    """The menu bar's actions with a shortcut and the window's described shortcuts, each
    under the part of the window it works in (`sections`: a tab's page and its name);
    one line per thing done, its keys together; then `typed`, the keys fields and lists
    handle themselves. In the order of the sections, then as found."""
    found: dict[tuple[str, str], list[str]] = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu) or not menu_action.isVisible():
            continue
        for action in _menu_actions(menu):
            keys = [key_text(s) for s in action.shortcuts() if not s.isEmpty()]
            if keys and action.isEnabled():
                found.setdefault((everywhere, action_text(action)), []).extend(keys)
    for shortcut in window.findChildren(QShortcut):
        what = shortcut.whatsThis()
        owner = shortcut.parent()
        if not what or not shortcut.isEnabled() or not isinstance(owner, QWidget):
            continue
        section = _section(owner, sections, everywhere)
        keys = [key_text(s) for s in list(shortcut.keys()) if not s.isEmpty()]
        found.setdefault((section, what), []).extend(keys)
    lines = [
        KeyHelp(section, ", ".join(dict.fromkeys(keys)), what)
        for (section, what), keys in found.items()
    ]
    lines.extend(typed)
    order = [everywhere, *dict.fromkeys(sections.values())]
    return sorted(lines, key=lambda k: order.index(k.section) if k.section in order else 99)


class ShortcutsDialog(QDialog):
    def __init__(self, keys: list[KeyHelp], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        self.keys = keys
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Touches"), self.tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setAccessibleName(self.tr("Raccourcis clavier"))
        bold = self.tree.font()
        bold.setBold(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for key in keys:
            group = sections.get(key.section)
            if group is None:
                group = QTreeWidgetItem(self.tree, [key.section])
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                sections[key.section] = group
            QTreeWidgetItem(group, [key.keys, key.what])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)
        keep_on_screen(self)
        self.tree.setFocus()

    def lines(self) -> list[tuple[str, str, str]]:
        """What the list shows: (section, keys, what to do)."""
        return [(k.section, k.keys, k.what) for k in self.keys]

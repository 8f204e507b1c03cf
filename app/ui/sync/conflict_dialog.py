"""Edits that clashed with a colleague's, settled field by field: for each clashing field,
the agent's value or the one the registry (the central store) now holds. The agent's
other changes in the same edit are sent again whatever is chosen here. A citizen's
details and a case's own fields (description, location) are settled alike; a case is
named by its number and its service."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.conflicts import Clash, Conflict, ConflictGone, Piece, word_diff
from app.services.workspace import Workspace
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.formatting import failure_reason
from app.ui.widgets.window_fit import keep_on_screen

MINE, THEIRS = 0, 1
# The words that differ: dark text on pale yellow (about 15:1), and bold and underlined
# too, so that the difference does not rest on colour alone.
DIFF_STYLE = "background-color:#fff0a0; color:#1a1a1a; font-weight:bold; text-decoration:underline"
VALUE_STYLE = (
    "QLabel { border-left: 3px solid #9db8d9; padding: 3px 8px; margin-left: 22px;"
    " color: #1d2a38; }"
)
# Longer runs without a space are given places to wrap (a URL, a long reference).
LONG_WORD = 30


class ConflictDialog(QDialog):
    """Opened with open(): loads the conflicts off the UI thread, and on OK resolves each
    one off the UI thread, then emits resolved() (the lead pokes the sync engine)."""

    resolved = Signal()

    def __init__(
        self, background: Background, workspace: Workspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self._background = background
        self._workspace = workspace
        self._busy = False
        self.loaded = False
        self.conflicts: list[Conflict] = []
        # Per conflict (outbox seq), per clashing field: the pair of radio buttons.
        self.choices: dict[int, dict[str, QButtonGroup]] = {}
        # Each value's label and the choice a click on it makes.
        self._value_buttons: dict[QLabel, QRadioButton] = {}

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("conflictError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.rows = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Enter confirms from anywhere in the dialog, a choice focused included.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        keep_on_screen(self)
        self.retranslate()
        self.status.setText(self.tr("Chargement des conflits…"))
        self._background.spawn(self._load())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflits à régler"))
        self.intro.setText(
            self.tr(
                "Un collègue a modifié les mêmes champs que vous. Pour chaque champ, gardez "
                "votre valeur ou celle du registre ; vos autres modifications seront envoyées "
                "de nouveau."
            )
        )
        if self.loaded:
            self._show(self.conflicts)

    # -- loading ---------------------------------------------------------------------------
    async def _load(self) -> None:
        try:
            found = await self._background.run(self._workspace.conflicts)
        except Exception as exc:
            self.status.setText(
                self.tr("Les conflits n'ont pas pu être lus (%1).").replace(
                    "%1", failure_reason(exc)
                )
            )
            return
        self.conflicts = found
        self.loaded = True
        self._show(found)

    def _show(self, conflicts: list[Conflict]) -> None:
        kept = self.kept()  # a rebuild (language change) keeps the agent's choices
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices = {}
        self._value_buttons = {}
        if not conflicts:
            self.status.setText(self.tr("Aucun conflit à régler."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
            return
        self.status.setText(self.tr("%n conflit(s) à régler.", "", len(conflicts)))
        first: QRadioButton | None = None
        for conflict in conflicts:
            box = self._conflict_box(conflict, kept.get(conflict.seq, set()))
            self.rows_layout.addWidget(box)
            if first is None:
                found = box.findChildren(QRadioButton)
                first = next((b for b in found if b.isChecked()), None)
        self.rows_layout.addStretch(1)
        if first is not None:
            first.setFocus()

    def _conflict_box(self, conflict: Conflict, kept: set[str]) -> QGroupBox:
        if conflict.entity == "request":
            title = self.tr("Dossier %1").replace("%1", conflict.label)
        else:
            title = conflict.label or self.tr("Citoyen sans nom")
        box = QGroupBox(_plain(title), self.rows)
        box.setObjectName(f"conflict-{conflict.seq}")
        column = QVBoxLayout(box)
        groups: dict[str, QButtonGroup] = {}
        for clash in conflict.clashes:
            groups[clash.field] = self._clash_rows(box, column, conflict.seq, clash, kept)
        if conflict.others:
            sent = ", ".join(
                self.tr("%1 : %2")
                .replace("%1", self._field_name(f))
                .replace("%2", self._value(f, v))
                for f, v in conflict.others.items()
            )
            others = QLabel(
                self.tr("Envoyé de nouveau dans tous les cas : %1").replace("%1", sent), box
            )
            others.setTextFormat(Qt.TextFormat.PlainText)
            others.setWordWrap(True)
            others.setStyleSheet("color: #4a4a4a;")
            column.addWidget(others)
        self.choices[conflict.seq] = groups
        return box

    def _clash_rows(
        self, box: QGroupBox, column: QVBoxLayout, seq: int, clash: Clash, kept: set[str]
    ) -> QButtonGroup:
        """One clashing field: its name, then each value whole under its choice, the
        words that differ highlighted. The choices are short (a mnemonic each), the
        values wrap: a long description is never cut before the part that differs."""
        name = QLabel(f"<b>{_html(self._field_name(clash.field))}</b>", box)
        # Each pair in a widget of its own: arrow keys move between the two, Tab to the
        # next field (radio buttons are exclusive per parent).
        pair = QWidget(box)
        pair_layout = QVBoxLayout(pair)
        pair_layout.setContentsMargins(12, 0, 0, 6)
        pair_layout.setSpacing(2)
        # The values as the agent reads them (an arrondissement by its name); an empty
        # one is said, and the other then differs whole.
        shown = {
            side: self._value(clash.field, value) if value else ""
            for side, value in (("mine", clash.mine), ("theirs", clash.theirs))
        }
        pieces = dict(
            zip(("mine", "theirs"), word_diff(shown["mine"], shown["theirs"]), strict=True)
        )
        mine = QRadioButton(self.tr("Garder &votre valeur"), pair)
        mine.setObjectName(f"mine-{seq}-{clash.field}")
        theirs = QRadioButton(
            self.tr("Garder la valeur du &registre (modifiée par un collègue)"), pair
        )
        theirs.setObjectName(f"theirs-{seq}-{clash.field}")
        group = QButtonGroup(pair)
        group.addButton(mine, MINE)
        group.addButton(theirs, THEIRS)
        for button, side in ((mine, "mine"), (theirs, "theirs")):
            empty = f"<i>{_html(self.tr('(vide)'))}</i>"
            label = QLabel(_diff_html(pieces[side]) if shown[side] else empty, pair)
            label.setObjectName(f"{side}-value-{seq}-{clash.field}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(VALUE_STYLE)
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.installEventFilter(self)
            self._value_buttons[label] = button
            # A screen reader reads the value whole with the choice it belongs to.
            button.setAccessibleDescription(
                self.tr("%1 : %2")
                .replace("%1", self._field_name(clash.field))
                .replace("%2", shown[side] or self.tr("(vide)"))
            )
            button.installEventFilter(self)
            pair_layout.addWidget(button)
            pair_layout.addWidget(label)
        # The colleague's value stands unless the agent chooses otherwise: nothing of
        # theirs is overwritten by a mere OK.
        (mine if clash.field in kept else theirs).setChecked(True)
        column.addWidget(name)
        column.addWidget(pair)
        return group

    def kept(self) -> dict[int, set[str]]:
        """Per conflict, the fields where the agent keeps their own value."""
        return {
            seq: {name for name, group in groups.items() if group.checkedId() == MINE}
            for seq, groups in self.choices.items()
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click on a value chooses it (unless the agent was selecting its text to copy).
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(watched, QLabel)
            and watched in self._value_buttons
            and not watched.hasSelectedText()
        ):
            button = self._value_buttons[watched]
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.MouseFocusReason)
        # Tab stops once per field (Qt skips the pair's other button) but lands on the
        # pair's first one: move on to the checked one, so Tab shows the current choice.
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and isinstance(watched, QRadioButton)
            and not watched.isChecked()
        ):
            group = watched.group()
            checked = group.checkedButton() if group is not None else None
            if checked is not None and checked is not watched:
                checked.setFocus(event.reason())
        return super().eventFilter(watched, event)

    # -- resolving -------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        if not self.loaded or not self.conflicts:
            self.accept()
            return
        self._busy = True
        self.error.hide()
        self.buttons.setEnabled(False)
        self._background.spawn(self._resolve(self.kept()))

    async def _resolve(self, choices: dict[int, set[str]]) -> None:
        try:
            for seq, keep_mine in choices.items():
                try:
                    await self._background.run(self._workspace.resolve_conflict, seq, keep_mine)
                except ConflictGone:
                    continue  # settled meanwhile (another window): nothing left to do
        except Exception as exc:
            self.error.setText(
                self.tr(
                    "Les conflits n'ont pas tous pu être réglés (%1). Vos choix sont "
                    "conservés : réessayez."
                ).replace("%1", failure_reason(exc))
            )
            self.error.show()
            # Some may be settled already: show only what is left, choices kept.
            self.loaded = False
            await self._load()
            return
        finally:
            self._busy = False
            self.buttons.setEnabled(True)
        self.resolved.emit()
        self.accept()

    # -- text ------------------------------------------------------------------------------
    def _field_name(self, field: str) -> str:
        names = {
            "name": self.tr("Nom"),
            "phone": self.tr("Téléphone"),
            "email": self.tr("Courriel"),
            "address": self.tr("Adresse"),
            "preferred_language": self.tr("Langue préférée"),
            "description": self.tr("Description"),
            "civic_number": self.tr("N° civique"),
            "street": self.tr("Rue"),
            "postal_code": self.tr("Code postal"),
            "arrondissement": self.tr("Arrondissement"),
        }
        return names.get(field, field)

    def _value(self, field: str, value: str) -> str:
        if not value:
            return self.tr("(vide)")
        if field == "preferred_language":
            return {"fr": "Français", "en": "English"}.get(value, value)
        if field == "arrondissement":
            place = self._workspace.catalogue.routing.arrondissements.get(value)
            return f"{place.name} ({value})" if place is not None else value
        return value


def _plain(text: str) -> str:
    """Text for a button or a group title: an & in a value is not a keyboard shortcut."""
    return text.replace("&", "&&")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrappable(text: str) -> str:
    """Escaped, its line breaks kept, and a zero-width space every LONG_WORD characters
    in a longer word so that the label can wrap it instead of cutting it."""
    words = []
    for word in text.split(" "):
        if len(word) > LONG_WORD:
            word = "\u200b".join(word[i : i + LONG_WORD] for i in range(0, len(word), LONG_WORD))
        words.append(word)
    return _html(" ".join(words)).replace("\n", "<br>")


def _diff_html(pieces: list[Piece]) -> str:
    """A value whole, the runs the other value lacks highlighted."""
    out = []
    for piece in pieces:
        text = _wrappable(piece.text)
        if piece.changed:
            if not piece.text.strip():  # a changed space: visible as a highlighted gap
                text = "&nbsp;" * max(1, len(piece.text.replace("\n", "")))
            out.append(f"<span style='{DIFF_STYLE}'>{text}</span>")
        else:
            out.append(text)
    return "".join(out)

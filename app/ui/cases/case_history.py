"""Case history: find a case by its number, a phone, an e-mail or an address, read it with
its timeline, add a note, and correct an open case's description and location.

Searches follow the typing (debounced); at most one runs at a time and the list catches up
with the field when it ends. Every store call runs off the UI thread through `Background`.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Awaitable, Callable, Collection
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Catalogue, Service
from app.domain.validation import ValidationError
from app.services import cases as case_states
from app.services.cases import CaseDetail, CaseSearch, CaseSummary, CitizenBrief, EventView
from app.services.outbox import CREATE, NOTE, UPDATE, Refusal, store_problems
from app.services.refusals import RefusalGone, resend_values
from app.services.workspace import Workspace
from app.ui.cases.case_editor import CaseEditor
from app.ui.cases.refusal_banner import (
    REFUSED_FG,
    NoteCorrection,
    RefusalBanner,
    change_label,
    field_label,
    problem_line,
    problem_text,
)
from app.ui.cases.reopen_dialog import ReopenDialog
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.keys import ENTER, on_ctrl_enter
from app.ui.widgets.latest import Follower
from app.ui.widgets.window_fit import scroll_to_focus

DEBOUNCE_MS = 150
FOLLOW_MS = 120  # a row selected shows its case this long after the keys stop
UPDATED_MARK_MS = 5 * 60_000  # "Mis à jour à HH:MM" stays this long (or until another case)
Index = QModelIndex | QPersistentModelIndex
# The central store's copy of one case (None: it has none); raises when it cannot be asked.
StoreCopyFetcher = Callable[[str], Awaitable[dict[str, Any] | None]]

# Overdue rows and badges: dark red on light red, about 8:1 contrast.
LATE_FG = "#8b0000"
LATE_BG = "#fde8e8"
PENDING_FG = "#6b3a00"  # "not yet sent" badge: dark amber on light amber, about 8:1
PENDING_BG = "#fff1d6"
UPDATED_FG = "#0b4f2c"  # "updated" mark: dark green on light green, about 9:1
UPDATED_BG = "#e3f4e8"
MUTED = "#4a4a4a"

_STEPS: dict[int, int] = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}


def _esc(text: object) -> str:
    return html.escape(str(text))


def _unit_name(catalogue: Catalogue | None, code: str, lang: str, fallback: str = "") -> str:
    unit = catalogue.routing.units.get(code) if catalogue is not None and code else None
    if unit is None:
        return fallback or code or "—"
    return unit.name_en if lang == "en" and unit.name_en else unit.name_fr


class CaseTableModel(QAbstractTableModel):
    """The cases found: one row each, overdue rows coloured and flagged in words."""

    COLUMNS = ("case_number", "service", "status", "created", "due", "overdue", "refused")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: tuple[CaseSummary, ...] = ()
        self._headers: tuple[str, ...] = ("",) * len(self.COLUMNS)
        self._late_text = ""
        self._refused_text = ""
        self.lang = "fr"
        self.catalogue: Catalogue | None = None

    def set_cases(self, cases: tuple[CaseSummary, ...]) -> None:
        self.beginResetModel()
        self._cases = cases
        self.endResetModel()

    def set_labels(self, headers: tuple[str, ...], late_text: str, refused_text: str = "") -> None:
        """Column titles and the overdue and refused flags, in the UI language (given by
        the panel)."""
        self._headers = headers
        self._late_text = late_text
        self._refused_text = refused_text
        self.refresh()

    def refresh(self) -> None:
        """Labels or language changed: redraw every cell and header."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._cases:
            last = self.index(len(self._cases) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def case(self, row: int) -> CaseSummary | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def update_case(self, summary: CaseSummary) -> None:
        """A case just read again (corrected, resent, dropped): its row follows, without
        a new search that would move the selection."""
        for row, case in enumerate(self._cases):
            if case.case_number == summary.case_number and case != summary:
                self._cases = (*self._cases[:row], summary, *self._cases[row + 1 :])
                last = len(self.COLUMNS) - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        case = self.case(index.row())
        if case is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(case, column)
        if column == "refused" and case.refused:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(REFUSED_FG))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if case.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(LATE_FG))
        if case.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(LATE_BG))
        return None

    def _text(self, case: CaseSummary, column: str) -> str:
        if column == "case_number":
            return case.case_number
        if column == "service":
            return fmt.service_name(self.catalogue, case.service_code, case.service_name, self.lang)
        if column == "status":
            return fmt.status_label(case.status, self.lang)
        if column == "created":
            return fmt.day(case.created_at)
        if column == "due":
            return fmt.when(case.due_at)
        if column == "refused":
            return self._refused_text if case.refused else ""
        return self._late_text if case.overdue else ""


def _badge(parent: QWidget, name: str, fg: str, bg: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(
        f"#{name} {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
        " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"
    )
    label.hide()
    return label


def _value_label(parent: QWidget, rich: bool = False) -> QLabel:
    # Selectable by mouse only: a Tab stop on every value would put a dozen keystrokes
    # between the list and the note field.
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class CaseDetailView(QScrollArea):
    """One case as an agent reads it: number, facts, citizens, details and the timeline,
    with the field for a new note, and (Modifier) its own fields made editable. Display
    only: the panel loads and saves."""

    noteRequested = Signal()  # the agent asked to save the typed note (button, Ctrl+Enter)

    FACTS = (
        "service",
        "nature",
        "status",
        "channel",
        "created",
        "due",
        "address",
        "arrondissement",
        "unit",
        "handled_by",
        "parent",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail: CaseDetail | None = None
        # A note typed and not added, per case: it stays with its case, never goes to
        # the next one shown.
        self._notes: dict[str, str] = {}
        self._editable = False  # a workspace with a profile: corrections can be saved
        self._lang = "fr"
        self._catalogue: Catalogue | None = None
        content = QWidget(self)
        content.setObjectName("caseDetailContent")
        self.setWidget(content)
        self.empty_label = QLabel(content)
        self.empty_label.setObjectName("caseDetailEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {MUTED};")
        self.body = QWidget(content)
        self._build_header()
        self._build_facts()
        self._build_sections()
        self._build_note()
        self._build_layout(content)
        on_ctrl_enter(self.note_field, self.noteRequested.emit)
        scroll_to_focus(self)  # Alt+N, Tab: the field taking the keyboard comes into view
        self.note_field.textChanged.connect(self.note_problem.hide)
        self.add_note_button.clicked.connect(self.noteRequested)

    # -- building -----------------------------------------------------------------------
    def _build_header(self) -> None:
        self.number_label = _value_label(self.body)
        self.number_label.setObjectName("caseNumber")
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setWordWrap(False)
        # Agents read the number aloud or copy it: of all the values, it alone takes focus.
        self.number_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.late_badge = _badge(self.body, "caseOverdueBadge", LATE_FG, LATE_BG)
        self.unsynced_badge = _badge(self.body, "caseUnsynced", PENDING_FG, PENDING_BG)
        self.updated_badge = _badge(self.body, "caseUpdatedBadge", UPDATED_FG, UPDATED_BG)
        self._updated_timer = QTimer(self)
        self._updated_timer.setSingleShot(True)
        self._updated_timer.setInterval(UPDATED_MARK_MS)
        self._updated_timer.timeout.connect(self.updated_badge.hide)
        self.banner = RefusalBanner(self.body)
        self.edit_button = QPushButton(self.body)
        self.edit_button.setObjectName("caseEditButton")
        self.edit_button.setAutoDefault(True)  # Enter on the focused button starts editing
        self.edit_button.hide()
        self.reopen_button = QPushButton(self.body)
        self.reopen_button.setObjectName("caseReopenButton")
        self.reopen_button.setAutoDefault(True)
        self.reopen_button.hide()
        self.editor = CaseEditor(self.body)
        self.editor.hide()

    def _build_facts(self) -> None:
        self.fact_captions = {key: QLabel(self.body) for key in self.FACTS}
        self.fact_values = {key: _value_label(self.body) for key in self.FACTS}
        self.fact_values["due"].setTextFormat(Qt.TextFormat.RichText)
        self.facts = QFormLayout()
        # Values take the whole width (QLabel is not Expanding): no wrapping to a clipped line.
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts.setHorizontalSpacing(12)
        self.facts.setVerticalSpacing(6)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key in self.FACTS:
            self.fact_captions[key].setStyleSheet(f"color: {MUTED};")
            self.fact_captions[key].setBuddy(self.fact_values[key])
            self.facts.addRow(self.fact_captions[key], self.fact_values[key])

    def _build_sections(self) -> None:
        self.citizens_heading = _heading(self.body)
        self.citizens_label = _value_label(self.body, rich=True)
        self.citizens_label.setObjectName("caseCitizens")
        self.description_heading = _heading(self.body)
        self.description_label = _value_label(self.body)
        self.description_label.setObjectName("caseDescription")
        self.attributes_heading = _heading(self.body)
        self.attributes_label = _value_label(self.body, rich=True)
        self.attributes_label.setObjectName("caseAttributes")
        self.timeline_heading = _heading(self.body)
        self.timeline = _value_label(self.body, rich=True)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def _build_note(self) -> None:
        self.note_heading = QLabel(self.body)
        self.note_field = QPlainTextEdit(self.body)
        self.note_field.setObjectName("noteField")
        self.note_field.setTabChangesFocus(True)
        self.note_field.setFixedHeight(self.note_field.fontMetrics().lineSpacing() * 4 + 16)
        self.note_heading.setBuddy(self.note_field)  # Alt+N jumps to the note
        self.note_problem = QLabel(self.body)
        self.note_problem.setObjectName("noteProblem")
        self.note_problem.setStyleSheet(ERROR_STYLE)
        self.note_problem.setWordWrap(True)
        self.note_problem.hide()
        self.add_note_button = QPushButton(self.body)
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.setAutoDefault(True)  # Enter on the focused button adds the note

    def _build_layout(self, content: QWidget) -> None:
        header = QHBoxLayout()
        header.addWidget(self.number_label)
        header.addWidget(self.updated_badge)
        header.addWidget(self.late_badge)
        header.addWidget(self.unsynced_badge)
        header.addStretch(1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        # Set explicitly: nested layouts would inherit the 24 px between the two columns.
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(header)
        left.addWidget(self.banner)
        left.addLayout(self.facts)
        left.addSpacing(6)
        left.addWidget(self.editor)
        for heading, value in (
            (self.citizens_heading, self.citizens_label),
            (self.description_heading, self.description_label),
            (self.attributes_heading, self.attributes_label),
        ):
            left.addSpacing(10)
            left.addWidget(heading)
            left.addWidget(value)
        left.addStretch(1)

        note_row = QHBoxLayout()
        note_row.addWidget(self.note_problem, 1)
        note_row.addWidget(
            self.add_note_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.timeline_heading)
        right.addWidget(self.timeline)
        right.addSpacing(8)
        right.addWidget(self.note_heading)
        right.addWidget(self.note_field)
        right.addLayout(note_row)
        right.addStretch(1)

        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body.hide()

        inner = QVBoxLayout(content)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.addWidget(self.empty_label)
        inner.addWidget(self.body)
        inner.addStretch(1)
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab follows reading order: the number, Modifier, the refusal's actions, the
        fields being corrected, the note."""
        chain: list[QWidget] = [
            self.number_label,
            self.edit_button,
            self.reopen_button,
            *self.banner.buttons,
            *self.editor.editors.values(),
            self.editor.save_button,
            self.editor.cancel_button,
            self.note_field,
            self.add_note_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- public -------------------------------------------------------------------------
    @property
    def case_number(self) -> str | None:
        return None if self.detail is None else self.detail.summary.case_number

    def show_detail(self, detail: CaseDetail | None) -> None:
        shown = None if detail is None else detail.summary.case_number
        if self.case_number != shown:
            self.note_problem.hide()  # a problem with another case's note
            self.stop_edit(focus=False)  # corrections belong to the case they were typed on
            self._swap_note(self.case_number, shown)
            self._updated_timer.stop()
            self.updated_badge.hide()  # the mark is the case's, not the next one's
        self.detail = detail
        self.redraw()

    def _swap_note(self, before: str | None, after: str | None) -> None:
        if before is not None:
            typed = self.note_field.toPlainText()
            if typed.strip():
                self._notes[before] = typed
            else:
                self._notes.pop(before, None)
        self.note_field.setPlainText(self._notes.pop(after, "") if after is not None else "")

    def forget_note(self, case_number: str) -> None:
        """The case's note was added while another case was shown: not kept aside."""
        self._notes.pop(case_number, None)

    def mark_updated(self, at: str) -> None:
        """The shown case just came in changed from the central store: say so by its
        number, for a while."""
        self.updated_badge.setText(self.tr("Mis à jour à %1").replace("%1", at))
        self.updated_badge.setToolTip(
            self.tr("Un changement venu du stockage central a été relu à %1.").replace("%1", at)
        )
        self.updated_badge.show()
        self._updated_timer.start()

    # -- correcting ---------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return not self.editor.isHidden()

    @property
    def can_edit(self) -> bool:
        """Offered for an open case only, once the workstation can save (a profile); not
        for a case the central store has not accepted (its creation refused, or dropped):
        an edit of it would be refused in turn. Its creation is corrected instead."""
        detail = self.detail
        if not self._editable or detail is None or not detail.summary.is_open:
            return False
        if detail.sync_state == case_states.ABSENT:
            return False
        return not any(r.type == CREATE for r in detail.refusals)

    @property
    def can_reopen(self) -> bool:
        """A closed case, on a workstation that can save: the agent may reactivate it."""
        detail = self.detail
        return self._editable and detail is not None and not detail.summary.is_open

    @property
    def resendable(self) -> Refusal | None:
        """The refused creation or correction Ctrl+E corrects, if the agent can."""
        detail = self.detail
        if not self._editable or detail is None or not detail.summary.is_open:
            return None
        return self.banner.first_correctable()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if not editable:
            self.stop_edit(focus=False)
        self.redraw()

    def start_edit(self) -> None:
        """The description and location become fields, filled with the case's values; on a
        case with a refused change the correction form can fix, that change's correction."""
        refused = self.resendable
        if refused is not None:
            self.start_resend(refused.seq)
            return
        if self.editing or not self.can_edit or self.detail is None:
            return
        self.editor.start(self.detail, self._catalogue)
        self.editor.show()
        self.redraw()
        self.ensureWidgetVisible(self.editor)
        self.editor.description.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_resend(self, seq: int) -> None:
        """The fields as the refused change wanted them, those the store named outlined
        with its reasons; saving resends the corrected change."""
        detail = self.detail
        refusal = next((r for r in detail.refusals if r.seq == seq), None) if detail else None
        if detail is None or refusal is None or not refusal.can_resend:
            return
        if refusal.type not in (CREATE, UPDATE):
            return
        if self.editing:
            if self.editor.resend_seq == seq:
                return
            self.stop_edit(focus=False)
        case = detail.summary
        current = {
            "description": detail.description,
            "civic_number": case.civic_number,
            "street": case.street,
            "postal_code": detail.postal_code,
            "arrondissement": case.arrondissement,
        }
        self.editor.start(detail, self._catalogue, resend_values(refusal, current), seq)
        self.editor.show()
        self.redraw()
        self.editor.show_problems(refusal.problems, problem_text)
        named = [p.field for p in refusal.problems if p.field in self.editor.editors]
        if not named:
            self.editor.description.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # The first field the store named, with its message under it, in view.
        shown = self.editor.errors[named[0]] if named else self.editor.description
        # Once laid out (wrapped messages take their height late): scroll to it then.
        QTimer.singleShot(60, lambda: self._reveal(shown))

    def _reveal(self, widget: QWidget) -> None:
        if widget.isVisible():
            self.ensureWidgetVisible(widget, 20, 40)

    def stop_edit(self, focus: bool = True) -> None:
        if not self.editing:
            return
        self.editor.hide()
        self.editor.clear_problems()
        self.redraw()
        if focus and self.edit_button.isVisible():
            self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_context(self, lang: str, catalogue: Catalogue | None) -> None:
        self._lang = lang
        self._catalogue = catalogue
        self.redraw()

    def set_note_busy(self, busy: bool) -> None:
        # Read-only while saving, so what is cleared on success is exactly what was saved.
        self.note_field.setReadOnly(busy)
        self.add_note_button.setEnabled(not busy)

    def show_note_problem(self, text: str) -> None:
        self.note_problem.setText(text)
        self.note_problem.show()

    def focus_case(self) -> None:
        """After a refused change was settled: the case from its top, the keyboard on
        its number (Modifier is one Tab away)."""
        self.verticalScrollBar().setValue(0)
        self.number_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def note_saved(self) -> None:
        self.note_field.clear()
        self.note_problem.hide()
        self.ensureWidgetVisible(self.note_field)

    def retranslate(self) -> None:
        self.empty_label.setText(
            self.tr(
                "Aucun dossier ouvert. Cherchez un dossier ci-dessus, puis ↓ et Entrée "
                "pour l'afficher ici."
            )
        )
        captions = self._fact_captions()
        for key, label in self.fact_captions.items():
            label.setText(captions[key])
        self.number_label.setAccessibleName(self.tr("Numéro de dossier"))
        self.late_badge.setText(self.tr("En retard"))
        self.citizens_heading.setText(self.tr("Citoyens concernés"))
        self.description_heading.setText(self.tr("Description"))
        self.attributes_heading.setText(self.tr("Précisions"))
        self.timeline_heading.setText(self.tr("Historique"))
        self.note_heading.setText(self.tr("&Note à ajouter au dossier"))
        self.note_field.setPlaceholderText(self.tr("Ce que le citoyen a dit ou ce qui a été fait"))
        self.note_field.setAccessibleName(self.tr("Note à ajouter au dossier"))
        self.add_note_button.setText(self.tr("Ajouter la note (Ctrl+Entrée)"))
        self.edit_button.setText(self.tr("Modifier (Ctrl+E)"))
        self.reopen_button.setText(self.tr("Réactiver… (Ctrl+R)"))
        self.reopen_button.setToolTip(
            self.tr("Le citoyen dit que ce n'est pas réglé : rouvrir le dossier, avec la raison")
        )
        self.edit_button.setToolTip(
            self.tr("Corriger la description ou l'emplacement de ce dossier")
        )
        self.editor.retranslate()
        self.redraw()

    def _fact_captions(self) -> dict[str, str]:
        return {
            "service": self.tr("Type de demande :"),
            "nature": self.tr("Nature :"),
            "status": self.tr("Statut :"),
            "channel": self.tr("Canal :"),
            "created": self.tr("Créé le :"),
            "due": self.tr("Échéance :"),
            "address": self.tr("Adresse :"),
            "arrondissement": self.tr("Arrondissement :"),
            "unit": self.tr("Unité responsable :"),
            "handled_by": self.tr("Prise en charge par :"),
            "parent": self.tr("Doublon du dossier :"),
        }

    # -- rendering ----------------------------------------------------------------------
    def redraw(self) -> None:
        detail = self.detail
        self.empty_label.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            return
        case = detail.summary
        self.number_label.setText(case.case_number)
        self.late_badge.setVisible(case.overdue)
        badge = self._sync_badge(detail)
        self.unsynced_badge.setText(badge)
        self.unsynced_badge.setVisible(bool(badge))
        self.banner.show_case(detail, self._editable and case.is_open, self._editable)
        self._chain_focus()
        self.edit_button.setVisible(self.can_edit and not self.editing and self.resendable is None)
        self.reopen_button.setVisible(self.can_reopen)
        self.description_heading.setVisible(not self.editing)
        self.description_label.setVisible(not self.editing)
        values = self._fact_texts(detail)
        for key, label in self.fact_values.items():
            label.setText(values.get(key, ""))
        self.facts.setRowVisible(self.fact_values["parent"], detail.parent_case_number is not None)
        self.citizens_label.setText(self._citizens_html(detail.citizens))
        self.description_label.setText(detail.description or "—")
        attributes = self._attributes_html(detail)
        self.attributes_heading.setVisible(bool(attributes))
        self.attributes_label.setVisible(bool(attributes))
        self.attributes_label.setText(attributes)
        self.timeline.setText(self._timeline_html(detail))

    def _sync_badge(self, detail: CaseDetail) -> str:
        """The header's word on where the case stands with the central store ("" when the
        store has it as shown, or the refusal banner says more)."""
        state = detail.sync_state
        if state == case_states.PENDING:
            if detail.revision == 0:
                return self.tr("Pas encore transmis au stockage central")
            return self.tr("Modifications pas encore transmises au stockage central")
        if state == case_states.CONFLICT:
            return self.tr("Conflit à régler : un collègue a modifié les mêmes champs")
        if state == case_states.AWAITED:
            return self.tr("Copie du stockage central à récupérer à la prochaine synchronisation")
        return ""

    def _fact_texts(self, detail: CaseDetail) -> dict[str, str]:
        case, lang, catalogue = detail.summary, self._lang, self._catalogue
        status = fmt.status_label(case.status, lang)
        if detail.status_notes:
            status = f"{status} — {detail.status_notes}"
        address = " · ".join(part for part in (case.address, detail.postal_code) if part)
        return {
            "service": fmt.service_name(catalogue, case.service_code, case.service_name, lang),
            "nature": fmt.nature_label(case.nature, lang),
            "status": status,
            "channel": fmt.channel_label(case.channel, lang),
            "created": fmt.when(case.created_at),
            "due": self._due_html(case),
            "address": address or "—",
            "arrondissement": self._arrondissement(case.arrondissement),
            "unit": _unit_name(catalogue, detail.responsible_unit, lang),
            "handled_by": _unit_name(catalogue, detail.handled_by, lang),
            "parent": detail.parent_case_number or "",
        }

    def _due_html(self, case: CaseSummary) -> str:
        if case.due_at is None:
            return "—"
        text = _esc(fmt.due_phrase(case.due_at, self._lang))
        if case.overdue:
            late = _esc(self.tr("En retard"))
            style = f"color:{LATE_FG}; background:{LATE_BG}"
            text += f" <span style='{style}'><b>&nbsp;{late}&nbsp;</b></span>"
        return text

    def _arrondissement(self, code: str) -> str:
        catalogue = self._catalogue
        place = catalogue.routing.arrondissements.get(code) if catalogue and code else None
        if place is None:
            return code or "—"
        return f"{place.name} ({code})"

    def _citizens_html(self, citizens: tuple[CitizenBrief, ...]) -> str:
        if not citizens:
            return _esc(self.tr("Aucun : signalement anonyme."))
        lines = []
        for citizen in citizens:
            contact = " · ".join(_esc(part) for part in (citizen.phone, citizen.email) if part)
            line = f"<b>{_esc(citizen.name or '—')}</b>"
            lines.append(f"{line} · {contact}" if contact else line)
        return "<br>".join(lines)

    def _attributes_html(self, detail: CaseDetail) -> str:
        catalogue = self._catalogue
        service = catalogue.services.get(detail.summary.service_code) if catalogue else None
        rows = []
        for code, value in _ordered_attributes(service, detail.attributes):
            label, shown = self._attribute_text(service, code, value)
            rows.append(
                f"<tr><td style='color:{MUTED}; padding-right:10px'>{_esc(label)}</td>"
                f"<td>{_esc(shown)}</td></tr>"
            )
        return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>" if rows else ""

    def _attribute_text(self, service: Service | None, code: str, value: Any) -> tuple[str, str]:
        """The attribute's question and its answer, in the panel's language."""
        attr = next((a for a in service.attributes if a.code == code), None) if service else None
        if attr is None:  # no longer in the catalogue: its code and raw value
            return code, ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        en = self._lang == "en"
        label = attr.description_en if en and attr.description_en else attr.description_fr
        names = {v.key: v.name_en if en and v.name_en else v.name_fr for v in attr.values}
        if isinstance(value, list):
            return label, ", ".join(names.get(str(v), str(v)) for v in value)
        if attr.datatype == "datetime" and isinstance(value, str):
            try:
                return label, fmt.when(datetime.fromisoformat(value))
            except ValueError:
                return label, value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return label, names.get(str(value), str(value))

    # -- timeline -----------------------------------------------------------------------
    def _timeline_html(self, detail: CaseDetail) -> str:
        rows = []
        for event in detail.events:
            title, text = self._event_text(event, detail)
            meta = f"{_esc(fmt.when(event.at))}<br>{_esc(event.actor or '—')}"
            body = f"<b>{_esc(title)}</b>" + (f"<br>{text}" if text else "")
            rows.append(
                f"<tr><td style='color:{MUTED}; padding-right:12px; white-space:nowrap'>"
                f"{meta}</td><td style='padding-bottom:8px'>{body}</td></tr>"
            )
        if not rows:
            return _esc(self.tr("Aucun événement."))
        return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"

    def _event_text(self, event: EventView, detail: CaseDetail) -> tuple[str, str]:
        """The event's title and its details as HTML (escaped)."""
        data = event.data
        if event.kind == "created":
            channel = fmt.channel_label(str(data.get("channel", "")), self._lang)
            return self.tr("Demande créée"), _esc(self.tr("Canal : %1").replace("%1", channel))
        if event.kind == "routed":
            return self.tr("Acheminée"), _esc(self._routed_text(data))
        if event.kind == "status":
            return self.tr("Statut modifié"), self._status_html(data)
        if event.kind == "note":
            return self.tr("Note"), _esc(data.get("text", "")).replace("\n", "<br>")
        if event.kind == "duplicate":
            return self.tr("Doublon"), _esc(self._duplicate_text(data))
        if event.kind == "citizen_attached":
            names = {c.id: c.name for c in detail.citizens}
            return self.tr("Citoyen ajouté au dossier"), _esc(
                names.get(str(data.get("citizen_id", "")), "")
            )
        if event.kind == "updated":
            return self.tr("Dossier modifié"), _esc(self._updated_text(data))
        if event.kind == "resent":
            return self.tr("Corrigé et renvoyé au stockage central"), self._resent_html(data)
        if event.kind == "dropped":
            return self.tr("Modification refusée abandonnée"), self._dropped_html(data)
        return event.kind, _esc(", ".join(f"{k} : {v}" for k, v in data.items()))

    def _refused_for(self, data: dict[str, Any]) -> str:
        problems = [p for p in data.get("problems") or [] if isinstance(p, dict)]
        if not problems:
            return ""
        lines = [problem_line(p) for p in store_problems({"problems": problems})]
        return "<br>" + _esc(self.tr("Refusée pour : %1").replace("%1", " ; ".join(lines)))

    def _resent_html(self, data: dict[str, Any]) -> str:
        text = _esc(change_label(str(data.get("op", ""))))
        fields = data.get("fields")
        if isinstance(fields, dict) and fields:
            if str(data.get("op")) == NOTE:
                text += " — " + _esc(self.tr("texte corrigé"))
            else:
                text += " — " + _esc(self._updated_text({"fields": fields}))
        return text + self._refused_for(data)

    def _dropped_html(self, data: dict[str, Any]) -> str:
        op = str(data.get("op", ""))
        text = _esc(change_label(op))
        fields = data.get("fields")
        if op == UPDATE and isinstance(fields, dict):
            values = " ; ".join(
                self.tr("%1 : %2").replace("%1", field_label(str(k))).replace("%2", str(v))
                for k, v in fields.items()
            )
            text += "<br>" + _esc(self.tr("Valeurs abandonnées : %1").replace("%1", values))
        elif op == NOTE and data.get("text"):
            note = _esc(str(data["text"])).replace("\n", "<br>")
            text += "<br>" + _esc(self.tr("Texte abandonné :")) + " " + note
        elif op == CREATE and data.get("description"):
            text += "<br>" + _esc(
                self.tr("Description : %1").replace("%1", str(data["description"]))
            )
        return text + self._refused_for(data)

    def _routed_text(self, data: dict[str, Any]) -> str:
        catalogue, lang = self._catalogue, self._lang
        unit_code = str(data.get("unit", ""))
        unit = _unit_name(catalogue, unit_code, lang, str(data.get("unit_name", "")))
        text = self.tr("Unité responsable : %1").replace("%1", unit)
        handler_code = str(data.get("handled_by", ""))
        if handler_code and handler_code != unit_code:
            handler = _unit_name(
                catalogue, handler_code, lang, str(data.get("handled_by_name", ""))
            )
            text += " — " + self.tr("prise en charge par %1").replace("%1", handler)
        if data.get("after_hours"):
            text += " " + self.tr("(hors des heures de bureau)")
        reason = data.get("reason")
        if reason == "reassigned":
            text += " " + self.tr("(réassignée)")
        elif reason == "arrondissement":
            text += " " + self.tr("(changement d'arrondissement)")
        return text

    def _status_html(self, data: dict[str, Any]) -> str:
        before = fmt.status_label(str(data.get("from", "")), self._lang)
        after = fmt.status_label(str(data.get("to", "")), self._lang)
        text = _esc(f"{before} → {after}")
        if data.get("notes"):
            text += "<br>" + _esc(data["notes"])
        return text

    def _duplicate_text(self, data: dict[str, Any]) -> str:
        if data.get("parent"):
            return self.tr("Doublon du dossier %1").replace("%1", str(data["parent"]))
        return self.tr("Le dossier %1 est un doublon de celui-ci").replace(
            "%1", str(data.get("duplicate", ""))
        )

    def _updated_text(self, data: dict[str, Any]) -> str:
        names: dict[str, str] = {
            "civic_number": self.tr("numéro civique"),
            "street": self.tr("rue"),
            "postal_code": self.tr("code postal"),
            "arrondissement": self.tr("arrondissement"),
            "description": self.tr("description"),
            "attributes": self.tr("précisions"),
            "service_code": self.tr("type de demande"),
            "due_at": self.tr("échéance"),
            "handled_by": self.tr("prise en charge"),
            "status_notes": self.tr("note du statut"),
            "responsible_unit": self.tr("unité responsable"),
            "citizen_id": self.tr("citoyen"),
            "lat": self.tr("latitude"),
            "long": self.tr("longitude"),
        }
        fields = data.get("fields")
        if not isinstance(fields, dict):
            return ""
        parts: list[str] = []
        for name, change in fields.items():
            label = names.get(str(name), str(name))
            if isinstance(change, dict) and all(
                isinstance(change.get(k), str | int | float) for k in ("from", "to")
            ):
                label += f" ({change['from']} → {change['to']})"
            parts.append(label)
        return self.tr("Champs modifiés : %1").replace("%1", ", ".join(parts))


def _ordered_attributes(service: Service | None, values: dict[str, Any]) -> list[tuple[str, Any]]:
    """In the catalogue's order; codes it no longer knows last."""
    order = {a.code: a.order for a in service.attributes} if service else {}
    return sorted(values.items(), key=lambda item: (order.get(item[0], 1_000), item[0]))


class CaseHistoryPanel(QWidget):
    statusMessage = Signal(str)  # a short confirmation for the main window's status bar

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHistoryPanel")
        self._background = background
        self._workspace: Workspace | None = None
        self._lang = "fr"
        self._shown: str | None = None  # the query whose results are on screen
        self._search: CaseSearch | None = None
        self._requested: str | None = None  # the case whose detail was asked for last
        self._focus_on_show: str | None = None  # opened by Enter: the keyboard goes to it
        self._saving_note = False
        self.reopen_dialog: ReopenDialog | None = None
        self._saving_edit = False
        self._settling = False  # a drop or a removal on its way
        self._fetch_copy: StoreCopyFetcher | None = None
        self.confirm_box: QMessageBox | None = None
        self.note_correction: NoteCorrection | None = None
        self.suggestion_buttons: list[QPushButton] = []
        self._placing = False  # the list is being filled: its selection is set after

        self._build_search()
        self.detail = CaseDetailView(self)
        self._build_layout()
        self._connect()
        self.retranslate()

    # -- building -----------------------------------------------------------------------
    def _build_search(self) -> None:
        self.field = QLineEdit(self)
        self.field.setObjectName("caseSearchField")
        self.field.setClearButtonEnabled(True)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.field.setFont(font)
        self.field.setMinimumHeight(self.field.fontMetrics().height() + 14)
        self.summary = QLabel(self)
        self.summary.setObjectName("caseSearchSummary")
        self.problem = QLabel(self)
        self.problem.setObjectName("caseSearchProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.did_you_mean = QWidget(self)
        self.did_you_mean.setObjectName("didYouMean")
        self._did_you_mean_layout = QHBoxLayout(self.did_you_mean)
        self._did_you_mean_layout.setContentsMargins(0, 0, 0, 0)
        self.did_you_mean_label = QLabel(self.did_you_mean)
        self._did_you_mean_layout.addWidget(self.did_you_mean_label)
        self._did_you_mean_layout.addStretch(1)
        self.did_you_mean.hide()

        self.model = CaseTableModel(self)
        self.results = QTableView(self)
        self.results.setObjectName("caseResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("caseSplitter")
        splitter.addWidget(self.results)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([180, 500])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.did_you_mean)
        layout.addWidget(splitter, 1)
        # Tab order follows reading order: search, suggestions, list, then the case.
        QWidget.setTabOrder(self.field, self.results)
        QWidget.setTabOrder(self.results, self.detail.number_label)

    def _connect(self) -> None:
        self._follower = Follower(
            self._background,
            self.field.text,
            self._find,
            self._show_found,
            DEBOUNCE_MS,
            self,
            failed=self._show_search_failure,
        )
        self.field.textChanged.connect(lambda _text: self._follower.poke())
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.clicked.connect(self._open_index)
        # The case view is the selected row's case: a row selected (arrows, a click) shows
        # its case once the keys stop.
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._open_selected)
        selection = self.results.selectionModel()
        selection.currentRowChanged.connect(lambda _now, _before: self._on_row())
        self.detail.noteRequested.connect(self.add_note)
        self.detail.edit_button.clicked.connect(self.start_edit)
        self.detail.reopen_button.clicked.connect(self.start_reopen)
        self.detail.editor.saveRequested.connect(self.save_edit)
        self.detail.editor.cancelRequested.connect(self.cancel_edit)
        self.detail.banner.correctRequested.connect(self.correct_refusal)
        self.detail.banner.dropRequested.connect(self.confirm_drop)
        self.detail.banner.removeRequested.connect(self.confirm_remove)
        # Esc from anywhere in the panel goes back to the search field (from a correction
        # being typed, it gives the correction up first).
        # Each says what it does in its whatsThis (retranslate): the F1 list reads it.
        self.shortcuts: dict[str, QShortcut] = {}
        for name, key, slot in (
            ("escape", QKeySequence(Qt.Key.Key_Escape), self._escape),
            ("reopen", QKeySequence("Ctrl+R"), self.start_reopen),
            ("edit", QKeySequence("Ctrl+E"), self.start_edit),
            # Ctrl+Entrée from anywhere in the case: in a note or a correction it saves
            # it (their fields also take it themselves); elsewhere it goes to the note.
            ("note", QKeySequence("Ctrl+Return"), self._ctrl_enter),
            ("note_enter", QKeySequence("Ctrl+Enter"), self._ctrl_enter),
        ):
            self.shortcuts[name] = QShortcut(
                key, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

    # -- public -------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        """Where searches go; until it is set, what the agent types is kept and waits."""
        self._workspace = workspace
        self._shown = None
        self._follower.forget()
        catalogue = None if workspace is None else workspace.catalogue
        self.model.catalogue = catalogue
        self.detail.set_context(self._lang, catalogue)
        self.detail.set_editable(workspace is not None and workspace.profile is not None)
        if workspace is None:
            return
        self._start_search()
        if self._requested is not None and self.detail.detail is None:
            self._load_case(self._requested)

    def set_store_copy_fetcher(self, fetch: StoreCopyFetcher | None) -> None:
        """How to ask the central store for its copy of a case (the sync's connection);
        None: no store to ask now (the copy comes at the next sync)."""
        self._fetch_copy = fetch

    def refresh_shown(self, updated: Collection[str] = ()) -> None:
        """A sync round ended: the open case reads again (a change just refused, or a
        store copy just brought in). `updated`: the cases a change from someone else came
        in for; the open one among them says so ("Mis à jour à HH:MM"), or, while a
        correction of it is typed, the correction says it and keeps what was typed."""
        case_number = self.shown_case
        if case_number is not None and self._requested == case_number and not self._settling:
            self._load_case(case_number, news=case_number in updated)

    def _escape(self) -> None:
        if self.detail.editing:
            self.cancel_edit()
        else:
            self.focus_search()

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _ctrl_enter(self) -> None:
        if self.detail.editing:
            self.save_edit()
        elif self.detail.detail is None:
            return
        elif self.detail.note_field.toPlainText().strip():
            self.add_note()
        else:
            self.detail.note_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_case(self, case_number: str) -> None:
        """Open a case at once (e.g. just saved); its number goes in the search field."""
        self._follow.stop()
        self.field.setText(case_number)
        self._load_case(case_number)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.model.lang = lang
        self.model.refresh()
        self.detail.set_context(lang, self.model.catalogue)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(
            self.tr("Numéro de dossier, téléphone, courriel ou adresse (Échap pour revenir ici)")
        )
        self.field.setAccessibleName(self.tr("Recherche de dossiers"))
        self.results.setAccessibleName(self.tr("Dossiers trouvés"))
        self.did_you_mean_label.setText(self.tr("Vouliez-vous dire :"))
        self.model.set_labels(
            (
                self.tr("Dossier"),
                self.tr("Type de demande"),
                self.tr("Statut"),
                self.tr("Créé le"),
                self.tr("Échéance"),
                self.tr("Retard"),
                self.tr("Stockage central"),
            ),
            self.tr("En retard"),
            self.tr("Refusé"),
        )
        self._render_search()
        self.detail.retranslate()
        texts = {
            "escape": self.tr("Revenir à la recherche de dossiers (ou abandonner la modification)"),
            "reopen": self.tr("Réactiver le dossier fermé, avec la raison"),
            "edit": self.tr("Modifier le dossier ouvert (ou corriger et renvoyer un refus)"),
            "note": self.tr("Ajouter la note, ou enregistrer la modification"),
        }
        texts["note_enter"] = texts["note"]
        for name, shortcut in self.shortcuts.items():
            shortcut.setWhatsThis(texts[name])

    @property
    def shown_query(self) -> str | None:
        """The query whose results are on screen."""
        return self._shown

    @property
    def shown_case(self) -> str | None:
        """The case number whose detail is on screen."""
        return self.detail.case_number

    # -- searching ----------------------------------------------------------------------
    def _start_search(self) -> None:
        self._follower.now()

    def _find(self, wanted: object) -> CaseSearch:
        text, workspace = str(wanted), self._workspace
        if workspace is None or not text.strip():
            return CaseSearch(text, "empty")
        return workspace.find_cases(text)

    def _show_found(self, wanted: object, found: CaseSearch | None) -> None:
        if found is not None:  # None: the search failed, its message is already shown
            self._show_search(str(wanted), found)

    def _show_search_failure(self, exc: Exception) -> None:
        self._shown = None
        self.problem.setText(self.tr("Recherche impossible : %1").replace("%1", str(exc)))
        self.problem.show()

    def _show_search(self, query: str, found: CaseSearch) -> None:
        """The cases found, one of them selected and shown: the case already open if it
        is among them, else the first. A search that finds nothing empties the case view,
        unless a correction of the open case is being typed (it stays, nothing selected)."""
        self._shown = query
        self._search = found
        wanted = self._requested or self.shown_case
        numbers = [case.case_number for case in found.cases]
        row = numbers.index(wanted) if wanted in numbers else -1
        if row < 0 and numbers and not self.detail.editing:
            row = 0
        self._placing = True
        try:
            self.model.set_cases(found.cases)
            if row >= 0:
                self.results.selectRow(row)
            else:
                self.results.clearSelection()
                self.results.setCurrentIndex(QModelIndex())
        finally:
            self._placing = False
        self._render_search()
        if row >= 0:
            if numbers[row] != self._requested:
                self._load_case(numbers[row])
        elif not self.detail.editing:
            self._follow.stop()
            self._requested = None
            self.detail.show_detail(None)

    def _kind_label(self, kind: str) -> str:
        return {
            "case_number": self.tr("Numéro de dossier"),
            "phone": self.tr("Téléphone"),
            "email": self.tr("Courriel"),
            "address": self.tr("Adresse"),
        }.get(kind, "")

    def _render_search(self) -> None:
        found = self._search
        if found is None or found.kind == "empty":
            self.summary.setText(
                self.tr(
                    "Tapez un numéro de dossier, un téléphone, un courriel ou une adresse : "
                    "les dossiers suivent la frappe."
                )
            )
            self.problem.hide()
            self._set_suggestions(())
            return
        count = self.tr("%n dossier(s)", "", len(found.cases))
        self.summary.setText(f"{self._kind_label(found.kind)} · {count}")
        self.problem.setText("" if found.problem is None else fmt.problem_text(found.problem))
        self.problem.setVisible(found.problem is not None)
        self._set_suggestions(found.suggestions)

    def _set_suggestions(self, numbers: tuple[str, ...]) -> None:
        for button in self.suggestion_buttons:
            self._did_you_mean_layout.removeWidget(button)
            button.deleteLater()
        self.suggestion_buttons = []
        for position, number in enumerate(numbers, start=1):
            button = QPushButton(self.tr("%1 ?").replace("%1", number), self.did_you_mean)
            button.setObjectName("suggestion")
            button.setAutoDefault(True)  # Enter on the focused suggestion opens it
            button.setAccessibleName(self.tr("Ouvrir le dossier %1").replace("%1", number))
            button.clicked.connect(lambda _=False, n=number: self._open_suggestion(n))
            button.installEventFilter(self)
            self._did_you_mean_layout.insertWidget(position, button)
            self.suggestion_buttons.append(button)
        previous: QWidget = self.field
        for button in self.suggestion_buttons:
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.results)
        self.did_you_mean.setVisible(bool(numbers))

    def _open_suggestion(self, number: str) -> None:
        self.show_case(number)
        self.focus_search()

    # -- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and watched is self.field
            and isinstance(event, QKeyEvent)
            and self._panel_shortcut(event)
        ):
            # The search field would take Ctrl+E for itself (end of line, on X11): the
            # case's Modifier comes first, right after a case number was typed too.
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched in self.suggestion_buttons:
                return self._suggestion_key(event)
            if watched is self.field or watched is self.results:
                return self._list_key(watched, event)
        return super().eventFilter(watched, event)

    def _panel_shortcut(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            shortcut.key().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for name, shortcut in self.shortcuts.items()
            if name != "escape"
        )

    def _list_key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if watched is self.field and key in _STEPS:
            if self.model.rowCount() == 0 and self.suggestion_buttons and key == Qt.Key.Key_Down:
                self.suggestion_buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self._move(key)
            return True
        if key in ENTER and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # The keyboard goes to the case once it shows: Ctrl+E, Ctrl+Entrée work at
            # once, Modifier is one Tab away, Échap comes back to the search.
            self._open_index(self.results.currentIndex(), focus=True)
            return True
        return False

    def _suggestion_key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Up:
            self.field.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        row = self.results.currentIndex().row()
        row = min(max(0, (row if row >= 0 else -1) + _STEPS[key]), rows - 1)
        self.results.selectRow(row)
        self.results.scrollTo(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex | QPersistentModelIndex, focus: bool = False) -> None:
        self._follow.stop()
        case = self.model.case(index.row()) if index.isValid() else None
        if case is None:
            case = self.model.case(0)
        if case is not None:
            self._load_case(case.case_number, focus)

    def _on_row(self) -> None:
        if not self._placing:
            self._follow.start()

    def _open_selected(self) -> None:
        """The selected row's case, unless it is the one shown (or on its way)."""
        index = self.results.currentIndex()
        case = self.model.case(index.row()) if index.isValid() else None
        if case is not None and case.case_number != self._requested:
            self._load_case(case.case_number)

    # -- one case -----------------------------------------------------------------------
    def _load_case(self, case_number: str, focus: bool = False, news: bool = False) -> None:
        self._requested = case_number
        self._focus_on_show = case_number if focus else None
        if self._workspace is not None:
            self._background.spawn(self._fetch_case(self._workspace, case_number, news))

    async def _fetch_case(self, workspace: Workspace, case_number: str, news: bool = False) -> None:
        try:
            detail = await self._background.run(workspace.case_detail, case_number)
        except Exception as exc:  # shown, never only logged
            self.statusMessage.emit(self.tr("Dossier illisible : %1").replace("%1", str(exc)))
            return
        if case_number != self._requested:
            return  # the agent asked for another case meanwhile
        if detail is None:
            self.statusMessage.emit(
                self.tr("Le dossier %1 n'existe pas sur ce poste.").replace("%1", case_number)
            )
            return
        # The station may have been set since (first start): corrections can be saved now.
        self.detail.set_editable(workspace.profile is not None)
        self._show_detail(detail)
        if news and self.shown_case == case_number:
            at = fmt.clock(fmt.now())
            if self.detail.editing:  # what is typed stays; the correction says it
                self.detail.editor.store_changed(detail, at)
            else:
                self.detail.mark_updated(at)
        if self._focus_on_show == case_number:
            self._focus_on_show = None
            self.detail.focus_case()

    def _show_detail(self, detail: CaseDetail) -> None:
        self.detail.show_detail(detail)
        self.model.update_case(detail.summary)

    # -- notes --------------------------------------------------------------------------
    def add_note(self) -> None:
        """Save the typed note on the open case, off the UI thread."""
        case_number = self.detail.case_number
        if self._saving_note or case_number is None or self._workspace is None:
            return
        self._saving_note = True
        self.detail.set_note_busy(True)
        text = self.detail.note_field.toPlainText()
        self._background.spawn(self._save_note(self._workspace, case_number, text))

    async def _save_note(self, workspace: Workspace, case_number: str, text: str) -> None:
        try:
            detail = await self._background.run(workspace.add_note, case_number, text)
        except ValidationError as exc:  # the typed note stays, with what to fix
            self.detail.show_note_problem("\n".join(fmt.problem_text(p) for p in exc.problems))
            return
        except Exception as exc:  # shown to the agent; the note stays in the field
            self.detail.show_note_problem(
                self.tr("Note non enregistrée : %1").replace("%1", str(exc))
            )
            return
        finally:
            self._saving_note = False
            self.detail.set_note_busy(False)
        if self.shown_case == case_number:
            self.detail.note_saved()
            self._show_detail(detail)
        else:  # another case was selected meanwhile: its own note stays in the field
            self.detail.forget_note(case_number)
        self.statusMessage.emit(self.tr("Note ajoutée au dossier %1").replace("%1", case_number))

    # -- corrections --------------------------------------------------------------------
    def start_edit(self) -> None:
        """Modifier (Ctrl+E): the open case's description and location become editable."""
        if self._workspace is not None:
            self.detail.start_edit()

    # -- reactivating a closed case ------------------------------------------------------
    def start_reopen(self) -> None:
        """Réactiver (Ctrl+R): the reason asked in a window of its own, then saved."""
        detail = self.detail.detail
        if self._workspace is None or detail is None or not self.detail.can_reopen:
            return
        case = detail.summary
        service = fmt.service_name(
            self.model.catalogue, case.service_code, case.service_name, self._lang
        )
        dialog = ReopenDialog(case.case_number, service, self)
        dialog.reopenRequested.connect(self._reopen)
        self.reopen_dialog = dialog
        dialog.open()

    def _reopen(self, case_number: str, reason: str) -> None:
        if self._workspace is not None:
            self._background.spawn(self._save_reopen(self._workspace, case_number, reason))

    async def _save_reopen(self, workspace: Workspace, case_number: str, reason: str) -> None:
        dialog = self.reopen_dialog
        try:
            detail = await self._background.run(workspace.reopen_request, case_number, reason)
        except ValidationError as exc:  # the reason stays, with what to fix
            if dialog is not None:
                dialog.show_problem("\n".join(fmt.problem_text(p) for p in exc.problems))
            return
        except Exception as exc:  # shown; the reason stays in the field
            if dialog is not None:
                dialog.show_problem(
                    self.tr("Dossier non réactivé : %1").replace("%1", fmt.failure_reason(exc))
                )
            return
        if dialog is not None:
            dialog.accept()
        self.reopen_dialog = None
        if self.shown_case == case_number:
            self._show_detail(detail)
            self.detail.focus_case()
        self.statusMessage.emit(  # the main window syncs soon after it
            self.tr("Dossier %1 réactivé : il retourne à l'unité responsable.").replace(
                "%1", case_number
            )
        )

    def cancel_edit(self) -> None:
        if not self._saving_edit:
            self.detail.stop_edit()

    def save_edit(self) -> None:
        """Save what the agent changed in the case's fields, off the UI thread."""
        editor = self.detail.editor
        case_number, workspace = editor.case_number, self._workspace
        if self._saving_edit or not self.detail.editing or case_number is None:
            return
        seq = editor.resend_seq
        # A refused change is resent whole (the store may have changed its rules since),
        # an ordinary correction only with what changed.
        changes = editor.changes() if seq is None else editor.typed()
        if workspace is None or (seq is None and not changes):
            self.detail.stop_edit()
            return
        self._saving_edit = True
        editor.clear_problems()
        editor.set_busy(True)
        self._background.spawn(self._save_edit(workspace, case_number, changes, seq))

    async def _save_edit(
        self,
        workspace: Workspace,
        case_number: str,
        changes: dict[str, str],
        seq: int | None = None,
    ) -> None:
        editor = self.detail.editor
        try:
            if seq is None:
                detail = await self._background.run(
                    workspace.edit_request, case_number, changes, editor.revision
                )
            else:
                detail = await self._background.run(workspace.resend_refused, seq, changes)
        except ValidationError as exc:  # what was typed stays, each problem under its field
            editor.show_problems(exc.problems)
            return
        except RefusalGone:  # settled meanwhile: the case as it now reads, typing kept
            editor.show_error(
                self.tr("Cette modification refusée a déjà été réglée : rien n'a été renvoyé.")
            )
            self.refresh_shown()
            return
        except Exception as exc:  # shown to the agent; the typed values stay
            editor.show_error(
                self.tr(
                    "Les modifications n'ont pas pu être enregistrées (%1). Rien n'a été "
                    "effacé : réessayez."
                ).replace("%1", fmt.failure_reason(exc))
            )
            return
        finally:
            self._saving_edit = False
            editor.set_busy(False)
        if self.shown_case == case_number:
            self.detail.stop_edit()
            self._show_detail(detail)
            if seq is not None:
                self.detail.focus_case()
        if seq is None:
            message = self.tr(
                "Dossier %1 modifié : les changements seront transmis au stockage central."
            )
        else:
            message = self.tr(
                "Dossier %1 corrigé : la correction sera renvoyée au stockage central."
            )
        self.statusMessage.emit(message.replace("%1", case_number))

    # -- refused changes ----------------------------------------------------------------
    def _refusal(self, seq: int) -> Refusal | None:
        detail = self.detail.detail
        return next((r for r in detail.refusals if r.seq == seq), None) if detail else None

    def _case_label(self) -> str:
        """The open case as a confirmation names it: its number and its service."""
        detail = self.detail.detail
        if detail is None:
            return ""
        case = detail.summary
        service = fmt.service_name(
            self.model.catalogue, case.service_code, case.service_name, self._lang
        )
        return f"{case.case_number} ({service})"

    def correct_refusal(self, seq: int) -> None:
        """Corriger et renvoyer: the correction form (a creation or a correction), or the
        note's text in a window of its own."""
        refusal = self._refusal(seq)
        if refusal is None or self._workspace is None:
            return
        if refusal.type == NOTE:
            self._correct_note(refusal)
        else:
            self.detail.start_resend(seq)

    def _correct_note(self, refusal: Refusal) -> None:
        dialog = NoteCorrection(refusal, self)
        self.note_correction = dialog
        dialog.submitted.connect(lambda text: self._resend_note(dialog, text))
        dialog.open()

    def _resend_note(self, dialog: NoteCorrection, text: str) -> None:
        if self._workspace is not None:
            dialog.set_busy(True)
            self._background.spawn(self._save_note_resend(self._workspace, dialog, text))

    async def _save_note_resend(
        self, workspace: Workspace, dialog: NoteCorrection, text: str
    ) -> None:
        seq, case_number = dialog.refusal.seq, dialog.refusal.target
        try:
            detail = await self._background.run(workspace.resend_refused_note, seq, text)
        except ValidationError as exc:
            dialog.show_problem("\n".join(fmt.problem_text(p) for p in exc.problems))
            return
        except RefusalGone:
            dialog.reject()
            self.refresh_shown()
            return
        except Exception as exc:  # shown; the typed text stays in the window
            dialog.show_problem(
                self.tr("La note n'a pas pu être renvoyée (%1) : réessayez.").replace(
                    "%1", fmt.failure_reason(exc)
                )
            )
            return
        finally:
            dialog.set_busy(False)
        dialog.accept()
        if self.shown_case == case_number:
            self._show_detail(detail)
            self.detail.focus_case()
        self.statusMessage.emit(
            self.tr(
                "Note du dossier %1 corrigée : elle sera renvoyée au stockage central."
            ).replace("%1", case_number)
        )

    def _confirm(self, title: str, text: str, action: str, then: Callable[[], None]) -> None:
        """A question the agent answers before anything is dropped or removed; Annuler is
        the default, the action has its own mnemonic."""
        box = QMessageBox(self)
        box.setObjectName("refusalConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("refusalConfirmYes")
        no = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.buttonClicked.connect(lambda clicked: then() if clicked is yes else None)
        self.confirm_box = box
        box.open()

    def confirm_drop(self, seq: int) -> None:
        """Abandonner: after a confirmation naming the case and what goes."""
        refusal = self._refusal(seq)
        if refusal is None or self._workspace is None or self._settling:
            return
        case = self._case_label()
        if refusal.type == CREATE:
            text = self.tr(
                "Abandonner la création du dossier %1 ?\n\nLe stockage central l'a refusée. "
                "Elle sera retirée de la file d'envoi (l'historique du dossier le dira) et "
                "la copie du stockage central sera demandée. S'il n'en a aucune, vous pourrez "
                "retirer le dossier de ce poste."
            )
        elif refusal.type == UPDATE:
            names = ", ".join(field_label(f) for f in refusal.edited_fields)
            text = self.tr(
                "Abandonner la modification du dossier %1 ?\n\nChamps modifiés : %2. Elle "
                "sera retirée de la file d'envoi ; ses valeurs restent lisibles dans "
                "l'historique, et le dossier reprendra la copie du stockage central."
            ).replace("%2", names)
        elif refusal.type == NOTE:
            text = self.tr(
                "Abandonner la note refusée du dossier %1 ?\n\nElle sera retirée de la "
                "file d'envoi ; son texte reste lisible dans l'historique."
            )
        else:
            text = self.tr(
                "Abandonner « %2 » sur le dossier %1 ?\n\nL'opération refusée sera retirée "
                "de la file d'envoi ; l'historique du dossier le dira."
            ).replace("%2", change_label(refusal.type))
        self._confirm(
            self.tr("Abandonner une modification refusée"),
            text.replace("%1", case),
            self.tr("&Abandonner"),
            lambda: self._start_drop(seq),
        )

    def _start_drop(self, seq: int) -> None:
        workspace = self._workspace
        if workspace is not None and not self._settling:
            self._settling = True
            self._background.spawn(self._drop(workspace, seq))

    async def _drop(self, workspace: Workspace, seq: int) -> None:
        absent = False
        try:
            try:
                dropped = await self._background.run(workspace.drop_refused, seq)
            except RefusalGone:
                self._settling = False
                self.refresh_shown()
                return
            except Exception as exc:  # shown; nothing was dropped
                self.statusMessage.emit(
                    self.tr("Rien n'a été abandonné : %1").replace("%1", fmt.failure_reason(exc))
                )
                return
            try:
                absent = await self._bring_store_copy(workspace, dropped.case_number)
            except Exception as exc:  # the case keeps its mark: the next sync completes it
                self.statusMessage.emit(
                    self.tr(
                        "Modification abandonnée, mais la copie du stockage central n'a pas pu "
                        "être appliquée (%1) : elle le sera à la prochaine synchronisation."
                    ).replace("%1", fmt.failure_reason(exc))
                )
                self._settling = False
                self.refresh_shown()
        finally:
            self._settling = False
        if absent:
            self.confirm_remove()

    async def _bring_store_copy(self, workspace: Workspace, case_number: str) -> bool:
        """The store's copy of the case, applied and shown; offline, it comes at the next
        sync (the case says so meanwhile). True: the store has no copy of the open case."""
        record: dict[str, Any] | None = None
        reached = self._fetch_copy is not None
        if self._fetch_copy is not None:
            try:
                record = await self._fetch_copy(case_number)
            except Exception:  # offline, signed out, busy: the next sync asks again
                reached = False
        if not reached:
            detail = await self._background.run(workspace.case_detail, case_number)
            self._show_if_open(case_number, detail)
            self.statusMessage.emit(
                self.tr(
                    "Modification abandonnée. Le stockage central est injoignable : sa copie du "
                    "dossier %1 sera récupérée à la prochaine synchronisation."
                ).replace("%1", case_number)
            )
            return False
        detail = await self._background.run(workspace.take_store_copy, case_number, record)
        self._show_if_open(case_number, detail)
        if record is not None:
            self.statusMessage.emit(
                self.tr(
                    "Modification abandonnée : le dossier %1 montre la copie du stockage central."
                ).replace("%1", case_number)
            )
            return False
        self.statusMessage.emit(
            self.tr("Le stockage central n'a aucune copie du dossier %1.").replace(
                "%1", case_number
            )
        )
        return detail is not None and self.shown_case == case_number

    def _show_if_open(self, case_number: str, detail: CaseDetail | None) -> None:
        if detail is not None and self.shown_case == case_number:
            self._show_detail(detail)
            self.detail.focus_case()

    def confirm_remove(self) -> None:
        """A case the store has no copy of: removed from this workstation on the agent's
        word, told what goes with it."""
        detail = self.detail.detail
        if detail is None or detail.sync_state != case_states.ABSENT or self._settling:
            return
        case_number = detail.summary.case_number
        self._confirm(
            self.tr("Retirer le dossier de ce poste"),
            self.tr(
                "Le stockage central n'a aucune copie du dossier %1.\n\nLe retirer de ce "
                "poste ? Sa description, son historique et ses notes seront effacés de ce "
                "poste ; il n'existe nulle part ailleurs."
            ).replace("%1", self._case_label()),
            self.tr("&Retirer le dossier"),
            lambda: self._start_remove(case_number),
        )

    def _start_remove(self, case_number: str) -> None:
        workspace = self._workspace
        if workspace is not None and not self._settling:
            self._settling = True
            self._background.spawn(self._remove(workspace, case_number))

    async def _remove(self, workspace: Workspace, case_number: str) -> None:
        try:
            await self._background.run(workspace.remove_local_case, case_number)
        except Exception as exc:  # RefusalGone included: the case stays, as it reads now
            self.statusMessage.emit(
                self.tr("Le dossier %1 n'a pas été retiré : %2")
                .replace("%1", case_number)
                .replace("%2", fmt.failure_reason(exc))
            )
            self._settling = False
            self.refresh_shown()
            return
        self._settling = False
        if self.shown_case == case_number:
            self._requested = None
            self.detail.show_detail(None)
            self.focus_search()
        self.statusMessage.emit(
            self.tr(
                "Dossier %1 retiré de ce poste : le stockage central n'en avait aucune copie."
            ).replace("%1", case_number)
        )
        self._start_search()

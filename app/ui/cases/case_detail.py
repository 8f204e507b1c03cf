"""One case as an agent reads it: number, facts, citizens, details and the timeline, with
the field for a new note, and (Modifier) its own fields made editable. Display only: the
panel (case_history) loads and saves; what the texts say is case_render's."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Catalogue
from app.services import case_lookup as case_states
from app.services.case_lookup import CaseDetail
from app.services.outbox import CREATE, UPDATE, Refusal
from app.services.refusals import resend_values
from app.ui.cases.case_editor import CaseEditor
from app.ui.cases.case_render import (
    LATE_BG,
    LATE_FG,
    MUTED,
    PENDING_BG,
    PENDING_FG,
    UPDATED_BG,
    UPDATED_FG,
    attributes_html,
    citizens_html,
    fact_texts,
    sync_badge,
    timeline_html,
)
from app.ui.cases.refusal_banner import RefusalBanner, problem_text
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.keys import on_ctrl_enter
from app.ui.widgets.window_fit import scroll_to_focus

UPDATED_MARK_MS = 5 * 60_000  # "Mis à jour à HH:MM" stays this long (or until another case)


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
        badge = sync_badge(detail)
        self.unsynced_badge.setText(badge)
        self.unsynced_badge.setVisible(bool(badge))
        self.banner.show_case(detail, self._editable and case.is_open, self._editable)
        self._chain_focus()
        self.edit_button.setVisible(self.can_edit and not self.editing and self.resendable is None)
        self.reopen_button.setVisible(self.can_reopen)
        self.description_heading.setVisible(not self.editing)
        self.description_label.setVisible(not self.editing)
        values = fact_texts(detail, self._lang, self._catalogue)
        for key, label in self.fact_values.items():
            label.setText(values.get(key, ""))
        self.facts.setRowVisible(self.fact_values["parent"], detail.parent_case_number is not None)
        self.citizens_label.setText(citizens_html(detail.citizens))
        self.description_label.setText(detail.description or "—")
        attributes = attributes_html(detail, self._lang, self._catalogue)
        self.attributes_heading.setVisible(bool(attributes))
        self.attributes_label.setVisible(bool(attributes))
        self.attributes_label.setText(attributes)
        self.timeline.setText(timeline_html(detail, self._lang, self._catalogue))

"""Case history: find a case by its number, a phone, an e-mail or an address, read it with
its timeline, add a note, and correct an open case's description and location.

Searches follow the typing (debounced); at most one runs at a time and the list catches up
with the field when it ends. Every store call runs off the UI thread through `Background`.
The table of cases found is case_table's, the case shown case_detail's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.validation import ValidationError
from app.services import case_lookup as case_states
from app.services.case_lookup import CaseDetail, CaseSearch
from app.services.outbox import CREATE, NOTE, UPDATE, Refusal
from app.services.refusals import RefusalGone
from app.services.workspace import Workspace
from app.ui.cases.case_detail import CaseDetailView
from app.ui.cases.case_table import CaseTableModel
from app.ui.cases.refusal_banner import NoteCorrection, change_label, field_label
from app.ui.cases.reopen_dialog import ReopenDialog
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.keys import ENTER
from app.ui.widgets.latest import Follower
from app.ui.widgets.search_field import search_field

DEBOUNCE_MS = 150
FOLLOW_MS = 120  # a row selected shows its case this long after the keys stop
# The central store's copy of one case (None: it has none); raises when it cannot be asked.
StoreCopyFetcher = Callable[[str], Awaitable[dict[str, Any] | None]]

_STEPS: dict[int, int] = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}


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
        self.field = search_field(self, "caseSearchField")
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

    def list_again(self) -> None:
        """The panel comes back into view: requests saved meanwhile (on this console or
        brought by sync) may now match what is in the search field, so it reads again
        even though the text did not change."""
        self._follower.forget()
        self._start_search()

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

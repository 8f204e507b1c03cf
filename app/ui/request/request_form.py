"""The request form: who, what, where, the service's own questions, then where it goes
and when it is due, before saving. Keyboard first: Tab between fields, Ctrl+Enter saves,
Alt+1..3 opens a suggested article. A validation error marks each field and clears none."""

from __future__ import annotations

import itertools
import json
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import request_terms as terms
from app.domain.catalogue import Service
from app.domain.routing import Routing
from app.domain.validation import FieldProblem, ValidationError
from app.services import intake
from app.services.addresses import chosen_place, civic_key, match_places, street_key
from app.services.case_lookup import CaseSummary
from app.services.drafts import SavedDraft
from app.services.profile import Profile
from app.services.search import SearchResult
from app.services.workspace import Workspace
from app.ui.request.attribute_fields import AttributeFields
from app.ui.request.citizen_box import CitizenBox
from app.ui.request.request_side import SUGGESTIONS, RequestSide
from app.ui.request.service_picker import ServicePicker
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import error_label, mark, unmark
from app.ui.widgets.latest import Follower
from app.ui.widgets.window_fit import scroll_to_focus

# Typing is kept as a draft this long after the last keystroke: never on every keystroke.
DRAFT_DEBOUNCE_MS = 800
FORM_STYLE = (
    '*[invalid="true"] { border: 2px solid #a40000; border-radius: 3px; }'
    "#previewBox { background: #f3f6f9; border: 1px solid #b9c6d3; border-radius: 6px; }"
    "#previewBox QLabel { color: #1d2a38; background: transparent; }"
    "#savedBanner { background: #e7f4ea; border: 1px solid #5c9e6b; border-radius: 6px; }"
    "#savedBanner QLabel { color: #143d1e; background: transparent; }"
    "#duplicatesBox { background: #fff6e0; border: 1px solid #c99a2e; border-radius: 6px; }"
    "#duplicatesBox QLabel { color: #3d2c00; background: transparent; }"
    "#draftNote { background: #eef4fb; border: 1px solid #9db8d9; border-radius: 6px;"
    " padding: 6px; color: #1d2a38; }"
)


class RequestForm(QWidget):
    articleRequested = Signal(str, str)  # article id, language
    saved = Signal(str)  # case number
    openCase = Signal(str)
    statusMessage = Signal(str)
    draftRestored = Signal()  # a draft from the last session is back in the form

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestForm")
        self.setStyleSheet(FORM_STYLE)
        self._background = background
        self.workspace: Workspace | None = None
        self.profile: Profile | None = None
        self.interaction_id: str | None = None
        self._lang = "fr"
        self._busy = False
        self._acknowledged: tuple[str, str, str] | None = None  # "save anyway" for this place
        self._last_case = ""
        # The citizen box as the last save left it (kept for the same call's next
        # request); None once the agent changes it, or the slate is cleaned.
        self._carried: str | None = None
        # The draft as the store holds it (None: no draft there); known once the store
        # has been read at start (`_draft_ready`).
        self._draft_saved: dict[str, Any] | None = None
        self._draft_ready = False
        self._draft_writing = False
        self.draft_failed: Exception | None = None

        self._build_fields()
        self._build_side()
        self._connect()
        self.retranslate()
        self._update_preview()

    # -- construction -------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for code in terms.CHANNELS:
            self.channel.addItem(code, code)
        self.channel_label = QLabel(self)
        self.channel_label.setBuddy(self.channel)

        self.citizen = CitizenBox(self._background, self)

        self.service_box = QGroupBox(self)
        self.picker = ServicePicker(self.service_box)
        self.service_info = QLabel(self.service_box)
        self.service_info.setObjectName("serviceInfo")
        self.service_info.setWordWrap(True)
        self.service_error = error_label(self.service_box)
        column = QVBoxLayout(self.service_box)
        column.addWidget(self.picker)
        column.addWidget(self.service_error)
        column.addWidget(self.service_info)

        self.address_box = QGroupBox(self)
        self.civic = QLineEdit(self.address_box)
        self.civic.setObjectName("civicNumber")
        self.civic.setMaximumWidth(120)
        self.street = QLineEdit(self.address_box)
        self.street.setObjectName("street")
        self.postal = QLineEdit(self.address_box)
        self.postal.setObjectName("postalCode")
        self.postal.setMaximumWidth(120)
        self.arrondissement = QComboBox(self.address_box)
        self.arrondissement.setObjectName("arrondissement")
        # Editable, with a completer that matches word beginnings anywhere in the name,
        # best first: "plateau" finds "Le Plateau-Mont-Royal", "ville m" puts Ville-Marie
        # first, without scrolling a list of 34 places.
        self.arrondissement.setEditable(True)
        self.arrondissement.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place_matches = QStringListModel(self.arrondissement)
        completer = QCompleter(self.place_matches, self.arrondissement)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.arrondissement.setCompleter(completer)
        self.errors: dict[str, QLabel] = {
            key: error_label(self.address_box)
            for key in ("civic_number", "street", "postal_code", "arrondissement")
        }
        self.address_labels: dict[str, QLabel] = {}
        form = QFormLayout(self.address_box)
        for key, editor in self._address_editors().items():
            label = QLabel(self.address_box)
            label.setBuddy(editor)
            self.address_labels[key] = label
            cell = QWidget(self.address_box)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(self.errors[key])
            form.addRow(label, cell)

        self.details_box = QGroupBox(self)
        self.attributes = AttributeFields(self.details_box)
        self.description = QPlainTextEdit(self.details_box)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description_label = QLabel(self.details_box)
        self.description_label.setBuddy(self.description)
        self.errors["description"] = error_label(self.details_box)
        self.errors["channel"] = error_label(self)
        details = QVBoxLayout(self.details_box)
        details.addWidget(self.attributes)
        details.addWidget(self.description_label)
        details.addWidget(self.description)
        details.addWidget(self.errors["description"])

    def _address_editors(self) -> dict[str, QWidget]:
        return {
            "civic_number": self.civic,
            "street": self.street,
            "postal_code": self.postal,
            "arrondissement": self.arrondissement,
        }

    def _build_side(self) -> None:
        self.side = RequestSide(self)
        self._suggested: list[tuple[str, str]] = []

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.channel_label)
        top.addWidget(self.channel)
        left_layout.addLayout(top)
        left_layout.addWidget(self.errors["channel"])
        left_layout.addWidget(self.citizen)
        left_layout.addWidget(self.service_box)
        left_layout.addWidget(self.address_box)
        left_layout.addWidget(self.details_box)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        self.scroll_area = scroll
        # Tab: the fields' area before the side's, as when the side was built here.
        QWidget.setTabOrder(self.side.clear_button, scroll)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.side, 2)
        # Alt+letter on a field further down, or a problem's field: scrolled into view.
        scroll_to_focus(scroll)

    def _connect(self) -> None:
        self.picker.serviceChanged.connect(self._on_service)
        self.arrondissement.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.arrondissement.currentTextChanged.connect(lambda _t: self._on_changed())
        edit = self.arrondissement.lineEdit()
        if edit is not None:
            edit.editingFinished.connect(self._settle_arrondissement)
            # Before the line edit asks its completer: the popup shows these matches.
            edit.textEdited.connect(self._match_places)
        for editor in (self.civic, self.street, self.postal):
            editor.textChanged.connect(lambda _t: self._on_changed())
        self.channel.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.description.textChanged.connect(self._on_description)
        self.citizen.changed.connect(self._on_changed)
        self.attributes.changed.connect(self._on_changed)
        self.side.save_button.clicked.connect(self.save)
        self.side.clear_button.clicked.connect(self.clear)
        self.side.copy_button.clicked.connect(self.copy_case_number)
        self.side.open_case_button.clicked.connect(lambda: self.openCase.emit(self._last_case))
        self.side.attach_button.clicked.connect(self.attach_to_selected)
        self.side.save_anyway_button.clicked.connect(self.save_anyway)
        self.side.duplicates_list.itemActivated.connect(lambda _i: self.attach_to_selected())
        self.side.suggestionClicked.connect(self.open_suggestion)
        # Each says what it does in its whatsThis (retranslate): the F1 list reads it.
        self.save_shortcuts = [
            QShortcut(
                QKeySequence(keys),
                self,
                self.save,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
            for keys in ("Ctrl+Return", "Ctrl+Enter")
        ]
        self.suggestion_shortcuts = [
            QShortcut(
                QKeySequence(f"Alt+{i + 1}"),
                self,
                lambda n=i: self.open_suggestion(n),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
            for i in range(SUGGESTIONS)
        ]
        self._suggester = Follower(
            self._background,
            self._suggest_query,
            self._run_suggest,
            self._show_suggestions,
            300,
            self,
        )
        self._duplicate_finder = Follower(
            self._background,
            self._duplicate_key,
            self._run_duplicates,
            self._show_duplicates,
            300,
            self,
            empty=[],
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self._keep_draft)
        self.citizen.lookup.textChanged.connect(lambda _t: self._draft_timer.start())
        self.citizen.language.currentIndexChanged.connect(lambda _i: self._draft_timer.start())
        # The office closes at a fixed hour: the preview must not say "now, in the
        # arrondissement" at 17:01 because the form was opened at 16:55.
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._update_preview)
        self._clock.start()

    # -- public -------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.profile = workspace.profile if workspace else None
        self.picker.set_catalogue(workspace.catalogue if workspace else None, self._lang)
        self.citizen.set_catalogue(workspace.catalogue if workspace else None)
        self.citizen.set_lookup(workspace.lookup_citizens if workspace else None)
        self.citizen.set_editor(workspace.edit_citizen if workspace else None)
        self._fill_arrondissements()
        if self.profile is not None:
            self.set_channel(self.profile.default_channel)
        self._update_preview()
        self._draft_ready = False
        if workspace is not None:
            self._background.spawn(self._restore_draft(workspace))

    def set_profile(self, profile: Profile | None) -> None:
        self.profile = profile
        if profile is not None:
            self.set_channel(profile.default_channel)

    def set_channel(self, code: str) -> None:
        index = self.channel.findData(code)
        if index >= 0:
            self.channel.setCurrentIndex(index)

    def set_interaction(self, interaction_id: str | None) -> None:
        self.interaction_id = interaction_id

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.picker.set_language(lang)
        self.attributes.set_language(lang)
        self.citizen.set_language(lang)
        self._fill_channels()
        self._fill_arrondissements()
        self._update_preview()
        self._suggester.forget()
        self._suggester.poke()

    def preselect_service(self, code: str) -> None:
        """From a knowledge article: the form opens with its service chosen."""
        if self.picker.choose(code):
            self.citizen.lookup.setFocus()

    def focus_form(self) -> None:
        self.citizen.lookup.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def arrondissement_code(self) -> str:
        """The place chosen, or typed: the one the typed text designates, else none."""
        box = self.arrondissement
        typed = box.currentText().strip()
        if box.currentIndex() >= 0 and typed == box.itemText(box.currentIndex()):
            return str(box.currentData() or "")
        return chosen_place(typed, self._places())

    def _places(self) -> list[tuple[str, str]]:
        if self.workspace is None:
            return []
        table = self.workspace.catalogue.routing.arrondissements
        codes = (
            str(self.arrondissement.itemData(i)) for i in range(1, self.arrondissement.count())
        )
        return [(code, table[code].name) for code in codes if code in table]

    def _match_places(self, typed: str) -> None:
        """The completer's list for what is typed: the matching places, best first."""
        box = self.arrondissement
        found = match_places(typed, self._places())
        self.place_matches.setStringList([box.itemText(box.findData(code)) for code, _ in found])

    def _settle_arrondissement(self) -> None:
        code = self.arrondissement_code()
        index = self.arrondissement.findData(code) if code else -1
        if index > 0:
            self.arrondissement.setCurrentIndex(index)

    def draft(self) -> intake.Draft:
        citizen_id, new_citizen = self.citizen.choice()
        service = self.picker.service
        return intake.Draft(
            service_code=service.code if service else "",
            channel=self.channel.currentData() or "",
            description=self.description.toPlainText(),
            attributes=self.attributes.values(),
            civic_number=self.civic.text(),
            street=self.street.text(),
            postal_code=self.postal.text(),
            arrondissement=self.arrondissement_code(),
            citizen_id=citizen_id,
            new_citizen=new_citizen,
        )

    def clear(self) -> None:
        """Empty the form for the next citizen (an explicit action, never a side effect);
        its draft goes too."""
        self._clear_citizen()
        self._clear_request_fields()
        self._hide_saved()
        self.side.draft_note.hide()
        self._keep_draft()
        self.focus_form()

    # -- a clean slate for each call ------------------------------------------------------
    def request_started(self) -> bool:
        """Something typed for a request (beyond who it is for) since the last save."""
        edits = (self.picker, self.civic, self.street, self.postal)
        return (
            self.picker.service is not None
            or any(edit.text().strip() for edit in edits)
            or bool(self.arrondissement.currentText().strip())
            or bool(self.description.toPlainText().strip())
            or bool(self.attributes.values())
        )

    def _citizen_state(self) -> str:
        return json.dumps(self.citizen.snapshot(), sort_keys=True)

    @property
    def carried(self) -> bool:
        """The citizen box holds what the last save left (nothing changed since)."""
        return self._carried is not None and self._carried == self._citizen_state()

    def has_unsaved(self) -> bool:
        """Typing that is not saved: a request begun, or a citizen looked up or entered
        for the next one (the citizen a save left is not new typing)."""
        return self.request_started() or (self.citizen.has_input() and not self.carried)

    def _clear_citizen(self) -> None:
        self.citizen.clear(focus=False)
        self._carried = None

    def _hide_saved(self) -> None:
        self.side.saved_banner.hide()
        self._last_case = ""

    def call_started(self) -> None:
        """F2: the previous request's confirmation goes, and the citizen a save left (the
        previous caller); what the agent typed for this caller before F2 stays."""
        self._hide_saved()
        if self.carried:
            self._clear_citizen()
            self._keep_draft()

    def call_ended(self) -> None:
        """F3: the call is over; its citizen and confirmation go, so the next caller's
        request cannot go to this one. A request begun and not saved stays whole, citizen
        included (nothing typed is lost): the agent saves it or empties the form."""
        self._hide_saved()
        if self.request_started():
            self.statusMessage.emit(
                self.tr(
                    "La demande commencée n'est pas enregistrée : elle reste dans le "
                    "formulaire, avec son citoyen."
                )
            )
            return
        self._clear_citizen()
        self.side.draft_note.hide()
        self._keep_draft()

    def new_request(self) -> None:
        """Nouvelle demande (Ctrl+N): after a save, a clean slate. During a call the citizen
        a save left stays (the same caller's next request); with no call in progress it
        goes with the confirmation: nothing says the next request is theirs."""
        if not self.side.saved_banner.isHidden() and not self.request_started():
            self._hide_saved()
            if self.carried and self.interaction_id is None:
                self._clear_citizen()
                self._keep_draft()
        self.focus_form()

    # -- the draft: what is typed survives a restart ----------------------------------------
    def _snapshot(self) -> dict[str, Any] | None:
        """The form's unsaved content as plain values; None when there is nothing to keep."""
        if not self.has_unsaved():
            return None
        service = self.picker.service
        return {
            "channel": str(self.channel.currentData() or ""),
            "service_code": service.code if service else "",
            "service_text": "" if service else self.picker.text(),
            "attributes": self.attributes.values(),
            "civic_number": self.civic.text(),
            "street": self.street.text(),
            "postal_code": self.postal.text(),
            "arrondissement": self.arrondissement_code(),
            "arrondissement_text": self.arrondissement.currentText(),
            "description": self.description.toPlainText(),
            "citizen": self.citizen.snapshot(),
        }

    @property
    def draft_settled(self) -> bool:
        """The store holds exactly what the form would keep: nothing left to write."""
        return (
            self._draft_ready
            and not self._draft_timer.isActive()
            and not self._draft_writing
            and self.draft_failed is None
            and self._snapshot() == self._draft_saved
        )

    @property
    def draft_pending(self) -> bool:
        """A change not written yet (or written to no avail): what quitting must write
        first. Nothing when the stored draft is not read yet: the form is untouched."""
        if not self._draft_ready:
            return False
        if self._draft_timer.isActive() and self._snapshot() != self._draft_saved:
            return True
        return not self._draft_writing and self._snapshot() != self._draft_saved

    def _keep_draft(self) -> None:
        """Write the draft now (the debounce ended, or the form was saved or emptied)."""
        self._draft_timer.stop()
        workspace = self.workspace
        if workspace is None or not self._draft_ready:
            return
        if self._draft_writing:  # after the write in flight, again for what is there then
            self._draft_timer.start()
            return
        wanted = self._snapshot()
        if wanted == self._draft_saved and self.draft_failed is None:
            return
        self._draft_writing = True
        self._background.spawn(self._write_draft(workspace, wanted))

    async def _write_draft(self, workspace: Workspace, wanted: dict[str, Any] | None) -> None:
        try:
            await self.save_draft_now(workspace, wanted)
        finally:
            self._draft_writing = False

    async def save_draft_now(
        self, workspace: Workspace | None = None, wanted: Any = ...
    ) -> Exception | None:
        """Write the form's draft (or remove it when there is nothing to keep) off the UI
        thread; the failure, if any, is shown under the form and returned. The form keeps
        what was typed either way."""
        workspace = workspace or self.workspace
        if workspace is None:
            return None
        if wanted is ...:
            self._draft_timer.stop()
            wanted = self._snapshot()
        if wanted is None and not self._draft_ready:
            return None  # the stored draft is not read yet: it is not to be removed
        try:
            if wanted is None:
                await self._background.run(workspace.clear_form_draft)
            else:
                await self._background.run(workspace.save_form_draft, wanted)
        except Exception as exc:  # a full disk...: said; the form keeps the text
            self.draft_failed = exc
            self.side.draft_problem.setText(
                self.tr(
                    "Le brouillon n'a pas pu être gardé sur ce poste (%1). Le formulaire "
                    "garde ce qui est saisi, mais un arrêt de Relais le perdrait : "
                    "enregistrez la demande dès que possible."
                ).replace("%1", fmt.failure_reason(exc))
            )
            self.side.draft_problem.show()
            return exc
        self._draft_saved = wanted
        if self.draft_failed is not None:
            self.draft_failed = None
            self.side.draft_problem.hide()
        return None

    async def _restore_draft(self, workspace: Workspace) -> None:
        """At start: the draft the store kept, back in the form, with a note saying so."""
        try:
            saved: SavedDraft | None = await self._background.run(workspace.form_draft)
            data = saved.data if saved is not None else None
            citizen = data.get("citizen") if data is not None else None
            picked_id = str(citizen.get("picked") or "") if isinstance(citizen, dict) else ""
            match = await self._background.run(workspace.citizen, picked_id) if picked_id else None
        except Exception as exc:  # the form works without it; said, never only logged
            self._draft_ready = True
            self.statusMessage.emit(
                self.tr("Le brouillon gardé n'a pas pu être relu (%1).").replace(
                    "%1", fmt.failure_reason(exc)
                )
            )
            return
        if workspace is not self.workspace:
            return
        if saved is None or self.has_unsaved():
            # Typed while the store was opening: that typing is the draft from now on.
            self._draft_saved = saved.data if saved is not None else None
            self._draft_ready = True
            self._draft_timer.start()
            return
        self._fill_from(saved.data, match)
        self._draft_saved = self._snapshot()
        self._draft_ready = True
        if self._draft_saved != saved.data:
            self._draft_timer.start()
        self.side.draft_note.setText(
            self.tr(
                "Brouillon repris du %1 : vérifiez-le avec le citoyen avant d'enregistrer."
            ).replace("%1", fmt.when(saved.saved_at))
        )
        self.side.draft_note.show()
        self.draftRestored.emit()

    def _fill_from(self, data: dict[str, Any], match: Any) -> None:
        citizen = data.get("citizen")
        if data.get("channel"):
            self.set_channel(str(data["channel"]))
        code = str(data.get("service_code") or "")
        if not (code and self.picker.choose(code)) and data.get("service_text"):
            self.picker.setText(str(data["service_text"]))
        attributes = data.get("attributes")
        if isinstance(attributes, dict) and attributes:
            self.attributes.set_values(attributes)
            self._chain_tab_order()
        self.civic.setText(str(data.get("civic_number") or ""))
        self.street.setText(str(data.get("street") or ""))
        self.postal.setText(str(data.get("postal_code") or ""))
        index = self.arrondissement.findData(str(data.get("arrondissement") or ""))
        if index > 0:
            self.arrondissement.setCurrentIndex(index)
        else:
            self.arrondissement.setEditText(str(data.get("arrondissement_text") or ""))
        self.description.setPlainText(str(data.get("description") or ""))
        if isinstance(citizen, dict):
            self.citizen.restore(citizen, match)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Nouvelle demande"))
        self.channel_label.setText(self.tr("Cana&l"))
        self.service_box.setTitle(self.tr("Type de demande *"))
        self.picker.setPlaceholderText(
            self.tr("Tapez quelques lettres : nid-de-poule, lampadaire, bruit…")
        )
        self.address_box.setTitle(self.tr("Adresse"))
        labels = {
            "civic_number": self.tr("N° &civique"),
            "street": self.tr("&Rue"),
            "postal_code": self.tr("Code p&ostal"),
            "arrondissement": self.tr("Arron&dissement"),
        }
        for key, text in labels.items():
            self.address_labels[key].setText(text)
        self.street.setPlaceholderText(self.tr("ex. boul. Saint-Laurent"))
        edit = self.arrondissement.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("tapez quelques lettres : plateau, verdun…"))
        self.postal.setPlaceholderText(self.tr("H2X 1Y4"))
        self.details_box.setTitle(self.tr("Détails"))
        self.description_label.setText(self.tr("De&scription"))
        self.description.setPlaceholderText(
            self.tr("Ce que le citoyen signale, dans ses mots. Les articles utiles s'affichent.")
        )
        self.side.retranslate()
        for shortcut in self.save_shortcuts:
            shortcut.setWhatsThis(self.tr("Enregistrer la demande"))
        for shortcut in self.suggestion_shortcuts:
            shortcut.setWhatsThis(self.tr("Ouvrir un des articles suggérés"))
        self.citizen.retranslate()
        self._fill_channels()
        self._update_preview()
        self._update_suggest_hint()

    # -- lists --------------------------------------------------------------------------
    def _fill_channels(self) -> None:
        for i in range(self.channel.count()):
            self.channel.setItemText(i, fmt.channel_label(self.channel.itemData(i), self._lang))

    def _fill_arrondissements(self) -> None:
        current = self.arrondissement.currentData() or ""
        self.arrondissement.blockSignals(True)
        self.arrondissement.clear()
        self.arrondissement.addItem("", "")
        if self.workspace is not None:
            table = self.workspace.catalogue.routing
            places = sorted(table.arrondissements.values(), key=lambda a: (a.kind, a.name))
            for arr in places:
                suffix = "" if arr.kind == "arrondissement" else self.tr(" (ville liée)")
                self.arrondissement.addItem(f"{arr.name}{suffix}", arr.code)
        self.arrondissement.setCurrentIndex(max(0, self.arrondissement.findData(current)))
        self.arrondissement.blockSignals(False)

    # -- reacting to input --------------------------------------------------------------
    def _on_service(self, service: Service | None) -> None:
        self.attributes.set_service(service, self._lang)
        self._chain_tab_order()
        self.citizen.set_anonymous_allowed(service is None or service.anonymous)
        if service is None:
            self.service_info.setText("")
        else:
            nature = fmt.nature_label(service.nature, self._lang)
            geo = self.tr("adresse requise") if service.geographic else self.tr("sans adresse")
            self.service_info.setText(f"{nature} · {geo}")
        self._on_changed()

    def _chain_tab_order(self) -> None:
        """The service's fields are made after the others: put them back in reading
        order, between the address and the description."""
        chain: list[QWidget] = [
            self.picker,
            self.civic,
            self.street,
            self.postal,
            self.arrondissement,
            *self.attributes.editors.values(),
            self.description,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _on_changed(self) -> None:
        self._update_preview()
        self._duplicate_finder.poke()
        self._draft_timer.start()

    def _on_description(self) -> None:
        self._suggester.poke()
        self._draft_timer.start()

    def _update_preview(self) -> None:
        if self.workspace is None:
            self.side.preview.setText(self.tr("Ouverture du stockage local…"))
            return
        result = intake.preview(self.workspace.catalogue, self.draft(), fmt.now())
        if result is None:
            self.side.preview.setText(
                self.tr("Choisissez le type de demande pour voir où elle ira.")
            )
        elif isinstance(result, FieldProblem):
            self.side.preview.setText(fmt.problem_text(result))
        else:
            self.side.preview.setText(self._preview_text(result.service, result.routing, result))

    def _unit_name(self, unit_name_fr: str, unit_name_en: str) -> str:
        return unit_name_en if self._lang == "en" and unit_name_en else unit_name_fr

    def _preview_text(self, service: Service, routing: Routing, result: intake.Preview) -> str:
        unit = self._unit_name(routing.unit.name_fr, routing.unit.name_en)
        handled = self._unit_name(routing.handled_by.name_fr, routing.handled_by.name_en)
        lines = [self.tr("Unité responsable : <b>%1</b>").replace("%1", unit)]
        if routing.after_hours:
            lines.append(
                self.tr(
                    "Hors des heures de bureau : prise en charge maintenant par <b>%1</b>."
                ).replace("%1", handled)
            )
        else:
            lines.append(self.tr("Prise en charge maintenant par l'unité responsable."))
        delay = service.delay
        units = {
            "business_days": self.tr("%n jour(s) ouvrable(s)", "", delay.value),
            "business_hours": self.tr("%n heure(s) ouvrable(s)", "", delay.value),
            "hours": self.tr("%n heure(s)", "", delay.value),
        }
        lines.append(
            self.tr("Échéance : <b>%1</b> (%2)")
            .replace("%1", fmt.due_phrase(result.due_at, self._lang))
            .replace("%2", units.get(delay.unit, ""))
        )
        return "<br>".join(lines)

    # -- suggestions --------------------------------------------------------------------
    def _suggest_query(self) -> tuple[str, str]:
        return self.description.toPlainText().strip(), self._lang

    def _run_suggest(self, wanted: object) -> SearchResult | None:
        assert isinstance(wanted, tuple)
        text, lang = str(wanted[0]), str(wanted[1])
        workspace = self.workspace
        if workspace is None or len(text) < 3:
            return None
        return workspace.search(text, lang=lang, limit=SUGGESTIONS)

    def _show_suggestions(self, _wanted: object, result: SearchResult | None) -> None:
        hits = list(result.hits[:SUGGESTIONS]) if result is not None else []
        self._suggested = [(h.article_id, h.lang) for h in hits]
        for i, button in enumerate(self.side.suggest_buttons):
            if i < len(hits):
                button.setText(f"Alt+{i + 1}  {hits[i].title_text}".replace("&", "&&"))
                button.setToolTip(hits[i].title_text)
                button.show()
            else:
                button.hide()
        self._update_suggest_hint()

    def _update_suggest_hint(self) -> None:
        if self._suggested:
            self.side.suggest_hint.setText(
                self.tr("Souvent, un article répond à la question sans ouvrir de demande.")
            )
        else:
            self.side.suggest_hint.setText(
                self.tr(
                    "Les articles de la banque d'information liés à la description "
                    "s'afficheront ici."
                )
            )

    def open_suggestion(self, n: int) -> None:
        if n < len(self._suggested):
            self.articleRequested.emit(*self._suggested[n])

    # -- duplicates ---------------------------------------------------------------------
    def _duplicate_key(self) -> tuple[str, str, str, str]:
        """Service, civic, street key, and the street as typed (the work runs on the store
        thread, which must not read the widgets)."""
        service = self.picker.service
        street = self.street.text()
        return (
            service.code if service else "",
            civic_key(self.civic.text()),
            street_key(street),
            street,
        )

    def _run_duplicates(self, key: object) -> list[CaseSummary]:
        assert isinstance(key, tuple)
        code, civic, skey, street = (str(part) for part in key)
        workspace = self.workspace
        if workspace is None or not code or not skey:
            return []
        return workspace.duplicates(
            intake.Draft(service_code=code, civic_number=civic, street=street)
        )

    def _show_duplicates(self, _key: object, found: list[CaseSummary]) -> None:
        self.side.duplicates_list.clear()
        for case in found:
            late = self.tr(" — EN RETARD") if case.overdue else ""
            text = (
                f"{case.case_number} · {case.address} · "
                f"{fmt.status_label(case.status, self._lang)} · {fmt.day(case.created_at)}{late}"
            )
            item = QListWidgetItem(text, self.side.duplicates_list)
            item.setData(Qt.ItemDataRole.UserRole, case.case_number)
        if found:
            self.side.duplicates_list.setCurrentRow(0)
        self.side.duplicates_box.setVisible(bool(found))

    def _selected_duplicate(self) -> str | None:
        item = self.side.duplicates_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self._busy or self.workspace is None:
            return
        if self.profile is None:
            self.statusMessage.emit(self.tr("Configurez d'abord le poste (Fichier > Poste)."))
            return
        draft = self.draft()
        self._clear_problems()
        try:
            intake.check(self.workspace.catalogue, draft, fmt.now())
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        self._busy = True
        self._background.spawn(self._save(self.workspace, draft))

    def save_anyway(self) -> None:
        self._acknowledged = self._duplicate_key()[:3]
        self.side.duplicates_box.hide()
        self.save()

    async def _save(self, workspace: Workspace, draft: intake.Draft) -> None:
        try:
            key = self._duplicate_key()
            if key[:3] != self._acknowledged:
                found = await self._background.run(workspace.duplicates, draft)
                if found:
                    self._show_duplicates(key, found)
                    self.side.duplicates_list.setFocus()
                    self.statusMessage.emit(
                        self.tr(
                            "Un dossier semblable est ouvert : joignez-y le citoyen, "
                            "ou enregistrez quand même."
                        )
                    )
                    return
            saved = await self._background.run(workspace.save_request, draft, self.interaction_id)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except Exception as exc:  # the form keeps everything; the agent can retry
            self._show_failure(exc)
            return
        finally:
            self._busy = False
        await self._after_save(workspace, draft, saved.case_number, saved.citizen_id)

    def attach_to_selected(self) -> None:
        case_number = self._selected_duplicate()
        if case_number is None or self._busy or self.workspace is None or self.profile is None:
            return
        self._clear_problems()
        self._busy = True
        self._background.spawn(self._attach(self.workspace, case_number, self.draft()))

    async def _attach(self, workspace: Workspace, case_number: str, draft: intake.Draft) -> None:
        try:
            citizen_id = await self._background.run(
                workspace.attach_to_case, case_number, draft, self.interaction_id
            )
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except Exception as exc:
            self._show_failure(exc)
            return
        finally:
            self._busy = False
        self.statusMessage.emit(self.tr("Citoyen joint au dossier %1.").replace("%1", case_number))
        await self._after_save(workspace, draft, case_number, citizen_id, attached=True)

    async def _after_save(
        self,
        workspace: Workspace,
        draft: intake.Draft,
        case_number: str,
        citizen_id: str | None,
        attached: bool = False,
    ) -> None:
        self._last_case = case_number
        self.side.saved_title.setText(
            self.tr("Citoyen joint au dossier existant. Numéro de dossier :")
            if attached
            else self.tr("Demande enregistrée. Numéro de dossier :")
        )
        self.side.saved_number.setText(case_number)
        self.side.saved_banner.show()
        self.side.summary.hide()
        citizen_before = self.citizen.choice()
        if self.draft() == draft:
            self._clear_request_fields()
            self._focus_next_request()
        else:  # typed while the save ran: that is the next request, it stays
            self.side.summary.setText(
                self.tr(
                    "Ce qui a été modifié pendant l'enregistrement est resté dans le formulaire."
                )
            )
            self.side.summary.show()
        self.side.draft_note.hide()
        if self.citizen.choice() == (draft.citizen_id, draft.new_citizen):
            # Who the request was for stays, for the same call's next request.
            self._carried = self._citizen_state()
        self._keep_draft()  # the saved request leaves the draft at once
        self.saved.emit(case_number)
        if citizen_id is None:
            return
        # The next request of this call is for the same citizen: keep them, picked (with
        # their open cases, this one included), so a new citizen is not created twice.
        try:
            match = await self._background.run(workspace.citizen, citizen_id)
        except Exception:  # a convenience only: the request itself is saved
            return
        if match is not None and self.citizen.choice() == citizen_before:
            carried = self.carried
            self.citizen.pick(match)
            if carried:
                self._carried = self._citizen_state()

    def _focus_next_request(self) -> None:
        """After a save the citizen stays for this call's next request: the keyboard goes
        to its first field, the type of request, with the case number in view beside it."""
        self.side.area.verticalScrollBar().setValue(0)
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_request_fields(self) -> None:
        self.picker.clear_choice()
        self.attributes.clear()
        for editor in (self.civic, self.street, self.postal):
            editor.clear()
        self.arrondissement.setCurrentIndex(0)
        self.description.clear()
        self.side.duplicates_box.hide()
        self._acknowledged = None
        self._clear_problems()

    def copy_case_number(self) -> None:
        if self._last_case:
            QGuiApplication.clipboard().setText(self._last_case)
            self.statusMessage.emit(self.tr("Numéro de dossier copié"))

    # -- problems -----------------------------------------------------------------------
    def _field_editor(self, field: str) -> QWidget | None:
        editors = {**self._address_editors(), "description": self.description}
        editors["service_code"] = self.picker
        editors["channel"] = self.channel
        return editors.get(field)

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        first: QWidget | None = None
        unplaced: list[str] = []
        for problem in problems:
            text = fmt.problem_text(problem)
            widget = self._show_problem(problem.field, text)
            if widget is None:
                unplaced.append(text)
            elif first is None:
                first = widget
        count = self.tr("%n champ(s) à corriger : rien n'a été effacé.", "", len(problems))
        self.side.summary.setText("\n".join([count, *unplaced]))
        self.side.summary.show()
        if first is not None:
            self._reveal(first)

    def _show_problem(self, field: str, text: str) -> QWidget | None:
        if field.startswith("citizen"):
            return self.citizen.show_problem(field, text)
        if field.startswith("attribute[") and field.endswith("]"):
            return self.attributes.show_problem(field[len("attribute[") : -1], text)
        label = self.service_error if field == "service_code" else self.errors.get(field)
        editor = self._field_editor(field)
        mark(editor, label, text)
        return editor

    def _reveal(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_problems(self) -> None:
        self.side.summary.hide()
        unmark(self.picker, self.service_error)
        for field, label in self.errors.items():
            unmark(self._field_editor(field), label)
        self.citizen.clear_problems()
        self.attributes.clear_problems()

    def _show_failure(self, exc: Exception) -> None:
        reason = fmt.failure_reason(exc)
        self.side.summary.setText(
            self.tr(
                "La demande n'a pas pu être enregistrée (%1). Rien n'a été effacé ; "
                "réessayez avec Ctrl+Entrée."
            ).replace("%1", reason)
        )
        self.side.summary.show()

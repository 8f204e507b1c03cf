"""Who the request is for: look a citizen up by phone or e-mail as you type and pick
them (their open cases show at once), or enter a new one, or leave it anonymous."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Catalogue
from app.domain.validation import ValidationError
from app.services.citizens import CitizenDraft, CitizenMatch
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import error_label, mark, unmark
from app.ui.widgets.latest import Follower

Lookup = Callable[[str], list[CitizenMatch]]
# Saves a picked citizen's changed fields (name, phone, email, preferred_language) and
# returns the citizen as stored: Workspace.edit_citizen. Runs on the store worker.
Editor = Callable[[str, dict[str, str]], CitizenMatch]


class CitizenBox(QGroupBox):
    changed = Signal()
    citizenEdited = Signal(object)  # CitizenMatch: a picked citizen's details were saved

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenBox")
        self._background = background
        self._lookup: Lookup | None = None
        self._editor: Editor | None = None
        self._saving = False
        self._lang = "fr"
        self._catalogue: Catalogue | None = None  # the services' names in both languages
        self.picked: CitizenMatch | None = None

        self.lookup = QLineEdit(self)
        self.lookup.setObjectName("citizenLookup")
        self.lookup.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("citizenMatches")
        self.matches.hide()
        self.matches.setMaximumHeight(120)
        self.lookup_status = QLabel(self)
        self.lookup_status.setObjectName("citizenLookupStatus")
        self.lookup_status.setStyleSheet("color: #4a4a4a;")

        self.picked_label = QLabel(self)
        self.picked_label.setObjectName("citizenPicked")
        self.picked_label.setWordWrap(True)
        self.picked_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.picked_label.setStyleSheet(
            "#citizenPicked { background: #eef4fb; border: 1px solid #9db8d9;"
            " border-radius: 4px; padding: 6px; color: #1d2a38; }"
        )
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("citizenChange")
        self.change_button.clicked.connect(self.unpick)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("citizenEdit")
        self.edit_button.clicked.connect(self.start_edit)
        self.edit_button.hide()  # until the form gives the box a way to save (set_editor)
        picked_buttons = QVBoxLayout()
        picked_buttons.addWidget(self.change_button)
        picked_buttons.addWidget(self.edit_button)
        picked_buttons.addStretch(1)
        picked_row = QHBoxLayout()
        picked_row.addWidget(self.picked_label, 1)
        picked_row.addLayout(picked_buttons)
        self.picked_box = QWidget(self)
        self.picked_box.setLayout(picked_row)
        picked_row.setContentsMargins(0, 0, 0, 0)
        self.picked_box.hide()

        self.new_box = QWidget(self)
        self.name = QLineEdit(self.new_box)
        self.name.setObjectName("citizenName")
        self.phone = QLineEdit(self.new_box)
        self.phone.setObjectName("citizenPhone")
        self.email = QLineEdit(self.new_box)
        self.email.setObjectName("citizenEmail")
        self.language = QComboBox(self.new_box)
        self.language.setObjectName("citizenLanguage")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.errors = {
            "citizen": error_label(self),
            "citizen.name": error_label(self.new_box),
            "citizen.phone": error_label(self.new_box),
            "citizen.email": error_label(self.new_box),
        }
        self._editors: dict[str, QWidget] = {
            "citizen": self.lookup,
            "citizen.name": self.name,
            "citizen.phone": self.phone,
            "citizen.email": self.email,
        }
        self.new_form = QFormLayout(self.new_box)
        self.new_form.setContentsMargins(0, 0, 0, 0)
        self._new_labels = [QLabel(self.new_box) for _ in range(4)]
        for label, editor, error in zip(
            self._new_labels,
            (self.name, self.phone, self.email, self.language),
            ("citizen.name", "citizen.phone", "citizen.email", None),
            strict=True,
        ):
            label.setBuddy(editor)
            cell = QWidget(self.new_box)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            if error:
                column.addWidget(self.errors[error])
            self.new_form.addRow(label, cell)

        self._build_edit_box()

        self.anonymous = QCheckBox(self)
        self.anonymous.setObjectName("citizenAnonymous")
        self.anonymous.toggled.connect(self._on_anonymous)

        layout = QVBoxLayout(self)
        layout.addWidget(self.lookup)
        layout.addWidget(self.lookup_status)
        layout.addWidget(self.matches)
        layout.addWidget(self.picked_box)
        layout.addWidget(self.edit_box)
        layout.addWidget(self.errors["citizen"])
        layout.addWidget(self.new_box)
        layout.addWidget(self.anonymous)

        self._follower = Follower(
            background,
            self.lookup.text,
            self._run_lookup,
            self._show_matches,
            200,
            self,
            failed=self._lookup_failed,
            empty=[],
        )
        self.lookup.textChanged.connect(lambda _t: self._follower.poke())
        self.lookup.installEventFilter(self)
        self.matches.installEventFilter(self)
        self.matches.itemActivated.connect(self._pick_item)
        for editor in (self.name, self.phone, self.email):
            editor.textChanged.connect(lambda _t: self.changed.emit())
        # "Who is it for?" is answered as soon as a citizen is picked, typed in or made
        # anonymous: its mark goes then, not at the next save.
        self.changed.connect(lambda: unmark(self.lookup, self.errors["citizen"]))
        self.retranslate()

    def _build_edit_box(self) -> None:
        """The picked citizen's details as editable fields, with their own error labels:
        the new-citizen fields stay as the agent left them."""
        self.edit_box = QWidget(self)
        self.edit_box.setObjectName("citizenEditBox")
        self.edit_name = QLineEdit(self.edit_box)
        self.edit_name.setObjectName("citizenEditName")
        self.edit_phone = QLineEdit(self.edit_box)
        self.edit_phone.setObjectName("citizenEditPhone")
        self.edit_email = QLineEdit(self.edit_box)
        self.edit_email.setObjectName("citizenEditEmail")
        self.edit_language = QComboBox(self.edit_box)
        self.edit_language.setObjectName("citizenEditLanguage")
        self.edit_language.addItem("Français", "fr")
        self.edit_language.addItem("English", "en")
        self._edit_fields: dict[str, QWidget] = {
            "citizen.name": self.edit_name,
            "citizen.phone": self.edit_phone,
            "citizen.email": self.edit_email,
            "citizen.preferred_language": self.edit_language,
        }
        self.edit_errors = {field: error_label(self.edit_box) for field in self._edit_fields}
        self.edit_errors["citizen"] = error_label(self.edit_box)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self._edit_labels = [QLabel(self.edit_box) for _ in self._edit_fields]
        for label, (field, editor) in zip(
            self._edit_labels, self._edit_fields.items(), strict=True
        ):
            label.setBuddy(editor)
            cell = QWidget(self.edit_box)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(self.edit_errors[field])
            form.addRow(label, cell)
        self.edit_save = QPushButton(self.edit_box)
        self.edit_save.setObjectName("citizenEditSave")
        self.edit_save.clicked.connect(self.save_edit)
        self.edit_cancel = QPushButton(self.edit_box)
        self.edit_cancel.setObjectName("citizenEditCancel")
        self.edit_cancel.clicked.connect(self.cancel_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_cancel)
        buttons.addWidget(self.edit_save)
        outer = QVBoxLayout(self.edit_box)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.edit_errors["citizen"])
        outer.addLayout(buttons)
        for editor in (self.edit_name, self.edit_phone, self.edit_email):
            editor.returnPressed.connect(self.save_edit)
            editor.installEventFilter(self)
        self.edit_language.installEventFilter(self)
        self.edit_box.hide()

    # -- public -------------------------------------------------------------------------
    def set_editor(self, editor: Editor | None) -> None:
        """How the box saves a picked citizen's corrected details; the form passes
        Workspace.edit_citizen (None: no workspace, and no "Modifier" button)."""
        self._editor = editor
        if editor is None:
            self.cancel_edit()
        self.edit_button.setVisible(editor is not None)

    @property
    def editing(self) -> bool:
        return not self.edit_box.isHidden()

    def start_edit(self) -> None:
        """The picked citizen's details become editable fields, filled in."""
        match = self.picked
        if match is None or self._editor is None:
            return
        self.edit_name.setText(match.name)
        self.edit_phone.setText(match.phone)
        self.edit_email.setText(match.email)
        self.edit_language.setCurrentIndex(
            max(0, self.edit_language.findData(match.preferred_language))
        )
        self._clear_edit_problems()
        self.picked_box.hide()
        self.edit_box.show()
        self.edit_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_edit(self) -> None:
        if not self.editing:
            return
        self._leave_edit()
        if self.picked is not None:
            self.picked_box.show()
            self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_edit(self) -> None:
        match, editor = self.picked, self._editor
        if match is None or editor is None or not self.editing or self._saving:
            return
        typed = {
            "name": self.edit_name.text(),
            "phone": self.edit_phone.text(),
            "email": self.edit_email.text(),
            "preferred_language": str(self.edit_language.currentData()),
        }
        before = {
            "name": match.name,
            "phone": match.phone,
            "email": match.email,
            "preferred_language": match.preferred_language,
        }
        # Only what the agent changed: an untouched field is neither checked (a record from
        # the registry may lack a name) nor sent.
        changes = {name: value for name, value in typed.items() if value != before[name]}
        self._clear_edit_problems()
        if not changes:
            self.cancel_edit()
            return
        self._saving = True
        self.edit_save.setEnabled(False)
        self._background.spawn(self._save_edit(editor, match.id, changes))

    async def _save_edit(self, editor: Editor, citizen_id: str, changes: dict[str, str]) -> None:
        try:
            saved = await self._background.run(editor, citizen_id, changes)
        except ValidationError as exc:
            first: QWidget | None = None
            for problem in exc.problems:
                label = self.edit_errors.get(problem.field, self.edit_errors["citizen"])
                widget = self._edit_fields.get(problem.field)
                mark(widget, label, fmt.problem_text(problem))
                first = first or widget
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except Exception as exc:
            label = self.edit_errors["citizen"]
            label.setText(
                self.tr(
                    "Les coordonnées n'ont pas pu être enregistrées (%1). Rien n'a été "
                    "effacé : réessayez."
                ).replace("%1", fmt.failure_reason(exc))
            )
            label.show()
            return
        finally:
            self._saving = False
            self.edit_save.setEnabled(True)
        # The agent may have picked someone else meanwhile: only their own view refreshes.
        if self.picked is not None and self.picked.id == saved.id:
            self.picked = saved
            self.cancel_edit()
            self._show_picked(saved)
            self.changed.emit()
        self.citizenEdited.emit(saved)

    def _leave_edit(self) -> None:
        self.edit_box.hide()
        self._clear_edit_problems()

    def _clear_edit_problems(self) -> None:
        for field, label in self.edit_errors.items():
            unmark(self._edit_fields.get(field), label)

    def set_lookup(self, lookup: Lookup | None) -> None:
        self._lookup = lookup
        self._follower.forget()
        self._follower.now()

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.picked is not None:
            self._show_picked(self.picked)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Citoyen"))
        self.lookup.setPlaceholderText(
            self.tr("Chercher par téléphone ou courriel (↓ pour choisir)…")
        )
        self.lookup.setAccessibleName(self.tr("Recherche de citoyen"))
        self.change_button.setText(self.tr("Changer"))
        for label, text in zip(
            self._new_labels,
            (
                self.tr("&Nom"),
                self.tr("Télé&phone"),
                self.tr("Courr&iel"),
                self.tr("Langue"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.anonymous.setText(self.tr("Ci&toyen anonyme"))
        self.edit_button.setText(self.tr("Modifier"))
        self.edit_button.setToolTip(self.tr("Corriger les coordonnées de ce citoyen"))
        for label, text in zip(
            self._edit_labels,
            (self.tr("Nom"), self.tr("Téléphone"), self.tr("Courriel"), self.tr("Langue")),
            strict=True,
        ):
            label.setText(text)
        self.edit_save.setText(self.tr("Enregistrer les coordonnées"))
        self.edit_cancel.setText(self.tr("Annuler"))

    def choice(self) -> tuple[str | None, CitizenDraft | None]:
        """(picked citizen id, new citizen); (None, None) when anonymous or left empty."""
        if self.picked is not None:
            return self.picked.id, None
        if self.anonymous.isChecked():
            return None, None
        draft = CitizenDraft(
            self.name.text(), self.phone.text(), self.email.text(), self.language.currentData()
        )
        # A number or address typed only in the lookup is not dropped: it is the new
        # citizen's contact (the form then asks for the name if it is missing).
        typed = self.lookup.text().strip()
        if typed and not draft.phone.strip() and not draft.email.strip():
            if "@" in typed:
                draft.email = typed
            else:
                draft.phone = typed
        if not any((draft.name.strip(), draft.phone.strip(), draft.email.strip())):
            return None, None
        return None, draft

    def set_anonymous_allowed(self, allowed: bool) -> None:
        if not allowed and self.anonymous.isChecked():
            self.anonymous.setChecked(False)
        self.anonymous.setEnabled(allowed)
        self.anonymous.setToolTip(
            "" if allowed else self.tr("Ce type de demande exige les coordonnées du citoyen.")
        )

    def pick(self, match: CitizenMatch) -> None:
        self._leave_edit()
        self.picked = match
        self._show_picked(match)
        self.matches.hide()
        self.lookup_status.setText("")
        self.new_box.hide()
        self.anonymous.setChecked(False)
        self.anonymous.hide()
        self.changed.emit()

    def unpick(self, focus: bool = True) -> None:
        self._leave_edit()
        self.picked = None
        self.picked_box.hide()
        self.new_box.show()
        self.anonymous.show()
        if focus:
            self.lookup.setFocus()
        self.changed.emit()

    def clear(self, focus: bool = True) -> None:
        """No one: the next caller starts from an empty box (`focus`: the keyboard goes to
        the lookup, as after Changer)."""
        self.unpick(focus)
        self.lookup.clear()
        for editor in (self.name, self.phone, self.email):
            editor.clear()
        self.language.setCurrentIndex(0)
        self.anonymous.setChecked(False)

    def has_input(self) -> bool:
        """Someone picked, or something typed to find or enter them (Citoyen anonyme
        alone is a choice, not typing)."""
        typed = (self.lookup, self.name, self.phone, self.email)
        return self.picked is not None or any(edit.text().strip() for edit in typed)

    def snapshot(self) -> dict[str, object]:
        """What the box holds, as plain values (a draft of the form keeps it)."""
        return {
            "picked": self.picked.id if self.picked is not None else "",
            "lookup": self.lookup.text(),
            "name": self.name.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "language": str(self.language.currentData() or "fr"),
            "anonymous": self.anonymous.isChecked(),
        }

    def restore(self, data: dict[str, object], picked: CitizenMatch | None) -> None:
        """A snapshot given back (`picked`: its citizen as the store has them now, or None
        when they are no longer on this workstation: the typed fields still come back)."""
        self.clear(focus=False)
        self.lookup.setText(str(data.get("lookup") or ""))
        self.name.setText(str(data.get("name") or ""))
        self.phone.setText(str(data.get("phone") or ""))
        self.email.setText(str(data.get("email") or ""))
        self.language.setCurrentIndex(max(0, self.language.findData(data.get("language"))))
        if picked is not None:
            self.pick(picked)
        elif data.get("anonymous") and self.anonymous.isEnabled():
            self.anonymous.setChecked(True)

    def show_problem(self, field: str, text: str) -> QWidget | None:
        if field not in self.errors:
            return None
        mark(self._editors[field], self.errors[field], text)
        return self._editors[field]

    def clear_problems(self) -> None:
        for field, label in self.errors.items():
            unmark(self._editors[field], label)

    # -- lookup -------------------------------------------------------------------------
    def _run_lookup(self, text: object) -> list[CitizenMatch]:
        lookup = self._lookup
        return [] if lookup is None else lookup(str(text))

    def _show_matches(self, text: object, matches: list[CitizenMatch]) -> None:
        self.matches.clear()
        for match in matches:
            item = QListWidgetItem(self._match_text(match), self.matches)
            item.setData(Qt.ItemDataRole.UserRole, match)
        self.matches.setVisible(bool(matches))
        if matches:
            self.matches.setCurrentRow(0)
            self.lookup_status.setText(
                self.tr("%n citoyen(s) trouvé(s) : ↓ puis Entrée pour choisir", "", len(matches))
            )
        elif len(str(text).strip()) >= 3:
            self.lookup_status.setText(
                self.tr("Aucun citoyen trouvé : Entrée pour le saisir comme nouveau citoyen.")
            )
        else:
            self.lookup_status.setText("")

    def _lookup_failed(self, _exc: Exception) -> None:
        self.lookup_status.setText(
            self.tr("Recherche de citoyen impossible pour le moment : saisissez-le ci-dessous.")
        )

    def _match_text(self, match: CitizenMatch) -> str:
        contact = " · ".join(part for part in (match.phone, match.email) if part)
        opened = self.tr("%n dossier(s) ouvert(s)", "", len(match.open_cases))
        return f"{match.name or '—'} · {contact} — {opened}"

    def _show_picked(self, match: CitizenMatch) -> None:
        lines = [f"<b>{_html(match.name or '—')}</b>"]
        contact = " · ".join(part for part in (match.phone, match.email) if part)
        if contact:
            lines.append(_html(contact))
        if match.open_cases:
            lines.append(self.tr("Dossiers ouverts :"))
            for case in match.open_cases[:5]:
                late = (
                    " <span style='color:#a40000'><b>" + self.tr("En retard") + "</b></span>"
                    if case.overdue
                    else ""
                )
                service = fmt.service_name(
                    self._catalogue, case.service_code, case.service_name, self._lang
                )
                lines.append(
                    f"{case.case_number} · {_html(service)} · "
                    f"{fmt.status_label(case.status, self._lang)} · "
                    + self.tr("échéance %1").replace("%1", fmt.when(case.due_at))
                    + late
                )
        else:
            lines.append(self.tr("Aucun dossier ouvert."))
        self.picked_label.setText("<br>".join(lines))
        self.picked_box.show()

    def _pick_item(self, item: QListWidgetItem) -> None:
        match = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(match, CitizenMatch):
            self.pick(match)
            self.focusNextChild()

    def _start_new_from_lookup(self) -> None:
        """No match: what was typed becomes the new citizen's phone or e-mail."""
        typed = self.lookup.text().strip()
        if "@" in typed and not self.email.text():
            self.email.setText(typed)
        elif typed and not any(c.isalpha() for c in typed) and not self.phone.text():
            self.phone.setText(typed)
        self.name.setFocus()

    def _on_anonymous(self, on: bool) -> None:
        self.new_box.setEnabled(not on)
        self.lookup.setEnabled(not on)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape and self.editing and watched in self._edit_fields.values():
                self.cancel_edit()
                return True
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if watched is self.lookup and key == Qt.Key.Key_Down and self.matches.isVisible():
                self.matches.setFocus()
                return True
            if watched is self.lookup and enter and plain:
                item = self.matches.currentItem() if self.matches.isVisible() else None
                if item is not None:
                    self._pick_item(item)
                else:
                    self._start_new_from_lookup()
                return True
            if watched is self.matches and enter and plain:
                item = self.matches.currentItem()
                if item is not None:
                    self._pick_item(item)
                return True
        return super().eventFilter(watched, event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Fichier → Paramètres (Ctrl+,): the central store's address, the station code, the
default channel, the language, how long citizens' data stays on this workstation and the
font size. A wrong value is refused with its fix under the field, and what was typed
stays; Cancel changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import request_terms as terms
from app.domain.validation import FieldProblem, ValidationError
from app.services import settings_rules as rules
from app.services.profile import Profile, check_profile
from app.services.workspace import Workspace
from app.ui.station import settings as stored
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import error_label, mark, unmark
from app.ui.widgets.window_fit import keep_on_screen

FIELDS = ("server_url", "station", "default_channel", "language", "retention_days", "font_size")


class SettingsDialog(QDialog):
    settingsSaved = Signal(object, object)  # the previous ConsoleSettings, the new ones
    profileSaved = Signal(object)  # Profile, when the station code changed

    def __init__(
        self, background: Background, workspace: Workspace | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._background = background
        self._workspace = workspace
        self._busy = False
        self._lang = "fr"
        current = stored.load()
        self.server = QLineEdit(current.server_url, self)
        self.server.setObjectName("serverField")
        self.station = QLineEdit(self)
        self.station.setObjectName("settingsStationField")
        self.station.setMaxLength(3)
        profile = workspace.profile if workspace is not None else None
        if profile is not None:
            self.station.setText(profile.station_code)
        else:  # the store is still opening, or the first-start dialog will ask for it
            self.station.setEnabled(False)
        self.channel = QComboBox(self)
        self.channel.setObjectName("defaultChannelField")
        self.channel.addItem("", rules.FOLLOW_WORKPLACE)
        for code in terms.CHANNELS:
            self.channel.addItem(code, code)
        self.channel.setCurrentIndex(max(0, self.channel.findData(current.default_channel)))
        self.language = QComboBox(self)
        self.language.setObjectName("languageField")
        for code in rules.LANGUAGES:
            self.language.addItem(code, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.retention = QLineEdit(str(current.retention_days), self)
        self.retention.setObjectName("retentionField")
        self.font_size = QLineEdit(
            "" if current.font_size is None else str(current.font_size), self
        )
        self.font_size.setObjectName("fontSizeField")
        self.editors: dict[str, QWidget] = {
            "server_url": self.server,
            "station": self.station,
            "default_channel": self.channel,
            "language": self.language,
            "retention_days": self.retention,
            "font_size": self.font_size,
        }
        self.errors = {key: error_label(self) for key in FIELDS}
        self.labels = {key: QLabel(self) for key in FIELDS}
        form = QFormLayout()
        # Wide enough for an https address and the hints shown in the empty fields.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(640)
        for key in FIELDS:
            self.labels[key].setBuddy(self.editors[key])
            cell = QVBoxLayout()
            cell.addWidget(self.editors[key])
            cell.addWidget(self.errors[key])
            form.addRow(self.labels[key], cell)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        keep_on_screen(self)
        self.server.setFocus()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Paramètres"))
        labels = {
            "server_url": self.tr("Adresse du &registre central"),
            "station": self.tr("Code de &poste"),
            "default_channel": self.tr("&Canal par défaut"),
            "language": self.tr("&Langue de l'interface"),
            "retention_days": self.tr("Con&servation des données des citoyens (jours)"),
            "font_size": self.tr("&Taille du texte (points)"),
        }
        for key, text in labels.items():
            self.labels[key].setText(text)
        self.server.setPlaceholderText(self.tr("vide : ce poste travaille en local seulement"))
        self.font_size.setPlaceholderText(self.tr("vide : la taille du système"))
        self.channel.setItemText(0, self.tr("Selon le lieu de travail"))
        for i in range(1, self.channel.count()):
            self.channel.setItemText(i, fmt.channel_label(self.channel.itemData(i), self._lang))
        self.language.setItemText(0, self.tr("Langue du système"))
        self.language.setItemText(1, "Français")  # each language in its own name
        self.language.setItemText(2, "English")

    def _messages(self) -> dict[str, str]:
        return {
            "server_url": self.tr(
                "Adresse attendue : https:// suivi du nom du serveur, par exemple "
                "https://relais.montreal.ca ; vide pour travailler en local."
            ),
            "server_url_https": self.tr(
                "Utilisez https:// (http:// seulement pour un serveur sur cet ordinateur, "
                "localhost)."
            ),
            "server_url_credentials": self.tr(
                "Retirez le nom d'utilisateur et le mot de passe de l'adresse (la partie "
                "avant @) : ils sont demandés à la connexion."
            ),
            "default_channel": self.tr("Choisissez un des canaux proposés."),
            "settings_language": self.tr(
                "Choisissez la langue du système, le français ou l'anglais."
            ),
            "retention_days": self.tr("Nombre entier de jours, de 1 à 365, par exemple 30."),
            "font_size": self.tr("Taille en points, de 8 à 28, ou vide pour la taille du système."),
        }

    # -- saving -------------------------------------------------------------------------
    def _station_changed(self) -> bool:
        profile = self._workspace.profile if self._workspace is not None else None
        return profile is not None and self.station.text().strip() != profile.station_code

    def _check(self) -> tuple[rules.ConsoleSettings | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        checked: rules.ConsoleSettings | None = None
        try:
            checked = rules.check_settings(
                self.server.text(),
                str(self.channel.currentData()),
                str(self.language.currentData()),
                self.retention.text(),
                self.font_size.text(),
            )
        except ValidationError as exc:
            problems.extend(exc.problems)
        profile = self._workspace.profile if self._workspace is not None else None
        if profile is not None and self._station_changed():
            try:
                check_profile(self.station.text(), profile.agent, profile.workplace)
            except ValidationError as exc:
                problems.extend(exc.problems)
        return checked, problems

    def submit(self) -> None:
        if self._busy:
            return
        for key in FIELDS:
            unmark(self.editors[key], self.errors[key])
        checked, problems = self._check()
        if checked is None or problems:
            self._show_problems(problems)
            return
        workspace = self._workspace
        if workspace is not None and workspace.profile is not None and self._station_changed():
            self._busy = True
            self._background.spawn(self._save_station(workspace, workspace.profile, checked))
            return
        self._finish(checked)

    async def _save_station(
        self, workspace: Workspace, profile: Profile, checked: rules.ConsoleSettings
    ) -> None:
        # The same call as the workstation dialog: the store stays the station's one home.
        try:
            saved: Profile = await self._background.run(
                workspace.set_profile, self.station.text(), profile.agent, profile.workplace
            )
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        finally:
            self._busy = False
        self.profileSaved.emit(saved)
        self._finish(checked)

    def _finish(self, checked: rules.ConsoleSettings) -> None:
        previous = stored.load()
        stored.save(checked)
        self.settingsSaved.emit(previous, checked)
        self.accept()

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        messages = self._messages()
        marked: set[str] = set()
        for problem in problems:
            # The station's problems come from the profile's rules, in their own words.
            key = problem.field if problem.field in self.editors else "station"
            text = messages.get(problem.code) or fmt.problem_text(problem)
            mark(self.editors[key], self.errors[key], text)
            marked.add(key)
        for key in FIELDS:  # the first wrong field from the top
            if key in marked:
                self.editors[key].setFocus()
                return

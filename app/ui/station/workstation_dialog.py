"""First start on a workstation: its station code (the middle of its case numbers, so
they are unique without asking a server), the agent's user name, and where it is."""

from __future__ import annotations

import getpass

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

from app.domain.validation import ValidationError
from app.services.profile import Profile
from app.services.workspace import Workspace
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.window_fit import keep_on_screen


class WorkstationDialog(QDialog):
    profileSaved = Signal(object)  # Profile

    def __init__(
        self, background: Background, workspace: Workspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workstationDialog")
        self._background = background
        self._workspace = workspace
        self._busy = False
        current = workspace.profile
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.station = QLineEdit(self)
        self.station.setObjectName("stationField")
        self.station.setMaxLength(3)
        self.agent = QLineEdit(self)
        self.agent.setObjectName("agentField")
        self.workplace = QComboBox(self)
        self.workplace.setObjectName("workplaceField")
        self.workplace.addItem("", "311")
        self.workplace.addItem("", "bam")
        if current is not None:
            self.station.setText(current.station_code)
            self.agent.setText(current.agent)
            self.workplace.setCurrentIndex(max(0, self.workplace.findData(current.workplace)))
        else:
            self.agent.setText(_user_name())
        self.errors = {key: QLabel(self) for key in ("station", "agent", "workplace")}
        for label in self.errors.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, editor, key in zip(
            self.labels,
            (self.station, self.agent, self.workplace),
            ("station", "agent", "workplace"),
            strict=True,
        ):
            label.setBuddy(editor)
            cell = QVBoxLayout()
            cell.addWidget(editor)
            cell.addWidget(self.errors[key])
            form.addRow(label, cell)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        keep_on_screen(self)
        self.station.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Poste de travail"))
        self.intro.setText(
            self.tr(
                "Ce poste a besoin d'un code de poste (001 à 899) fourni par le responsable "
                "du déploiement : il fait partie de chaque numéro de dossier créé ici, ce qui "
                "les rend uniques même hors ligne."
            )
        )
        self.labels[0].setText(self.tr("Code de &poste"))
        self.labels[1].setText(self.tr("&Utilisateur"))
        self.labels[2].setText(self.tr("&Lieu de travail"))
        self.workplace.setItemText(0, self.tr("Centre 311 (téléphone)"))
        self.workplace.setItemText(1, self.tr("Bureau Accès Montréal (comptoir)"))

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        for label in self.errors.values():
            label.hide()
        self._background.spawn(
            self._save(self.station.text(), self.agent.text(), self.workplace.currentData())
        )

    async def _save(self, station: str, agent: str, workplace: str) -> None:
        try:
            profile: Profile = await self._background.run(
                self._workspace.set_profile, station, agent, workplace
            )
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field)
                if label is not None:
                    label.setText(fmt.problem_text(problem))
                    label.show()
            editors = {"station": self.station, "agent": self.agent}
            editors.get(exc.problems[0].field, self.workplace).setFocus()
            return
        finally:
            self._busy = False
        self.profileSaved.emit(profile)
        self.accept()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment (some containers)
        return ""

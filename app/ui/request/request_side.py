"""The request form's side column: the number just saved, the draft's note, the form's
problems, where the request goes and when it is due, the open cases at the same place,
the suggested articles, and under them (never scrolled away) Vider and Enregistrer.

Display only: the form fills, shows and hides its parts and connects their buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.window_fit import scroll_to_focus

SUGGESTIONS = 3


class RequestSide(QWidget):
    suggestionClicked = Signal(int)  # which suggested article (0-based)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formRightColumn")
        self._build_summary()
        self._build_saved_banner()
        self._build_draft()
        self._build_preview()
        self._build_duplicates()
        self._build_suggestions()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveRequest")
        self.save_button.setDefault(False)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearForm")
        self._build_layout()

    # -- building -----------------------------------------------------------------------
    def _build_summary(self) -> None:
        self.summary = QLabel(self)
        self.summary.setObjectName("formSummary")
        self.summary.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.summary.setWordWrap(True)
        self.summary.hide()

    def _build_saved_banner(self) -> None:
        self.saved_banner = QFrame(self)
        self.saved_banner.setObjectName("savedBanner")
        self.saved_title = QLabel(self.saved_banner)
        self.saved_number = QLabel(self.saved_banner)
        self.saved_number.setObjectName("savedCaseNumber")
        big = self.saved_number.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.saved_number.setFont(big)
        self.saved_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_hint = QLabel(self.saved_banner)
        self.saved_hint.setWordWrap(True)
        self.copy_button = QPushButton(self.saved_banner)
        self.copy_button.setObjectName("copyCaseNumber")
        self.copy_button.setAutoDefault(True)  # Enter on the focused button, as Space
        self.open_case_button = QPushButton(self.saved_banner)
        self.open_case_button.setObjectName("openSavedCase")
        self.open_case_button.setAutoDefault(True)
        banner = QVBoxLayout(self.saved_banner)
        banner.addWidget(self.saved_title)
        banner.addWidget(self.saved_number)
        banner.addWidget(self.saved_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_case_button)
        buttons.addStretch(1)
        banner.addLayout(buttons)
        self.saved_banner.hide()

    def _build_draft(self) -> None:
        self.draft_note = QLabel(self)
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        self.draft_problem = QLabel(self)
        self.draft_problem.setObjectName("draftProblem")
        self.draft_problem.setStyleSheet(ERROR_STYLE)
        self.draft_problem.setWordWrap(True)
        self.draft_problem.hide()

    def _build_preview(self) -> None:
        self.preview_box = QFrame(self)
        self.preview_box.setObjectName("previewBox")
        self.preview_title = QLabel(self.preview_box)
        bold = self.preview_title.font()
        bold.setBold(True)
        self.preview_title.setFont(bold)
        self.preview = QLabel(self.preview_box)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview)

    def _build_duplicates(self) -> None:
        self.duplicates_box = QFrame(self)
        self.duplicates_box.setObjectName("duplicatesBox")
        self.duplicates_title = QLabel(self.duplicates_box)
        self.duplicates_title.setWordWrap(True)
        self.duplicates_title.setFont(self.preview_title.font())
        self.duplicates_list = QListWidget(self.duplicates_box)
        self.duplicates_list.setObjectName("duplicatesList")
        self.duplicates_list.setMaximumHeight(110)
        self.duplicates_list.setWordWrap(True)
        self.duplicates_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attach_button = QPushButton(self.duplicates_box)
        self.attach_button.setObjectName("attachToCase")
        self.save_anyway_button = QPushButton(self.duplicates_box)
        self.save_anyway_button.setObjectName("saveAnyway")
        dup_layout = QVBoxLayout(self.duplicates_box)
        dup_layout.addWidget(self.duplicates_title)
        dup_layout.addWidget(self.duplicates_list)
        dup_buttons = QHBoxLayout()
        dup_buttons.addWidget(self.attach_button)
        dup_buttons.addWidget(self.save_anyway_button)
        dup_layout.addLayout(dup_buttons)
        self.duplicates_box.hide()

    def _build_suggestions(self) -> None:
        self.suggest_title = QLabel(self)
        self.suggest_title.setFont(self.preview_title.font())
        self.suggest_buttons: list[QPushButton] = []
        for i in range(SUGGESTIONS):
            button = QPushButton(self)
            button.setObjectName(f"suggestion{i + 1}")
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            button.clicked.connect(lambda _=False, n=i: self.suggestionClicked.emit(n))
            button.hide()
            self.suggest_buttons.append(button)
        self.suggest_hint = QLabel(self)
        self.suggest_hint.setWordWrap(True)
        self.suggest_hint.setStyleSheet("color: #4a4a4a;")

    def _build_layout(self) -> None:
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.saved_banner)
        right.addWidget(self.draft_note)
        right.addWidget(self.draft_problem)
        right.addWidget(self.summary)
        right.addWidget(self.preview_box)
        right.addWidget(self.duplicates_box)
        right.addWidget(self.suggest_title)
        for button in self.suggest_buttons:
            right.addWidget(button)
        right.addWidget(self.suggest_hint)
        right.addStretch(1)
        side = QWidget(self)
        side.setLayout(right)
        # On a laptop screen the saved number, the problems, the duplicates and the
        # articles can be taller than the window: they scroll; the buttons under them
        # never do.
        self.area = QScrollArea(self)
        self.area.setObjectName("formSide")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(side)
        actions = QHBoxLayout()
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.area, 1)
        column.addLayout(actions)
        self.setMinimumWidth(360)
        self.setMaximumWidth(460)
        # Alt+letter on a problem's field or a button further down: scrolled into view.
        scroll_to_focus(self.area)

    # -- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.preview_title.setText(self.tr("Acheminement et échéance"))
        self.saved_title.setText(self.tr("Demande enregistrée. Numéro de dossier :"))
        self.saved_hint.setText(
            self.tr(
                "Lisez ce numéro au citoyen. La demande est conservée sur ce poste et "
                "transmise au registre central dès que possible."
            )
        )
        self.copy_button.setText(self.tr("Copier le numéro"))
        self.open_case_button.setText(self.tr("Voir le dossier"))
        self.duplicates_title.setText(
            self.tr("Dossiers ouverts pour ce service à la même adresse :")
        )
        self.attach_button.setText(self.tr("&Joindre le citoyen à ce dossier"))
        self.save_anyway_button.setText(self.tr("Enregistrer &quand même"))
        self.suggest_title.setText(self.tr("Articles suggérés"))
        self.save_button.setText(self.tr("Enregistrer (Ctrl+Entrée)"))
        self.clear_button.setText(self.tr("Vider le formulaire"))

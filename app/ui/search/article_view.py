"""One article: the answer to read to the citizen, then a distinct referral block."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import categories
from app.services.articles import ArticleView, referral_text


class ArticlePanel(QWidget):
    referralCopied = Signal()
    requestForService = Signal(str)  # service code: open the request form with it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: ArticleView | None = None
        self.lang = "fr"
        self.ui_lang = "fr"

        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("articleMeta")

        self.lang_fr = QToolButton(self)
        self.lang_en = QToolButton(self)
        self._lang_group = QButtonGroup(self)
        for button, code in ((self.lang_fr, "fr"), (self.lang_en, "en")):
            button.setText(code.upper())
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, c=code: self.show_language(c))
            self._lang_group.addButton(button)

        self.body = QTextBrowser(self)
        self.body.setObjectName("articleBody")
        self.body.setOpenExternalLinks(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)

        self.referral = QFrame(self)
        self.referral.setObjectName("referralBlock")
        self.referral.setFrameShape(QFrame.Shape.StyledPanel)
        self.referral.setStyleSheet(
            "#referralBlock { background: #eef4fb; border: 1px solid #9db8d9; border-radius: 6px; }"
            "#referralBlock QLabel { background: transparent; color: #1d2a38; }"
        )
        self.referral_heading = QLabel(self.referral)
        heading_font = self.referral_heading.font()
        heading_font.setBold(True)
        self.referral_heading.setFont(heading_font)
        self.copy_button = QPushButton(self.referral)
        self.copy_button.setObjectName("copyReferral")
        self.copy_button.clicked.connect(self.copy_referral)
        self._ref_labels = {k: QLabel(self.referral) for k in ("unit", "phone", "address", "hours")}
        self._ref_values = {k: QLabel(self.referral) for k in self._ref_labels}
        form = QFormLayout()
        for key, label in self._ref_labels.items():
            value = self._ref_values[key]
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        self.documents = QLabel(self.referral)
        self.documents.setWordWrap(True)
        ref_top = QHBoxLayout()
        ref_top.addWidget(self.referral_heading, 1)
        ref_top.addWidget(self.copy_button)
        ref_layout = QVBoxLayout(self.referral)
        ref_layout.addLayout(ref_top)
        ref_layout.addLayout(form)
        ref_layout.addWidget(self.documents)

        self.create_request = QPushButton(self)
        self.create_request.setObjectName("createRequest")
        self.create_request.clicked.connect(self._request_service)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("articlePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.lang_fr, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.lang_en, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.referral)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.create_request)
        layout.addLayout(actions)
        layout.addWidget(self.placeholder, 1)
        self.retranslate()
        self._render()

    def retranslate(self) -> None:
        self.referral_heading.setText(self.tr("Référence"))
        self.copy_button.setText(self.tr("Copier la référence"))
        self.create_request.setText(self.tr("Créer une demande pour ce service (Ctrl+Maj+N)"))
        self.copy_button.setToolTip(
            self.tr(
                "Copie l'unité, le téléphone, l'adresse, les heures et les documents envoyables"
            )
        )
        labels = {
            "unit": self.tr("Unité"),
            "phone": self.tr("Téléphone"),
            "address": self.tr("Adresse"),
            "hours": self.tr("Heures"),
        }
        for key, text in labels.items():
            self._ref_labels[key].setText(text)
        self.lang_fr.setToolTip(self.tr("Afficher en français"))
        self.lang_en.setToolTip(self.tr("Afficher en anglais"))
        self.placeholder.setText(
            self.tr(
                "Cherchez à gauche, puis Entrée pour ouvrir un article.\n"
                "Ctrl+K revient à la recherche."
            )
        )
        self._render()

    def set_ui_language(self, lang: str) -> None:
        self.ui_lang = lang
        self._render()

    def show_article(self, article: ArticleView, lang: str) -> None:
        self.article = article
        self.lang = lang if lang in article.texts else article.languages[0]
        self._render()

    def show_language(self, lang: str) -> None:
        if self.article is not None and lang in self.article.texts:
            self.lang = lang
            self._render()

    def _request_service(self) -> None:
        if self.article is not None and self.article.service_codes:
            self.requestForService.emit(self.article.service_codes[0])

    def copy_referral(self) -> None:
        if self.article is None:
            return
        QGuiApplication.clipboard().setText(referral_text(self.article, self.lang))
        self.referralCopied.emit()

    def _render(self) -> None:
        article = self.article
        empty = article is None
        for widget in (self.title, self.meta, self.body, self.referral, self.lang_fr, self.lang_en):
            widget.setVisible(not empty)
        self.create_request.setVisible(article is not None and bool(article.service_codes))
        self.placeholder.setVisible(empty)
        if article is None:
            return
        text = article.text(self.lang)
        self.title.setText(text.title)
        self.meta.setText(
            f"{categories.label(article.category, self.ui_lang)} · {article.id} · "
            + self.tr("mis à jour le %1").replace("%1", article.updated_at.date().isoformat())
        )
        self.body.setMarkdown(text.body)
        self.lang_fr.setEnabled("fr" in article.texts)
        self.lang_en.setEnabled("en" in article.texts)
        (self.lang_fr if self.lang == "fr" else self.lang_en).setChecked(True)
        ref = text.referral
        values = {"unit": ref.unit, "phone": ref.phone, "address": ref.address, "hours": ref.hours}
        for key, value in values.items():
            self._ref_values[key].setText(value)
            self._ref_values[key].setVisible(bool(value))
            self._ref_labels[key].setVisible(bool(value))
        self.referral.setVisible(not ref.is_empty() or bool(article.documents))
        self.copy_button.setEnabled(not ref.is_empty() or bool(article.documents))
        if article.documents:
            names = ", ".join(d.title(self.lang) for d in article.documents)
            self.documents.setText(
                self.tr("Documents envoyables sur demande : %1").replace("%1", names)
            )
        self.documents.setVisible(bool(article.documents))

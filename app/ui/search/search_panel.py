"""Search as you type: the field, the results and the keyboard between them.

At most one search runs at a time (a `Follower`); text typed meanwhile is searched as soon
as it ends, so the list always catches up with the field and the window never waits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from app.services.search import SearchResult
from app.ui.search.results import ResultDelegate, ResultsModel
from app.ui.widgets.background import Background
from app.ui.widgets.latest import Follower
from app.ui.widgets.search_field import search_field

Searcher = Callable[[str, str], SearchResult]
DEBOUNCE_MS = 40
_STEPS: dict[int, int] = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}


class SearchPanel(QWidget):
    articleRequested = Signal(str, str)  # article id, language of the hit
    searched = Signal(object)  # SearchResult, once shown

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._searcher: Searcher | None = None
        self._lang = "fr"
        self._shown: tuple[str, str] | None = None  # (query, language) on screen

        self.field = search_field(self, "searchField")
        self.summary = QLabel(self)
        self.summary.setObjectName("searchSummary")
        self.model = ResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

        self._follower = Follower(
            background,
            self._wanted,
            self._find,
            self._show_found,
            DEBOUNCE_MS,
            self,
            failed=self._show_failure,
        )
        self._follower.enabled = False  # until there is a searcher
        self.field.textChanged.connect(lambda _text: self._follower.poke())
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.retranslate()

    # -- public -------------------------------------------------------------------------
    def set_searcher(self, searcher: Searcher | None) -> None:
        """Where searches go; until it is set, what the agent types is kept and waits."""
        self._searcher = searcher
        self._shown = None
        self._follower.enabled = searcher is not None
        self._follower.forget()
        self._follower.now()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.model.lang = lang
        self._follower.now()

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Rechercher dans la banque d'information (Ctrl+K)…"))
        self.field.setAccessibleName(self.tr("Recherche"))
        self.results.setAccessibleName(self.tr("Résultats"))
        self._update_summary(None)

    # -- searching ----------------------------------------------------------------------
    @property
    def shown_query(self) -> str | None:
        """The query whose results are on screen."""
        return None if self._shown is None else self._shown[0]

    def _wanted(self) -> tuple[str, str]:
        return self.field.text(), self._lang

    def _find(self, wanted: tuple[str, str]) -> SearchResult:
        query, lang = wanted
        searcher = self._searcher
        if searcher is None or not query.strip():
            return SearchResult(query, (), 0.0)
        return searcher(query, lang)

    def _show_found(self, wanted: tuple[str, str], result: SearchResult | None) -> None:
        if result is not None:  # None: the search failed, its message is already shown
            self._show(result, wanted[1])

    def _show_failure(self, exc: Exception) -> None:
        self._shown = None  # the typed text stays; the next change searches again
        self.summary.setText(self.tr("Recherche impossible : %1").replace("%1", str(exc)))

    def _show(self, result: SearchResult, lang: str) -> None:
        self._shown = (result.query, lang)
        self.model.set_hits(result.hits)
        if result.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._update_summary(result)
        self.searched.emit(result)

    def _update_summary(self, result: SearchResult | None) -> None:
        if result is None or not result.query.strip():
            self.summary.setText(self.tr("Tapez quelques mots : les résultats suivent la frappe."))
            return
        n = len(result.hits)
        if n == 0:
            text = self.tr("Aucun article ne correspond. Essayez d'autres mots.")
        elif result.relaxed:
            text = self.tr("%n article(s) contenant une partie des mots", "", n)
        else:
            text = self.tr("%n article(s)", "", n)
        self.summary.setText(text)

    # -- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field and key in _STEPS:
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._open_index(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        row = self.results.currentIndex().row()
        row = min(max(0, (row if row >= 0 else -1) + _STEPS[key]), rows - 1)
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def _open_index(self, index: object) -> None:
        row = index.row() if hasattr(index, "row") else -1
        hit = self.model.hit(row)
        if hit is None and self.model.rowCount():
            hit = self.model.hit(0)
        if hit is not None:
            self.articleRequested.emit(hit.article_id, hit.lang)

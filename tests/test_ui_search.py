"""The search window driven as an agent drives it: keyboard first, real widgets offscreen."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main import create_window
from app.ui.main_window import MainWindow
from app.ui.widgets.background import Background


@pytest.fixture
def window(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, bundled: Workspace
) -> Iterator[MainWindow]:
    background = Background(qloop)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    # The keyboard tests need the focus, which only an active window's widgets get.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.set_workspace(bundled, bundled.article_count())
    yield win
    background.shutdown()


def type_query(qtbot: QtBot, win: MainWindow, text: str) -> None:
    qtbot.keyClicks(win.search.field, text)
    qtbot.waitUntil(lambda: win.search.shown_query == win.search.field.text(), timeout=5000)


def top_id(win: MainWindow) -> str | None:
    hit = win.search.model.hit(0)
    return None if hit is None else hit.article_id


def test_window_opens_with_the_cursor_in_the_search_field(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.field)
    assert "Ctrl+K" in window.search.field.placeholderText()
    assert "article" in window.store_status.text()


def test_results_follow_typing(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "encomb")
    assert top_id(window) == "encombrants-collecte"
    type_query(qtbot, window, "rants")
    assert window.search.field.text() == "encombrants"
    assert top_id(window) == "encombrants-collecte"
    window.search.field.clear()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 0)


def test_search_runs_off_the_ui_thread(
    window: MainWindow, qtbot: QtBot, bundled: Workspace
) -> None:
    threads: list[threading.Thread] = []

    def spy(query: str, lang: str):
        threads.append(threading.current_thread())
        return bundled.search(query, lang)

    window.search.set_searcher(spy)
    type_query(qtbot, window, "piscine")
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_accented_text_from_the_keyboard_layout(window: MainWindow, qtbot: QtBot) -> None:
    window.search.field.insert("Déneigement trottoir glacé")
    qtbot.waitUntil(lambda: window.search.shown_query == window.search.field.text())
    assert top_id(window) == "trottoir-glace-non-deneige"


def test_fast_typing_ends_on_the_last_query(window: MainWindow, qtbot: QtBot) -> None:
    window.search.field.setText("nid")
    window.search.field.setText("nid de")
    window.search.field.setText("nid de poule")
    qtbot.waitUntil(lambda: window.search.shown_query == "nid de poule")
    assert top_id(window) == "nid-de-poule-signalement"


def test_arrows_move_and_enter_opens(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "collecte")
    assert window.search.model.rowCount() >= 3
    field = window.search.field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert window.search.results.currentIndex().row() == 2
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert window.search.results.currentIndex().row() == 1
    expected = window.search.model.hit(1)
    assert expected is not None
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article.article is not None)
    assert window.article.article is not None
    assert window.article.article.id == expected.article_id
    assert window.article.title.text() == window.article.article.text(expected.lang).title
    assert field.hasFocus()  # the agent can refine the search at once


def test_article_shows_answer_and_copies_referral(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "avis d'ebullition")  # QTest.keyClicks aborts on non-ASCII
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article.article is not None)
    assert "bouillir" in window.article.body.toPlainText()
    assert window.article.referral.isVisible()
    qtbot.mouseClick(window.article.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Service de l'eau" in copied and "311" in copied
    assert "copiée" in window.statusBar().currentMessage()
    window.article.show_language("en")
    assert "boil" in window.article.body.toPlainText()


def test_ctrl_k_returns_to_search_from_anywhere(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "piscine")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article.article is not None)
    window.article.body.setFocus()
    qtbot.waitUntil(lambda: window.article.body.hasFocus())
    qtbot.keyClick(window.article.body, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.field.hasFocus())
    assert window.search.field.selectedText() == "piscine"


def test_text_typed_before_the_store_opens_is_kept(qtbot: QtBot, qloop, bundled: Workspace) -> None:
    background = Background(qloop)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    qtbot.keyClicks(win.search.field, "vignette")
    assert "Ouverture" in win.store_status.text()
    win.set_workspace(bundled, bundled.article_count())
    qtbot.waitUntil(lambda: win.search.shown_query == "vignette")
    assert top_id(win) == "vignette-srrr-residents"
    background.shutdown()


def test_english_interface(window: MainWindow, qtbot: QtBot) -> None:
    window.set_language("en")
    try:
        assert window.search.field.placeholderText().startswith("Search")
        assert window.article.copy_button.text() == "Copy referral"
        assert window.file_menu.title() == "&File"
    finally:
        window.set_language("fr")
    assert window.article.copy_button.text() == "Copier la référence"


def test_store_that_cannot_open_is_explained(qtbot: QtBot, qloop, tmp_path) -> None:
    from app.ui.main import open_into

    background = Background(qloop)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    background.spawn(open_into(win, blocker / "data"))
    qtbot.waitUntil(lambda: win.error_box is not None)
    assert win.error_box is not None
    assert "ne peut pas être ouvert" in win.error_box.text()
    assert "indisponible" in win.store_status.text()
    background.shutdown()


def test_broken_bundled_file_is_shown_and_the_store_still_serves(
    qtbot: QtBot, qloop, tmp_path, monkeypatch
) -> None:
    import shutil

    from app.services.resources import resources_dir
    from app.ui.main import open_into

    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    (resources / "synonyms.toml").write_text("[[fr]\nterms = oops", encoding="utf-8")
    monkeypatch.setenv("RELAIS_RESOURCES", str(resources))
    background = Background(qloop)
    win = create_window(background, "fr")
    qtbot.addWidget(win)
    opened: list[Workspace] = []
    background.spawn(open_into(win, tmp_path / "data", opened))
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=10_000)
    assert not win.warning_status.isHidden()
    assert "synonyms.toml" in win.warning_status.toolTip()
    type_query(qtbot, win, "nid de poule")
    assert top_id(win) == "nid-de-poule-signalement"
    background.shutdown()
    for ws in opened:
        ws.close()


def test_language_switch_during_a_search_is_not_lost(
    window: MainWindow, qtbot: QtBot, bundled: Workspace
) -> None:
    import time

    calls: list[tuple[str, str]] = []

    def slow(query: str, lang: str):
        calls.append((query, lang))
        time.sleep(0.2)
        return bundled.search(query, lang)

    window.search.set_searcher(slow)
    window.search.field.setText("ecocentre")
    qtbot.waitUntil(lambda: bool(calls))
    window.search.set_language("en")  # while the French search is still running
    qtbot.waitUntil(lambda: window.search._shown == ("ecocentre", "en"), timeout=5000)
    assert calls[-1] == ("ecocentre", "en")
    hit = window.search.model.hit(0)
    assert hit is not None and hit.lang == "en"


def test_a_failing_search_is_reported_and_the_text_kept(window: MainWindow, qtbot: QtBot) -> None:
    def broken(query: str, lang: str):
        raise RuntimeError("database is locked")

    window.search.set_searcher(broken)
    window.search.field.setText("piscine")
    qtbot.waitUntil(lambda: "impossible" in window.search.summary.text())
    assert "database is locked" in window.search.summary.text()
    assert window.search.field.text() == "piscine"


def test_the_copied_referral_lists_the_documents_that_can_be_sent(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_article("nid-de-poule-signalement", "fr")
    qtbot.waitUntil(lambda: window.article.article is not None)
    qtbot.mouseClick(window.article.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "Nid-de-poule dans la rue : signalement"
    assert "Téléphone : 311" in copied
    assert copied[-2:] == [
        "Documents envoyables sur demande :",
        "- Formulaire de réclamation à la Ville de Montréal (formulaire-reclamation)",
    ]
    window.article.show_language("en")
    qtbot.mouseClick(window.article.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[-2:] == [
        "Documents that can be sent on request:",
        "- City of Montréal claim form (formulaire-reclamation)",
    ]


def test_documents_alone_can_be_copied(window: MainWindow, qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from app.services.articles import ArticleTextView, ArticleView, DocumentView, Referral

    article = ArticleView(
        id="permis-test",
        category="permis",
        version=1,
        updated_at=datetime(2026, 11, 1, tzinfo=UTC),
        service_codes=(),
        texts={"fr": ArticleTextView("fr", "Permis", "Texte", (), Referral("", "", "", ""))},
        documents=(DocumentView("guide-permis", "Guide des permis", "Permit guide"),),
    )
    window.article.show_article(article, "fr")
    assert window.article.copy_button.isEnabled()  # no unit to refer to, but a document
    qtbot.mouseClick(window.article.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().splitlines() == [
        "Permis",
        "Documents envoyables sur demande :",
        "- Guide des permis (guide-permis)",
    ]

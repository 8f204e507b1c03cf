"""The settings dialog as an agent uses it: wrong values refused under their field with
what was typed kept, Cancel changing nothing, and OK applying everything at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, func, select

from app.models import Citizen, OutboxOp
from app.services import intake
from app.services.citizens import CitizenDraft
from app.services.workspace import Workspace
from app.ui.main import create_window, start_language
from app.ui.main_window import MainWindow
from app.ui.station import settings
from app.ui.station.settings_dialog import SettingsDialog
from app.ui.widgets.background import Background
from app.ui.widgets.i18n import system_language


@pytest.fixture(autouse=True)
def _system_font(qapp: QApplication) -> Iterator[None]:
    yield
    settings.apply_font_size(None)  # the next test starts with the system's font


@pytest.fixture
def win(qtbot: QtBot, background: Background, workspace: Workspace) -> MainWindow:
    workspace.set_profile("041", "agent-test", "311")
    window = create_window(background, "fr")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.set_workspace(workspace, workspace.article_count())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    return window


def open_settings(qtbot: QtBot, win: MainWindow) -> SettingsDialog:
    qtbot.keyClick(win, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = win.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def stored_keys() -> dict[str, object]:
    store = QSettings()
    return {key: store.value(key) for key in store.allKeys() if key != settings.GEOMETRY}


def test_wrong_values_are_refused_under_their_field_and_kept(qtbot: QtBot, win: MainWindow) -> None:
    dialog = open_settings(qtbot, win)
    before = stored_keys()
    dialog.server.setText("http://registre.exemple.ca")
    dialog.retention.setText("0")
    dialog.font_size.setText("gros")
    dialog.station.setText("abc")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "https://" in dialog.errors["server_url"].text()
    assert "1 à 365" in dialog.errors["retention_days"].text()
    assert "8 à 28" in dialog.errors["font_size"].text()
    assert "001 à 899" in dialog.errors["station"].text()
    assert not dialog.errors["language"].isVisible()
    assert dialog.server.property("invalid") is True
    assert dialog.focusWidget() is dialog.server  # the first wrong field, from the top
    assert (dialog.server.text(), dialog.retention.text(), dialog.font_size.text()) == (
        "http://registre.exemple.ca",
        "0",
        "gros",
    )
    assert stored_keys() == before
    assert win.workspace is not None and win.workspace.profile is not None
    assert win.workspace.profile.station == 41
    # Fixed: the messages go, the values are taken.
    dialog.server.setText("")
    dialog.retention.setText("12")
    dialog.font_size.setText("")
    dialog.station.setText("041")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert settings.load().retention_days == 12


def test_cancel_changes_nothing(qtbot: QtBot, win: MainWindow) -> None:
    dialog = open_settings(qtbot, win)
    before = stored_keys()
    points = QApplication.font().pointSize()
    dialog.retention.setText("90")
    dialog.font_size.setText("20")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert stored_keys() == before
    assert QApplication.font().pointSize() == points
    assert win.translations.lang == "fr"
    assert win.interaction.channel.currentData() == "phone"


def test_ok_applies_every_setting_at_once(
    qtbot: QtBot, win: MainWindow, workspace: Workspace
) -> None:
    dialog = open_settings(qtbot, win)
    dialog.server.setText("https://relais.montreal.ca/")
    dialog.station.setText("42")
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.retention.setText("7")
    dialog.font_size.setText("15")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert workspace.profile is not None and workspace.profile.station == 42
    assert win.translations.lang == "en"
    assert win.tabs.tabText(1) == "New request (Ctrl+N)"
    assert QApplication.font().pointSize() == 15
    qtbot.waitUntil(lambda: win.form.font().pointSize() == 15)  # the open widgets follow
    assert win.interaction.channel.currentData() == "email"
    assert win.form.channel.currentData() == "email"
    assert settings.load() == settings.rules.ConsoleSettings(
        "https://relais.montreal.ca", "email", "en", 7, 15
    )
    box = win.server_box
    assert box is not None and box.isVisible()
    assert "next start" in box.text() and "https://relais.montreal.ca" in box.text()


def test_the_default_channel_follows_the_workplace_unless_set(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("043", "agent-test", "bam")
    QSettings().setValue(settings.DEFAULT_CHANNEL, "mail")
    window = create_window(background, "fr")
    qtbot.addWidget(window)
    window.set_workspace(workspace, workspace.article_count())
    assert window.interaction.channel.currentData() == "mail"
    assert window.form.channel.currentData() == "mail"
    QSettings().setValue(settings.DEFAULT_CHANNEL, "")
    window._on_profile(workspace.set_profile("043", "agent-test", "bam"))
    assert window.interaction.channel.currentData() == "counter"


def test_language_comes_from_the_option_then_the_setting_then_the_system(
    qtbot: QtBot, win: MainWindow
) -> None:
    assert start_language(None) == system_language()  # nothing saved: the system's
    win.lang_actions["en"].trigger()  # View → Language → English: the one saved setting
    assert settings.language() == "en" and win.translations.lang == "en"
    assert start_language(None) == "en"
    assert start_language("fr") == "fr"  # --lang for one start, not saved
    assert settings.language() == "en"
    dialog = open_settings(qtbot, win)
    assert dialog.language.currentData() == "en"  # the dialog shows what the menu chose
    dialog.language.setCurrentIndex(dialog.language.findData("system"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert settings.language() == "system"
    assert win.translations.lang == system_language()


def test_the_font_size_is_applied_at_start(qtbot: QtBot, background: Background) -> None:
    QSettings().setValue(settings.FONT_SIZE, 19)
    window = create_window(background, "fr")
    qtbot.addWidget(window)
    assert QApplication.font().pointSize() == 19


def test_a_hand_edited_setting_reads_as_its_default() -> None:
    store = QSettings()
    store.setValue(settings.RETENTION_DAYS, "jamais")
    store.setValue(settings.FONT_SIZE, "300")
    store.setValue(settings.LANGUAGE, "de")
    loaded = settings.load()
    assert (loaded.retention_days, loaded.font_size, loaded.language) == (30, None, "system")


def citizens(workspace: Workspace) -> int:
    with workspace.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Citizen)) or 0)


def old_citizen(workspace: Workspace, days_ago: int) -> None:
    from app.services.intake import Draft

    assert workspace.profile is not None
    draft = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number="4321",
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Ancien Citoyen", "514 555 0199", "", "fr"),
    )
    when = datetime.now(UTC) - timedelta(days=days_ago)
    intake.save(workspace.store, workspace.catalogue, workspace.profile, draft, when)
    with workspace.store.session() as session:
        session.execute(delete(OutboxOp))  # sent long ago


def test_stale_citizens_are_purged_at_start_and_when_retention_shortens(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("044", "agent-test", "311")
    old_citizen(workspace, 60)
    window = create_window(background, "fr")
    qtbot.addWidget(window)
    window.set_workspace(workspace, workspace.article_count())
    qtbot.waitUntil(lambda: citizens(workspace) == 0)
    assert window._purge_timer.isActive()
    qtbot.waitUntil(lambda: "effacée" in window.statusBar().currentMessage())
    old_citizen(workspace, 10)
    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.retention.setText("5")
    dialog.submit()
    qtbot.waitUntil(lambda: citizens(workspace) == 0)


def test_a_remembered_server_the_rules_refuse_is_shown_not_dropped(
    qtbot: QtBot, win: MainWindow
) -> None:
    QSettings().setValue(settings.SERVER, "http://relais.interne:8000")  # from --server
    dialog = open_settings(qtbot, win)
    assert dialog.server.text() == "http://relais.interne:8000"
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "https://" in dialog.errors["server_url"].text()
    assert QSettings().value(settings.SERVER) == "http://relais.interne:8000"


def test_a_one_off_language_stays_when_other_settings_change(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    workspace.set_profile("045", "agent-test", "311")
    QSettings().setValue(settings.LANGUAGE, "fr")
    window = create_window(background, "en")  # relais --lang en
    qtbot.addWidget(window)
    window.set_workspace(workspace, workspace.article_count())
    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.retention.setText("60")
    dialog.submit()
    assert not dialog.isVisible()
    assert window.translations.lang == "en" and settings.language() == "fr"


def test_settings_can_be_changed_while_the_store_is_opening(
    qtbot: QtBot, background: Background
) -> None:
    window = create_window(background, "fr")
    qtbot.addWidget(window)
    window.edit_settings()  # no workspace yet: the station waits for the store
    dialog = window.settings_dialog
    assert dialog is not None and not dialog.station.isEnabled()
    dialog.font_size.setText("12")
    dialog.submit()
    assert not dialog.isVisible()
    assert settings.load().font_size == 12 and QApplication.font().pointSize() == 12


def test_the_case_number_stays_large_at_every_font_size(qtbot: QtBot, win: MainWindow) -> None:
    banner = win.form.side.saved_number  # the number read to the citizen once saved
    detail = win.cases.detail.number_label  # and at the top of the case
    heading = win.article.title
    for points in (20, 9, 28, None, 14):
        settings.apply_font_size(points)
        body = QApplication.font().pointSizeF()
        for big in (banner, detail):
            size = big.font().pointSizeF()
            assert size >= body * 1.5, f"{big.objectName()} {size} pt at {points} pt"
            assert big.font().bold()
        assert heading.font().pointSizeF() > body  # the article's title too
    settings.apply_font_size(14)
    assert banner.font().pointSizeF() == pytest.approx(14 * 1.8, abs=0.5)
    assert detail.font().pointSizeF() == pytest.approx(14 * 1.7, abs=0.5)

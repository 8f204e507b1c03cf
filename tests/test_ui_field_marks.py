"""A field with a problem says what to fix, every line of it, and stops being outlined as
soon as the agent changes it (not at the next save): in the request form and in the
dialogs that outline fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.request.request_form import RequestForm
from app.ui.station.settings_dialog import SettingsDialog
from app.ui.widgets.background import Background

POTHOLE = "VOIRIE-NID-DE-POULE"


@pytest.fixture
def form(qtbot: QtBot, background: Background, workspace: Workspace) -> RequestForm:
    workspace.set_profile("011", "alice", "311")
    widget = RequestForm(background)
    qtbot.addWidget(widget)
    widget.resize(1000, 680)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    widget.set_workspace(workspace)
    return widget


def outlined(widget: QWidget) -> bool:
    return bool(widget.property("invalid"))


def shown_whole(label: QLabel) -> bool:
    """Visible, wrapping, and as tall as its wrapped lines."""
    return (
        label.isVisible()
        and label.wordWrap()
        and label.height() >= label.heightForWidth(label.width())
    )


@pytest.mark.parametrize("width", [1000, 760])  # 760: messages wrap onto two lines
def test_each_field_loses_its_outline_as_soon_as_it_is_changed(
    form: RequestForm, qtbot: QtBot, width: int
) -> None:
    form.resize(width, 680)
    form.picker.choose(POTHOLE)
    form.citizen.phone.setText("555")
    form.civic.setText("12b34")
    form.save()
    qtbot.waitUntil(form.side.summary.isVisible)
    marked = {
        "phone": (form.citizen.phone, form.citizen.errors["citizen.phone"]),
        "civic": (form.civic, form.errors["civic_number"]),
        "street": (form.street, form.errors["street"]),
        "arrondissement": (form.arrondissement, form.errors["arrondissement"]),
        "emplacement": (
            form.attributes.editors["emplacement"],
            form.attributes.errors["emplacement"],
        ),
    }
    for name, (editor, label) in marked.items():
        assert outlined(editor) and label.isVisible(), name
    qtbot.wait(50)
    for name, (_editor, label) in marked.items():
        assert shown_whole(label), (
            name,
            label.text(),
            label.isVisible(),
            label.height(),
            label.width(),
            label.heightForWidth(label.width()),
        )

    qtbot.keyClicks(form.citizen.phone, "0123")
    assert not outlined(form.citizen.phone)
    assert form.citizen.errors["citizen.phone"].isHidden()
    qtbot.keyClick(form.civic, Qt.Key.Key_End)
    qtbot.keyClick(form.civic, Qt.Key.Key_Backspace)
    assert not outlined(form.civic) and form.errors["civic_number"].isHidden()
    assert outlined(form.street)  # the others still say what is left to fix
    qtbot.keyClicks(form.street, "rue Rachel Est")
    assert not outlined(form.street)
    qtbot.keyClicks(form.arrondissement.lineEdit(), "plat")
    assert not outlined(form.arrondissement)
    place = form.attributes.editors["emplacement"]
    assert isinstance(place, QComboBox)
    place.setFocus()
    qtbot.keyClick(place, Qt.Key.Key_Down)
    assert not outlined(place) and form.attributes.errors["emplacement"].isHidden()


def test_a_missing_citizen_is_unmarked_once_answered(form: RequestForm, qtbot: QtBot) -> None:
    form.picker.choose("COLL-BAC")  # no anonymous request
    form.save()
    error = form.citizen.errors["citizen"]
    qtbot.waitUntil(error.isVisible)
    assert outlined(form.citizen.lookup)
    qtbot.keyClicks(form.citizen.name, "Jean Tremblay")
    assert not outlined(form.citizen.lookup) and error.isHidden()


def test_a_settings_field_is_unmarked_when_retyped(
    qtbot: QtBot, background: Background, workspace: Workspace
) -> None:
    dialog = SettingsDialog(background, workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.retention.setText("0")
    dialog.submit()
    error = dialog.errors["retention_days"]
    assert error.isVisible() and outlined(dialog.retention)
    qtbot.wait(50)
    assert shown_whole(error)
    dialog.retention.setFocus()
    qtbot.keyClick(dialog.retention, Qt.Key.Key_Backspace)
    assert not outlined(dialog.retention) and error.isHidden()

"""The request form driven as an agent drives it: keyboard only, real widgets offscreen,
a real store underneath."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.case_numbers import parse_case_number
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace
from app.ui.request.request_form import RequestForm
from app.ui.widgets.background import Background

POTHOLE = "VOIRIE-NID-DE-POULE"


@pytest.fixture
def profiled(workspace: Workspace) -> Workspace:
    workspace.set_profile("011", "alice", "311")
    return workspace


@pytest.fixture
def form(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, profiled: Workspace
) -> Iterator[RequestForm]:
    background = Background(qloop)
    widget = RequestForm(background)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    # The keyboard tests need the focus, which only an active window's widgets get.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.set_workspace(profiled)
    yield widget
    background.shutdown()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def tab_to(qtbot: QtBot, widget: QWidget) -> None:
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is widget, f"Tab went to {focused()!r}, not {widget.objectName()}"


def saved_pothole(workspace: Workspace, phone: str = "514 555 0199") -> str:
    draft = Draft(
        service_code=POTHOLE,
        channel="phone",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft("Marie Roy", phone, "", "fr"),
    )
    return workspace.save_request(draft, None).case_number


def fill_complaint(form: RequestForm) -> None:
    form.picker.choose("PLAINTE-SERVICE")
    form.attributes.editors["service_vise"].setText("Collecte des ordures")  # type: ignore[attr-defined]
    form.attributes.editors["faits"].setPlainText("Bac oublié trois fois")  # type: ignore[attr-defined]


def count(workspace: Workspace, table: str) -> int:
    with workspace.store.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


def test_a_whole_request_by_keyboard_alone(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    form.focus_form()
    assert focused() is form.citizen.lookup
    qtbot.keyClicks(form.citizen.lookup, "514 555 0123")
    qtbot.waitUntil(lambda: "Aucun citoyen" in form.citizen.lookup_status.text())
    press(qtbot, Qt.Key.Key_Return)  # no one: the number becomes the new citizen's
    assert focused() is form.citizen.name
    assert form.citizen.phone.text() == "514 555 0123"
    qtbot.keyClicks(form.citizen.name, "Jean Tremblay")
    tab_to(qtbot, form.citizen.phone)
    tab_to(qtbot, form.citizen.email)
    qtbot.keyClicks(form.citizen.email, "jean@exemple.ca")
    tab_to(qtbot, form.citizen.language)
    tab_to(qtbot, form.citizen.anonymous)
    tab_to(qtbot, form.picker)
    qtbot.keyClicks(form.picker, "nid de poule")
    press(qtbot, Qt.Key.Key_Escape)  # close the suggestions, then Enter takes the best
    press(qtbot, Qt.Key.Key_Return)
    assert form.picker.service is not None and form.picker.service.code == POTHOLE
    assert focused() is form.civic
    qtbot.keyClicks(form.civic, "1234")
    tab_to(qtbot, form.street)
    qtbot.keyClicks(form.street, "boul. St-Laurent")
    tab_to(qtbot, form.postal)
    qtbot.keyClicks(form.postal, "h2x1y4")
    tab_to(qtbot, form.arrondissement)
    qtbot.keyClicks(form.arrondissement.lineEdit(), "plateau")
    press(qtbot, Qt.Key.Key_Return)  # takes the place the completer proposes
    assert form.arrondissement_code() == "PMR"
    assert form.arrondissement.currentData() == "PMR"
    where = form.attributes.editors["emplacement"]
    tab_to(qtbot, where)
    press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, form.attributes.editors["taille"])
    tab_to(qtbot, form.attributes.editors["danger_immediat"])
    press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, form.description)
    qtbot.keyClicks(form.description, "Trou profond devant le depanneur")
    assert "Unité responsable" in form.side.preview.text()
    assert "Échéance" in form.side.preview.text()

    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case_number = saved.args[0]
    parse_case_number(case_number)
    assert case_number.startswith("26-011-") or case_number[3:6] == "011"
    assert form.side.saved_banner.isVisible()
    assert form.side.saved_number.text() == case_number
    detail = profiled.case_detail(case_number)
    assert detail is not None
    assert detail.summary.service_code == POTHOLE
    assert detail.postal_code == "H2X 1Y4"
    assert detail.citizens[0].phone == "514-555-0123"
    # The citizen stays picked for the next request of the same call.
    qtbot.waitUntil(lambda: form.citizen.picked is not None)
    assert form.citizen.picked is not None and form.citizen.picked.name == "Jean Tremblay"
    assert form.picker.service is None and form.description.toPlainText() == ""


def test_each_invalid_field_says_what_to_fix_and_nothing_is_cleared(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    form.citizen.name.setText("Jean")
    form.citizen.phone.setText("555-01")
    form.citizen.email.setText("jean@")
    form.picker.choose(POTHOLE)
    form.civic.setText("12b34")
    form.postal.setText("H2X 1Y")
    form.description.setPlainText("Texte gardé")
    before = count(profiled, "outbox")
    press_widget = form.description
    press_widget.setFocus()
    qtbot.keyClick(press_widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    messages = {
        "citizen.phone": form.citizen.errors["citizen.phone"],
        "citizen.email": form.citizen.errors["citizen.email"],
        "civic_number": form.errors["civic_number"],
        "street": form.errors["street"],
        "postal_code": form.errors["postal_code"],
        "arrondissement": form.errors["arrondissement"],
    }
    expected = {
        "citizen.phone": "10 chiffres",
        "citizen.email": "nom@exemple.ca",
        "civic_number": "1234A",
        "street": "rue",
        "postal_code": "H2X 1Y4",
        "arrondissement": "arrondissement",
    }
    for field, label in messages.items():
        assert label.isVisible(), field
        assert expected[field] in label.text(), (field, label.text())
    for code in ("emplacement", "danger_immediat"):
        assert form.attributes.errors[code].isVisible()
        assert "Obligatoire" in form.attributes.errors[code].text()
    assert form.side.summary.isVisible() and "rien n'a été effacé" in form.side.summary.text()
    assert focused() is form.citizen.phone  # the first field to fix
    # Everything typed is still there, and nothing was written.
    assert form.citizen.name.text() == "Jean"
    assert form.citizen.phone.text() == "555-01"
    assert form.civic.text() == "12b34"
    assert form.description.toPlainText() == "Texte gardé"
    assert form.picker.service is not None
    assert count(profiled, "outbox") == before


def test_missing_service_and_citizen_are_named(form: RequestForm, qtbot: QtBot) -> None:
    form.save()
    assert "type de demande" in form.service_error.text()
    form.picker.choose("COLL-BAC")  # a bin is delivered to someone: no anonymous request
    assert not form.citizen.anonymous.isEnabled()
    form.save()
    assert form.citizen.errors["citizen"].isVisible()
    assert "coordonnées" in form.citizen.errors["citizen"].text()
    form.picker.choose("COMMENTAIRE-SUGGESTION")
    form.save()
    assert "Obligatoire" in form.attributes.errors["message"].text()
    assert not form.errors["description"].isVisible()  # the message field holds the text


def test_citizen_lookup_picks_a_known_citizen_and_shows_open_cases(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    case_number = saved_pothole(profiled, "514 555 0199")
    form.focus_form()
    qtbot.keyClicks(form.citizen.lookup, "514555")
    qtbot.waitUntil(lambda: form.citizen.matches.count() == 1)
    assert "Marie Roy" in form.citizen.matches.item(0).text()
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is form.citizen.matches
    press(qtbot, Qt.Key.Key_Return)
    assert form.citizen.picked is not None and form.citizen.picked.name == "Marie Roy"
    assert case_number in form.citizen.picked_label.text()
    assert form.draft().citizen_id == form.citizen.picked.id
    assert form.draft().new_citizen is None


def test_a_duplicate_is_proposed_and_the_citizen_attached_instead(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    existing = saved_pothole(profiled)
    form.citizen.name.setText("Paul Lee")
    form.citizen.phone.setText("438 555 0100")
    form.picker.choose(POTHOLE)
    form.civic.setText("1234")
    form.street.setText("Boulevard Saint-Laurent")
    form.arrondissement.setCurrentIndex(form.arrondissement.findData("PMR"))
    form.attributes.editors["emplacement"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.attributes.editors["danger_immediat"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.description.setPlainText("Une voiture a crevé un pneu")
    requests_before = count(profiled, "requests")
    form.description.setFocus()
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.side.duplicates_box.isVisible())
    assert existing in form.side.duplicates_list.item(0).text()
    assert focused() is form.side.duplicates_list
    assert count(profiled, "requests") == requests_before
    with qtbot.waitSignal(form.saved, timeout=5000) as attached:
        press(qtbot, Qt.Key.Key_Return)  # Enter on the proposed case attaches
    assert attached.args[0] == existing
    assert count(profiled, "requests") == requests_before
    detail = profiled.case_detail(existing)
    assert detail is not None
    assert {c.name for c in detail.citizens} == {"Marie Roy", "Paul Lee"}
    assert [e.kind for e in detail.events[-2:]] == ["citizen_attached", "note"]
    assert "crevé un pneu" in detail.events[-1].data["text"]  # what he said is on the case
    assert form.description.toPlainText() == ""


def test_save_anyway_creates_a_second_case(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    existing = saved_pothole(profiled)
    form.citizen.anonymous.setChecked(True)
    form.picker.choose(POTHOLE)
    form.civic.setText("1234")
    form.street.setText("St-Laurent")
    form.arrondissement.setCurrentIndex(form.arrondissement.findData("PMR"))
    form.attributes.editors["emplacement"].setCurrentIndex(2)  # type: ignore[attr-defined]
    form.attributes.editors["danger_immediat"].setCurrentIndex(1)  # type: ignore[attr-defined]
    form.save()
    qtbot.waitUntil(lambda: form.side.duplicates_box.isVisible())
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.side.save_anyway_button.click()
    assert saved.args[0] != existing
    assert count(profiled, "requests") == 2


def test_attribute_values_survive_a_change_of_service(form: RequestForm) -> None:
    form.picker.choose(POTHOLE)
    form.attributes.editors["emplacement"].setCurrentIndex(4)  # type: ignore[attr-defined]
    form.picker.choose("VOIRIE-LAMPADAIRE")
    form.picker.choose(POTHOLE)
    assert form.attributes.values()["emplacement"] == "intersection"


def test_suggested_articles_follow_the_description(form: RequestForm, qtbot: QtBot) -> None:
    form.description.setFocus()
    qtbot.keyClicks(form.description, "collecte des encombrants")
    qtbot.waitUntil(lambda: form.side.suggest_buttons[0].isVisible(), timeout=5000)
    assert "Alt+1" in form.side.suggest_buttons[0].text()
    assert "encombrants" in form.side.suggest_buttons[0].text().lower()  # the title, as text
    with qtbot.waitSignal(form.articleRequested) as opened:
        qtbot.keyClick(form.description, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert opened.args[0]
    assert form.description.toPlainText() == "collecte des encombrants"


def test_what_is_typed_while_saving_stays_in_the_form(form: RequestForm, qtbot: QtBot) -> None:
    form.citizen.anonymous.setChecked(True)
    fill_complaint(form)
    form.description.setPlainText("Premier signalement")
    form.save()
    form.description.setPlainText("Deuxième chose, tapée pendant l'enregistrement")
    qtbot.waitUntil(lambda: form.side.saved_banner.isVisible(), timeout=5000)
    assert form.description.toPlainText() == "Deuxième chose, tapée pendant l'enregistrement"
    assert form.picker.service is not None


def test_a_number_typed_only_in_the_lookup_is_not_dropped(form: RequestForm, qtbot: QtBot) -> None:
    form.citizen.lookup.setText("514 555 0177")
    fill_complaint(form)  # anonymous allowed: the number typed must still not be dropped
    form.save()
    assert form.citizen.errors["citizen.name"].isVisible()
    assert form.citizen.lookup.text() == "514 555 0177"
    form.citizen.name.setText("Lea Roy")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    qtbot.waitUntil(lambda: form.citizen.picked is not None)
    assert form.citizen.picked is not None and form.citizen.picked.phone == "514-555-0177"


def test_a_failed_lookup_empties_the_list_instead_of_showing_older_matches(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    saved_pothole(profiled, "514 555 0199")
    qtbot.keyClicks(form.citizen.lookup, "514555")
    qtbot.waitUntil(lambda: form.citizen.matches.count() == 1)

    def broken(_text: str) -> list[object]:
        raise OSError("disk unavailable")

    form.citizen.set_lookup(broken)  # type: ignore[arg-type]
    qtbot.keyClicks(form.citizen.lookup, "7")
    qtbot.waitUntil(lambda: form.citizen.matches.count() == 0)
    assert not form.citizen.matches.isVisible()
    assert "impossible" in form.citizen.lookup_status.text()


def test_a_related_city_is_named_with_the_referral(form: RequestForm) -> None:
    assert form.workspace is not None
    city = next(
        a
        for a in form.workspace.catalogue.routing.arrondissements.values()
        if a.kind == "related_city"
    )
    form.picker.choose(POTHOLE)
    form.arrondissement.setCurrentIndex(form.arrondissement.findData(city.code))
    assert city.name in form.side.preview.text() and "ville liée" in form.side.preview.text()


def completions(form: RequestForm) -> list[str]:
    completer = form.arrondissement.completer()
    assert completer is not None
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_arrondissement_completer_lists_word_beginnings_best_first(
    form: RequestForm, qtbot: QtBot
) -> None:
    form.arrondissement.setFocus()
    qtbot.keyClicks(form.arrondissement.lineEdit(), "ville m")
    completer = form.arrondissement.completer()
    assert completer is not None and completer.popup().isVisible()
    assert completions(form)[:2] == ["Ville-Marie", "Villeray–Saint-Michel–Parc-Extension"]
    press(qtbot, Qt.Key.Key_Return)  # the clear best: Ville-Marie
    assert form.arrondissement_code() == "VM"
    assert form.arrondissement.currentData() == "VM"


def test_an_ambiguous_start_is_chosen_from_the_list(form: RequestForm, qtbot: QtBot) -> None:
    form.arrondissement.setFocus()
    qtbot.keyClicks(form.arrondissement.lineEdit(), "montreal")  # no accent
    listed = completions(form)
    assert listed[0] == "Montréal-Nord"
    assert "Montréal-Est (ville liée)" in listed
    assert form.arrondissement_code() == ""  # three places start so: none is guessed
    completer = form.arrondissement.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.arrondissement.currentData() == "MN"
    assert form.arrondissement_code() == "MN"


def test_a_caller_is_found_by_the_local_number(
    form: RequestForm, qtbot: QtBot, profiled: Workspace
) -> None:
    saved_pothole(profiled, "+1 438 555 0199")
    form.focus_form()
    qtbot.keyClicks(form.citizen.lookup, "5550199")  # what the caller says: no area code
    qtbot.waitUntil(lambda: form.citizen.matches.count() == 1)
    assert "Marie Roy" in form.citizen.matches.item(0).text()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert form.citizen.picked is not None and form.citizen.picked.phone == "438-555-0199"

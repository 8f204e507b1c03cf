"""Finding a case while the citizen is on the line: by case number (typos caught by the
check digit), phone, e-mail or address, with the overdue flag the agent reads out; notes;
and the citizen lookup of the request form. Real stores in tmp folders."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from app.domain.case_numbers import CaseNumber, parse_case_number
from app.domain.validation import ValidationError
from app.models import OutboxOp, RequestEvent, ServiceRequest
from app.services import intake
from app.services.case_lookup import CaseSearch, add_note, case_detail, find_cases
from app.services.citizens import CitizenDraft, lookup_citizens
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace

MTL = ZoneInfo("America/Montreal")
OFFICE = datetime(2026, 11, 25, 14, 0, tzinfo=MTL)  # a Wednesday afternoon
POTHOLE = {"emplacement": "chaussee", "danger_immediat": "non"}
MISSED = {"contenant": "bac_roulant", "etendue": "adresse"}
GRAFFITI = {"propriete": "publique", "contenu_haineux": "non"}


def pothole(**changes: Any) -> Draft:
    base = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        civic_number="1234",
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes=dict(POTHOLE),
    )
    return dataclasses.replace(base, **changes)


def marie() -> CitizenDraft:
    return CitizenDraft(name="Marie Tremblay", phone="514 555-0123", email="Marie.T@Example.com")


def save(ws: Workspace, d: Draft, now: datetime = OFFICE) -> str:
    assert ws.profile is not None
    return intake.save(ws.store, ws.catalogue, ws.profile, d, now).case_number


def set_status(ws: Workspace, case_number: str, status: str) -> None:
    # As the sync engine would, when the unit closes the case centrally.
    with ws.store.session() as session:
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.case_number == case_number)
            .values(status=status)
        )


def numbers(found: CaseSearch) -> set[str]:
    return {c.case_number for c in found.cases}


@dataclasses.dataclass
class Cases:
    ws: Workspace
    marie_open: str  # pothole at 1234 boul. St-Laurent, reported by Marie
    marie_closed: str  # missed collection at the same address, closed since
    graffiti: str  # 1500 rue Sherbrooke Ouest, anonymous, Jean attached later
    luc: str  # a case of a citizen whose phone has an extension
    marie_id: str


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cases]:
    """One store with a few cases, shared by the read-only tests of this module."""
    ws = open_workspace(tmp_path_factory.mktemp("cases"), load_bundled=False)
    profile = ws.set_profile("011", "alice", "311")
    assert ws.profile is not None
    saved = intake.save(ws.store, ws.catalogue, profile, pothole(new_citizen=marie()), OFFICE)
    assert saved.citizen_id is not None
    closed = save(
        ws,
        pothole(
            service_code="COLL-ORDURES-MANQUEE", attributes=MISSED, citizen_id=saved.citizen_id
        ),
    )
    set_status(ws, closed, "terminee")
    graffiti = save(
        ws,
        Draft(
            service_code="PROPRETE-GRAFFITI",
            civic_number="1500",
            street="rue Sherbrooke Ouest",
            arrondissement="VM",
            attributes=GRAFFITI,
        ),
    )
    jean = CitizenDraft(name="Jean Roy", phone="438-555-0199", email="jean@example.org")
    intake.attach(ws.store, profile, graffiti, Draft(new_citizen=jean), OFFICE)
    luc = save(
        ws,
        pothole(
            civic_number="77",
            street="rue de la Commune O",
            arrondissement="VM",
            new_citizen=CitizenDraft(name="Luc Gagnon", phone="514 555-0177 poste 12"),
        ),
    )
    yield Cases(ws, saved.case_number, closed, graffiti, luc, saved.citizen_id)
    ws.close()


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A store of its own for a test that writes (no knowledge base: not needed, and slow)."""
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("011", "alice", "311")
    yield workspace
    workspace.close()


# -- by case number ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "retype",
    [
        pytest.param(lambda n: n, id="as-printed"),
        pytest.param(lambda n: n.replace("-", ""), id="no-dashes"),
        pytest.param(lambda n: n.replace("-", " "), id="spaces"),
        pytest.param(lambda n: f"  {n.replace('-', '.')} ", id="dots-and-padding"),
        pytest.param(lambda n: n[:6] + " " + n[6:].replace("-", ""), id="read-aloud"),
    ],
)
def test_by_case_number(cases: Cases, retype: Callable[[str], str]) -> None:
    found = find_cases(cases.ws.store, retype(cases.marie_open), OFFICE)
    assert found.kind == "case_number"
    assert found.problem is None
    assert numbers(found) == {cases.marie_open}


def _one_digit_wrong(number: str, position: int) -> str:
    digits = number.replace("-", "")
    wrong = digits[:position] + str((int(digits[position]) + 3) % 10) + digits[position + 1 :]
    return f"{wrong[:2]}-{wrong[2:5]}-{wrong[5:11]}-{wrong[11]}"


def _swapped(number: str, position: int) -> str:
    digits = number.replace("-", "")
    return digits[:position] + digits[position + 1] + digits[position] + digits[position + 2 :]


@pytest.mark.parametrize(
    "mistype",
    [
        pytest.param(lambda n: _one_digit_wrong(n, 10), id="sequence-digit"),
        pytest.param(lambda n: _one_digit_wrong(n, 4), id="station-digit"),
        pytest.param(lambda n: _one_digit_wrong(n, 11), id="check-digit"),
        # 26-011-...: the station's 0 and 1 swapped, as when read back too fast.
        pytest.param(lambda n: _swapped(n, 2), id="adjacent-swap"),
    ],
)
def test_a_mistyped_case_number_is_caught_and_the_real_one_suggested(
    cases: Cases, mistype: Callable[[str], str]
) -> None:
    typed = mistype(cases.marie_open)
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert found.problem is not None
    assert (found.problem.field, found.problem.code) == ("query", "check_digit")
    assert found.cases == ()
    assert cases.marie_open in found.suggestions
    # Only numbers on file are suggested, each a valid number.
    for suggestion in found.suggestions:
        parse_case_number(suggestion)


@pytest.mark.parametrize("typed", ["26-011-0000011-3", "26-011-00001-9"])  # 13 and 11 digits
def test_not_a_case_number(cases: Cases, typed: str) -> None:
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert found.problem is not None
    assert found.problem.code == "case_number"


def test_a_valid_number_not_on_file_finds_nothing(cases: Cases) -> None:
    unknown = str(CaseNumber(2026, 11, 999))
    found = find_cases(cases.ws.store, unknown, OFFICE)
    assert (found.kind, found.cases, found.problem) == ("case_number", (), None)


# -- by phone, e-mail and address ----------------------------------------------------------
@pytest.mark.parametrize(
    "typed", ["514 555-0123", "(514) 555-0123", "514.555.0123", "5145550123", "514-555-0123"]
)
def test_by_phone_in_the_forms_agents_type(cases: Cases, typed: str) -> None:
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert found.kind == "phone"
    # Every case of the caller, closed ones too: they may call about either.
    assert numbers(found) == {cases.marie_open, cases.marie_closed}


@pytest.mark.parametrize("typed", ["1 514 555 0123", "1-514-555-0123", "+1 514 555-0123"])
def test_by_phone_with_the_country_code(cases: Cases, typed: str) -> None:
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert (found.kind, numbers(found)) == ("phone", {cases.marie_open, cases.marie_closed})


def test_by_phone_of_a_citizen_with_an_extension(cases: Cases) -> None:
    found = find_cases(cases.ws.store, "514 555-0177", OFFICE)
    assert numbers(found) == {cases.luc}


def test_a_bad_phone_says_so(cases: Cases) -> None:
    found = find_cases(cases.ws.store, "514 555-012", OFFICE)  # a digit short
    assert found.problem is not None
    assert (found.kind, found.problem.code) == ("phone", "phone")


@pytest.mark.parametrize("typed", ["marie.t@example.com", " MARIE.T@Example.COM "])
def test_by_email_in_any_case(cases: Cases, typed: str) -> None:
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert found.kind == "email"
    assert numbers(found) == {cases.marie_open, cases.marie_closed}


def test_a_bad_email_says_so(cases: Cases) -> None:
    found = find_cases(cases.ws.store, "marie@", OFFICE)
    assert found.problem is not None
    assert (found.kind, found.problem.code) == ("email", "email")


@pytest.mark.parametrize(
    ("typed", "which"),
    [
        ("1234 boul. St-Laurent", {"marie_open", "marie_closed"}),
        ("1234, Boulevard Saint-Laurent", {"marie_open", "marie_closed"}),
        ("1234 saint laurent", {"marie_open", "marie_closed"}),
        ("1236 boul. St-Laurent", set()),  # another civic number
        ("saint-laur", {"marie_open", "marie_closed"}),  # the street's first letters
        ("St-Laurent", {"marie_open", "marie_closed"}),
        ("Sherbrooke", {"graffiti"}),  # Est and Ouest alike
        ("1500 Sherbrooke O.", {"graffiti"}),
        ("1500 Sherbrooke Est", set()),
        ("Commune", {"luc"}),
        ("Saint-Denis", set()),
    ],
)
def test_by_address(cases: Cases, typed: str, which: set[str]) -> None:
    found = find_cases(cases.ws.store, typed, OFFICE)
    assert found.kind == "address"
    assert numbers(found) == {getattr(cases, name) for name in which}


def test_a_citizen_attached_later_finds_the_case_too(cases: Cases) -> None:
    for typed in ("438 555-0199", "jean@example.org"):
        assert numbers(find_cases(cases.ws.store, typed, OFFICE)) == {cases.graffiti}


@pytest.mark.parametrize("typed", ["", "   "])
def test_nothing_typed(cases: Cases, typed: str) -> None:
    assert find_cases(cases.ws.store, typed, OFFICE) == CaseSearch(typed, "empty")


# -- overdue -------------------------------------------------------------------------------
def test_overdue_while_open_past_due_and_not_once_closed(ws: Workspace) -> None:
    number = save(ws, pothole())
    detail = case_detail(ws.store, number, OFFICE)
    assert detail is not None
    due = detail.summary.due_at
    assert due is not None

    def overdue(now: datetime) -> bool:
        (summary,) = find_cases(ws.store, number, now).cases
        return summary.overdue

    assert overdue(due) is False  # due at that moment is still on time
    assert overdue(due + timedelta(minutes=1)) is True
    set_status(ws, number, "terminee")
    assert overdue(due + timedelta(minutes=1)) is False
    (summary,) = find_cases(ws.store, number, OFFICE).cases
    assert summary.is_open is False


# -- notes ---------------------------------------------------------------------------------
def test_add_note(ws: Workspace) -> None:
    assert ws.profile is not None
    number = save(ws, pothole())
    detail = add_note(
        ws.store, ws.profile, number, "  Le citoyen rappelle : le trou s'agrandit. ", OFFICE
    )
    note = detail.events[-1]
    assert (note.kind, note.actor, note.data) == (
        "note",
        "alice",
        {"text": "Le citoyen rappelle : le trou s'agrandit."},
    )
    with ws.store.session() as session:
        op = session.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc())).first()
    assert op is not None
    assert (op.type, op.target) == ("request.note", number)
    assert op.data == {**note.data, "at": OFFICE.isoformat()}  # the note's time, for the server


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("known", "", ("note", "required")),
        ("known", " \n\t ", ("note", "required")),
        ("known", "x" * 4001, ("note", "too_long")),
        ("26-011-999999-0", "Rappel", ("case_number", "unknown_case")),
    ],
)
def test_add_note_refusals_write_nothing(
    cases: Cases, case: str, text: str, expected: tuple[str, str]
) -> None:
    profile = cases.ws.profile
    assert profile is not None

    def rows() -> tuple[int, int]:
        with cases.ws.store.session() as session:
            return (
                session.scalar(select(func.count()).select_from(RequestEvent)) or 0,
                session.scalar(select(func.count()).select_from(OutboxOp)) or 0,
            )

    before = rows()
    target = cases.marie_open if case == "known" else case
    with pytest.raises(ValidationError) as caught:
        add_note(cases.ws.store, profile, target, text, OFFICE)
    assert [(p.field, p.code) for p in caught.value.problems] == [expected]
    assert rows() == before


# -- citizen lookup (request form) ---------------------------------------------------------
@pytest.mark.parametrize("typed", ["514555", "514 555", "(514) 555-01", "514-555-0123"])
def test_lookup_citizens_by_phone_prefix(cases: Cases, typed: str) -> None:
    found = {m.name: m for m in lookup_citizens(cases.ws.store, typed, OFFICE)}
    assert "Marie Tremblay" in found
    assert "Jean Roy" not in found  # 438
    # Open cases only: the closed missed collection is not offered for follow-up.
    match = found["Marie Tremblay"]
    assert [c.case_number for c in match.open_cases] == [cases.marie_open]
    assert (match.id, match.phone, match.email) == (
        cases.marie_id,
        "514-555-0123",
        "marie.t@example.com",
    )


@pytest.mark.parametrize("typed", ["marie", "MARIE.T@", "marie.t@example.com"])
def test_lookup_citizens_by_email_prefix(cases: Cases, typed: str) -> None:
    found = lookup_citizens(cases.ws.store, typed, OFFICE)
    assert [m.name for m in found] == ["Marie Tremblay"]
    assert [c.case_number for c in found[0].open_cases] == [cases.marie_open]


@pytest.mark.parametrize("typed", ["", "51", "ma", "999", "zzz@"])
def test_lookup_citizens_finds_nobody(cases: Cases, typed: str) -> None:
    assert lookup_citizens(cases.ws.store, typed, OFFICE) == []


def test_lookup_citizens_with_the_country_code_typed(cases: Cases) -> None:
    found = lookup_citizens(cases.ws.store, "1 514 555", OFFICE)
    assert "Marie Tremblay" in {m.name for m in found}


# -- a local number, as a caller gives it (no area code) -------------------------------------
def add_citizens(ws: Workspace, people: dict[str, str]) -> None:
    from app.services.citizens import create_citizen

    with ws.store.writing() as session:
        for name, phone in people.items():
            fields = {"name": name, "phone": phone, "email": "", "preferred_language": "fr"}
            create_citizen(session, fields, OFFICE)


@pytest.mark.parametrize("typed", ["5550123", "555-0123", "555 0123", " 555.0123 "])
def test_lookup_citizens_by_the_local_number(ws: Workspace, typed: str) -> None:
    add_citizens(
        ws,
        {
            "Ahmed (438)": "438-555-0123",
            "Béa (263)": "263-555-0123",
            "Marie (514)": "514-555-0123",
            "Noé (514, poste)": "514-555-0123 poste 4",
            "Laval (450)": "450-555-0123",  # not an island number
            "Autre (514)": "514-555-0124",
        },
    )
    found = [m.name for m in lookup_citizens(ws.store, typed, OFFICE)]
    # Every Montréal area code, 514 first, then 438, then 263; no one else.
    assert found == ["Marie (514)", "Noé (514, poste)", "Ahmed (438)", "Béa (263)"]


def test_seven_digits_are_also_the_start_of_a_number(ws: Workspace) -> None:
    add_citizens(ws, {"Local": "514-514-5550", "Début": "514-555-0999"})
    found = [m.name for m in lookup_citizens(ws.store, "5145550", OFFICE)]
    assert found == ["Local", "Début"]  # the whole local number first, then the prefix
    assert [m.name for m in lookup_citizens(ws.store, "514 555 0", OFFICE)] == ["Début"]


def test_cases_are_found_by_the_local_number(cases: Cases) -> None:
    found = find_cases(cases.ws.store, "555-0123", OFFICE)
    assert found.problem is None
    assert (found.kind, numbers(found)) == ("phone", {cases.marie_open, cases.marie_closed})
    assert numbers(find_cases(cases.ws.store, "5550199", OFFICE)) == {cases.graffiti}  # 438
    assert numbers(find_cases(cases.ws.store, "555 0177", OFFICE)) == {cases.luc}  # poste 12

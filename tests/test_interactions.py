"""The interaction log (each call or visit, from start to outcome, with the cases it touched)
and the workstation profile it is recorded under. Real stores in tmp folders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.domain.validation import ValidationError
from app.models import Interaction, OutboxOp
from app.services import intake
from app.services.intake import Draft
from app.services.interactions import (
    current_interaction,
    end_interaction,
    start_interaction,
)
from app.services.profile import Profile, check_profile, load_profile
from app.services.workspace import Workspace, open_workspace

MTL = ZoneInfo("America/Montreal")
START = datetime(2026, 11, 25, 14, 0, tzinfo=MTL)  # a Wednesday afternoon
END = START + timedelta(minutes=4, seconds=30)


def pothole(civic: str) -> Draft:
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        civic_number=civic,
        street="boul. St-Laurent",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "oui"},
    )


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A store of its own for a test that writes (no knowledge base: not needed, and slow)."""
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("011", "alice", "311")
    yield workspace
    workspace.close()


def profile_of(ws: Workspace) -> Profile:
    assert ws.profile is not None
    return ws.profile


def outbox(ws: Workspace) -> list[OutboxOp]:
    with ws.store.session() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


# -- interactions --------------------------------------------------------------------------
def test_a_call_from_start_to_outcome(ws: Workspace) -> None:
    profile = profile_of(ws)
    assert current_interaction(ws.store, profile) is None
    call = start_interaction(ws.store, profile, "phone", START)
    assert (call.channel, call.started_at, call.ended_at, call.outcome) == (
        "phone",
        START,
        None,
        None,
    )
    # After a restart the call in progress is picked up again.
    assert current_interaction(ws.store, profile) == call

    saved = intake.save(ws.store, ws.catalogue, profile, pothole("1234"), START, call.id)
    current = current_interaction(ws.store, profile)
    assert current is not None
    assert current.case_numbers == (saved.case_number,)

    ended = end_interaction(ws.store, call.id, "request", END)
    assert (ended.ended_at, ended.outcome, ended.case_numbers) == (
        END,
        "request",
        (saved.case_number,),
    )
    assert current_interaction(ws.store, profile) is None
    op = outbox(ws)[-1]
    assert (op.type, op.target) == ("interaction.record", call.id)
    data = dict(op.data)
    # Instants, not their spelling: the start comes back from the store in UTC.
    times = (data.pop("started_at"), data.pop("ended_at"))
    assert tuple(map(datetime.fromisoformat, times)) == (START, END)
    assert data == {
        "agent": "alice",
        "station": 11,
        "channel": "phone",
        "outcome": "request",
        "case_numbers": [saved.case_number],
    }


def test_the_cases_touched_during_a_call_are_listed(ws: Workspace) -> None:
    profile = profile_of(ws)
    first = intake.save(ws.store, ws.catalogue, profile, pothole("1234"), START).case_number
    call = start_interaction(ws.store, profile, "phone", START)
    second = intake.save(ws.store, ws.catalogue, profile, pothole("1300"), START, call.id)
    # The caller is also a witness of the first pothole: attached, not saved twice.
    intake.attach(ws.store, profile, first, pothole("1234"), START, call.id)
    ended = end_interaction(ws.store, call.id, "request", END)
    assert ended.case_numbers == (second.case_number, first)
    # A request saved after the call ended is not added to it.
    intake.save(ws.store, ws.catalogue, profile, pothole("1400"), END, call.id)
    with ws.store.session() as session:
        row = session.get(Interaction, call.id)
        assert row is not None
        assert row.case_numbers == [second.case_number, first]


def test_an_interaction_refused_writes_nothing(ws: Workspace) -> None:
    profile = profile_of(ws)
    with pytest.raises(ValidationError) as caught:
        start_interaction(ws.store, profile, "fax", START)
    assert [(p.field, p.code) for p in caught.value.problems] == [("channel", "channel")]
    assert current_interaction(ws.store, profile) is None

    call = start_interaction(ws.store, profile, "counter", START)
    with pytest.raises(ValidationError) as caught:
        end_interaction(ws.store, call.id, "hung-up", END)
    assert [(p.field, p.code) for p in caught.value.problems] == [("outcome", "outcome")]
    assert current_interaction(ws.store, profile) == call  # still in progress
    assert outbox(ws) == []

    end_interaction(ws.store, call.id, "information", END)
    with pytest.raises(ValidationError) as caught:
        end_interaction(ws.store, call.id, "information", END + timedelta(minutes=1))
    assert [(p.field, p.code) for p in caught.value.problems] == [("interaction", "no_interaction")]
    assert [op.type for op in outbox(ws)] == ["interaction.record"]  # recorded once

    with pytest.raises(ValidationError) as caught:
        end_interaction(ws.store, "no-such-interaction", "information", END)
    assert caught.value.problems[0].code == "no_interaction"


def test_an_end_before_the_start_is_clamped(ws: Workspace) -> None:
    # A workstation clock set back mid-call must not give a negative duration.
    call = start_interaction(ws.store, profile_of(ws), "phone", START)
    ended = end_interaction(ws.store, call.id, "transfer", START - timedelta(minutes=2))
    assert ended.ended_at == START


def test_each_agent_sees_their_own_call(ws: Workspace) -> None:
    alice = profile_of(ws)
    bob = Profile(12, "bob", "bam")
    call = start_interaction(ws.store, alice, "phone", START)
    assert current_interaction(ws.store, bob) is None
    visit = start_interaction(ws.store, bob, "counter", END)
    assert current_interaction(ws.store, alice) == call
    assert current_interaction(ws.store, bob) == visit


# -- profile -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("station", "number"),
    [("11", 11), ("011", 11), (" 011 ", 11), ("1", 1), ("899", 899)],
)
def test_station_codes_accepted(station: str, number: int) -> None:
    profile = check_profile(station, "alice", "311")
    assert (profile.station, profile.station_code) == (number, f"{number:03d}")


@pytest.mark.parametrize(
    ("station", "agent", "workplace", "expected"),
    [
        ("0", "alice", "311", {("station", "station")}),
        ("000", "alice", "311", {("station", "station")}),
        # 900-999 number the central store's own channels: a workstation would collide.
        ("900", "alice", "311", {("station", "station")}),
        ("1000", "alice", "311", {("station", "station")}),
        ("abc", "alice", "311", {("station", "station")}),
        ("-11", "alice", "311", {("station", "station")}),
        ("", "alice", "311", {("station", "station")}),
        ("011", "", "311", {("agent", "agent_name")}),
        ("011", "alice tremblay", "311", {("agent", "agent_name")}),
        ("011", "alice;drop", "311", {("agent", "agent_name")}),
        ("011", "a" * 65, "311", {("agent", "agent_name")}),
        ("011", "alice", "BAM", {("workplace", "workplace")}),
        ("011", "alice", "", {("workplace", "workplace")}),
        # Every wrong field at once.
        (
            "abc",
            "",
            "home",
            {("station", "station"), ("agent", "agent_name"), ("workplace", "workplace")},
        ),
    ],
)
def test_profile_problems(
    station: str, agent: str, workplace: str, expected: set[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_profile(station, agent, workplace)
    assert {(p.field, p.code) for p in caught.value.problems} == expected


@pytest.mark.parametrize(
    ("agent", "workplace", "channel"),
    [(" alice.t@311 ", "311", "phone"), ("bob_2-x", "bam", "counter")],
)
def test_agent_names_and_workplaces(agent: str, workplace: str, channel: str) -> None:
    profile = check_profile("42", agent, workplace)
    assert profile.agent == agent.strip()
    assert profile.default_channel == channel


def test_a_superscript_station_is_a_field_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        check_profile("1²", "alice", "311")
    assert [(p.field, p.code) for p in caught.value.problems] == [("station", "station")]


def test_the_profile_is_kept_in_the_store(ws: Workspace) -> None:
    assert load_profile(ws.store) == Profile(11, "alice", "311")
    ws.set_profile("12", "bob", "bam")
    assert load_profile(ws.store) == Profile(12, "bob", "bam")

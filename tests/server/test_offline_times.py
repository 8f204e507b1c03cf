"""Work done offline is dated, on the central store, by when the agent did it on the
console, not by the sync that carried it: each dated operation says when (data["at"]),
and the store takes it when it is sane against its own clock, else the push time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.validation import parse_datetime
from app.server.request_ops import CLOCK_SKEW, MAX_OFFLINE_AGE
from app.services import case_lookup, intake, request_edits
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace
from tests.server.conftest import Server
from tests.server.factories import create_op, op, pothole
from tests.server.test_console_outbox import POTHOLE, outbox


def moment(text: str) -> datetime:
    return parse_datetime(text)


def dated(record: dict[str, Any]) -> dict[str, list[datetime]]:
    """Each kind of event of a request's history, with the times it was recorded at."""
    found: dict[str, list[datetime]] = {}
    for event in record["events"]:
        found.setdefault(event["kind"], []).append(moment(event["at"]))
    return found


@dataclass
class Window:
    """The moments a push ran between: what "the push time" may be."""

    start: datetime
    end: datetime | None = None

    def __contains__(self, at: datetime) -> bool:
        assert self.end is not None
        return self.start - timedelta(seconds=1) <= at <= self.end + timedelta(seconds=1)


@contextmanager
def pushing() -> Iterator[Window]:
    window = Window(datetime.now(UTC))
    yield window
    window.end = datetime.now(UTC)


def test_work_done_offline_keeps_the_time_it_was_done(server: Server, workspace: Workspace) -> None:
    workspace.set_profile("011", "alice", "311")  # alice's station on the server
    profile = workspace.profile
    assert profile is not None
    now = datetime.now(UTC)
    made, noted, edited, attached = (now - timedelta(hours=h) for h in (5, 4, 3, 2))
    saved = intake.save(
        workspace.store,
        workspace.catalogue,
        profile,
        Draft(
            service_code=POTHOLE,
            channel="phone",
            civic_number="1234",
            street="boul. St-Laurent",
            arrondissement="PMR",
            attributes={"emplacement": "chaussee", "danger_immediat": "non"},
            new_citizen=CitizenDraft("Jean Tremblay", "514 555 0123", "", "fr"),
        ),
        made,
    )
    number = saved.case_number
    case_lookup.add_note(workspace.store, profile, number, "Le citoyen rappelle", noted)
    request_edits.edit_request(
        workspace.store,
        workspace.catalogue,
        profile,
        number,
        {"description": "Trou profond, côté nord"},
        edited,
    )
    intake.attach(
        workspace.store,
        profile,
        number,
        Draft(new_citizen=CitizenDraft("Paul Lee", "438 555 0100", "", "en")),
        attached,
    )
    ops = outbox(workspace)
    by_type = {o["type"]: o["data"] for o in ops}
    assert moment(by_type["request.note"]["at"]) == noted  # the console says when
    assert moment(by_type["request.update"]["at"]) == edited
    assert moment(by_type["request.attach_citizen"]["at"]) == attached

    with pushing() as push:  # hours later, back online
        results = server.push(server.agents["alice"], ops)
    assert [r["status"] for r in results] == ["applied"] * len(ops), results
    record = results[-1]["record"]
    times = dated(record)
    assert moment(record["created_at"]) == made
    assert times["created"] == [made] and times["routed"] == [made]
    assert times["note"] == [noted]
    assert times["updated"] == [edited]
    assert times["citizen_attached"] == [attached]
    # The record itself changed on the central store at the push: updated_at says so.
    assert moment(record["updated_at"]) in push


def test_an_insane_time_is_replaced_by_the_push_time(server: Server) -> None:
    alice = server.agents["alice"]
    now = datetime.now(UTC)
    made = now - timedelta(hours=1)
    create = create_op(alice.station, created_at=made.isoformat())
    [result] = server.push(alice, [create])  # alone in its batch: the bulk path
    assert result["status"] == "applied", result
    assert dated(result["record"])["created"] == [made]
    number = create["target"]
    cases_of_at: dict[str, object] = {
        "sane": now - timedelta(minutes=30),
        "before the request": now - timedelta(hours=2),
        "a little ahead": now + CLOCK_SKEW / 2,
        "far ahead": now + CLOCK_SKEW * 3,
        "too old": now - MAX_OFFLINE_AGE - timedelta(days=1),
        "not a time": "hier",
        "no time zone": (now - timedelta(minutes=30)).replace(tzinfo=None).isoformat(),
        "not text": 42,
        "absent": None,
    }
    ops = []
    for name, at in cases_of_at.items():
        data: dict[str, Any] = {"text": name}
        if at is not None:
            data["at"] = at.isoformat() if isinstance(at, datetime) else at
        ops.append(op("request.note", number, data))
    with pushing() as push:
        results = server.push(alice, ops)
    assert [r["status"] for r in results] == ["applied"] * len(ops), results  # never refused
    notes = {
        e["data"]["text"]: moment(e["at"])
        for e in results[-1]["record"]["events"]
        if e["kind"] == "note"
    }
    assert notes["sane"] == cases_of_at["sane"]
    assert notes["before the request"] == made  # work cannot precede the request
    for name in (
        "a little ahead",
        "far ahead",
        "too old",
        "not a time",
        "no time zone",
        "not text",
        "absent",
    ):
        assert notes[name] in push, name


def test_a_duplicate_link_is_dated_on_both_requests(server: Server) -> None:
    from app.server.request_ops import get_by_case, record_of

    alice = server.agents["alice"]
    first, second = create_op(alice.station), create_op(alice.station, street="rue Peel")
    assert [r["status"] for r in server.push(alice, [first, second])] == ["applied"] * 2
    at = datetime.now(UTC)  # linked offline just after; pushed a moment later
    time.sleep(0.05)
    link = op("request.link", second["target"], {"parent": first["target"], "at": at.isoformat()})
    assert server.push(alice, [link])[0]["status"] == "applied"
    with server.db.read() as session:
        for number in (first["target"], second["target"]):
            assert dated(record_of(session, get_by_case(session, number)))["duplicate"] == [at]


def test_a_status_change_is_dated_when_it_was_decided(server: Server) -> None:
    sophie = server.agents["sophie"]  # a supervisor closes
    made = datetime.now(UTC) - timedelta(hours=1)
    create = create_op(sophie.station, **pothole(created_at=made.isoformat()))
    assert server.push(sophie, [create])[0]["status"] == "applied"
    decided = datetime.now(UTC) - timedelta(minutes=20)
    close = op(
        "request.update",
        create["target"],
        {"fields": {"status": "terminee", "status_notes": "Réparé"}, "at": decided.isoformat()},
        base=1,
    )
    with pushing() as push:
        [result] = server.push(sophie, [close])
    assert result["status"] == "applied", result
    assert dated(result["record"])["status"] == [decided]
    assert moment(result["record"]["updated_at"]) in push

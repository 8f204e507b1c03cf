"""The supervisor's indicators against figures computed by hand on a small fixed data set.

The period is 2026-11-01 in Montréal, the day clocks fall back: local midnight is 04:00 UTC,
the next one 05:00 UTC the day after (25 hours), and 01:00-02:00 happens twice. "Now" is
fixed at 2026-11-24 17:00 UTC for what depends on it (overdue, complaints, e-mails).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.server import indicators
from app.server.db import Database
from app.server.models import Account, Interaction, ServiceRequest

from .conftest import Server

NOW = datetime(2026, 11, 24, 17, tzinfo=UTC)
DAY = date(2026, 11, 1)
POTHOLE = ("VOIRIE-NID-DE-POULE", "Nid-de-poule")
SERVICE = ("PLAINTE-SERVICE", "Plainte – service municipal")
EMPLOYEE = ("PLAINTE-EMPLOYE", "Plainte – comportement d'un employé")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# started_at (UTC), channel, seconds long, seconds queued before the start (None: unknown)
INTERACTIONS = [
    ("2026-11-01 03:59:59", "phone", 300, 10),  # 23:59:59 on Oct 31 local: outside
    ("2026-11-01 04:00:00", "phone", 300, 99),  # local hour 0, answered in under 100 s
    ("2026-11-01 05:30:00", "phone", 120, 100),  # 01:30 EDT; exactly 100 s is not under
    ("2026-11-01 06:30:00", "phone", 600, None),  # 01:30 EST, the second 1 o'clock
    ("2026-11-01 07:15:00", "email", 240, 48 * 3600 - 60),  # 02:15 EST, within 48 h
    ("2026-11-01 14:00:00", "email", 360, 72 * 3600),  # 09:00, three days late
    ("2026-11-01 14:10:00", "phone", 180, 250),
    ("2026-11-01 14:20:00", "counter", 900, None),
    ("2026-11-02 04:59:59", "phone", 61, 30),  # 23:59:59 on Nov 1 local: inside
    ("2026-11-02 05:00:00", "phone", 60, 30),  # midnight Nov 2 local: outside
]

# case, (code, name), nature, arrondissement, channel, status, created_at, due_at
REQUESTS = [
    ("r1", POTHOLE, "request", "VM", "email", "transmise", "2026-11-01 03:30", "2026-11-10 17:00"),
    ("r2", POTHOLE, "request", "VM", "phone", "acceptee", "2026-11-01 04:10", "2026-11-20 05:00"),
    ("r3", POTHOLE, "request", "VM", "phone", "terminee", "2026-11-01 15:00", "2026-11-05 17:00"),
    ("r4", POTHOLE, "request", "PMR", "web", "prise_en_charge", "2026-11-01 16:00", "2026-11-30"),
    ("c1", SERVICE, "complaint", "", "web", "transmise", "2026-11-02 04:30", None),
    ("r6", POTHOLE, "request", "VM", "email", "urgente", "2026-11-02 05:00", "2026-11-24 16:00"),
    ("c2", SERVICE, "complaint", "VM", "phone", "acceptee", "2026-11-23 12:00", None),
    ("c3", SERVICE, "complaint", "VM", "phone", "acceptee", "2026-11-22 17:00", None),
    (
        "c4",
        EMPLOYEE,
        "complaint",
        "VM",
        "phone",
        "reactivee",
        "2026-10-01 17:00",
        "2026-10-15 17:00",
    ),
    ("c5", EMPLOYEE, "complaint", "VM", "phone", "terminee", "2026-09-01 17:00", None),
    ("c6", SERVICE, "complaint", "VM", "phone", "annulee", "2026-11-20 17:00", None),
    ("e2", POTHOLE, "request", "VM", "email", "transmise", "2026-11-22 18:00", None),  # 47 h
    ("e3", POTHOLE, "request", "VM", "email", "transmise", "2026-11-22 16:00", None),  # 49 h
]


def add_data_set(db: Database) -> None:
    with db.work("test") as work:
        alice = work.session.scalar(select(Account).where(Account.username == "alice"))
        assert alice is not None
        for started, channel, length, wait in INTERACTIONS:
            start = utc(started)
            work.session.add(
                Interaction(
                    id=str(uuid.uuid4()),
                    account_id=alice.id,
                    agent="alice",
                    station=11,
                    channel=channel,
                    queued_at=None if wait is None else start - timedelta(seconds=wait),
                    started_at=start,
                    ended_at=start + timedelta(seconds=length),
                    outcome="information",
                    case_numbers=[],
                    recorded_at=NOW,
                )
            )
        for case, (code, name), nature, arr, channel, status, created, due in REQUESTS:
            work.session.add(
                ServiceRequest(
                    id=str(uuid.uuid4()),
                    case_number=case,
                    source="console",
                    service_code=code,
                    service_name=name,
                    nature=nature,
                    channel=channel,
                    status=status,
                    attributes={},
                    arrondissement=arr,
                    responsible_unit=f"Unité {arr}",
                    created_at=utc(created),
                    due_at=None if due is None else utc(due),
                    updated_at=utc(created),
                    updated_by="alice",
                    field_revisions={},
                )
            )


@pytest.fixture
def report(server: Server) -> dict[str, Any]:
    add_data_set(server.db)
    with server.db.read() as session:
        return indicators.report(session, DAY, DAY, NOW, overdue_limit=500)


def test_the_period_is_local_midnight_to_local_midnight_across_the_clock_change() -> None:
    assert indicators.utc_bounds(DAY, DAY) == (utc("2026-11-01 04:00"), utc("2026-11-02 05:00"))


def test_interactions_fold_into_local_hours_both_one_oclocks_together(
    report: dict[str, Any],
) -> None:
    assert report["interactions_by_hour"] == [
        {"hour": 0, "channel": "phone", "count": 1},
        {"hour": 1, "channel": "phone", "count": 2},
        {"hour": 2, "channel": "email", "count": 1},
        {"hour": 9, "channel": "counter", "count": 1},
        {"hour": 9, "channel": "email", "count": 1},
        {"hour": 9, "channel": "phone", "count": 1},
        {"hour": 23, "channel": "phone", "count": 1},
    ]


def test_answer_shares_count_only_known_queueing_times(report: dict[str, Any]) -> None:
    # Phone: 99 s and 30 s are under 100 s; 100 s and 250 s are not; one call unknown.
    assert report["phone_answer"] == {"known": 4, "under_100s": 2, "share": 0.5}
    assert report["email_answer"] == {"known": 2, "under_48h": 1, "share": 0.5}


def test_handling_time_averages_per_channel(report: dict[str, Any]) -> None:
    assert report["handling_time"] == [
        {"channel": "phone", "count": 5, "average_seconds": 252.2},  # (300+120+600+180+61)/5
        {"channel": "email", "count": 2, "average_seconds": 300.0},
        {"channel": "counter", "count": 1, "average_seconds": 900.0},
    ]


def test_requests_by_service_and_arrondissement_most_first(report: dict[str, Any]) -> None:
    assert report["requests_by_service"] == [
        {
            "service_code": POTHOLE[0],
            "service_name": POTHOLE[1],
            "arrondissement": "VM",
            "count": 2,
        },
        {"service_code": SERVICE[0], "service_name": SERVICE[1], "arrondissement": "", "count": 1},
        {
            "service_code": POTHOLE[0],
            "service_name": POTHOLE[1],
            "arrondissement": "PMR",
            "count": 1,
        },
    ]


def test_overdue_lists_every_open_request_past_due_longest_first(
    report: dict[str, Any],
) -> None:
    overdue = report["overdue"]
    assert overdue["total"] == 4
    assert [(r["case_number"], r["days_overdue"]) for r in overdue["rows"]] == [
        ("c4", 40.0),
        ("r1", 14.0),
        ("r2", 4.5),
        ("r6", 0.0),
    ]
    assert overdue["rows"][1] == {
        "case_number": "r1",
        "service_code": POTHOLE[0],
        "service_name": POTHOLE[1],
        "arrondissement": "VM",
        "responsible_unit": "Unité VM",
        "status": "transmise",
        "created_at": "2026-11-01T03:30:00+00:00",
        "due_at": "2026-11-10T17:00:00+00:00",
        "days_overdue": 14.0,
    }


def test_overdue_limit_keeps_the_total(server: Server) -> None:
    add_data_set(server.db)
    with server.db.read() as session:
        overdue = indicators.overdue(session, NOW, 2)
    assert overdue["total"] == 4
    assert [r["case_number"] for r in overdue["rows"]] == ["c4", "r1"]


def test_open_complaints_by_reason_and_age(report: dict[str, Any]) -> None:
    assert report["complaints"] == [
        {
            "service_code": SERVICE[0],
            "service_name": SERVICE[1],
            "open": 3,
            "under_2_days": 1,  # c2, 29 h
            "from_2_to_7_days": 1,  # c3, exactly 2 days
            "from_7_to_30_days": 1,  # c1, 22 days 12.5 h
            "over_30_days": 0,
            "oldest_days": 22.5,
        },
        {
            "service_code": EMPLOYEE[0],
            "service_name": EMPLOYEE[1],
            "open": 1,
            "under_2_days": 0,
            "from_2_to_7_days": 0,
            "from_7_to_30_days": 0,
            "over_30_days": 1,
            "oldest_days": 54.0,
        },
    ]


def test_emails_untouched_for_more_than_48_hours(report: dict[str, Any]) -> None:
    # r1 (565.5 h) and e3 (49 h); e2 has waited 47 h, r6 is no longer in its first status.
    assert report["emails_pending_48h"] == {"count": 2, "oldest_hours": 565.5}


def test_an_empty_store_answers_zeros_and_nulls(server: Server) -> None:
    with server.db.read() as session:
        empty = indicators.report(session, DAY, DAY, NOW, overdue_limit=500)
    assert empty["phone_answer"] == {"known": 0, "under_100s": 0, "share": None}
    assert empty["email_answer"] == {"known": 0, "under_48h": 0, "share": None}
    assert empty["overdue"] == {"total": 0, "rows": []}
    assert empty["emails_pending_48h"] == {"count": 0, "oldest_hours": None}
    assert empty["interactions_by_hour"] == empty["handling_time"] == empty["complaints"] == []


def get(server: Server, who: str, **params: Any) -> Any:
    return server.client.get(
        "/api/v1/indicators", params=params, headers=server.agents[who].headers
    )


def test_a_supervisor_reads_the_indicators(server: Server) -> None:
    add_data_set(server.db)
    answer = get(server, "sophie", **{"from": "2026-11-01", "to": "2026-11-01"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert list(body) == [
        "from",
        "to",
        "timezone",
        "generated_at",
        "interactions_by_hour",
        "phone_answer",
        "email_answer",
        "handling_time",
        "requests_by_service",
        "overdue",
        "complaints",
        "emails_pending_48h",
    ]
    assert (body["from"], body["to"], body["timezone"]) == (
        "2026-11-01",
        "2026-11-01",
        "America/Montreal",
    )
    assert datetime.fromisoformat(body["generated_at"]).tzinfo is not None
    assert body["phone_answer"] == {"known": 4, "under_100s": 2, "share": 0.5}
    assert len(body["overdue"]["rows"]) == body["overdue"]["total"] >= 4
    assert get(server, "admin").status_code == 200


def test_the_period_defaults_to_today_in_montreal(server: Server) -> None:
    body = get(server, "sophie").json()
    assert body["from"] == body["to"]
    assert abs(date.fromisoformat(body["to"]) - datetime.now(UTC).date()) <= timedelta(days=1)


def test_an_agent_is_refused(server: Server) -> None:
    answer = get(server, "alice")
    assert answer.status_code == 403
    assert answer.json()["problems"] == [
        {"field": "role", "message": "only a supervisor can read the indicators"}
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"from": "20261101", "to": "2026-11-02"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2026-11-02", "to": "2026-11-01"}, "from"),
        ({"from": "2025-10-31", "to": "2026-11-01"}, "to"),  # 367 days
        ({"overdue_limit": 0}, "overdue_limit"),
        ({"overdue_limit": 5001}, "overdue_limit"),
        ({"overdue_limit": "many"}, "overdue_limit"),
    ],
)
def test_bad_parameters_name_their_field(
    server: Server, params: dict[str, Any], field: str
) -> None:
    answer = get(server, "sophie", **params)
    assert answer.status_code == 422, answer.text
    assert [p["field"] for p in answer.json()["problems"]] == [field]


def test_366_days_are_accepted(server: Server) -> None:
    assert get(server, "sophie", **{"from": "2025-11-01", "to": "2026-11-01"}).status_code == 200


def record(server: Server, **extra: Any) -> dict[str, Any]:
    data = {
        "agent": "alice",
        "station": 11,
        "channel": "phone",
        "started_at": "2026-11-20T14:00:00+00:00",
        "ended_at": "2026-11-20T14:03:00+00:00",
        "outcome": "request",
        "case_numbers": [],
    } | extra
    op = {"op_id": str(uuid.uuid4()), "type": "interaction.record", "target": str(uuid.uuid4())}
    return server.push(server.agents["alice"], [op | {"data": data}])[0]


def test_an_interaction_keeps_when_it_was_queued(server: Server) -> None:
    applied = record(server, queued_at="2026-11-20T08:58:30-05:00")
    assert applied["status"] == "applied", applied
    assert applied["record"]["queued_at"] == "2026-11-20T08:58:30-05:00"
    assert record(server)["record"]["queued_at"] is None
    with server.db.read() as session:
        queued = session.scalars(select(Interaction.queued_at)).all()
    assert sorted(queued, key=str) == [utc("2026-11-20 13:58:30"), None]


@pytest.mark.parametrize(
    "queued_at",
    ["2026-11-20T14:00:01+00:00", "2026-11-13T13:59:59+00:00", "this morning", 1700000000],
)
def test_a_queueing_time_after_the_start_or_a_week_before_is_refused(
    server: Server, queued_at: Any
) -> None:
    refused = record(server, queued_at=queued_at)
    assert refused["status"] == "rejected"
    assert [p["field"] for p in refused["problems"]] == ["queued_at"]

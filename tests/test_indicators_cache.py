"""The supervisor's figures as the console keeps them: checked, stored, read back offline,
and the overdue list exported as a Québec spreadsheet reads it."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.services.indicators import (
    IndicatorsError,
    cached_indicators,
    parse_indicators,
    period_for,
    remember_role,
    remembered_role,
    save_indicators,
    write_table_csv,
)
from app.services.workspace import Workspace

FETCHED = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def payload() -> dict[str, Any]:
    """An answer of GET /api/v1/indicators, as the central store gives it."""
    return {
        "from": "2026-11-19",
        "to": "2026-11-25",
        "timezone": "America/Montreal",
        "generated_at": "2026-11-25T14:59:58+00:00",
        "interactions_by_hour": [
            {"hour": 8, "channel": "phone", "count": 12},
            {"hour": 8, "channel": "counter", "count": 3},
            {"hour": 9, "channel": "phone", "count": 20},
        ],
        "phone_answer": {"known": 30, "under_100s": 25, "share": 0.8333},
        "email_answer": {"known": 0, "under_48h": 0, "share": None},
        "handling_time": [{"channel": "phone", "count": 32, "average_seconds": 245}],
        "requests_by_service": [
            {
                "service_code": "VOIRIE-NID-DE-POULE",
                "service_name": "Nid-de-poule",
                "arrondissement": "VM",
                "count": 4,
            }
        ],
        "overdue": {
            "total": 2,
            "rows": [
                {
                    "case_number": "26-011-000001-3",
                    "service_code": "VOIRIE-NID-DE-POULE",
                    "service_name": "Nid-de-poule",
                    "arrondissement": "VM",
                    "responsible_unit": "TP-VM",
                    "status": "transmise",
                    "created_at": "2026-11-02T14:00:00+00:00",
                    "due_at": "2026-11-09T22:00:00+00:00",
                    "days_overdue": 15.7,
                }
            ],
        },
        "complaints": [
            {
                "service_code": "PLAINTE-BRUIT",
                "service_name": "Bruit",
                "open": 3,
                "under_2_days": 1,
                "from_2_to_7_days": 1,
                "from_7_to_30_days": 0,
                "over_30_days": 1,
                "oldest_days": 41.2,
            }
        ],
        "emails_pending_48h": {"count": 1, "oldest_hours": 96.5},
    }


def test_periods_end_today_in_montreal() -> None:
    assert period_for("today", date(2026, 11, 25)).first == date(2026, 11, 25)
    assert period_for("week", date(2026, 11, 25)).first == date(2026, 11, 19)
    assert period_for("month", date(2026, 11, 25)).first == date(2026, 10, 27)
    with pytest.raises(ValueError, match="unknown period"):
        period_for("year", date(2026, 11, 25))


def test_figures_are_typed() -> None:
    figures = parse_indicators(payload(), FETCHED)
    assert figures.phone_answer.within == 25
    assert figures.email_answer.share is None
    assert figures.handling[0].average_seconds == 245.0  # an integer is a number too
    assert figures.overdue[0].due_at == datetime(2026, 11, 9, 22, tzinfo=UTC)
    assert figures.emails_oldest_hours == 96.5


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("phone_answer", "known"), "30", "phone_answer.known"),
        (("overdue", "rows", 0, "due_at"), "hier", "overdue.rows[0].due_at"),
        (("interactions_by_hour",), {}, "interactions_by_hour"),
        (("complaints", 0, "open"), True, "complaints[0].open"),
    ],
)
def test_a_misshapen_answer_names_the_key(path: tuple[Any, ...], value: Any, named: str) -> None:
    data = copy.deepcopy(payload())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(IndicatorsError, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_indicators(data, FETCHED)


def test_last_figures_are_read_back_offline(workspace: Workspace) -> None:
    assert cached_indicators(workspace.store, "week") is None
    save_indicators(workspace.store, "week", payload(), FETCHED)
    again = cached_indicators(workspace.store, "week")
    assert again is not None and again.fetched_at == FETCHED
    assert again.overdue_total == 2
    assert cached_indicators(workspace.store, "today") is None  # one copy per period


def test_role_is_remembered_per_user(workspace: Workspace) -> None:
    remember_role(workspace.store, "sophie", "supervisor")
    assert remembered_role(workspace.store, "sophie") == "supervisor"
    assert remembered_role(workspace.store, "alice") == ""


def test_a_table_is_written_as_a_french_spreadsheet_reads_it(tmp_path: Path) -> None:
    out = tmp_path / "retard.csv"
    headers = ["N° de cas", "Unité responsable", "Échéance", "Jours de retard"]
    rows = [["26-011-000001-3", "Travaux publics – Ville-Marie", "2026-11-09 17:00", "15,7"]]
    assert write_table_csv(out, headers, rows) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8 accents
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines == [";".join(headers), ";".join(rows[0])]

"""Routing (office hours vs the 24/7 centre) and resolution delays, table-driven, on the
bundled routing table. Times are Montréal's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.catalogue import Delay, Service
from app.domain.routing import RoutingError, route
from app.domain.sla import due_at, is_overdue
from app.services.catalogue_files import bundled_catalogue

MTL = ZoneInfo("America/Montreal")
CAT = bundled_catalogue()
TABLE = CAT.routing


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=MTL)


def service(code: str) -> Service:
    return CAT.services[code]


@pytest.mark.parametrize(
    ("when", "after_hours", "why"),
    [
        ("2026-11-25 16:59", False, "Wednesday, a minute before closing"),
        ("2026-11-25 17:00", True, "Wednesday at closing time"),
        ("2026-11-25 08:29", True, "before opening"),
        ("2026-11-25 08:30", False, "at opening"),
        ("2026-11-27 22:15", True, "Friday night"),
        ("2026-11-28 11:00", True, "Saturday"),
        ("2026-11-29 11:00", True, "Sunday"),
        ("2026-11-30 08:30", False, "Monday morning"),
        ("2026-06-24 10:00", True, "Saint-Jean-Baptiste"),
        ("2026-06-23 10:00", False, "the day before"),
        ("2026-07-01 10:00", True, "Canada Day"),
        ("2026-05-18 10:00", True, "Journée nationale des patriotes"),
        ("2026-12-25 10:00", True, "Christmas"),
        ("2026-12-24 16:59", False, "Christmas Eve is a working day"),
        ("2026-12-28 10:00", False, "Monday of Christmas week"),
        ("2027-12-27 10:00", True, "Christmas observed on Monday"),
        ("2027-01-01 10:00", True, "New Year's Day"),
    ],
)
def test_office_hours_or_the_24_7_centre(when: str, after_hours: bool, why: str) -> None:
    routing = route(TABLE, service("VOIRIE-NID-DE-POULE"), "VM", at(when))
    assert routing.after_hours is after_hours, why
    assert routing.unit.code == "TP-VM"
    expected = TABLE.after_hours_unit if after_hours else "TP-VM"
    assert routing.handled_by.code == expected


def test_each_arrondissement_has_its_own_unit() -> None:
    units = {
        route(TABLE, service("VOIRIE-NID-DE-POULE"), code, at("2026-11-25 10:00")).unit.code
        for code, arr in TABLE.arrondissements.items()
        if arr.kind == "arrondissement"
    }
    assert len(units) == 19


def test_agglomeration_services_need_no_arrondissement() -> None:
    routing = route(TABLE, service("INFO-GENERALE"), None, at("2026-11-25 10:00"))
    assert routing.unit.code == TABLE.rules[next(k for k in TABLE.rules if k[1] == "services-311")]


def test_local_service_without_arrondissement_names_the_field() -> None:
    with pytest.raises(RoutingError) as caught:
        route(TABLE, service("VOIRIE-NID-DE-POULE"), None, at("2026-11-25 10:00"))
    assert caught.value.field == "arrondissement"


def test_related_city_handles_its_local_services_itself() -> None:
    related = next(c for c, a in TABLE.arrondissements.items() if a.kind == "related_city")
    with pytest.raises(RoutingError, match="related city") as caught:
        route(TABLE, service("VOIRIE-NID-DE-POULE"), related, at("2026-11-25 10:00"))
    assert caught.value.field == "arrondissement"
    parking = route(TABLE, service("STAT-VIGNETTE"), related, at("2026-11-25 10:00"))
    assert parking.unit.code == "AMD"


def test_unknown_arrondissement_lists_the_known_ones() -> None:
    with pytest.raises(RoutingError, match="unknown code"):
        route(TABLE, service("VOIRIE-NID-DE-POULE"), "XX", at("2026-11-25 10:00"))


@pytest.mark.parametrize(
    ("created", "delay", "due"),
    [
        ("2026-11-25 10:00", Delay(1, "business_days"), "2026-11-26 17:00"),
        ("2026-11-27 10:00", Delay(1, "business_days"), "2026-11-30 17:00"),  # over a weekend
        ("2026-11-27 22:00", Delay(1, "business_days"), "2026-11-30 17:00"),  # Friday night
        ("2026-11-28 12:00", Delay(1, "business_days"), "2026-11-30 17:00"),  # Saturday
        ("2026-06-22 09:00", Delay(5, "business_days"), "2026-06-30 17:00"),  # 24 June skipped
        ("2026-12-24 09:00", Delay(2, "business_days"), "2026-12-29 17:00"),  # Christmas week
        ("2026-12-31 09:00", Delay(1, "business_days"), "2027-01-04 17:00"),  # New Year
        ("2026-11-25 23:00", Delay(4, "hours"), "2026-11-26 03:00"),
        ("2026-10-31 12:00", Delay(24, "hours"), "2026-11-01 11:00"),  # DST ends: 24 real hours
        ("2026-11-27 16:00", Delay(2, "business_hours"), "2026-11-30 09:30"),
        ("2026-11-25 07:00", Delay(3, "business_hours"), "2026-11-25 11:30"),
        ("2026-06-23 16:30", Delay(1, "business_hours"), "2026-06-25 09:00"),
    ],
)
def test_due_dates(created: str, delay: Delay, due: str) -> None:
    assert due_at(at(created), delay, TABLE) == at(due)


def test_overdue_only_while_open() -> None:
    due = at("2026-11-26 17:00")
    assert is_overdue(due, closed=False, now=at("2026-11-26 17:01"))
    assert not is_overdue(due, closed=True, now=at("2026-11-26 17:01"))
    assert not is_overdue(due, closed=False, now=at("2026-11-26 16:59"))
    assert not is_overdue(None, closed=False, now=at("2026-11-26 17:01"))

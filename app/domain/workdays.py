"""The city's working calendar: office hours, weekends and Québec statutory holidays."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

import holidays

# The city's time zone, for whatever has no routing table at hand (a case number's year,
# the indicators' days, the times an agent reads).
CITY_TIMEZONE = "America/Montreal"


@cache
def _quebec_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("CA", subdiv="QC", years=year).keys())


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _quebec_holidays(day.year)


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local(when: datetime, tz: str) -> datetime:
    """`when` in the city's time zone; naive datetimes are refused (ambiguous)."""
    if when.tzinfo is None:
        raise ValueError("datetime without a time zone")
    return when.astimezone(zone(tz))


def in_office_hours(when: datetime, tz: str, start: time, end: time) -> bool:
    here = local(when, tz)
    return is_business_day(here.date()) and start <= here.time() < end

"""Resolution delays: the due date announced to the citizen, fixed when the request is made.

`business_days`: the end of office hours on the Nth business day after the day of the
request. `business_hours`: N hours of office time, counted from the request (or from the
next opening). `hours`: round-the-clock hours, for emergencies. Weekends and Québec
statutory holidays are not business days.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.catalogue import Delay, RoutingTable
from app.domain.workdays import is_business_day, local


def due_at(created: datetime, delay: Delay, table: RoutingTable) -> datetime:
    if delay.unit == "hours":
        # Real elapsed hours: computed in UTC so a change of daylight-saving time counts.
        return created.astimezone(UTC) + timedelta(hours=delay.value)
    here = local(created, table.timezone)
    if delay.unit == "business_days":
        day = here.date()
        left = delay.value
        while left > 0:
            day += timedelta(days=1)
            if is_business_day(day):
                left -= 1
        due = datetime.combine(day, table.office_end, tzinfo=here.tzinfo)
        return due.astimezone(UTC)
    if delay.unit == "business_hours":
        return _add_office_time(here, timedelta(hours=delay.value), table).astimezone(UTC)
    raise ValueError(f"unknown delay unit {delay.unit!r}")


def _add_office_time(start: datetime, span: timedelta, table: RoutingTable) -> datetime:
    tz = start.tzinfo
    cursor = start
    while True:
        day = cursor.date()
        opening = datetime.combine(day, table.office_start, tzinfo=tz)
        closing = datetime.combine(day, table.office_end, tzinfo=tz)
        if is_business_day(day) and cursor < closing:
            cursor = max(cursor, opening)
            available = closing - cursor
            if span <= available:
                return cursor + span
            span -= available
        cursor = datetime.combine(day + timedelta(days=1), table.office_start, tzinfo=tz)


def is_overdue(due: datetime | None, closed: bool, now: datetime) -> bool:
    return due is not None and not closed and now > due

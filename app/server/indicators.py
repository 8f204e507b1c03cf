"""The supervisor's indicators, each one SQL aggregate over the central store: the database
counts a million rows, Python only shapes the few rows of totals it answers.

Periods are the city's local dates, first to last inclusive; what depends on "now" (overdue
requests, open complaints, waiting e-mails) takes it as an argument, read once per report.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, extract, func, select
from sqlalchemy.orm import Session

from app.domain import request_terms as terms
from app.domain.workdays import CITY_TIMEZONE, zone
from app.server.models import Interaction, ServiceRequest
from app.server.problems import Refused

MAX_DAYS = 366
PHONE_TARGET = timedelta(seconds=100)
EMAIL_TARGET = timedelta(hours=48)
EMAIL_PENDING = timedelta(hours=48)
# Open is the Open311 side of the vocabulary: a list the indexes on status can seek.
OPEN_STATUSES = tuple(code for code, (_, _, open311) in terms.STATUSES.items() if open311 == "open")
COMPLAINT = "complaint"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(raw: str | None, field: str, default: date) -> date:
    if raw is None or raw == "":
        return default
    try:
        if not _DATE.match(raw):
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise Refused.one("rejected", field, "a date as YYYY-MM-DD, e.g. 2026-11-18") from None


def parse_period(first: str | None, last: str | None, now: datetime) -> tuple[date, date]:
    """The period asked for: `to` defaults to today in Montréal, `from` to `to`."""
    end = _day(last, "to", now.astimezone(zone(CITY_TIMEZONE)).date())
    start = _day(first, "from", end)
    if start > end:
        raise Refused.one("rejected", "from", f"must be on or before 'to' ({end.isoformat()})")
    if (end - start).days + 1 > MAX_DAYS:
        raise Refused.one("rejected", "to", f"a period covers at most {MAX_DAYS} days")
    return start, end


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From local midnight of `first` to local midnight after `last` (Montréal changes its
    clocks at 2:00, so midnight always exists and is never doubled)."""
    city = zone(CITY_TIMEZONE)
    start = datetime.combine(first, time(0), tzinfo=city).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=city).astimezone(UTC)
    return start, end


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _seconds(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    if _dialect(session) == "postgresql":
        return extract("epoch", later - earlier)
    # julianday keeps whole milliseconds: rounding to them makes 100 s exactly 100.
    return func.round((func.julianday(later) - func.julianday(earlier)) * 86400.0, 3)


def _utc_hour(session: Session, moment: Any) -> ColumnElement[str]:
    """The UTC hour as text 'YYYY-MM-DD HH'; SQLite stores it that way already."""
    if _dialect(session) == "postgresql":
        return func.to_char(func.timezone("UTC", moment), "YYYY-MM-DD HH24", type_=String)
    return func.substr(moment, 1, 13, type_=String)


def _started_in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(Interaction.started_at >= start, Interaction.started_at < end)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _days(span: timedelta) -> float:
    return round(span.total_seconds() / 86400, 1)


def interactions_by_hour(session: Session, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Interactions per local hour of the day and channel, summed over the period. SQL
    groups by UTC hour; those (at most 24 x days x channels) rows fold into local hours
    here, which handles the days clocks change."""
    bucket = _utc_hour(session, Interaction.started_at).label("bucket")
    rows = session.execute(
        select(bucket, Interaction.channel, func.count())
        .where(_started_in(start, end))
        .group_by(bucket, Interaction.channel)
    ).all()
    city = zone(CITY_TIMEZONE)
    counts: Counter[tuple[int, str]] = Counter()
    for hour, channel, n in rows:
        utc = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
        counts[utc.astimezone(city).hour, channel] += n
    return [{"hour": h, "channel": c, "count": n} for (h, c), n in sorted(counts.items())]


def _answered_within(
    session: Session, start: datetime, end: datetime, channel: str, target: timedelta
) -> tuple[int, int]:
    wait = _seconds(session, Interaction.started_at, Interaction.queued_at)
    known, within = session.execute(
        select(func.count(), func.count().filter(wait < target.total_seconds())).where(
            _started_in(start, end),
            Interaction.channel == channel,
            Interaction.queued_at.is_not(None),
        )
    ).one()
    return int(known), int(within)


def phone_answer(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    """Calls whose queueing time is known, and those answered in under 100 s."""
    known, within = _answered_within(session, start, end, "phone", PHONE_TARGET)
    return {"known": known, "under_100s": within, "share": _share(within, known)}


def email_answer(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    """E-mails whose arrival is known, and those taken up within 48 h of it."""
    known, within = _answered_within(session, start, end, "email", EMAIL_TARGET)
    return {"known": known, "under_48h": within, "share": _share(within, known)}


def handling_time(session: Session, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Average length per channel, in the vocabulary's order of channels."""
    length = _seconds(session, Interaction.ended_at, Interaction.started_at)
    rows = session.execute(
        select(Interaction.channel, func.count(), func.avg(length))
        .where(_started_in(start, end))
        .group_by(Interaction.channel)
    ).all()
    order = list(terms.CHANNELS)
    return [
        {"channel": channel, "count": n, "average_seconds": round(float(average), 1)}
        for channel, n, average in sorted(
            rows, key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[0])
        )
    ]


def requests_by_service(session: Session, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Requests created in the period per service and arrondissement, most first."""
    sr = ServiceRequest
    n = func.count().label("n")
    rows = session.execute(
        select(sr.service_code, func.max(sr.service_name), sr.arrondissement, n)
        .where(sr.created_at >= start, sr.created_at < end)
        .group_by(sr.service_code, sr.arrondissement)
        .order_by(n.desc(), sr.service_code, sr.arrondissement)
    ).all()
    return [
        {"service_code": code, "service_name": name, "arrondissement": arr or "", "count": count}
        for code, name, arr, count in rows
    ]


def overdue(session: Session, now: datetime, limit: int) -> dict[str, Any]:
    """Every open request past its due date, whatever the period: how many, and the
    `limit` longest overdue. The window count rides along the rows in the same query."""
    sr = ServiceRequest
    rows = session.execute(
        select(
            sr.case_number,
            sr.service_code,
            sr.service_name,
            sr.arrondissement,
            sr.responsible_unit,
            sr.status,
            sr.created_at,
            sr.due_at,
            func.count().over(),
        )
        .where(sr.status.in_(OPEN_STATUSES), sr.due_at < now)
        .order_by(sr.due_at, sr.case_number)
        .limit(limit)
    ).all()
    return {
        "total": int(rows[0][-1]) if rows else 0,
        "rows": [_overdue_row(row, now) for row in rows],
    }


def _overdue_row(row: Any, now: datetime) -> dict[str, Any]:
    case, code, name, arr, unit, status, created, due, _ = row
    return {
        "case_number": case,
        "service_code": code,
        "service_name": name,
        "arrondissement": arr,
        "responsible_unit": unit,
        "status": status,
        "created_at": created.isoformat(),
        "due_at": due.isoformat(),
        "days_overdue": _days(now - due),
    }


def complaints(session: Session, now: datetime) -> list[dict[str, Any]]:
    """Open complaints per reason (their service) and by age, whatever the period."""
    sr = ServiceRequest
    two, seven, thirty = (now - timedelta(days=d) for d in (2, 7, 30))
    n = func.count().label("n")
    rows = session.execute(
        select(
            sr.service_code,
            func.max(sr.service_name),
            n,
            func.count().filter(sr.created_at > two),
            func.count().filter(sr.created_at <= two, sr.created_at > seven),
            func.count().filter(sr.created_at <= seven, sr.created_at > thirty),
            func.count().filter(sr.created_at <= thirty),
            func.min(sr.created_at),
        )
        .where(sr.nature == COMPLAINT, sr.status.in_(OPEN_STATUSES))
        .group_by(sr.service_code)
        .order_by(n.desc(), sr.service_code)
    ).all()
    return [
        {
            "service_code": code,
            "service_name": name,
            "open": total,
            "under_2_days": under_2,
            "from_2_to_7_days": to_7,
            "from_7_to_30_days": to_30,
            "over_30_days": over_30,
            "oldest_days": _days(now - oldest),
        }
        for code, name, total, under_2, to_7, to_30, over_30, oldest in rows
    ]


def emails_pending(session: Session, now: datetime) -> dict[str, Any]:
    """Open requests received by e-mail that no one has acted on for more than 48 h."""
    sr = ServiceRequest
    count, oldest = session.execute(
        select(func.count(), func.min(sr.created_at)).where(
            sr.channel == "email",
            sr.status == terms.INITIAL_STATUS,
            sr.created_at < now - EMAIL_PENDING,
        )
    ).one()
    hours = None if oldest is None else round((now - oldest).total_seconds() / 3600, 1)
    return {"count": int(count), "oldest_hours": hours}


def report(
    session: Session, first: date, last: date, now: datetime, overdue_limit: int
) -> dict[str, Any]:
    """Every indicator, as GET /api/v1/indicators answers them."""
    start, end = utc_bounds(first, last)
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": CITY_TIMEZONE,
        "generated_at": now.isoformat(),
        "interactions_by_hour": interactions_by_hour(session, start, end),
        "phone_answer": phone_answer(session, start, end),
        "email_answer": email_answer(session, start, end),
        "handling_time": handling_time(session, start, end),
        "requests_by_service": requests_by_service(session, start, end),
        "overdue": overdue(session, now, overdue_limit),
        "complaints": complaints(session, now),
        "emails_pending_48h": emails_pending(session, now),
    }

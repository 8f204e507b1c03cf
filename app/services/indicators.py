"""Service indicators for supervisors, as the central store computes them (by SQL
aggregates over every agent's work), kept in the local store so that the last figures
can be read offline, with the time they were fetched."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from app.domain.validation import parse_datetime
from app.models.store import Store
from app.services.meta import get_meta, set_meta

# Days before today that a period also covers.
PERIODS = {"today": 0, "week": 6, "month": 29}
SUPERVISOR_ROLES = ("supervisor", "admin")
ANSWER_TARGET = 0.80  # share of calls answered in under 100 s
_KEY = "indicators:"

T = TypeVar("T")


class IndicatorsError(ValueError):
    """The server's indicators do not have the expected shape (named in the message)."""


@dataclass(frozen=True)
class Period:
    kind: str
    first: date
    last: date


def period_for(kind: str, today: date) -> Period:
    if kind not in PERIODS:
        raise ValueError(f"unknown period {kind!r}; known: {', '.join(PERIODS)}")
    return Period(kind, today - timedelta(days=PERIODS[kind]), today)


@dataclass(frozen=True)
class HourCount:
    hour: int
    channel: str
    count: int


@dataclass(frozen=True)
class Share:
    known: int
    within: int
    share: float | None


@dataclass(frozen=True)
class HandlingTime:
    channel: str
    count: int
    average_seconds: float


@dataclass(frozen=True)
class ServiceCount:
    service_code: str
    service_name: str
    arrondissement: str
    count: int


@dataclass(frozen=True)
class OverdueRow:
    case_number: str
    service_code: str
    service_name: str
    arrondissement: str
    responsible_unit: str
    status: str
    created_at: datetime
    due_at: datetime
    days_overdue: float


@dataclass(frozen=True)
class ComplaintAge:
    service_code: str
    service_name: str
    open: int
    under_2_days: int
    from_2_to_7_days: int
    from_7_to_30_days: int
    over_30_days: int
    oldest_days: float


@dataclass(frozen=True)
class Indicators:
    first: date
    last: date
    generated_at: datetime
    fetched_at: datetime
    by_hour: list[HourCount]
    phone_answer: Share
    email_answer: Share
    handling: list[HandlingTime]
    by_service: list[ServiceCount]
    overdue_total: int
    overdue: list[OverdueRow]
    complaints: list[ComplaintAge]
    emails_pending: int
    emails_oldest_hours: float | None


def _field(data: Mapping[str, Any], key: str, kind: type[T], where: str) -> T:
    value = data.get(key) if isinstance(data, Mapping) else None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise IndicatorsError(f"{where}{key}: expected {kind.__name__}")
    return value


def _optional_float(data: Mapping[str, Any], key: str, where: str) -> float | None:
    return None if data.get(key) is None else _field(data, key, float, where)


def _moment(data: Mapping[str, Any], key: str, where: str) -> datetime:
    try:
        return parse_datetime(_field(data, key, str, where))
    except ValueError as exc:
        raise IndicatorsError(f"{where}{key}: {exc}") from None


def _rows(
    data: Mapping[str, Any],
    key: str,
    parse: Callable[[Mapping[str, Any], str], T],
    prefix: str = "",
) -> list[T]:
    rows = data.get(key)
    if not isinstance(rows, list):
        raise IndicatorsError(f"{prefix}{key}: expected a list")
    return [parse(row, f"{prefix}{key}[{i}].") for i, row in enumerate(rows)]


def _share(data: Mapping[str, Any], key: str, within: str) -> Share:
    part = data.get(key)
    if not isinstance(part, Mapping):
        raise IndicatorsError(f"{key}: expected an object")
    where = f"{key}."
    return Share(
        _field(part, "known", int, where),
        _field(part, within, int, where),
        _optional_float(part, "share", where),
    )


def _hour(row: Mapping[str, Any], w: str) -> HourCount:
    return HourCount(
        _field(row, "hour", int, w), _field(row, "channel", str, w), _field(row, "count", int, w)
    )


def _handling(row: Mapping[str, Any], w: str) -> HandlingTime:
    return HandlingTime(
        _field(row, "channel", str, w),
        _field(row, "count", int, w),
        _field(row, "average_seconds", float, w),
    )


def _service(row: Mapping[str, Any], w: str) -> ServiceCount:
    return ServiceCount(
        _field(row, "service_code", str, w),
        _field(row, "service_name", str, w),
        _field(row, "arrondissement", str, w),
        _field(row, "count", int, w),
    )


def _overdue(row: Mapping[str, Any], w: str) -> OverdueRow:
    text = {
        key: _field(row, key, str, w)
        for key in (
            "case_number",
            "service_code",
            "service_name",
            "arrondissement",
            "responsible_unit",
            "status",
        )
    }
    return OverdueRow(
        **text,
        created_at=_moment(row, "created_at", w),
        due_at=_moment(row, "due_at", w),
        days_overdue=_field(row, "days_overdue", float, w),
    )


def _complaint(row: Mapping[str, Any], w: str) -> ComplaintAge:
    counts = {
        key: _field(row, key, int, w)
        for key in ("open", "under_2_days", "from_2_to_7_days", "from_7_to_30_days", "over_30_days")
    }
    return ComplaintAge(
        _field(row, "service_code", str, w),
        _field(row, "service_name", str, w),
        **counts,
        oldest_days=_field(row, "oldest_days", float, w),
    )


def parse_indicators(data: Mapping[str, Any], fetched_at: datetime) -> Indicators:
    """The server's JSON as typed figures; IndicatorsError names the first bad key."""
    try:
        first = date.fromisoformat(_field(data, "from", str, ""))
        last = date.fromisoformat(_field(data, "to", str, ""))
    except ValueError as exc:
        raise IndicatorsError(f"from/to: {exc}") from None
    overdue = data.get("overdue")
    pending = data.get("emails_pending_48h")
    if not isinstance(overdue, Mapping) or not isinstance(pending, Mapping):
        raise IndicatorsError("overdue, emails_pending_48h: expected objects")
    return Indicators(
        first=first,
        last=last,
        generated_at=_moment(data, "generated_at", ""),
        fetched_at=fetched_at,
        by_hour=_rows(data, "interactions_by_hour", _hour),
        phone_answer=_share(data, "phone_answer", "under_100s"),
        email_answer=_share(data, "email_answer", "under_48h"),
        handling=_rows(data, "handling_time", _handling),
        by_service=_rows(data, "requests_by_service", _service),
        overdue_total=_field(overdue, "total", int, "overdue."),
        overdue=_rows(overdue, "rows", _overdue, "overdue."),
        complaints=_rows(data, "complaints", _complaint),
        emails_pending=_field(pending, "count", int, "emails_pending_48h."),
        emails_oldest_hours=_optional_float(pending, "oldest_hours", "emails_pending_48h."),
    )


def save_indicators(
    store: Store, kind: str, data: Mapping[str, Any], fetched_at: datetime
) -> Indicators:
    """Check and keep the figures the server sent for a period; returns them typed.
    They hold no personal data: counts, and case numbers with their service and place."""
    figures = parse_indicators(data, fetched_at)
    doc = {"fetched_at": fetched_at.isoformat(), "data": data}
    with store.writing() as session:
        set_meta(session, _KEY + kind, json.dumps(doc, ensure_ascii=False))
    return figures


def cached_indicators(store: Store, kind: str) -> Indicators | None:
    """The last figures fetched for this period, or None (none yet, or unreadable)."""
    with store.session() as session:
        raw = get_meta(session, _KEY + kind)
    if not raw:
        return None
    try:
        doc = json.loads(raw)
        return parse_indicators(doc["data"], parse_datetime(doc["fetched_at"]))
    except (ValueError, KeyError, TypeError):
        return None  # written by another version: as if never fetched


def remember_role(store: Store, username: str, role: str) -> None:
    """The role the server last gave this user, so that an offline start still offers a
    supervisor the figures kept here."""
    with store.writing() as session:
        set_meta(session, f"role:{username}", role)


def remembered_role(store: Store, username: str) -> str:
    with store.session() as session:
        return get_meta(session, f"role:{username}") or ""


def write_table_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """A table as a spreadsheet reads it in Québec: ';' between fields (the decimal comma
    stays inside its cell), UTF-8 with a BOM so that accents survive Excel. The cells are
    written as the table shows them, so the file has the screen's headers, values and
    order. Returns the rows written."""
    for i, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(f"row {i} has {len(row)} cells for {len(headers)} headers")
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(headers)
        writer.writerows(rows)
    return len(rows)

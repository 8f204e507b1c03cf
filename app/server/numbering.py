"""Case numbers the central store hands out itself (GeoReport v2 POST): the next sequence of
one of the server's stations for the current year in Montréal, never given twice.

The sequence row stays locked until the caller's transaction ends, so two requests created
at once get consecutive numbers, and a refused request gives its number back (rollback)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.case_numbers import (
    GEOREPORT_STATION,
    MAX_SEQUENCE,
    SERVER_STATIONS,
    WORKSTATION_STATIONS,
    CaseNumber,
    CaseNumberError,
)
from app.domain.workdays import CITY_TIMEZONE, local
from app.server.db import utcnow
from app.server.models import CaseSequence

# Case numbers carry the year of creation as the city counts it, not UTC's: a request made
# on December 31 at 20:00 in Montréal belongs to that year.


def _locked_row(session: Session, year: int, station: int) -> CaseSequence | None:
    query = (
        select(CaseSequence)
        .where(CaseSequence.year == year, CaseSequence.station == station)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return session.scalar(query)


def _create_row(session: Session, year: int, station: int) -> None:
    """The year's first number: insert its row; a concurrent first number may win the race."""
    try:
        with session.begin_nested():
            session.add(CaseSequence(year=year, station=station, last=0))
    except IntegrityError:
        # Another transaction inserted it first; locking it below waits for that one.
        pass


def next_case_number(
    session: Session, station: int = GEOREPORT_STATION, now: datetime | None = None
) -> str:
    """The next case number of `station` (900-999) for the year of `now` in Montréal."""
    if station not in SERVER_STATIONS:
        raise ValueError(f"station {station} is not one of the server's (900-999)")
    year = local(now or utcnow(), CITY_TIMEZONE).year
    row = _locked_row(session, year, station)
    if row is None:
        _create_row(session, year, station)
        row = _locked_row(session, year, station)
        if row is None:
            raise RuntimeError(f"the case sequence {year}/{station} could not be created")
    if row.last >= MAX_SEQUENCE:
        raise CaseNumberError(
            f"station {station:03d} has used all {MAX_SEQUENCE} numbers of {year}; "
            "use another server station"
        )
    row.last += 1
    session.flush()
    return str(CaseNumber(year=year, station=station, sequence=row.last))


def record_console_numbers(session: Session, numbers: Iterable[CaseNumber]) -> None:
    """Raise each workstation station's mark to the highest of `numbers` it accepted;
    the console learns the mark at login and with the change feed."""
    highest: dict[tuple[int, int], int] = {}
    for number in numbers:
        key = (number.year, number.station)
        highest[key] = max(highest.get(key, 0), number.sequence)
    for (year, station), last in sorted(highest.items()):
        row = _locked_row(session, year, station)
        if row is None:
            _create_row(session, year, station)
            row = _locked_row(session, year, station)
        if row is not None and row.last < last:
            row.last = last


def station_marks(session: Session, station: int | None) -> dict[str, int]:
    """A workstation station's highest sequence per year ({} for a new station)."""
    if station is None or station not in WORKSTATION_STATIONS:
        return {}
    rows = session.execute(
        select(CaseSequence.year, CaseSequence.last).where(CaseSequence.station == station)
    )
    return {str(year): int(last) for year, last in rows}

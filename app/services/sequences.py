"""Which sequence a workstation's next case number takes, so that no number is ever given
twice, even by a store that was blanked, damaged or restored from an old copy.

Three records of the highest sequence given, each able to correct the others:
- the store's own `case_sequences` rows, taken in the save's transaction;
- a ledger file beside the store (`case-numbers.json`), written and flushed to disk
  *before* the save commits: a store file restored from an old copy, emptied or set aside
  as damaged is behind it, never ahead, and a power cut that loses the store's last
  transaction leaves the ledger with the number already given;
- the central store's mark for the station (its highest sequence received), learnt at
  login and with every page of the change feed.

The next number is one above the highest of the three. A data folder that has never
numbered for its station and knows no mark from the central store does not number at all
while a central store is configured: the station may have a history elsewhere (a
workstation reinstalled, a data folder lost), and guessing would repeat its numbers.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.case_numbers import MAX_SEQUENCE, CaseNumber
from app.domain.validation import FieldProblem, ValidationError
from app.models import CaseSequence, store_errors
from app.models.store import Store
from app.services.meta import get_meta, set_meta

LEDGER_FILE = "case-numbers.json"
_LEARNT = "station_mark_learnt:"  # meta key prefix: the central store's mark was received


def ledger_path(store: Store) -> Path:
    return store.path.with_name(LEDGER_FILE)


def read_ledger(path: Path) -> dict[tuple[int, int], int]:
    """(station, year) -> highest sequence given; {} when missing or unreadable (the
    store and the central store still know)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    marks: dict[tuple[int, int], int] = {}
    stations = data.get("stations") if isinstance(data, dict) else None
    for station, years in (stations or {}).items():
        if not (isinstance(station, str) and station.isdigit() and isinstance(years, dict)):
            continue
        for year, last in years.items():
            if isinstance(year, str) and year.isdigit() and isinstance(last, int):
                marks[(int(station), int(year))] = last
    return marks


def write_ledger(path: Path, marks: Mapping[tuple[int, int], int]) -> None:
    """Atomically, and on the disk before returning (fsync): the save that follows may
    commit only once its number is recorded here."""
    stations: dict[str, dict[str, int]] = {}
    for (station, year), last in sorted(marks.items()):
        stations.setdefault(f"{station:03d}", {})[str(year)] = last
    text = json.dumps({"stations": stations}, indent=1)
    fd, tmp = tempfile.mkstemp(prefix=".case-numbers-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _raise_to(session: Session, station: int, year: int, last: int) -> None:
    row = session.get(CaseSequence, (year, station))
    if row is None:
        session.add(CaseSequence(year=year, station=station, last=last))
    elif row.last < last:
        row.last = last


def has_history(session: Session, ledger: Path, station: int) -> bool:
    """Whether this data folder knows where the station's numbering stands."""
    if get_meta(session, _LEARNT + str(station)) is not None:
        return True
    if any(s == station for s, _year in read_ledger(ledger)):
        return True
    query = select(CaseSequence.year).where(CaseSequence.station == station).limit(1)
    return session.scalar(query) is not None


def next_case_number(
    session: Session, ledger: Path, station: int, year: int, *, central: bool
) -> str:
    """The next number of `station` for `year`, taken in the caller's write transaction
    and recorded in the ledger before the caller commits. `central`: a central store is
    configured, so a station this folder knows nothing of waits for its mark."""
    if central and not has_history(session, ledger, station):
        raise ValidationError(
            [
                FieldProblem(
                    "station",
                    f"station {station:03d} must first reach the central store once, to "
                    "learn where its case numbers stand; nothing was erased",
                    "station_unconfirmed",
                    (f"{station:03d}",),
                )
            ]
        )
    marks = read_ledger(ledger)
    row = session.get(CaseSequence, (year, station))
    if row is None:
        row = CaseSequence(year=year, station=station, last=0)
        session.add(row)
    last = max(row.last, marks.get((station, year), 0))
    if last >= MAX_SEQUENCE:
        raise ValidationError(
            [
                FieldProblem(
                    "station",
                    f"station {station:03d} has used all its numbers for {year}: "
                    "ask for another station code",
                    "station_full",
                )
            ]
        )
    row.last = last + 1
    marks[(station, year)] = row.last
    try:
        write_ledger(ledger, marks)
    except OSError as exc:  # a full disk or a read-only folder: one clear message
        raise store_errors.known(exc, ledger) or exc from exc
    return str(CaseNumber(year, station, row.last))


def learn_marks(store: Store, station: int, marks: Mapping[int, int]) -> None:
    """The central store's highest sequence per year for `station`: never number below
    it. An empty mark is knowledge too: the station has no history there."""
    with store.writing() as session:
        for year, last in marks.items():
            _raise_to(session, station, int(year), int(last))
        key = _LEARNT + str(station)
        if get_meta(session, key) is None:
            set_meta(session, key, "1")


def reconcile(store: Store) -> None:
    """At open: the store and its ledger each raised to the other's highest sequence (a
    store restored from an old copy learns what was given since; a ledger lost, or from
    before it existed, is rebuilt from the store)."""
    path = ledger_path(store)
    ledger = read_ledger(path)
    with store.writing() as session:
        rows = {(r.station, r.year): r.last for r in session.scalars(select(CaseSequence))}
        for (station, year), last in ledger.items():
            if rows.get((station, year), 0) < last:
                _raise_to(session, station, year, last)
        behind = any(ledger.get(key, 0) < last for key, last in rows.items())
    if behind:
        write_ledger(path, {**ledger, **{k: max(v, ledger.get(k, 0)) for k, v in rows.items()}})

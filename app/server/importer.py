"""Import of Montréal's published 311 requests (the "Requêtes 311" open data export), so a
city can load its history into the store and refresh it from later exports.

The file is streamed: one transaction per batch of rows, so an export of millions of rows
runs in constant memory, and a failure loses at most the batch in flight. Rows are keyed on
the city's ID_UNIQUE (kept as external_id and as the case number), which makes a re-run
harmless: rows already stored are skipped, or get their newer status.
"""

from __future__ import annotations

import csv
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, BinaryIO, NamedTuple, TextIO, cast
from zoneinfo import ZoneInfo

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from app.domain import request_terms as terms
from app.domain.catalogue import Service
from app.domain.text import fold
from app.domain.workdays import CITY_TIMEZONE
from app.protocol.records import REQUEST_TEXT_FIELDS
from app.server.catalogue_store import CatalogueCache
from app.server.db import Database, Work
from app.server.models import RequestEvent, ServerBase, ServiceRequest
from app.server.records import request_record

SOURCE = "import"
REQUIRED_COLUMNS = ("ID_UNIQUE", "NATURE", "ACTI_NOM", "DDS_DATE_CREATION", "DERNIER_STATUT")
PROVENANCE_PREFIX = "PROVENANCE_"
ORIGINAL_CHANNEL = "PROVENANCE_ORIGINALE"
MAX_KEPT_ERRORS = 1000
MAX_CASE_NUMBER = 40  # ServiceRequest.case_number
MAX_SERVICE_CODE = 40
MAX_SERVICE_NAME = 200
MAX_STREET = 200
MAX_POSTAL_CODE = 7
MAX_ARRONDISSEMENT = 80
MAX_UNIT = 200
IMPORTED_SERVICE_PREFIX = "IMPORT-"
# Imported requests go to the consoles' feed when still open or created within this span;
# older closed ones stay on the server (GeoReport, GET /api/v1/requests/{case}): a city's
# whole history would otherwise be copied to every workstation.
FEED_HISTORY = timedelta(days=365)
BAR_WIDTH = 30
BAR_INTERVAL = 0.2  # seconds: at most 5 redraws a second
# Inserted as tables, not entities: the ORM's bulk path costs a quarter more per row.
REQUESTS = ServerBase.metadata.tables[ServiceRequest.__tablename__]
EVENTS = ServerBase.metadata.tables[RequestEvent.__tablename__]

# How the city names its channels (PROVENANCE_ORIGINALE, and the PROVENANCE_* count columns
# after the prefix), as _key() folds them, mapped to our channel codes. A fax is written
# correspondence like a letter, and an "instance" is a referral from an elected official or
# a municipal body, which arrives in writing: both are counted as mail.
CHANNEL_NAMES: dict[str, str] = {
    "telephone": "phone",
    "courriel": "email",
    "personne": "counter",
    "enpersonne": "counter",
    "comptoir": "counter",
    "courrier": "mail",
    "telecopieur": "mail",
    "instance": "mail",
    "siteinternet": "web",
    "internet": "web",
    "web": "web",
    "applicationmobile": "mobile",
    "mobile": "mobile",
    "mediassociaux": "social",
    "reseauxsociaux": "social",
}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_CODE = re.compile(r"[^A-Z0-9]+")


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (no header, a required column missing, not
    UTF-8); the message says what to fix."""


class RowError(NamedTuple):
    line: int  # where the record starts in the file; the header is line 1
    column: str  # "" when the problem is the row as a whole
    message: str


@dataclass(frozen=True)
class ImportProgress:
    bytes_read: int
    bytes_total: int
    rows: int


@dataclass
class ImportReport:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)  # the first MAX_KEPT_ERRORS
    error_count: int = 0

    def add_error(self, line: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(RowError(line, column, message))

    def write_errors(self, path: Path) -> None:
        """The rejected rows as CSV (line, column, message), to fix the export and re-run."""
        # With a BOM, as the city publishes: Excel then reads the accents right.
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("line", "column", "message"))
            writer.writerows(self.errors)
            omitted = self.error_count - len(self.errors)
            if omitted:
                writer.writerow(("", "", f"{omitted} more errors not listed"))

    def __str__(self) -> str:
        return (
            f"{self.rows_read} rows read: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.error_count} rejected"
        )


class _RowProblem(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass(slots=True)  # not frozen: frozen fields are set one object.__setattr__ at a time
class _Row:
    line: int
    external_id: str
    service_code: str
    service_name: str
    nature: str
    channel: str
    status: str
    street: str
    postal_code: str
    arrondissement: str
    responsible_unit: str
    lat: float | None
    long: float | None
    created_at: datetime
    status_at: datetime | None


# --- Text folding ---------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Accent-, case- and spacing-insensitive form: the city writes "Requete" as well as
    "Requête", and its activity names do not always match the catalogue's capitals."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Letters and digits of _fold(): names whose punctuation varies ("Site internet",
    PROVENANCE_SITEINTERNET; "Nid de poule", "Nid-de-poule") compare equal."""
    return _NOT_ALNUM.sub("", _fold(text))


@lru_cache(maxsize=8192)
def _slug_code(name: str) -> str:
    """A service code for an activity the catalogue does not know: IMPORT-<NAME>, ≤ 40."""
    slug = _NOT_CODE.sub("-", _fold(name).upper()).strip("-") or "X"
    return (IMPORTED_SERVICE_PREFIX + slug)[:MAX_SERVICE_CODE].rstrip("-")


_NATURES = {_fold(label): code for code, (label, _) in terms.NATURES.items()} | {
    _fold(label): code for code, (_, label) in terms.NATURES.items()
}


# --- Reading the file -----------------------------------------------------------------------


class _Columns:
    """Where each column of the export is; the required ones are checked up front."""

    def __init__(self, header: Sequence[str], path: Path) -> None:
        names = [name.strip().upper() for name in header]
        self.index: dict[str, int] = {}
        for i, name in enumerate(names):
            self.index.setdefault(name, i)
        self.width = len(names)
        missing = [name for name in REQUIRED_COLUMNS if name not in self.index]
        if missing:
            hint = ""
            if len(names) == 1 and ";" in header[0]:
                hint = "; the file is separated by semicolons, the city's export by commas"
            raise ImportFileError(
                f"{path.name}: missing required column(s) {', '.join(missing)}{hint}; "
                "nothing was imported"
            )
        # The count columns say how many times the request came through each channel.
        self.channel_counts = [
            (i, CHANNEL_NAMES[_key(name.removeprefix(PROVENANCE_PREFIX))])
            for i, name in enumerate(names)
            if name.startswith(PROVENANCE_PREFIX)
            and name != ORIGINAL_CHANNEL
            and _key(name.removeprefix(PROVENANCE_PREFIX)) in CHANNEL_NAMES
        ]

    def get(self, fields: Sequence[str], name: str) -> str:
        i = self.index.get(name)
        return fields[i].strip() if i is not None else ""


class _Parser:
    """One CSV record to a _Row, or a _RowProblem naming the column at fault."""

    def __init__(self, columns: _Columns, tz: ZoneInfo, services: dict[str, str]) -> None:
        self.columns = columns
        self.tz = tz
        self.services = services  # _key() of the French name -> service code

    def parse(self, line: int, fields: Sequence[str]) -> _Row:
        col = self.columns
        if len(fields) != col.width:
            raise _RowProblem("", f"{len(fields)} fields where the header has {col.width}")
        if any("\x00" in value for value in fields):
            raise _RowProblem("", "contains a NUL character")
        external_id = col.get(fields, "ID_UNIQUE")
        if not external_id:
            raise _RowProblem("ID_UNIQUE", "empty")
        if len(external_id) > MAX_CASE_NUMBER:
            raise _RowProblem("ID_UNIQUE", f"longer than {MAX_CASE_NUMBER} characters")
        activity = col.get(fields, "ACTI_NOM")
        if not activity:
            raise _RowProblem("ACTI_NOM", "empty")
        created_at = self._datetime(fields, "DDS_DATE_CREATION")
        if created_at is None:
            raise _RowProblem("DDS_DATE_CREATION", "empty")
        lat = self._coordinate(fields, "LOC_LAT", 90)
        long = self._coordinate(fields, "LOC_LONG", 180)
        if (lat is None) != (long is None):
            missing = "LOC_LAT" if lat is None else "LOC_LONG"
            raise _RowProblem(missing, "empty while the other coordinate is given")
        return _Row(
            line=line,
            external_id=external_id,
            service_code=self.services.get(_key(activity)) or _slug_code(activity),
            service_name=activity[:MAX_SERVICE_NAME],
            nature=self._nature(fields),
            channel=self._channel(fields),
            status=self._status(fields),
            street=self._street(fields),
            postal_code=self._postal_code(fields),
            arrondissement=col.get(fields, "ARRONDISSEMENT")[:MAX_ARRONDISSEMENT],
            responsible_unit=col.get(fields, "UNITE_RESP_PARENT")[:MAX_UNIT],
            lat=lat,
            long=long,
            created_at=created_at,
            status_at=self._datetime(fields, "DATE_DERNIER_STATUT"),
        )

    def _nature(self, fields: Sequence[str]) -> str:
        value = self.columns.get(fields, "NATURE")
        code = _NATURES.get(_fold(value))
        if code is None:
            known = ", ".join(fr for fr, _ in terms.NATURES.values())
            raise _RowProblem("NATURE", f"unknown nature « {value} »; expected {known}")
        return code

    def _status(self, fields: Sequence[str]) -> str:
        value = self.columns.get(fields, "DERNIER_STATUT")
        code = terms.status_from_label(value)
        if code is None:
            known = ", ".join(fr for fr, _, _ in terms.STATUSES.values())
            raise _RowProblem("DERNIER_STATUT", f"unknown status « {value} »; expected {known}")
        return code

    def _channel(self, fields: Sequence[str]) -> str:
        """The original channel as published; failing that, the first channel the count
        columns show. A channel that cannot be placed is an error rather than a guess, so
        that the city's channel statistics stay true."""
        value = self.columns.get(fields, ORIGINAL_CHANNEL)
        key = _key(value)
        code = CHANNEL_NAMES.get(key)
        if code is not None:
            return code
        if "internet" in key or "web" in key:
            return "web"
        for i, counted in self.columns.channel_counts:
            count = fields[i].strip()
            if count.isdigit() and int(count) > 0:
                return counted
        if value:
            raise _RowProblem(ORIGINAL_CHANNEL, f"unknown channel « {value} »")
        raise _RowProblem(ORIGINAL_CHANNEL, "empty, and no PROVENANCE_* count is positive")

    def _street(self, fields: Sequence[str]) -> str:
        col = self.columns
        street = col.get(fields, "RUE")
        if not street:
            corners = (col.get(fields, "RUE_INTERSECTION1"), col.get(fields, "RUE_INTERSECTION2"))
            street = " / ".join(name for name in corners if name)
        return street[:MAX_STREET]

    def _postal_code(self, fields: Sequence[str]) -> str:
        # Often only the first three characters are published (the forward sortation area).
        value = " ".join(self.columns.get(fields, "LIN_CODE_POSTAL").upper().split())
        if len(value) > MAX_POSTAL_CODE:
            raise _RowProblem("LIN_CODE_POSTAL", f"« {value} » is longer than 7 characters")
        return value

    def _datetime(self, fields: Sequence[str], name: str) -> datetime | None:
        value = self.columns.get(fields, name)
        if not value:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise _RowProblem(
                name, f"« {value} » is not a date-time like 2022-01-03 10:35:27"
            ) from None
        # The city publishes local time without an offset.
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.tz)
        return parsed.astimezone(UTC)

    def _coordinate(self, fields: Sequence[str], name: str, bound: int) -> float | None:
        value = self.columns.get(fields, name)
        if not value:
            return None
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise _RowProblem(name, f"« {value} » is not a number") from None
        if not -bound <= number <= bound:
            raise _RowProblem(name, f"{number:g} is not between -{bound} and {bound}")
        return number


class _Lines:
    """The file's lines for csv.reader, decoded one at a time: that counts the bytes read
    (a text file cannot tell its position while iterated) and names the exact line that is
    not UTF-8."""

    def __init__(self, raw: BinaryIO, name: str) -> None:
        self.raw = raw
        self.name = name
        self.bytes_read = 0
        self.line = 0

    def __iter__(self) -> Iterator[str]:
        for data in self.raw:
            self.bytes_read += len(data)
            self.line += 1
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"{self.name}: line {self.line} is not UTF-8 ({exc.reason}); save the file "
                    "as UTF-8 and import it again (rows already imported are recognised)"
                ) from None
            # The city's export starts with a byte order mark.
            yield text.removeprefix("\ufeff") if self.line == 1 else text


def _records(
    reader: Iterator[list[str]], line_of: Callable[[], int], report: ImportReport
) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each non-blank record; a record the CSV reader cannot split
    is reported and skipped."""
    while True:
        start = line_of() + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.rows_read += 1
            report.add_error(start, "", f"unreadable CSV record: {exc}")
            continue
        if fields:
            yield start, fields


def _batches(
    records: Iterable[tuple[int, list[str]]], parser: _Parser, size: int, report: ImportReport
) -> Iterator[list[_Row]]:
    """Good rows in batches of `size` records read; a repeated ID_UNIQUE in the same batch
    is reported and the first one kept."""
    batch: dict[str, _Row] = {}
    count = 0
    for line, fields in records:
        report.rows_read += 1
        count += 1
        try:
            row = parser.parse(line, fields)
        except _RowProblem as problem:
            report.add_error(line, problem.column, problem.message)
        else:
            first = batch.get(row.external_id)
            if first is None:
                batch[row.external_id] = row
            else:
                report.add_error(
                    line,
                    "ID_UNIQUE",
                    f"{row.external_id} is already on line {first.line}; that one was kept",
                )
        if count >= size:
            yield list(batch.values())
            batch, count = {}, 0
    if count:
        yield list(batch.values())


# --- Storing --------------------------------------------------------------------------------


def _request_values(work: Work, row: _Row) -> dict[str, Any]:
    # The open data has no text for the request's other fields: each starts blank.
    blank = dict.fromkeys(REQUEST_TEXT_FIELDS, "")
    return {
        **blank,
        "id": str(uuid.uuid4()),
        "case_number": row.external_id,
        "external_id": row.external_id,
        "source": SOURCE,
        "service_code": row.service_code,
        "service_name": row.service_name,
        "nature": row.nature,
        "channel": row.channel,
        "status": row.status,
        "attributes": {},
        "street": row.street,
        "postal_code": row.postal_code,
        "arrondissement": row.arrondissement,
        "lat": row.lat,
        "long": row.long,
        "citizen_id": None,
        "responsible_unit": row.responsible_unit,
        "parent_id": None,
        "created_at": row.created_at,
        "due_at": None,
        "updated_at": row.status_at or row.created_at,
        "updated_by": work.actor,
        "revision": 1,
        "field_revisions": {},
    }


def _event_values(work: Work, request_id: str, row: _Row) -> list[dict[str, Any]]:
    events = [
        {
            "request_id": request_id,
            "kind": "created",
            "actor": work.actor,
            "at": row.created_at,
            "data": {"source": SOURCE, "channel": row.channel},
        }
    ]
    if row.status != terms.INITIAL_STATUS:
        events.append(
            {
                "request_id": request_id,
                "kind": "status",
                "actor": work.actor,
                "at": row.status_at or row.created_at,
                "data": {"from": terms.INITIAL_STATUS, "to": row.status, "notes": ""},
            }
        )
    return events


def _as_request(values: dict[str, Any]) -> ServiceRequest:
    """The values as request_record reads them (attributes only), without building an ORM
    object: their instrumentation alone would cost a large import more than its SQL. The
    tests check that the record is the one record_of() reads back from the database."""
    return cast(ServiceRequest, SimpleNamespace(**values))


def _as_event(values: dict[str, Any], event_id: int) -> RequestEvent:
    return cast(RequestEvent, SimpleNamespace(id=event_id, **values))


def _create(work: Work, rows: Sequence[_Row]) -> None:
    """Insert the new requests and their events, a statement each for the batch, and publish
    them from the values just inserted: reading each one back would make a large import
    crawl."""
    session = work.session
    requests = [_request_values(work, row) for row in rows]
    events = {
        (event["request_id"], event["kind"]): event  # at most one of each kind, when new
        for values, row in zip(requests, rows, strict=True)
        for event in _event_values(work, values["id"], row)
    }
    session.execute(insert(REQUESTS), requests)
    session.execute(insert(EVENTS), list(events.values()))
    # The events' ids in one query: cheaper than RETURNING from a many-row INSERT (half the
    # time on PostgreSQL), and in the order record_of() lists them.
    history: dict[str, list[RequestEvent]] = defaultdict(list)
    for event_id, request_id, kind in session.execute(
        select(RequestEvent.id, RequestEvent.request_id, RequestEvent.kind)
        .where(RequestEvent.request_id.in_([values["id"] for values in requests]))
        .order_by(RequestEvent.id)
    ):
        history[request_id].append(_as_event(events[request_id, kind], event_id))
    horizon = work.now - FEED_HISTORY
    for values in requests:
        if values["status"] in terms.CLOSED_STATUSES and values["created_at"] < horizon:
            continue  # old closed history: in the store, not pushed to every workstation
        record = request_record(_as_request(values), history[values["id"]])
        work.changed("request", values["id"], values["revision"], record)


def _is_newer(status: str, updated_at: datetime, row: _Row) -> bool:
    """Whether the row says something the store has not seen. A later status date with the
    same status is a new transition (closed, reopened, closed again); a date no later than
    the request's last change is old news, whoever made that change."""
    return status != row.status or (row.status_at is not None and row.status_at > updated_at)


def _refresh(work: Work, rows: dict[str, _Row], report: ImportReport) -> None:
    """Give stored requests the newer status of their row, with a 'status' event."""
    session = work.session
    # Locked and checked again: an agent may have changed the request since the first look.
    requests = session.scalars(
        select(ServiceRequest).where(ServiceRequest.external_id.in_(list(rows))).with_for_update()
    ).all()
    changed: list[ServiceRequest] = []
    for req in requests:
        assert req.external_id is not None
        row = rows[req.external_id]
        if not _is_newer(req.status, req.updated_at, row):
            report.unchanged += 1
            continue
        at = row.status_at or work.now
        session.add(
            RequestEvent(
                request_id=req.id,
                kind="status",
                actor=work.actor,
                at=at,
                data={"from": req.status, "to": row.status, "notes": ""},
            )
        )
        req.revision += 1
        if req.status != row.status:
            req.status = row.status
            req.field_revisions = {**req.field_revisions, "status": req.revision}
        req.updated_at, req.updated_by = max(req.updated_at, at), work.actor
        changed.append(req)
    if not changed:
        return
    session.flush()
    ids = [req.id for req in changed]
    history: dict[str, list[RequestEvent]] = defaultdict(list)
    for event in session.scalars(
        select(RequestEvent).where(RequestEvent.request_id.in_(ids)).order_by(RequestEvent.id)
    ):
        history[event.request_id].append(event)
    parents = _case_numbers(session, {req.parent_id for req in changed if req.parent_id})
    for req in changed:
        parent = parents.get(req.parent_id) if req.parent_id else None
        work.changed("request", req.id, req.revision, request_record(req, history[req.id], parent))
    report.updated += len(changed)


def _case_numbers(session: Session, ids: set[str]) -> dict[str, str]:
    """Case numbers by request id (of the requests an updated one duplicates)."""
    if not ids:
        return {}
    query = select(ServiceRequest.id, ServiceRequest.case_number).where(ServiceRequest.id.in_(ids))
    return dict(session.execute(query).tuples().all())


def _store(work: Work, batch: Sequence[_Row], report: ImportReport) -> None:
    """One batch: new rows created, known ones refreshed, in one look-up of their ids."""
    ids = [row.external_id for row in batch]
    known: dict[str, tuple[str, datetime]] = {}
    taken: set[str] = set()  # case numbers of requests that did not come from this import
    for external_id, case_number, status, updated_at in work.session.execute(
        select(
            ServiceRequest.external_id,
            ServiceRequest.case_number,
            ServiceRequest.status,
            ServiceRequest.updated_at,
        ).where(or_(ServiceRequest.external_id.in_(ids), ServiceRequest.case_number.in_(ids)))
    ):
        if external_id is not None:
            known[external_id] = (status, updated_at)
        if external_id != case_number:
            taken.add(case_number)
    new: list[_Row] = []
    newer: dict[str, _Row] = {}
    for row in batch:
        seen = known.get(row.external_id)
        if seen is not None:
            if _is_newer(*seen, row):
                newer[row.external_id] = row
            else:
                report.unchanged += 1
        elif row.external_id in taken:
            report.add_error(
                row.line,
                "ID_UNIQUE",
                f"{row.external_id} is already the case number of another request",
            )
        else:
            new.append(row)
    if new:
        _create(work, new)
        report.created += len(new)
    if newer:
        _refresh(work, newer, report)


def _reference(db: Database) -> tuple[ZoneInfo, dict[str, str]]:
    """The city's time zone and its services by French name, compared as _key() folds them
    ("Nid de poule" is "Nid-de-poule"); an active service wins over a retired one of the
    same name, and old requests may name either."""
    with db.read() as session:
        state = CatalogueCache().get(session)
    tz = ZoneInfo(state.routing.timezone if state.routing else CITY_TIMEZONE)
    names: dict[str, str] = {}
    services: list[Service] = [*state.services.values(), *state.retired.values()]
    for service in services:
        names.setdefault(_key(service.name_fr), service.code)
    return tz, names


def import_requests(
    db: Database,
    path: Path,
    *,
    actor: str,
    batch_size: int = 1000,
    progress: Callable[[ImportProgress], None] | None = None,
) -> ImportReport:
    """Import a "Requêtes 311" CSV export. Bad rows are reported and skipped. A header
    that lacks a required column raises ImportFileError before anything is written; a line
    that is not UTF-8 raises it where it is met. Each batch is committed on its own, so
    after an interruption, run it again: committed rows are recognised. A repeated
    ID_UNIQUE is reported within a batch; in a later batch it counts as a refresh."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = ImportReport()
    total = path.stat().st_size
    tz, services = _reference(db)
    reported = -1
    with path.open("rb") as raw:
        lines = _Lines(raw, path.name)
        reader = csv.reader(lines)
        header = next(reader, None)
        if header is None:
            raise ImportFileError(f"{path.name}: empty file, no header row")
        parser = _Parser(_Columns(header, path), tz, services)
        records = _records(reader, lambda: reader.line_num, report)
        for batch in _batches(records, parser, batch_size, report):
            if batch:
                with db.work(actor) as work:
                    _store(work, batch, report)
            if progress is not None:
                reported = lines.bytes_read
                progress(ImportProgress(lines.bytes_read, total, report.rows_read))
    if progress is not None and reported != total:
        progress(ImportProgress(total, total, report.rows_read))
    return report


def progress_bar(stream: TextIO) -> Callable[[ImportProgress], None]:
    """A one-line progress bar drawn over itself with '\\r', at most 5 times a second (the
    last update, at 100 %, is always drawn and ends the line)."""
    started = time.monotonic()
    drawn_at: float | None = None
    finished = False

    def draw(p: ImportProgress) -> None:
        nonlocal drawn_at, finished
        now = time.monotonic()
        done = p.bytes_read >= p.bytes_total
        if finished or (not done and drawn_at is not None and now - drawn_at < BAR_INTERVAL):
            return
        drawn_at, finished = now, done
        fraction = min(1.0, p.bytes_read / p.bytes_total) if p.bytes_total else 1.0
        filled = round(fraction * BAR_WIDTH)
        elapsed = now - started
        rate = p.rows / elapsed if elapsed > 0 else 0.0
        stream.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%}  "
            f"{p.rows} rows  {rate:.0f} rows/s"
        )
        if done:
            stream.write("\n")
        stream.flush()

    return draw

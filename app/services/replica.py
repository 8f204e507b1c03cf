"""The central store's records brought into the local store: pages of the change feed,
and the records the push endpoint answers with.

A record never overwrites local work the server has not seen yet: while the outbox holds
a pending operation for a case or a citizen, its record is left alone (the answer to that
push brings the merged record). Each page is applied in one transaction together with the
cursor that follows it, so a crash replays the page instead of skipping it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from app.domain.validation import parse_datetime
from app.models import CaseCitizen, Citizen, OutboxOp, RequestEvent, ServiceRequest
from app.models.store import Store
from app.protocol.records import REQUEST_TEXT_FIELDS
from app.services import catalogue_copy, kb, outbox
from app.services.addresses import street_key
from app.services.kb_files import ArticleData, DocumentData, TextData
from app.services.meta import get_meta, set_meta
from app.storage.bulk import insert_rows

CURSOR_KEY = "sync_cursor"
# Timeline lines only this workstation writes (a refused change resent or dropped): the
# store never has them, so a record coming in keeps them among its own events.
LOCAL_EVENTS = ("resent", "dropped")
SERVER_KEY = "sync_server"
# The record's text fields this store keeps (it has no `source`): the protocol's list.
_REQUEST_TEXT = tuple(n for n in REQUEST_TEXT_FIELDS if n in ServiceRequest.__table__.c)


@dataclass
class Applied:
    requests: int = 0
    citizens: int = 0
    held: int = 0  # records left alone: local work on them is still to be pushed
    other: dict[str, int] = field(default_factory=dict)
    # Cases whose record came in newer than the copy here: case number -> its revision
    # now (the engine tells a colleague's change from the echo of this console's own);
    # and the cases new here.
    revised: dict[str, int] = field(default_factory=dict)
    added: set[str] = field(default_factory=set)


def _when(value: object) -> Any:
    return _parsed(value) if isinstance(value, str) and value else None


@lru_cache(maxsize=4096)
def _parsed(value: str) -> Any:
    """A record's moments repeat (its creation, its first events, its update): each text
    is parsed once. Datetimes are immutable, so sharing one is safe."""
    return parse_datetime(value)


def _known_citizen(session: Session, citizen_id: object) -> str | None:
    if isinstance(citizen_id, str) and session.get(Citizen, citizen_id) is not None:
        return citizen_id
    return None


def _has_local_work(session: Session, target: str, pending: set[str] | None) -> bool:
    return target in pending if pending is not None else outbox.has_pending_for(session, target)


def _local_events(session: Session, request_id: str) -> list[tuple[str, str, Any, dict[str, Any]]]:
    query = (
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id, RequestEvent.kind.in_(LOCAL_EVENTS))
        .order_by(RequestEvent.id)
    )
    return [(e.kind, e.actor, e.at, dict(e.data)) for e in session.scalars(query)]


def apply_request(
    session: Session,
    record: Mapping[str, Any],
    pending: set[str] | None = None,
    revised: dict[str, int] | None = None,
    added: set[str] | None = None,
) -> bool:
    """False (nothing written) while local work on the case waits to be sent. `pending`:
    the targets with such work, read once for a whole page. `revised` receives the case
    number and revision when the record is newer than the copy here, `added` the case
    number of a case new here."""
    case_number = str(record["case_number"])
    if _has_local_work(session, case_number, pending):
        return False
    req = session.scalar(select(ServiceRequest).where(ServiceRequest.case_number == case_number))
    incoming = int(record.get("revision") or 0)
    if req is not None and incoming < req.revision:
        return True  # an older record (a page replayed after a crash): nothing to do
    if revised is not None and req is not None and incoming > req.revision:
        revised[case_number] = incoming
    if added is not None and req is None:
        added.add(case_number)
    citizen_id = _known_citizen(session, record.get("citizen_id"))
    new = req is None
    if req is None:
        req = ServiceRequest(id=str(record["id"]), case_number=case_number)
        session.add(req)
    for name in _REQUEST_TEXT:
        setattr(req, name, str(record.get(name) or ""))
    req.attributes = dict(record.get("attributes") or {})
    req.street_key = street_key(req.street)
    req.lat, req.long = record.get("lat"), record.get("long")
    req.citizen_id = citizen_id
    req.parent_case_number = record.get("parent_case_number")
    req.created_at = _when(record.get("created_at"))
    req.due_at = _when(record.get("due_at"))
    req.updated_at = _when(record.get("updated_at")) or req.created_at
    req.revision = int(record.get("revision") or 0)
    session.flush()
    kept = [] if new else _local_events(session, req.id)
    session.execute(delete(RequestEvent).where(RequestEvent.request_id == req.id))
    concerned = {req.citizen_id} if req.citizen_id else set()
    events = list(record.get("events") or [])
    attached = [
        _known_citizen(session, (e.get("data") or {}).get("citizen_id"))
        for e in events
        if e.get("kind") == "citizen_attached"
    ]
    concerned |= {c for c in attached if c}
    for event in events:
        at = _when(event.get("at"))
        while kept and at is not None and kept[0][2] <= at:
            kind, actor, when, data = kept.pop(0)
            session.add(RequestEvent(request_id=req.id, kind=kind, actor=actor, at=when, data=data))
        session.add(
            RequestEvent(
                request_id=req.id,
                kind=str(event.get("kind")),
                actor=str(event.get("actor") or ""),
                at=at,
                data=dict(event.get("data") or {}),
            )
        )
    for kind, actor, when, data in kept:
        session.add(RequestEvent(request_id=req.id, kind=kind, actor=actor, at=when, data=data))
    existing = set(
        session.scalars(select(CaseCitizen.citizen_id).where(CaseCitizen.request_id == req.id))
    )
    for cid in concerned - existing:
        session.add(CaseCitizen(request_id=req.id, citizen_id=cid))
    return True


def apply_citizen(
    session: Session, record: Mapping[str, Any], pending: set[str] | None = None
) -> bool:
    citizen_id = str(record["id"])
    if _has_local_work(session, citizen_id, pending):
        return False
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        citizen = Citizen(id=citizen_id, created_at=_when(record.get("created_at")))
        session.add(citizen)
    elif int(record.get("revision") or 0) < citizen.revision:
        return True
    for name in ("name", "phone", "email", "address"):
        setattr(citizen, name, str(record.get(name) or ""))
    citizen.preferred_language = str(record.get("preferred_language") or "fr")
    citizen.updated_at = _when(record.get("updated_at")) or citizen.created_at
    citizen.revision = int(record.get("revision") or 0)
    session.flush()
    return True


# -- a page at a time: a few statements per page, not per record ----------------------------
# Rows per statement: sqlite3's executemany holds the interpreter's lock between its rows,
# so a page goes in slices that let the UI thread in between.
SLICE = 250


def _insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Inserts through the driver (values as the columns store them), a slice at a time."""
    insert_rows(session.connection(), cast(Table, model.__table__), rows, SLICE)


@lru_cache(maxsize=4096)
def _street_key(street: str) -> str:
    """A page's cases share streets: each one's key is worked out once."""
    return street_key(street)


def _update(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """ORM bulk updates by primary key, a slice at a time."""
    for start in range(0, len(rows), SLICE):
        session.execute(update(model), rows[start : start + SLICE])


def _revision(record: Mapping[str, Any]) -> int:
    return int(record.get("revision") or 0)


def _latest(found: dict[str, Mapping[str, Any]], key: str, record: Mapping[str, Any]) -> None:
    """Keep the newest record of each case or citizen a page brings (a page may hold
    several revisions of one)."""
    before = found.get(key)
    if before is None or _revision(record) >= _revision(before):
        found[key] = record


def _store_citizens(session: Session, records: Mapping[str, Mapping[str, Any]]) -> None:
    """The page's citizens, in one insert and one update: new ones added, those here
    rewritten unless the copy here is newer (a page replayed after a crash)."""
    if not records:
        return
    here = {
        cid: (revision, created)
        for cid, revision, created in session.execute(
            select(Citizen.id, Citizen.revision, Citizen.created_at).where(
                Citizen.id.in_(list(records))
            )
        )
    }
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for cid, record in records.items():
        row: dict[str, Any] = {
            "id": cid,
            **{name: str(record.get(name) or "") for name in ("name", "phone", "email", "address")},
            "preferred_language": str(record.get("preferred_language") or "fr"),
            "revision": _revision(record),
        }
        if cid not in here:
            row["created_at"] = _when(record.get("created_at"))
            row["updated_at"] = _when(record.get("updated_at")) or row["created_at"]
            added.append(row)
        elif row["revision"] >= here[cid][0]:
            row["updated_at"] = _when(record.get("updated_at")) or here[cid][1]
            changed.append(row)
    if added:
        _insert(session, Citizen, added)
    if changed:
        _update(session, Citizen, changed)


def _attached(record: Mapping[str, Any]) -> list[Any]:
    """The citizens a case's timeline says were attached to it."""
    return [
        (event.get("data") or {}).get("citizen_id")
        for event in record.get("events") or []
        if event.get("kind") == "citizen_attached"
    ]


def _cited_citizens(records: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every citizen id the records name (the reporter, and the citizens attached)."""
    cited: set[Any] = set()
    for record in records:
        cited.add(record.get("citizen_id"))
        cited.update(_attached(record))
    return {c for c in cited if isinstance(c, str) and c}


def _request_row(request_id: str, record: Mapping[str, Any], known: set[str]) -> dict[str, Any]:
    row: dict[str, Any] = {name: str(record.get(name) or "") for name in _REQUEST_TEXT}
    citizen_id = record.get("citizen_id")
    created = _when(record.get("created_at"))
    row.update(
        id=request_id,
        case_number=str(record["case_number"]),
        attributes=dict(record.get("attributes") or {}),
        street_key=_street_key(row["street"]),
        lat=record.get("lat"),
        long=record.get("long"),
        citizen_id=citizen_id if citizen_id in known else None,
        parent_case_number=record.get("parent_case_number"),
        created_at=created,
        due_at=_when(record.get("due_at")),
        updated_at=_when(record.get("updated_at")) or created,
        revision=_revision(record),
    )
    return row


def _kept_events(session: Session, request_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The local-only timeline lines (LOCAL_EVENTS) of the cases about to be rewritten."""
    kept: dict[str, list[dict[str, Any]]] = {}
    if not request_ids:
        return kept
    query = (
        select(RequestEvent.request_id, RequestEvent.kind, RequestEvent.actor, RequestEvent.at)
        .add_columns(RequestEvent.data)
        .where(RequestEvent.request_id.in_(request_ids), RequestEvent.kind.in_(LOCAL_EVENTS))
        .order_by(RequestEvent.id)
    )
    for request_id, kind, actor, at, data in session.execute(query):
        kept.setdefault(request_id, []).append(
            {"request_id": request_id, "kind": kind, "actor": actor, "at": at, "data": dict(data)}
        )
    return kept


def _event_rows(
    request_id: str, record: Mapping[str, Any], kept: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The record's timeline, with the local-only lines kept in their place by time."""
    rows: list[dict[str, Any]] = []
    for event in record.get("events") or []:
        at = _when(event.get("at"))
        while kept and at is not None and kept[0]["at"] <= at:
            rows.append(kept.pop(0))
        rows.append(
            {
                "request_id": request_id,
                "kind": str(event.get("kind")),
                "actor": str(event.get("actor") or ""),
                "at": at,
                "data": dict(event.get("data") or {}),
            }
        )
    rows.extend(kept)
    return rows


def _store_requests(
    session: Session, records: Mapping[str, Mapping[str, Any]], report: Applied
) -> None:
    """The page's cases in a few statements: the new ones inserted, those here rewritten
    (their timeline replaced, its local-only lines kept) unless the copy here is newer."""
    if not records:
        return
    here = {
        case: (request_id, revision)
        for case, request_id, revision in session.execute(
            select(ServiceRequest.case_number, ServiceRequest.id, ServiceRequest.revision).where(
                ServiceRequest.case_number.in_(list(records))
            )
        )
    }
    cited = _cited_citizens(records.values())
    known = (
        set(session.scalars(select(Citizen.id).where(Citizen.id.in_(list(cited)))))
        if cited
        else set()
    )
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for case, record in records.items():
        if case in here:
            request_id, revision = here[case]
            if _revision(record) < revision:
                continue  # an older record (a page replayed after a crash): nothing to do
            if _revision(record) > revision:
                report.revised[case] = _revision(record)
            changed.append(_request_row(request_id, record, known))
        else:
            report.added.add(case)
            added.append(_request_row(str(record["id"]), record, known))
    rewritten = [row["id"] for row in changed]
    kept = _kept_events(session, rewritten)
    linked: set[tuple[str, str]] = set()
    if rewritten:
        session.execute(delete(RequestEvent).where(RequestEvent.request_id.in_(rewritten)))
        linked = {
            (request_id, citizen_id)
            for request_id, citizen_id in session.execute(
                select(CaseCitizen.request_id, CaseCitizen.citizen_id).where(
                    CaseCitizen.request_id.in_(rewritten)
                )
            )
        }
    if added:
        _insert(session, ServiceRequest, added)
    if changed:
        _update(session, ServiceRequest, changed)
    events: list[dict[str, Any]] = []
    links: list[dict[str, str]] = []
    for row in (*added, *changed):
        record = records[row["case_number"]]
        events.extend(_event_rows(row["id"], record, kept.get(row["id"], [])))
        concerned = {c for c in _attached(record) if c in known}
        if row["citizen_id"]:
            concerned.add(row["citizen_id"])
        links.extend(
            {"request_id": row["id"], "citizen_id": cid}
            for cid in sorted(concerned)
            if (row["id"], cid) not in linked
        )
    if events:
        _insert(session, RequestEvent, events)
    if links:
        _insert(session, CaseCitizen, links)


def _article(record: Mapping[str, Any]) -> ArticleData:
    content = record.get("content") or {}
    return ArticleData(
        id=str(record["id"]),
        category=str(content.get("category") or ""),
        # The server's revision, not the file's version: every edit there supersedes.
        version=int(record.get("revision") or 1),
        updated_at=_when(record.get("updated_at")),
        service_codes=[str(c) for c in content.get("service_codes") or []],
        texts=[
            TextData(
                lang=str(t.get("lang")),
                title=str(t.get("title") or ""),
                body=str(t.get("body") or ""),
                keywords=[str(k) for k in t.get("keywords") or []],
                referral={
                    key: str((t.get("referral") or {}).get(key) or "")
                    for key in ("unit", "phone", "address", "hours")
                },
            )
            for t in content.get("texts") or []
        ],
        documents=[
            DocumentData(str(d.get("code")), str(d.get("title_fr")), str(d.get("title_en") or ""))
            for d in content.get("documents") or []
        ],
    )


def apply_page(store: Store, changes: Iterable[Mapping[str, Any]], cursor: str) -> Applied:
    """One page of the change feed and the cursor after it, in one transaction."""
    report = Applied()
    articles: dict[str, ArticleData] = {}
    gone: set[str] = set()
    services: dict[str, Any] = {}
    routing: Any = None
    requests: dict[str, Mapping[str, Any]] = {}
    citizens: dict[str, Mapping[str, Any]] = {}
    with store.writing() as session:
        pending = outbox.pending_targets(session)
        for change in changes:
            entity, data = str(change.get("entity")), change.get("data") or {}
            if entity == "service":
                services[str(change.get("id") or data.get("code"))] = dict(data)
                continue
            if entity == "routing":
                routing = dict(data)
                continue
            if entity == "article":
                if data.get("deleted"):
                    gone.add(str(data["id"]))
                    articles.pop(str(data["id"]), None)
                else:
                    articles[str(data["id"])] = _article(data)
                    gone.discard(str(data["id"]))
                continue
            if entity in ("request", "citizen"):
                key = str(data["case_number"] if entity == "request" else data["id"])
                if key in pending:
                    report.held += 1  # local work on it waits to be sent: left alone
                elif entity == "request":
                    _latest(requests, key, data)
                    report.requests += 1
                else:
                    _latest(citizens, key, data)
                    report.citizens += 1
                continue
            report.other[entity] = report.other.get(entity, 0) + 1
        # Citizens first: the page's cases then find the citizens they name.
        _store_citizens(session, citizens)
        _store_requests(session, requests, report)
        if articles:
            kb.store_articles(session, list(articles.values()), source="server")
        if gone:
            kb.remove_articles(session, gone)
        report.other["article"] = len(articles) + len(gone)
        if services or routing is not None:
            catalogue_copy.record_changes(session, services, routing)
            report.other["catalogue"] = len(services) + (routing is not None)
        set_meta(session, CURSOR_KEY, cursor)
    return report


def cursor(store: Store, server: str) -> str | None:
    """Where this workstation's copy of `server` stands; None: from the start (a new
    workstation, or a store that followed another server until now)."""
    with store.session() as session:
        if get_meta(session, SERVER_KEY) != server:
            return None
        return get_meta(session, CURSOR_KEY)


def follow_server(store: Store, server: str) -> None:
    with store.writing() as session:
        if get_meta(session, SERVER_KEY) != server:
            set_meta(session, SERVER_KEY, server)
            set_meta(session, CURSOR_KEY, "")


def forget_cursor(store: Store) -> None:
    """The server refused the cursor (restored from a backup, another database): start
    over from the beginning; records already here are updated in place."""
    with store.writing() as session:
        set_meta(session, CURSOR_KEY, "")


@dataclass
class PushOutcome:
    applied: int = 0
    rejected: int = 0
    conflicts: int = 0


def record_results(store: Store, results: Sequence[Mapping[str, Any]]) -> PushOutcome:
    """The server's answer to a push: applied operations leave the outbox, refused and
    clashing ones are kept with the answer and one attempt more, all in one transaction.
    The records applied ops changed are not written here: the pull that follows in the
    same round brings each of them once (with its latest revision), instead of once per
    operation."""
    outcome = PushOutcome()
    applied: list[str] = []
    with store.writing() as session:
        held = {str(r.get("op_id")): r for r in results if r.get("status") not in ("applied", None)}
        applied = [str(r.get("op_id")) for r in results if r.get("status") == "applied"]
        if applied:
            session.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(applied)))
        for op in session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(list(held)))):
            result = held[op.op_id]
            op.attempts += 1
            if result.get("status") == "conflict":
                op.state, op.answer = outbox.CONFLICT, dict(result)
                outcome.conflicts += 1
            else:
                op.state, op.answer = outbox.REJECTED, dict(result)
                outcome.rejected += 1
    outcome.applied = len(set(applied))
    return outcome

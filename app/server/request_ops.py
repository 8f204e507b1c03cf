"""Service requests in the central store: creation (validated, routed, with its due date),
field updates that merge or conflict, notes, duplicate links, and their event history."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import request_rules as rules
from app.domain import request_terms as terms
from app.domain.case_numbers import WORKSTATION_STATIONS, CaseNumberError, parse_case_number
from app.domain.catalogue import Service
from app.domain.routing import Routing
from app.domain.sla import due_at
from app.domain.validation import FieldProblem, ValidationError, parse_datetime
from app.domain.workdays import local
from app.server import fields, numbering
from app.server.auth import Principal
from app.server.catalogue_store import CatalogueState
from app.server.db import Work
from app.server.models import Citizen, RequestEvent, ServiceRequest
from app.server.problems import Conflict, Refused
from app.server.records import request_record

# How far a workstation's clock may run ahead, and how old an offline request may be.
CLOCK_SKEW = timedelta(minutes=10)
MAX_OFFLINE_AGE = timedelta(days=90)
EDITABLE = rules.UPDATABLE


def get_by_case(session: Session, case_number: str, *, lock: bool = False) -> ServiceRequest:
    query = select(ServiceRequest).where(ServiceRequest.case_number == case_number.strip())
    if lock:
        # populate_existing: a row this session loaded earlier is read again under the lock.
        query = query.with_for_update().execution_options(populate_existing=True)
    req = session.scalar(query)
    if req is None:
        raise Refused.one("not_found", "case_number", f"no request {case_number}")
    return req


def record_of(session: Session, req: ServiceRequest) -> dict[str, Any]:
    events = session.scalars(
        select(RequestEvent).where(RequestEvent.request_id == req.id).order_by(RequestEvent.id)
    )
    parent = session.get(ServiceRequest, req.parent_id) if req.parent_id else None
    return request_record(req, events, parent.case_number if parent else None)


def _new_event(
    work: Work,
    req: ServiceRequest,
    kind: str,
    data: dict[str, Any],
    at: datetime | None = None,
) -> RequestEvent:
    return RequestEvent(
        request_id=req.id, kind=kind, actor=work.actor, at=at or work.now, data=data
    )


def _event(
    work: Work,
    req: ServiceRequest,
    kind: str,
    data: dict[str, Any],
    at: datetime | None = None,
) -> RequestEvent:
    event = _new_event(work, req, kind, data, at)
    work.session.add(event)
    return event


def done_at(raw: object, now: datetime, earliest: datetime | None = None) -> datetime:
    """When the agent did the work an operation carries (its data["at"], ISO 8601, set
    by the console when the work was done, offline perhaps), for the event's `at`.

    Trusted only when sane: not ahead of this store's clock by more than CLOCK_SKEW, not
    older than an offline operation can be (MAX_OFFLINE_AGE); then kept between the
    request's creation (`earliest`) and now, since work can neither precede the request
    nor follow its arrival here. Absent, unreadable or insane: now, the push time. Never
    a refusal: the work itself is right, only a workstation clock may be wrong.

    A request's `updated_at` stays the time the central store changed the record (with
    its revision and updated_by): a late offline note does not make a request look older
    than a change already published, and whoever polls `updated_datetime` sees it."""
    if not isinstance(raw, str) or not raw:
        return now
    try:
        at = parse_datetime(raw)
    except ValueError:
        return now
    if at > now + CLOCK_SKEW or at < now - MAX_OFFLINE_AGE:
        return now
    if earliest is not None and at < earliest:
        at = earliest
    return min(at, now)


def _publish(work: Work, req: ServiceRequest) -> None:
    work.session.flush()
    work.changed("request", req.id, req.revision, record_of(work.session, req))


def _add_to_history(
    work: Work, req: ServiceRequest, kind: str, data: dict[str, Any], at: datetime
) -> None:
    """A line added to a request's history (a note, a link, a citizen): a new revision of
    the request, by this actor now, published to the feed."""
    req.revision += 1
    req.updated_at, req.updated_by = work.now, work.actor
    _event(work, req, kind, data, at)
    _publish(work, req)


def _citizen_id(session: Session, raw: object, problems: list[FieldProblem]) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or session.get(Citizen, raw) is None:
        problems.append(
            FieldProblem("citizen_id", "unknown citizen: push the citizen before the request")
        )
        return None
    return raw


def _check_case_number(
    text: object, created: datetime | None, station: int | None, tz: str | None
) -> list[FieldProblem]:
    if not isinstance(text, str):
        return [FieldProblem("case_number", "required, as in 26-042-000137-5")]
    try:
        number = parse_case_number(text)
    except CaseNumberError as exc:
        return [FieldProblem("case_number", str(exc))]
    if str(number) != text.strip():
        return [FieldProblem("case_number", f"write it in its canonical form: {number}")]
    if number.station not in WORKSTATION_STATIONS or number.station != station:
        mine = f"{station:03d}" if station else "none: log in with a station code"
        return [
            FieldProblem(
                "case_number",
                f"station {number.station:03d} is not this workstation's (its station is {mine})",
            )
        ]
    if created is not None and tz is not None and local(created, tz).year != number.year:
        return [
            FieldProblem(
                "case_number", f"year {number.year} does not match created_at ({created.date()})"
            )
        ]
    return []


def _created_at(raw: object, now: datetime, problems: list[FieldProblem]) -> datetime:
    if raw is None:
        return now
    if not isinstance(raw, str):
        problems.append(FieldProblem("created_at", "expected an ISO 8601 date-time"))
        return now
    try:
        created = parse_datetime(raw)
    except ValueError as exc:
        problems.append(FieldProblem("created_at", f"« {raw} »: {exc}"))
        return now
    if created > now + CLOCK_SKEW:
        problems.append(FieldProblem("created_at", "is in the future: check the workstation clock"))
        return now
    if created < now - MAX_OFFLINE_AGE:
        problems.append(FieldProblem("created_at", "is more than 90 days old"))
        return now
    return created


@dataclass(frozen=True)
class _Valid:
    """A new request's values once checked: the request rules' part and the store's own
    (when it was made, the citizen on file, the due date a console promised)."""

    request: rules.NewRequest
    created: datetime
    citizen_id: str | None
    promised_due: datetime | None


def _promised_due(raw: object, created: datetime, problems: list[FieldProblem]) -> datetime | None:
    if raw in (None, ""):
        return None
    try:
        promised = parse_datetime(str(raw))
    except ValueError as exc:
        problems.append(FieldProblem("due_at", str(exc)))
        return None
    if promised < created:
        problems.append(FieldProblem("due_at", "is before created_at"))
    return promised


def _validate(
    work: Work,
    catalogue: CatalogueState,
    data: Mapping[str, Any],
    case_number: str,
    source: str,
    principal: Principal | None,
    problems: list[FieldProblem],
) -> _Valid | None:
    """The request rules (app.domain.request_rules, as the console applies them) and what
    only the store can check: the agent, the clock, the citizen on file, the number."""
    agent = data.get("agent")
    if principal is not None and agent not in (None, "", principal.username):
        raise Refused.one("forbidden", "agent", f"you are {principal.username}, not {agent}")
    created = _created_at(data.get("created_at"), work.now, problems)
    citizen_id = _citizen_id(work.session, data.get("citizen_id"), problems)
    checked = rules.check_new(
        catalogue.services, data, has_citizen=citizen_id is not None, problems=problems
    )
    table = catalogue.routing
    if source == "console":
        station = principal.station if principal else None
        timezone = table.timezone if table else None
        problems.extend(_check_case_number(case_number, created, station, timezone))
    promised_due = _promised_due(data.get("due_at"), created, problems)
    if checked is None:
        return None
    return _Valid(checked, created, citizen_id, promised_due)


def _route(
    catalogue: CatalogueState, valid: _Valid | None, triage: bool, problems: list[FieldProblem]
) -> Routing | None:
    if catalogue.routing is None:
        problems.append(FieldProblem("service_code", "no routing table: run load-catalogue"))
        return None
    if valid is None:
        return None
    request = valid.request
    arrondissement = str(request.location["arrondissement"])
    return rules.route_new(
        catalogue.routing, request.service, arrondissement, valid.created, problems, triage=triage
    )


def _build(
    work: Work,
    catalogue: CatalogueState,
    valid: _Valid,
    routing: Routing,
    case_number: str,
    source: str,
    principal: Principal | None,
) -> tuple[ServiceRequest, list[RequestEvent]]:
    assert catalogue.routing is not None
    request, service, created = valid.request, valid.request.service, valid.created
    due = valid.promised_due or due_at(created, service.delay, catalogue.routing)
    req = ServiceRequest(
        id=str(uuid.uuid4()),
        case_number=case_number,
        external_id=None,
        source=source,
        service_code=service.code,
        service_name=service.name_fr,
        nature=service.nature,
        channel=request.channel,
        status=terms.INITIAL_STATUS,
        status_notes="",
        description=request.description,
        attributes=request.attributes,
        citizen_id=valid.citizen_id,
        agent=principal.username if principal else "",
        responsible_unit=routing.unit.code,
        handled_by=routing.handled_by.code,
        parent_id=None,
        created_at=created,
        due_at=due,
        updated_at=work.now,
        updated_by=work.actor,
        revision=1,
        field_revisions={},
        **request.location,
    )
    work.session.add(req)
    # Not added yet: without a relationship the unit of work may insert an event before
    # its request, so the caller adds them once the requests are flushed.
    # Dated when the request was made (offline perhaps), as its created_at.
    created_data = {"channel": request.channel, "service_code": service.code}
    events = [
        _new_event(work, req, "created", created_data, created),
        _new_event(work, req, "routed", routing.as_dict(), created),
    ]
    return req, events


def new_request(
    work: Work,
    catalogue: CatalogueState,
    data: Mapping[str, Any],
    *,
    case_number: str,
    source: str,
    principal: Principal | None = None,
    triage: bool = False,
) -> tuple[ServiceRequest, list[RequestEvent]]:
    """Validate and route a new request, add it to the session and return it with its
    'created' and 'routed' events (added, flushed and published by the caller); every
    problem is reported at once. With `triage`, a local service given without its
    arrondissement (a public GeoReport client may not know it) goes to the 24/7 centre,
    which sorts it, instead of being refused."""
    problems: list[FieldProblem] = []
    valid = _validate(work, catalogue, data, case_number, source, principal, problems)
    routing = _route(catalogue, valid, triage, problems)
    if problems:
        raise Refused("rejected", problems)
    assert valid is not None and routing is not None
    return _build(work, catalogue, valid, routing, case_number, source, principal)


def create_request(
    work: Work,
    catalogue: CatalogueState,
    data: Mapping[str, Any],
    *,
    case_number: str,
    source: str,
    principal: Principal | None = None,
    triage: bool = False,
) -> ServiceRequest:
    """Validate, route and store a new request with its 'created' and 'routed' events."""
    req, events = new_request(
        work,
        catalogue,
        data,
        case_number=case_number,
        source=source,
        principal=principal,
        triage=triage,
    )
    try:
        # The unique index answers "is this number taken?" without a query of its own.
        work.session.flush()
    except IntegrityError:
        raise Refused.one("rejected", "case_number", f"{case_number} is already used") from None
    if source == "console":
        numbering.record_console_numbers(work.session, [parse_case_number(case_number)])
    work.session.add_all(events)
    work.session.flush()
    work.changed("request", req.id, req.revision, request_record(req, events))
    return req


def _service(catalogue: CatalogueState, code: str) -> Service | None:
    return catalogue.services.get(code) or catalogue.retired.get(code)


def _check_update(
    catalogue: CatalogueState,
    req: ServiceRequest,
    wanted: dict[str, Any],
    principal: Principal,
    session: Session,
) -> dict[str, Any]:
    """The update's values, cleaned by the request rules (as the console cleans them),
    with the unit and the citizen the store checks itself; raises Refused."""
    try:
        rules.check_who(req.status, wanted, principal.at_least("supervisor"))
    except rules.Forbidden as exc:
        raise Refused("forbidden", [exc.problem]) from None
    problems: list[FieldProblem] = []
    service = _service(catalogue, req.service_code)
    clean = rules.clean_changes(service, wanted, problems)
    current = {name: getattr(req, name) for name in ("description", *rules.LOCATION_KEYS)}
    rules.check_result(service, current, clean, problems)
    moved = "arrondissement" in clean and clean["arrondissement"] != req.arrondissement
    if moved and "responsible_unit" not in wanted:
        # A corrected arrondissement sends the request to that arrondissement's unit.
        unit = rules.new_unit(catalogue.routing, service, clean["arrondissement"], problems)
        if unit is not None:
            clean["responsible_unit"] = unit
    if "responsible_unit" in wanted:
        if not principal.at_least("supervisor"):
            raise Refused.one("forbidden", "responsible_unit", "only a supervisor reassigns")
        unit = wanted["responsible_unit"]
        units = catalogue.routing.units if catalogue.routing else {}
        if not isinstance(unit, str) or unit not in units:
            problems.append(FieldProblem("responsible_unit", f"unknown unit « {unit} »"))
        else:
            clean["responsible_unit"] = unit
    if "citizen_id" in wanted:
        clean["citizen_id"] = _citizen_id(session, wanted["citizen_id"], problems)
    if problems:
        raise Refused("rejected", problems)
    return clean


def update_request(
    work: Work,
    catalogue: CatalogueState,
    case_number: str,
    base_revision: int,
    wanted: dict[str, Any],
    principal: Principal,
    at: object = None,
) -> ServiceRequest:
    """Apply field changes made on base_revision; fields changed since by someone else to
    another value are a conflict (nothing written), the others merge. `at`: when the
    agent made them (see done_at)."""
    session = work.session
    req = get_by_case(session, case_number, lock=True)
    when = done_at(at, work.now, req.created_at)
    if base_revision > req.revision:
        raise Refused.one(
            "rejected",
            "base_revision",
            f"{base_revision} is newer than the server's {req.revision}",
        )
    clean = _check_update(catalogue, req, wanted, principal, session)
    if "responsible_unit" in clean and "responsible_unit" not in wanted:
        # Re-routing follows a corrected arrondissement, unless someone (a supervisor)
        # chose the unit since the agent's revision: that choice stands, and it is no
        # clash, since the agent never asked for a unit.
        changed_at, by = fields.last_change(req.field_revisions.get("responsible_unit"))
        if changed_at > base_revision and by != work.actor:
            del clean["responsible_unit"]
    current = {name: getattr(req, name) for name in clean}
    changes, clashes = fields.merge(current, req.field_revisions, base_revision, clean, work.actor)
    if clashes:
        raise Conflict(clashes, record_of(session, req))
    if not changes:
        return req
    revision = req.revision + 1
    before = {name: getattr(req, name) for name in changes}
    for name, value in changes.items():
        setattr(req, name, value)
    req.field_revisions = {
        **req.field_revisions,
        **dict.fromkeys(changes, fields.stamp(revision, work.actor)),
    }
    req.revision, req.updated_at, req.updated_by = revision, work.now, work.actor
    if "status" in changes:
        _event(
            work,
            req,
            "status",
            {"from": before["status"], "to": req.status, "notes": req.status_notes},
            when,
        )
    if "responsible_unit" in changes:
        reason = "reassigned" if "responsible_unit" in wanted else "arrondissement"
        _event(work, req, "routed", {"unit": req.responsible_unit, "reason": reason}, when)
    # The status event carries its notes (the reason): not said twice as an update.
    told = {"status", "responsible_unit"} | ({"status_notes"} if "status" in changes else set())
    other = {k: {"from": before[k], "to": changes[k]} for k in changes if k not in told}
    if other:
        _event(work, req, "updated", {"fields": other}, when)
    _publish(work, req)
    return req


def _check_addition(req: ServiceRequest, what: str, principal: Principal | None) -> None:
    supervisor = principal is None or principal.at_least("supervisor")
    try:
        rules.check_addition(req.status, what, supervisor)
    except rules.Forbidden as exc:
        raise Refused("forbidden", [exc.problem]) from None


def add_note(
    work: Work,
    case_number: str,
    note: object,
    principal: Principal | None = None,
    at: object = None,
) -> ServiceRequest:
    try:
        body = rules.check_note(note, "text")
    except ValidationError as exc:
        raise Refused("rejected", exc.problems) from None
    req = get_by_case(work.session, case_number, lock=True)
    _check_addition(req, "text", principal)
    _add_to_history(work, req, "note", {"text": body}, done_at(at, work.now, req.created_at))
    return req


def link_duplicate(
    work: Work,
    case_number: str,
    parent_case: object,
    principal: Principal | None = None,
    at: object = None,
) -> ServiceRequest:
    """Mark case_number as a duplicate of parent_case; both histories say so."""
    session = work.session
    if not isinstance(parent_case, str) or not parent_case.strip():
        raise Refused.one("rejected", "parent", "give the case number of the original request")
    req = get_by_case(session, case_number, lock=True)
    parent = get_by_case(session, parent_case, lock=True)
    _check_addition(req, "parent", principal)
    _check_addition(parent, "parent", principal)
    if parent.id == req.id:
        raise Refused.one("rejected", "parent", "a request cannot duplicate itself")
    ancestor: ServiceRequest | None = parent
    while ancestor is not None and ancestor.parent_id:
        if ancestor.parent_id == req.id:
            raise Refused.one("rejected", "parent", f"{parent_case} is already linked below it")
        ancestor = session.get(ServiceRequest, ancestor.parent_id)
    if req.parent_id == parent.id:
        return req
    req.parent_id = parent.id
    when = done_at(at, work.now, max(req.created_at, parent.created_at))
    for row, data in (
        (req, {"parent": parent.case_number}),
        (parent, {"duplicate": req.case_number}),
    ):
        _add_to_history(work, row, "duplicate", data, when)
    return req


def attach_citizen(
    work: Work,
    case_number: str,
    citizen_id: object,
    principal: Principal | None = None,
    at: object = None,
) -> ServiceRequest:
    """Another citizen reports the same problem: recorded on the existing case."""
    problems: list[FieldProblem] = []
    cid = _citizen_id(work.session, citizen_id, problems)
    if problems or cid is None:
        raise Refused("rejected", problems or [FieldProblem("citizen_id", "required")])
    req = get_by_case(work.session, case_number, lock=True)
    _check_addition(req, "citizen_id", principal)
    when = done_at(at, work.now, req.created_at)
    _add_to_history(work, req, "citizen_attached", {"citizen_id": cid}, when)
    return req

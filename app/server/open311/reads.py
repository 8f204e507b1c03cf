"""Open311 reads: discovery, the services and their definitions, and requests (by id,
filtered and paged, or by the token a POST gave), shown as public.py allows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Path, Query, Request, Response
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, load_only

from app.domain import request_terms as terms
from app.domain.case_numbers import CaseNumberError, parse_case_number
from app.domain.catalogue import LIST_DATATYPES, Attribute, RoutingTable, Service
from app.domain.validation import parse_datetime
from app.server.catalogue_store import CatalogueState
from app.server.db import utcnow
from app.server.models import CatalogueDocument, ServiceDefinition, ServiceRequest
from app.server.open311.common import (
    Format,
    Jurisdiction,
    Locale,
    catalogue_state,
    check_jurisdiction,
    checked_locale,
    database,
    iso,
    router,
)
from app.server.open311.formats import MEDIA_TYPES, checked_format, respond
from app.server.open311.public import PUBLIC_COLUMNS, Links, public_records
from app.server.open311_models import (
    Discovery,
    ServiceDefinitionOut,
    ServiceRequests,
    Services,
    Tokens,
)
from app.server.openapi import NO_NUL, georeport_ok, or_empty
from app.server.problems import Refused

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CONTACT = "Ville de Montréal, service 311 : composez le 311 (514 872-0311 hors de l'île)"
KEY_SERVICE = "Demander une clé à l'administrateur du 311"
# When this interface last changed; discovery's changeset is the later of it and the
# catalogue's last change, since either changes what a client sees.
INTERFACE_CHANGED = datetime(2026, 1, 1, tzinfo=UTC)
DEFAULT_WINDOW = timedelta(days=90)  # the spec's default range when no date is given
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000

Segment = Annotated[str, Path(json_schema_extra={"pattern": NO_NUL})]
Filter = Annotated[str | None, Query(json_schema_extra={"pattern": NO_NUL})]
DateTime = Annotated[
    str | None,
    Query(
        description="ISO 8601 with its time zone, as in 2026-11-25T10:30:00-05:00",
        json_schema_extra=or_empty({"format": "date-time"}),
    ),
]
# Comma-separated, each open or closed.
Statuses = Annotated[
    str | None,
    Query(
        description="open, closed, or both comma-separated",
        json_schema_extra={"pattern": r"^\s*(open|closed)?\s*(,\s*(open|closed)?\s*)*$"},
    ),
]


def _split(raw: str | None) -> tuple[str, ...]:
    """A comma-separated parameter's values, once each, in the order given."""
    parts = (part.strip() for part in (raw or "").split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def _case_number(text: str) -> str:
    """The canonical form of a case number typed without its dashes; other text unchanged."""
    try:
        return str(parse_case_number(text))
    except CaseNumberError:
        return text.strip()


def _date(name: str, raw: str | None) -> datetime | None:
    if raw is None or not raw.strip():
        return None
    # An unencoded '+' of the time zone arrives as a space: "10:30:00 05:00".
    text = raw.strip().replace(" ", "+")
    try:
        return parse_datetime(text)
    except ValueError as exc:
        raise Refused.one(
            "rejected",
            name,
            f"« {raw} » is not an ISO 8601 date-time with its time zone, "
            f"as in 2026-11-25T10:30:00-05:00 ({exc})",
        ) from None


def _statuses(raw: str | None) -> tuple[str, ...]:
    """The fine statuses behind the Open311 statuses asked for."""
    wanted = _split(raw)
    wrong = [value for value in wanted if value not in ("open", "closed")]
    if wrong:
        raise Refused.one("rejected", "status", f"« {', '.join(wrong)} »: use open or closed")
    return tuple(code for code, (_, _, o311) in terms.STATUSES.items() if o311 in wanted)


def _localised(fr: str, en: str, lang: str) -> str:
    return (en or fr) if lang == "en" else fr


# --- Discovery -------------------------------------------------------------------------------


def _catalogue_changed(session: Session) -> datetime | None:
    services = session.scalar(select(func.max(ServiceDefinition.updated_at)))
    routing = session.scalar(select(func.max(CatalogueDocument.updated_at)))
    known = [moment for moment in (services, routing) if moment is not None]
    return max(known) if known else None


@router.get("/discovery.{fmt}", response_model=Discovery, responses=georeport_ok("discovery"))
def discovery(request: Request, fmt: Format) -> Response:
    fmt = checked_format(fmt)
    with database(request).read() as session:
        changed = _catalogue_changed(session)
    changeset = iso(max(INTERFACE_CHANGED, changed) if changed else INTERFACE_CHANGED)
    endpoint = {
        "specification": SPECIFICATION,
        "url": str(request.base_url) + "open311/v2",
        "changeset": changeset,
        "type": "production",
        "formats": list(MEDIA_TYPES),
    }
    body = {
        "changeset": changeset,
        "contact": CONTACT,
        "key_service": KEY_SERVICE,
        "endpoints": [endpoint],
    }
    return respond(fmt, "discovery", body)


# --- Services and their definitions ----------------------------------------------------------


def _group_name(routing: RoutingTable | None, code: str, lang: str) -> str:
    group = routing.groups.get(code) if routing else None
    if group is None:
        return code
    return _localised(group.name_fr, group.name_en, lang)


def _service_record(service: Service, routing: RoutingTable | None, lang: str) -> dict[str, Any]:
    keywords = (service.keywords_en or service.keywords_fr) if lang == "en" else service.keywords_fr
    return {
        "service_code": service.code,
        "service_name": service.name(lang),
        "description": _localised(service.description_fr, service.description_en, lang) or None,
        "metadata": bool(service.attributes),
        "type": "realtime",
        "keywords": ", ".join(keywords) or None,
        "group": _group_name(routing, service.group, lang),
    }


def _datatype_description(attr: Attribute, lang: str) -> str | None:
    fr = lang == "fr"
    if attr.datatype == "number":
        return "Un nombre, p. ex. 12 ou 3,5" if fr else "A number, e.g. 12 or 3.5"
    if attr.datatype == "datetime":
        example = "2026-11-25T14:30:00-05:00"
        if fr:
            return f"Date et heure ISO 8601 avec le fuseau, p. ex. {example}"
        return f"ISO 8601 date and time with its time zone, e.g. {example}"
    if attr.datatype == "multivaluelist":
        field = f"attribute[{attr.code}][]"
        if fr:
            return f"Une ou plusieurs clés de la liste, chacune dans {field}"
        return f"One or more keys of the list, each in {field}"
    return None


def _attribute_record(attr: Attribute, lang: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "variable": True,
        "code": attr.code,
        "datatype": attr.datatype,
        "required": attr.required,
        "datatype_description": _datatype_description(attr, lang),
        "order": attr.order,
        "description": _localised(attr.description_fr, attr.description_en, lang),
    }
    if attr.datatype in LIST_DATATYPES:
        record["values"] = [
            {"key": value.key, "name": _localised(value.name_fr, value.name_en, lang)}
            for value in attr.values
        ]
    return record


@router.get("/services.{fmt}", response_model=Services, responses=georeport_ok("services"))
def services(
    request: Request, fmt: Format, locale: Locale = "", jurisdiction_id: Jurisdiction = ""
) -> Response:
    fmt = checked_format(fmt)
    check_jurisdiction(jurisdiction_id)
    lang = checked_locale(locale)
    with database(request).read() as session:
        state = catalogue_state(request, session)
    body = [_service_record(s, state.routing, lang) for s in state.services.values()]
    return respond(fmt, "services", body)


@router.get(
    "/services/{service_code}.{fmt}",
    response_model=ServiceDefinitionOut,
    responses=georeport_ok("service_definition"),
)
def service_definition(
    request: Request,
    service_code: Segment,
    fmt: Format,
    locale: Locale = "",
    jurisdiction_id: Jurisdiction = "",
) -> Response:
    fmt = checked_format(fmt)
    check_jurisdiction(jurisdiction_id)
    lang = checked_locale(locale)
    with database(request).read() as session:
        service = catalogue_state(request, session).services.get(service_code)
    if service is None:
        raise Refused.one("not_found", "service_code", f"unknown service code « {service_code} »")
    body = {
        "service_code": service.code,
        "attributes": [_attribute_record(a, lang) for a in service.attributes],
    }
    return respond(fmt, "service_definition", body)


# --- Requests --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] = ()
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE


def _conditions(query: RequestQuery, now: datetime) -> list[ColumnElement[bool]]:
    if query.ids:  # the spec: other parameters are ignored when ids are given
        return [ServiceRequest.case_number.in_(query.ids)]
    conditions: list[ColumnElement[bool]] = []
    if query.service_codes:
        conditions.append(ServiceRequest.service_code.in_(query.service_codes))
    start = query.start
    if start is None and query.end is None:
        start = now - DEFAULT_WINDOW
    if start is not None:
        conditions.append(ServiceRequest.created_at >= start)
    if query.end is not None:
        conditions.append(ServiceRequest.created_at <= query.end)
    if query.statuses:
        conditions.append(ServiceRequest.status.in_(query.statuses))
    return conditions


def _find(session: Session, query: RequestQuery, now: datetime) -> Sequence[ServiceRequest]:
    """One page, newest first; only the public columns are even read."""
    statement = (
        select(ServiceRequest)
        .options(load_only(*PUBLIC_COLUMNS))
        .where(*_conditions(query, now))
        .order_by(ServiceRequest.created_at.desc(), ServiceRequest.case_number.desc())
        .offset((query.page - 1) * query.page_size)
        .limit(query.page_size)
    )
    return session.scalars(statement).all()


def _links(session: Session, rows: Sequence[ServiceRequest]) -> Links:
    parent_ids = {row.parent_id for row in rows if row.parent_id}
    parents_by_id: dict[str, str] = {}
    if parent_ids:
        found = session.execute(
            select(ServiceRequest.id, ServiceRequest.case_number).where(
                ServiceRequest.id.in_(parent_ids)
            )
        )
        parents_by_id = {row_id: case for row_id, case in found}
    parents = {
        row.id: parents_by_id[row.parent_id]
        for row in rows
        if row.parent_id and row.parent_id in parents_by_id
    }
    duplicates: dict[str, list[str]] = {}
    if rows:
        found = session.execute(
            select(ServiceRequest.parent_id, ServiceRequest.case_number)
            .where(ServiceRequest.parent_id.in_([row.id for row in rows]))
            .order_by(ServiceRequest.case_number)
        )
        for parent_id, case in found:
            duplicates.setdefault(str(parent_id), []).append(case)
    return Links(parents, duplicates)


def _records(
    session: Session, state: CatalogueState, rows: Sequence[ServiceRequest], extensions: bool
) -> list[dict[str, Any]]:
    return public_records(rows, state, _links(session, rows) if extensions else None)


def _request_query(
    service_request_id: str | None,
    service_code: str | None,
    start_date: str | None,
    end_date: str | None,
    status: str | None,
    page: int,
    page_size: int,
) -> RequestQuery:
    ids = tuple(_case_number(text) for text in _split(service_request_id))
    if len(ids) > MAX_PAGE_SIZE:
        raise Refused.one("rejected", "service_request_id", f"at most {MAX_PAGE_SIZE} ids")
    # Checked even when ids make them moot: a malformed parameter is never silently taken.
    start, end = _date("start_date", start_date), _date("end_date", end_date)
    if start is not None and end is not None and end < start:
        raise Refused.one("rejected", "end_date", "is before start_date")
    statuses = _statuses(status)
    if ids:
        return RequestQuery(ids=ids, page=page, page_size=page_size)
    return RequestQuery(
        service_codes=_split(service_code),
        start=start,
        end=end,
        statuses=statuses,
        page=page,
        page_size=page_size,
    )


@router.get(
    "/requests.{fmt}", response_model=ServiceRequests, responses=georeport_ok("service_requests")
)
def get_requests(
    request: Request,
    fmt: Format,
    service_request_id: Filter = None,
    service_code: Filter = None,
    start_date: DateTime = None,
    end_date: DateTime = None,
    status: Statuses = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    extensions: bool = False,
    jurisdiction_id: Jurisdiction = "",
) -> Response:
    fmt = checked_format(fmt)
    check_jurisdiction(jurisdiction_id)
    query = _request_query(
        service_request_id, service_code, start_date, end_date, status, page, page_size
    )
    with database(request).read() as session:
        state = catalogue_state(request, session)
        rows = _find(session, query, utcnow())
        body = _records(session, state, rows, extensions)
    return respond(fmt, "service_requests", body)


@router.get(
    "/requests/{service_request_id}.{fmt}",
    response_model=ServiceRequests,
    responses=georeport_ok("service_requests"),
)
def get_request(
    request: Request,
    service_request_id: Segment,
    fmt: Format,
    extensions: bool = False,
    jurisdiction_id: Jurisdiction = "",
) -> Response:
    fmt = checked_format(fmt)
    check_jurisdiction(jurisdiction_id)
    case = _case_number(service_request_id)
    with database(request).read() as session:
        state = catalogue_state(request, session)
        rows = session.scalars(
            select(ServiceRequest)
            .options(load_only(*PUBLIC_COLUMNS))
            .where(ServiceRequest.case_number == case)
        ).all()
        if not rows:
            raise Refused.one("not_found", "service_request_id", f"no request {case}")
        body = _records(session, state, rows, extensions)
    return respond(fmt, "service_requests", body)


@router.get(
    "/tokens/{token}.{fmt}",
    response_model=Tokens,
    responses=georeport_ok("service_requests"),
)
def get_token(
    request: Request, token: Segment, fmt: Format, jurisdiction_id: Jurisdiction = ""
) -> Response:
    fmt = checked_format(fmt)
    check_jurisdiction(jurisdiction_id)
    with database(request).read() as session:
        case = session.scalar(
            select(ServiceRequest.case_number).where(ServiceRequest.id == token.strip())
        )
    if case is None:
        raise Refused.one("not_found", "token", f"no request has the token {token}")
    return respond(fmt, "service_requests", [{"service_request_id": case, "token": token}])

"""Open311 GeoReport v2 under /open311/v2/, in JSON and XML: the store's public face.

These endpoints are public, so under the city's digital charter a request is shown without
anything personal: no citizen, no agent, no notes, no description (agents type callers'
details into it), the street without its civic number, the postal code's first three
characters and coordinates rounded to about a hundred metres."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, load_only
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from app.domain import request_terms as terms
from app.domain.case_numbers import CaseNumberError, parse_case_number
from app.domain.catalogue import LIST_DATATYPES, Attribute, Delay, RoutingTable, Service
from app.domain.text import fold
from app.domain.validation import (
    UNSTORABLE_MESSAGE,
    FieldProblem,
    parse_datetime,
    storable,
)
from app.domain.workdays import CITY_TIMEZONE, local
from app.server import auth, cases, citizens
from app.server.catalogue_store import CatalogueCache, CatalogueState
from app.server.db import Database, Work, utcnow
from app.server.models import CatalogueDocument, ServiceDefinition, ServiceRequest
from app.server.numbering import next_case_number
from app.server.open311_models import (
    Created,
    Discovery,
    ServiceDefinitionOut,
    ServiceRequests,
    Services,
    Tokens,
)
from app.server.openapi import (
    GEOREPORT_COMMON,
    NO_NUL,
    NOT_BLANK,
    georeport_errors,
    georeport_ok,
    or_empty,
)
from app.server.problems import Refused

router = APIRouter(
    prefix="/open311/v2", tags=["open311"], responses=georeport_errors(*GEOREPORT_COMMON)
)

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
JURISDICTION = "montreal.ca"
CONTACT = "Ville de Montréal, service 311 : composez le 311 (514 872-0311 hors de l'île)"
KEY_SERVICE = "Demander une clé à l'administrateur du 311"
# When this interface last changed; discovery's changeset is the later of it and the
# catalogue's last change, since either changes what a client sees.
INTERFACE_CHANGED = datetime(2026, 1, 1, tzinfo=UTC)
FORMATS = ("json", "xml")
MEDIA_TYPES = ("text/xml", "application/json")
XML_MEDIA_TYPE = "text/xml; charset=utf-8"
LOCALES = ("fr", "en")
DEFAULT_WINDOW = timedelta(days=90)  # the spec's default range when no date is given
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
COORDINATE_DIGITS = 3  # about 110 m of latitude: the block, not the house
FSA_LENGTH = 3  # forward sortation area: a district, never one address

# XML names of list items, as in the spec's examples.
XML_ITEMS = {
    "services": "service",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "service_requests": "request",
    "duplicates": "duplicate",
    "errors": "error",
}
_ATTRIBUTE_FIELD = re.compile(r"^attribute\[([^\[\]]*)\](\[\])?$")
# A leading civic number ("1234 ", "1234-A, ", "12-14 "), but not an ordinal street name
# such as "4e Avenue" or "1re Rue" (no E or R suffix).
_CIVIC_NUMBER = re.compile(
    r"^\s*\d+(?:\s?[-–]\s?\d+)?(?:\s?[-–]?\s?[A-DF-QS-Z])?\s*,?\s+(?=\S)", re.IGNORECASE
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_DELAY_UNITS_FR = {
    "business_days": ("jour ouvrable", "jours ouvrables"),
    "business_hours": ("heure ouvrable", "heures ouvrables"),
    "hours": ("heure", "heures"),
}
# Create_request's names for fields that GeoReport v2 calls otherwise.
_FIELD_NAMES = {"street": "address_string", "name": "first_name", "citizen_id": "email"}


# --- Output: JSON or XML ---------------------------------------------------------------------


def _fill(element: ET.Element, value: object) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _fill(ET.SubElement(element, str(key)), item)
    elif isinstance(value, list):
        item_name = XML_ITEMS[element.tag]
        for item in value:
            _fill(ET.SubElement(element, item_name), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def _xml(root: str, value: object) -> str:
    element = ET.Element(root)
    _fill(element, value)
    return ET.tostring(element, encoding="unicode", xml_declaration=True)


def _answer(fmt: str, root: str, value: object) -> Response:
    if fmt == "xml":
        return Response(_xml(root, value), media_type=XML_MEDIA_TYPE)
    return JSONResponse(value)


def _wants_xml(request: Request) -> bool:
    return request.url.path.endswith(".xml")


def error_response(request: Request, status: int, description: str) -> Response:
    """The spec's error list, in the format the path asks for."""
    errors = [{"code": status, "description": description}]
    if _wants_xml(request):
        return Response(_xml("errors", errors), status_code=status, media_type=XML_MEDIA_TYPE)
    return JSONResponse(errors, status_code=status)


# --- Parameters ------------------------------------------------------------------------------

# How the description shows the parameters; the checks below are what enforces them.
Format = Annotated[str, Path(description="json or xml", json_schema_extra={"enum": list(FORMATS)})]
Jurisdiction = Annotated[str, Query(json_schema_extra={"enum": ["", JURISDICTION]})]
Locale = Annotated[
    str, Query(description="fr by default", json_schema_extra={"enum": ["", *LOCALES]})
]
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


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Refused.one("not_found", "format", f"unknown format « {fmt} »; use .json or .xml")
    return fmt


def _jurisdiction(value: str | None) -> None:
    if value not in (None, "", JURISDICTION):
        raise Refused.one("not_found", "jurisdiction_id", "unknown jurisdiction")


def _locale(value: str | None) -> str:
    if value in (None, ""):
        return "fr"
    if value not in LOCALES:
        raise Refused.one("rejected", "locale", f"« {value} » is not supported; use fr or en")
    return value


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


# --- Shared look-ups -------------------------------------------------------------------------


def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _catalogue(request: Request, session: Session) -> CatalogueState:
    cache: CatalogueCache = request.app.state.catalogue
    return cache.get(session)


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return local(value, CITY_TIMEZONE).replace(microsecond=0).isoformat()


def _localised(fr: str, en: str, lang: str) -> str:
    return (en or fr) if lang == "en" else fr


def _service_notice(delay: Delay) -> str | None:
    units = _DELAY_UNITS_FR.get(delay.unit)
    if units is None or delay.value < 1:
        return None
    unit = units[0] if delay.value == 1 else units[1]
    return f"Délai de résolution annoncé : {delay.value} {unit}"


# --- Discovery -------------------------------------------------------------------------------


def _catalogue_changed(session: Session) -> datetime | None:
    services = session.scalar(select(func.max(ServiceDefinition.updated_at)))
    routing = session.scalar(select(func.max(CatalogueDocument.updated_at)))
    known = [moment for moment in (services, routing) if moment is not None]
    return max(known) if known else None


@router.get("/discovery.{fmt}", response_model=Discovery, responses=georeport_ok("discovery"))
def discovery(request: Request, fmt: Format) -> Response:
    fmt = _format(fmt)
    with _database(request).read() as session:
        changed = _catalogue_changed(session)
    changeset = _iso(max(INTERFACE_CHANGED, changed) if changed else INTERFACE_CHANGED)
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
    return _answer(fmt, "discovery", body)


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
    fmt = _format(fmt)
    _jurisdiction(jurisdiction_id)
    lang = _locale(locale)
    with _database(request).read() as session:
        state = _catalogue(request, session)
    body = [_service_record(s, state.routing, lang) for s in state.services.values()]
    return _answer(fmt, "services", body)


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
    fmt = _format(fmt)
    _jurisdiction(jurisdiction_id)
    lang = _locale(locale)
    with _database(request).read() as session:
        service = _catalogue(request, session).services.get(service_code)
    if service is None:
        raise Refused.one("not_found", "service_code", f"unknown service code « {service_code} »")
    body = {
        "service_code": service.code,
        "attributes": [_attribute_record(a, lang) for a in service.attributes],
    }
    return _answer(fmt, "service_definition", body)


# --- Reading requests ------------------------------------------------------------------------

_PUBLIC_COLUMNS = (
    ServiceRequest.id,
    ServiceRequest.case_number,
    ServiceRequest.service_code,
    ServiceRequest.service_name,
    ServiceRequest.nature,
    ServiceRequest.channel,
    ServiceRequest.status,
    ServiceRequest.source,
    ServiceRequest.street,
    ServiceRequest.postal_code,
    ServiceRequest.arrondissement,
    ServiceRequest.lat,
    ServiceRequest.long,
    ServiceRequest.responsible_unit,
    ServiceRequest.parent_id,
    ServiceRequest.created_at,
    ServiceRequest.due_at,
    ServiceRequest.updated_at,
)


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
        .options(load_only(*_PUBLIC_COLUMNS))
        .where(*_conditions(query, now))
        .order_by(ServiceRequest.created_at.desc(), ServiceRequest.case_number.desc())
        .offset((query.page - 1) * query.page_size)
        .limit(query.page_size)
    )
    return session.scalars(statement).all()


def _public_street(street: str) -> str:
    return _CIVIC_NUMBER.sub("", street, count=1).strip()


def _public_address(req: ServiceRequest, routing: RoutingTable | None) -> str | None:
    area = routing.arrondissements.get(req.arrondissement) if routing else None
    # A GeoReport client's address_string is free text ("app. 4, 1234 rue X", a name...):
    # no pattern makes it safe, so only its arrondissement is shown. Agents type the civic
    # number in a field of its own; the open data's streets are public already.
    street = "" if req.source == "georeport" else _public_street(req.street)
    parts = [street, area.name if area else ""]
    return ", ".join(part for part in parts if part) or None


def _rounded(value: float | None) -> float | None:
    return round(value, COORDINATE_DIGITS) if value is not None else None


def _agency(routing: RoutingTable | None, code: str) -> str | None:
    unit = routing.units.get(code) if routing else None
    return unit.name_fr if unit else (code or None)


def _notice_for(state: CatalogueState, code: str) -> str | None:
    service = state.services.get(code) or state.retired.get(code)
    return _service_notice(service.delay) if service else None


def _public_request(req: ServiceRequest, state: CatalogueState) -> dict[str, Any]:
    label, _, o311 = terms.STATUSES.get(req.status, (req.status, req.status, "open"))
    return {
        "service_request_id": req.case_number,
        "status": o311,
        "status_notes": label,
        "service_name": req.service_name,
        "service_code": req.service_code,
        "description": None,
        "agency_responsible": _agency(state.routing, req.responsible_unit),
        "service_notice": _notice_for(state, req.service_code),
        "requested_datetime": _iso(req.created_at),
        "updated_datetime": _iso(req.updated_at),
        "expected_datetime": _iso(req.due_at),
        "address": _public_address(req, state.routing),
        "address_id": None,
        "zipcode": req.postal_code[:FSA_LENGTH] or None,
        "lat": _rounded(req.lat),
        "long": _rounded(req.long),
        "media_url": None,
    }


@dataclass(frozen=True)
class Links:
    parents: dict[str, str]  # request id -> its parent's case number
    duplicates: dict[str, list[str]]  # request id -> case numbers of its duplicates


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


def _extended(req: ServiceRequest, links: Links) -> dict[str, Any]:
    label = terms.STATUSES.get(req.status, (req.status, "", ""))[0]
    return {
        "channel": req.channel,
        "nature": req.nature,
        "arrondissement": req.arrondissement or None,
        "status_code": req.status,
        "status_label": label,
        "parent_request_id": links.parents.get(req.id),
        "duplicates": links.duplicates.get(req.id, []),
    }


def _records(
    session: Session, state: CatalogueState, rows: Sequence[ServiceRequest], extensions: bool
) -> list[dict[str, Any]]:
    links = _links(session, rows) if extensions else Links({}, {})
    records = []
    for row in rows:
        record = _public_request(row, state)
        if extensions:
            record["extended_attributes"] = _extended(row, links)
        records.append(record)
    return records


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
    fmt = _format(fmt)
    _jurisdiction(jurisdiction_id)
    query = _request_query(
        service_request_id, service_code, start_date, end_date, status, page, page_size
    )
    with _database(request).read() as session:
        state = _catalogue(request, session)
        rows = _find(session, query, utcnow())
        body = _records(session, state, rows, extensions)
    return _answer(fmt, "service_requests", body)


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
    fmt = _format(fmt)
    _jurisdiction(jurisdiction_id)
    case = _case_number(service_request_id)
    with _database(request).read() as session:
        state = _catalogue(request, session)
        rows = session.scalars(
            select(ServiceRequest)
            .options(load_only(*_PUBLIC_COLUMNS))
            .where(ServiceRequest.case_number == case)
        ).all()
        if not rows:
            raise Refused.one("not_found", "service_request_id", f"no request {case}")
        body = _records(session, state, rows, extensions)
    return _answer(fmt, "service_requests", body)


@router.get(
    "/tokens/{token}.{fmt}",
    response_model=Tokens,
    responses=georeport_ok("service_requests"),
)
def get_token(
    request: Request, token: Segment, fmt: Format, jurisdiction_id: Jurisdiction = ""
) -> Response:
    fmt = _format(fmt)
    _jurisdiction(jurisdiction_id)
    with _database(request).read() as session:
        case = session.scalar(
            select(ServiceRequest.case_number).where(ServiceRequest.id == token.strip())
        )
    if case is None:
        raise Refused.one("not_found", "token", f"no request has the token {token}")
    return _answer(fmt, "service_requests", [{"service_request_id": case, "token": token}])


# --- Creating a request ----------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """A POSTed form: plain fields (the last value of each) and attribute values."""

    fields: dict[str, str]
    attributes: dict[str, str | list[str]]

    def get(self, name: str) -> str:
        return self.fields.get(name, "").strip()


def _submission(pairs: Sequence[tuple[str, str | UploadFile]]) -> Submission:
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    marked: set[str] = set()
    files: list[FieldProblem] = []
    for name, value in pairs:
        if not isinstance(value, str):
            files.append(FieldProblem(name, "expected text, not a file; use media_url"))
            continue
        if not (storable(name) and storable(value)):
            files.append(FieldProblem(ascii(name)[1:-1], UNSTORABLE_MESSAGE))
            continue
        match = _ATTRIBUTE_FIELD.match(name)
        if match is None:
            fields[name] = value
            continue
        code = match.group(1)
        lists.setdefault(code, []).append(value)
        if match.group(2):
            marked.add(code)
    if files:
        raise Refused("rejected", files)
    attributes: dict[str, str | list[str]] = {
        # attribute[code][] (or a repeated attribute[code]) is a list; else one value.
        code: values if code in marked or len(values) > 1 else values[0]
        for code, values in lists.items()
    }
    return Submission(fields, attributes)


def _folded(text: str) -> str:
    """Case, accents, dashes and apostrophes aside: « cote des neiges notre dame de grace »."""
    return _NOT_ALNUM.sub(" ", fold(text)).strip()


def _arrondissement(raw: str, routing: RoutingTable | None) -> str:
    """The code of an arrondissement given by its code or name; raises when unknown."""
    areas = routing.arrondissements if routing else {}
    wanted = _folded(raw)
    for code, area in areas.items():
        if wanted in (_folded(code), _folded(area.name)):
            return code
    raise Refused.one(
        "rejected",
        "arrondissement",
        f"unknown arrondissement « {raw} »; give its code or name, as in VM or Ville-Marie",
    )


def _location_problems(sub: Submission) -> list[FieldProblem]:
    has_point = bool(sub.get("lat") and sub.get("long"))
    if has_point or sub.get("address_string"):
        return []
    if sub.get("address_id"):
        return [
            FieldProblem(
                "address_id",
                "Montréal has no address repository to resolve it; give lat and long "
                "or address_string",
            )
        ]
    return [
        FieldProblem(
            "address_string",
            "a location is required: give lat and long, address_string or address_id",
        )
    ]


@dataclass(frozen=True)
class Plan:
    """What the form asks for, in create_request's terms."""

    data: dict[str, Any]
    service: Service | None


def _plan(sub: Submission, state: CatalogueState) -> Plan:
    code = sub.get("service_code")
    if not code:
        raise Refused.one("rejected", "service_code", "required; see services.json")
    problems = _location_problems(sub)
    arrondissement = ""
    if sub.get("arrondissement"):
        try:
            arrondissement = _arrondissement(sub.get("arrondissement"), state.routing)
        except Refused as exc:
            problems.extend(exc.problems)
    service = state.services.get(code)
    if problems:
        raise Refused("rejected", problems)
    data: dict[str, Any] = {
        "service_code": code,
        "channel": "mobile" if sub.get("device_id") else "web",
        "description": sub.fields.get("description", ""),
        "attributes": sub.attributes,
        "street": sub.fields.get("address_string", ""),
        "arrondissement": arrondissement,
        "lat": sub.get("lat"),
        "long": sub.get("long"),
    }
    return Plan(data, service)


def _citizen_fields(sub: Submission) -> dict[str, str]:
    name = " ".join(part for part in (sub.get("first_name"), sub.get("last_name")) if part)
    given = {"name": name, "phone": sub.get("phone"), "email": sub.get("email")}
    return {key: value for key, value in given.items() if value}


def _open311_problems(problems: Sequence[FieldProblem]) -> list[FieldProblem]:
    renamed = []
    for problem in problems:
        field = _FIELD_NAMES.get(problem.field, problem.field)
        message = problem.message
        if problem.field == "citizen_id":
            message += ": give an email, a phone or a name"
        renamed.append(FieldProblem(field, message))
    return renamed


def _store(work: Work, sub: Submission, state: CatalogueState) -> tuple[ServiceRequest, Plan]:
    """The citizen (when any contact is given) and the request, in the caller's unit of
    work; every problem of both is reported at once and nothing is written."""
    plan = _plan(sub, state)
    problems: list[FieldProblem] = []
    data = dict(plan.data)
    contact = _citizen_fields(sub)
    if contact:
        try:
            data["citizen_id"] = citizens.upsert_citizen(work, str(uuid.uuid4()), 0, contact).id
        except Refused as exc:
            problems.extend(exc.problems)
    case_number = next_case_number(work.session, now=work.now)
    req: ServiceRequest | None = None
    try:
        # Without an arrondissement, a local service goes to the 24/7 centre to be sorted.
        req = cases.create_request(
            work, state, data, case_number=case_number, source="georeport", triage=True
        )
    except Refused as exc:
        # A refused contact already explains the missing citizen.
        problems.extend(p for p in exc.problems if not (problems and p.field == "citizen_id"))
    if problems or req is None:
        raise Refused("rejected", _open311_problems(problems))
    return req, plan


def _api_key_name(request: Request, sub: Submission) -> str:
    secret = sub.get("api_key") or request.query_params.get("api_key", "").strip()
    if not secret:
        raise Refused.one("rejected", "api_key", "required; ask the 311 administrator for one")
    with _database(request).read() as session:
        name = auth.api_key_name(session, secret)
    if name is None:
        raise Refused.one("forbidden", "api_key", "unknown or revoked key")
    return name


def _create(request: Request, fmt: str, sub: Submission) -> Response:
    _jurisdiction(sub.get("jurisdiction_id") or request.query_params.get("jurisdiction_id"))
    actor = f"api:{_api_key_name(request, sub)}"[:64]  # the actor columns hold 64
    with _database(request).work(actor) as work:
        req, plan = _store(work, sub, _catalogue(request, work.session))
        answer = {
            "service_request_id": req.case_number,
            "token": req.id,
            "service_notice": _service_notice(plan.service.delay) if plan.service else None,
            "account_id": sub.get("account_id") or None,
        }
    return _answer(fmt, "service_requests", [answer])


_TEXT = {"type": "string", "pattern": NO_NUL}
_NOT_BLANK = {"type": "string", "pattern": NOT_BLANK}
_FORM_FIELDS = (
    "lat",
    "long",
    "address_string",
    "address_id",
    "arrondissement",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "phone",
    "description",
    "media_url",
)
_FORM: dict[str, Any] = {
    "type": "object",
    "required": ["api_key", "service_code"],
    "properties": {
        "api_key": {**_NOT_BLANK, "description": "the client's key (or in the query)"},
        "service_code": _NOT_BLANK,
        "jurisdiction_id": {"type": "string", "enum": ["", JURISDICTION]},
        **dict.fromkeys(_FORM_FIELDS, _TEXT),
    },
    # The service's attributes: attribute[code], or attribute[code][] for each list value.
    "additionalProperties": _TEXT,
    "propertyNames": {"pattern": NO_NUL},
}


@router.post(
    "/requests.{fmt}",
    response_model=Created,
    responses={**georeport_ok("service_requests"), **georeport_errors(403)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": _FORM},
                "multipart/form-data": {"schema": _FORM},
            },
        }
    },
)
async def post_request(request: Request, fmt: Format) -> Response:
    fmt = _format(fmt)
    async with request.form() as form:
        sub = _submission(form.multi_items())
    # The database work blocks: keep it off the event loop.
    return await run_in_threadpool(_create, request, fmt, sub)

"""Open311 submission (POST requests): the form read into a Submission, checked, and
handed to the store's own request creation (request_ops.create_request) with the citizen's
contact, if any; the answer is the new case number and its token. Kept thin: the rules a
request must follow are the store's, not this module's."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from app.domain.catalogue import RoutingTable, Service
from app.domain.text import fold
from app.domain.validation import UNSTORABLE_MESSAGE, FieldProblem, storable
from app.server import auth, citizens, request_ops
from app.server.catalogue_store import CatalogueState
from app.server.db import Work
from app.server.models import ServiceRequest
from app.server.numbering import next_case_number
from app.server.open311.common import (
    JURISDICTION,
    Format,
    catalogue_state,
    check_jurisdiction,
    database,
    router,
    service_notice,
)
from app.server.open311.formats import checked_format, respond
from app.server.open311_models import Created
from app.server.openapi import NO_NUL, NOT_BLANK, georeport_errors, georeport_ok
from app.server.problems import Refused

_ATTRIBUTE_FIELD = re.compile(r"^attribute\[([^\[\]]*)\](\[\])?$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Create_request's names for fields that GeoReport v2 calls otherwise.
_FIELD_NAMES = {"street": "address_string", "name": "first_name", "citizen_id": "email"}


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
        req = request_ops.create_request(
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
    with database(request).read() as session:
        name = auth.api_key_name(session, secret)
    if name is None:
        raise Refused.one("forbidden", "api_key", "unknown or revoked key")
    return name


def _create(request: Request, fmt: str, sub: Submission) -> Response:
    check_jurisdiction(sub.get("jurisdiction_id") or request.query_params.get("jurisdiction_id"))
    actor = f"api:{_api_key_name(request, sub)}"[:64]  # the actor columns hold 64
    with database(request).work(actor) as work:
        req, plan = _store(work, sub, catalogue_state(request, work.session))
        answer = {
            "service_request_id": req.case_number,
            "token": req.id,
            "service_notice": service_notice(plan.service.delay) if plan.service else None,
            "account_id": sub.get("account_id") or None,
        }
    return respond(fmt, "service_requests", [answer])


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
    fmt = checked_format(fmt)
    async with request.form() as form:
        sub = _submission(form.multi_items())
    # The database work blocks: keep it off the event loop.
    return await run_in_threadpool(_create, request, fmt, sub)

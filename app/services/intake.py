"""Entering a request: check what the agent typed, say where it will go and when it is
due before it is saved, propose open cases at the same address, and save it locally in
one transaction (request, history, case number, outbox) so it survives any outage.

Field names in problems are the form's: service_code, channel, citizen, citizen.name,
citizen.phone, citizen.email, civic_number, street, postal_code, arrondissement,
attribute[code], description. The request rules themselves (app.domain.request_rules,
which the central store applies too) name the citizen `citizen_id`: FORM_FIELDS renames it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import request_rules as rules
from app.domain import request_terms as terms
from app.domain.catalogue import Catalogue, Service
from app.domain.routing import Routing, RoutingError, route
from app.domain.sla import due_at
from app.domain.validation import MAX_TEXT, FieldProblem, ValidationError
from app.domain.workdays import local, zone
from app.models import CaseCitizen, Citizen, Interaction, ServiceRequest
from app.models.store import Store
from app.protocol import CITIZEN_KEY, OpType
from app.services import outbox, sequences
from app.services.addresses import CIVIC_NUMBER, civic_key, street_key
from app.services.case_lookup import CaseSummary, add_event, find_duplicates
from app.services.citizens import CitizenDraft, check_citizen, create_citizen
from app.services.profile import Profile

_LOCAL_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


@dataclass
class Draft:
    """The form as typed: raw text everywhere, so nothing is lost or reinterpreted."""

    service_code: str = ""
    channel: str = "phone"
    description: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    civic_number: str = ""
    street: str = ""
    postal_code: str = ""
    arrondissement: str = ""
    citizen_id: str | None = None  # an existing citizen, picked from the lookup
    new_citizen: CitizenDraft | None = None  # or one entered in the form; neither: anonymous


@dataclass(frozen=True)
class Preview:
    service: Service
    routing: Routing
    due_at: datetime


@dataclass(frozen=True)
class Checked:
    service: Service
    channel: str
    description: str
    attributes: dict[str, object]
    place: dict[str, str]  # each of the request rules' text place fields (TEXT_LIMITS)
    citizen_fields: dict[str, str] | None
    routing: Routing
    due_at: datetime


@dataclass(frozen=True)
class Saved:
    case_number: str
    request_id: str
    citizen_id: str | None
    routing: Routing
    due_at: datetime


def preview(catalogue: Catalogue, draft: Draft, now: datetime) -> Preview | FieldProblem | None:
    """Where the request would go and its due date, or why it cannot be routed yet."""
    service = catalogue.services.get(draft.service_code)
    if service is None:
        return None
    try:
        routing = route(catalogue.routing, service, draft.arrondissement or None, now)
    except RoutingError as exc:
        return rules.routing_problem(exc)
    return Preview(service, routing, due_at(now, service.delay, catalogue.routing))


# The form's names for the request rules' fields it shows elsewhere.
FORM_FIELDS = {"citizen_id": "citizen"}


def _on_form(problems: list[FieldProblem]) -> list[FieldProblem]:
    return [
        FieldProblem(FORM_FIELDS[p.field], p.message, p.code, p.args)
        if p.field in FORM_FIELDS
        else p
        for p in problems
    ]


def _local_datetimes(service: Service, raw: dict[str, Any], tz: str) -> dict[str, Any]:
    """Dates typed as on a Montréal calendar ('2026-11-25 14:30') get the city's zone."""
    out = dict(raw)
    for attr in service.attributes:
        value = out.get(attr.code)
        if attr.datatype != "datetime" or not isinstance(value, str) or not value.strip():
            continue
        for fmt in _LOCAL_FORMATS:
            try:
                parsed = datetime.strptime(value.strip(), fmt)
            except ValueError:
                continue
            out[attr.code] = parsed.replace(tzinfo=zone(tz)).isoformat()
            break
    return out


def form_place(civic_number: str, street: str, problems: list[FieldProblem]) -> tuple[str, str]:
    """A civic number and a street as typed, in the form the store keeps them (the civic
    number as its search key, the street's spaces single); the request rules check the
    rest."""
    civic = civic_number.strip()
    if civic and not CIVIC_NUMBER.match(civic):
        problems.append(
            FieldProblem("civic_number", "a civic number, as in 1234, 1234A or 1234-1236", "civic")
        )
        civic = ""
    return (civic_key(civic) if civic else ""), " ".join(street.split())


def check(catalogue: Catalogue, draft: Draft, now: datetime) -> Checked:
    """Everything wrong with the draft at once (ValidationError), else the clean request:
    the request rules (app.domain.request_rules, as the central store applies them) on
    what the form holds."""
    problems: list[FieldProblem] = []
    citizen_fields: dict[str, str] | None = None
    if draft.new_citizen is not None:
        citizen_fields, citizen_problems = check_citizen(draft.new_citizen)
        problems.extend(citizen_problems)
    civic, street = form_place(draft.civic_number, draft.street, problems)
    service = catalogue.services.get(draft.service_code)
    tz = catalogue.routing.timezone
    data = {
        "service_code": draft.service_code,
        "channel": draft.channel,
        "description": draft.description,
        "attributes": _local_datetimes(service, draft.attributes, tz) if service else {},
        **{name: getattr(draft, name) for name in rules.TEXT_LIMITS},
        "civic_number": civic,
        "street": street,
    }
    has_citizen = draft.new_citizen is not None or draft.citizen_id is not None
    found: list[FieldProblem] = []
    request = rules.check_new(catalogue.services, data, has_citizen=has_citizen, problems=found)
    routing: Routing | None = None
    if request is not None:
        where = str(request.location["arrondissement"])
        routing = rules.route_new(catalogue.routing, request.service, where, now, found)
    problems.extend(_on_form(found))
    if problems:
        raise ValidationError(problems)
    assert request is not None and routing is not None
    return Checked(
        service=request.service,
        channel=request.channel,
        description=request.description,
        attributes=request.attributes,
        place={name: request.location[name] for name in rules.TEXT_LIMITS},
        citizen_fields=citizen_fields,
        routing=routing,
        due_at=due_at(now, request.service.delay, catalogue.routing),
    )


def duplicates(store: Store, draft: Draft, now: datetime) -> list[CaseSummary]:
    """Open cases of this service at this address, to propose before saving."""
    if not draft.service_code or not draft.street.strip():
        return []
    civic = civic_key(draft.civic_number.strip()) if draft.civic_number.strip() else ""
    with store.session() as session:
        return find_duplicates(session, draft.service_code, civic, street_key(draft.street), now)


def _citizen(session: Session, draft: Draft, checked: Checked, now: datetime) -> str | None:
    if checked.citizen_fields is not None:
        return create_citizen(session, checked.citizen_fields, now).id
    if draft.citizen_id is not None and session.get(Citizen, draft.citizen_id) is None:
        raise ValidationError(
            [FieldProblem("citizen", "this citizen is no longer on file", "unknown_citizen")]
        )
    return draft.citizen_id


def _record_on_interaction(session: Session, interaction_id: str | None, case: str) -> None:
    if interaction_id is None:
        return
    interaction = session.get(Interaction, interaction_id)
    if interaction is None or interaction.ended_at is not None:
        return
    if case not in interaction.case_numbers:
        interaction.case_numbers = [*interaction.case_numbers, case]


def save(
    store: Store,
    catalogue: Catalogue,
    profile: Profile,
    draft: Draft,
    now: datetime,
    interaction_id: str | None = None,
    *,
    central: bool = False,
) -> Saved:
    """Check, number and store the request with its history and its outbox operations,
    all in one local transaction; raises ValidationError and then writes nothing."""
    checked = check(catalogue, draft, now)
    service, routing = checked.service, checked.routing
    year = local(now, catalogue.routing.timezone).year
    with store.writing() as session:
        citizen_id = _citizen(session, draft, checked, now)
        case_number = sequences.next_case_number(
            session, sequences.ledger_path(store), profile.station, year, central=central
        )
        req = ServiceRequest(
            id=str(uuid.uuid4()),
            case_number=case_number,
            service_code=service.code,
            service_name=service.name_fr,
            nature=service.nature,
            channel=checked.channel,
            status=terms.INITIAL_STATUS,
            status_notes="",
            description=checked.description,
            attributes=checked.attributes,
            **checked.place,
            street_key=street_key(checked.place["street"]),
            lat=None,
            long=None,
            citizen_id=citizen_id,
            agent=profile.agent,
            responsible_unit=routing.unit.code,
            handled_by=routing.handled_by.code,
            parent_case_number=None,
            created_at=now,
            due_at=checked.due_at,
            updated_at=now,
            revision=0,
        )
        session.add(req)
        session.flush()
        if citizen_id is not None:
            session.add(CaseCitizen(request_id=req.id, citizen_id=citizen_id))
        add_event(
            session,
            req,
            "created",
            profile.agent,
            now,
            {"channel": checked.channel, "service_code": service.code},
        )
        add_event(session, req, "routed", profile.agent, now, routing.as_dict())
        outbox.enqueue(
            session,
            OpType.REQUEST_CREATE,
            case_number,
            {
                "service_code": service.code,
                "channel": checked.channel,
                "description": checked.description,
                "attributes": checked.attributes,
                **checked.place,
                CITIZEN_KEY: citizen_id,
                "created_at": now.isoformat(),
                "due_at": checked.due_at.isoformat(),
                "agent": profile.agent,
            },
            now,
        )
        _record_on_interaction(session, interaction_id, case_number)
    return Saved(case_number, req.id, citizen_id, routing, checked.due_at)


def attach(
    store: Store,
    profile: Profile,
    case_number: str,
    draft: Draft,
    now: datetime,
    interaction_id: str | None = None,
    supervisor: bool = False,
) -> str | None:
    """Record the citizen on an existing open case instead of opening a duplicate; what
    they said (the description) goes on the case as a note, and an anonymous report is a
    note of its own. Returns the citizen's id, if any."""
    citizen_fields: dict[str, str] | None = None
    problems: list[FieldProblem] = []
    if draft.new_citizen is not None:
        citizen_fields, problems = check_citizen(draft.new_citizen)
    description = rules.text(draft.description, "description", MAX_TEXT, problems)
    if problems:
        raise ValidationError(problems)
    with store.writing() as session:
        req = session.scalar(
            select(ServiceRequest).where(ServiceRequest.case_number == case_number)
        )
        if req is None:
            raise ValidationError([FieldProblem("case_number", "no such case", "unknown_case")])
        try:
            # As the store checks the attached citizen and the note it makes of the report.
            rules.check_addition(req.status, "citizen_id", supervisor)
        except rules.Forbidden as exc:
            raise ValidationError([exc.problem]) from None
        citizen_id = draft.citizen_id
        if citizen_fields is not None:
            citizen_id = create_citizen(session, citizen_fields, now).id
        elif citizen_id is not None and session.get(Citizen, citizen_id) is None:
            raise ValidationError(
                [FieldProblem("citizen", "this citizen is no longer on file", "unknown_citizen")]
            )
        # The case's notes are in French, the city's working language, like its statuses.
        channel = terms.CHANNELS.get(draft.channel, (draft.channel,))[0]
        note = f"Signalé de nouveau ({channel}) : {description}" if description else ""
        if citizen_id is None:
            note = f"Signalé de nouveau par un citoyen anonyme ({channel})." + (
                f" {description}" if description else ""
            )
        elif session.get(CaseCitizen, (req.id, citizen_id)) is None:
            session.add(CaseCitizen(request_id=req.id, citizen_id=citizen_id))
            add_event(
                session, req, "citizen_attached", profile.agent, now, {"citizen_id": citizen_id}
            )
            outbox.enqueue(
                session, OpType.REQUEST_ATTACH_CITIZEN, case_number, {CITIZEN_KEY: citizen_id}, now
            )
        if note:
            add_event(session, req, "note", profile.agent, now, {"text": note})
            outbox.enqueue(session, OpType.REQUEST_NOTE, case_number, {"text": note}, now)
        _record_on_interaction(session, interaction_id, case_number)
    return citizen_id

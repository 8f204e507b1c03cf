"""The rules of a service request, written once: what a new request needs, what an update
may change and what it re-routes, what a note or an attachment takes. The console checks
a form with them before it saves or queues anything; the central store checks a pushed
operation or an Open311 submission with the same functions, so both give one verdict.

Field names are the request's own, as the store keeps them and the console sends them
(service_code, channel, description, civic_number, street, postal_code, arrondissement,
lat, long, attributes, attribute[code], citizen_id, status, status_notes). Who may change
a closed request is app.domain.lifecycle's rule; this module calls it, never restates it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import lifecycle
from app.domain import request_terms as terms
from app.domain.catalogue import RoutingTable, Service
from app.domain.routing import Routing, RoutingError, responsible_unit, route, triage_routing
from app.domain.validation import (
    MAX_TEXT,
    UNSTORABLE_MESSAGE,
    FieldProblem,
    ValidationError,
    clean_attributes,
    normalise_postal_code,
    storable,
)

# The longest text each place field keeps (a description, a note or a reason: MAX_TEXT).
TEXT_LIMITS = terms.PLACE_TEXT_LIMITS
COORDINATE_BOUNDS = {"lat": 90.0, "long": 180.0}
LOCATION_KEYS = (*TEXT_LIMITS, *COORDINATE_BOUNDS)
# What an update may name; a closed request's, only as lifecycle allows.
UPDATABLE = (
    "description",
    "attributes",
    *LOCATION_KEYS,
    "status",
    "status_notes",
    "responsible_unit",
    "citizen_id",
)
Forbidden = lifecycle.Forbidden


# -- single values ---------------------------------------------------------------------
def text(
    raw: object,
    field: str,
    limit: int,
    problems: list[FieldProblem],
    *,
    required: bool = False,
) -> str:
    """Bounded text, stripped; "" (with a problem) when it is not acceptable. `required`:
    blanks alone are no text."""
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        problems.append(FieldProblem(field, "expected text", "not_text"))
        return ""
    value = raw.strip()
    if not value:
        if required:
            problems.append(FieldProblem(field, "required", "required"))
        return ""
    if len(value) > limit:
        problems.append(
            FieldProblem(
                field,
                f"too long: {len(value)} characters, at most {limit}",
                "too_long",
                (str(limit),),
            )
        )
        return ""
    if not storable(value):
        problems.append(FieldProblem(field, UNSTORABLE_MESSAGE, "unstorable"))
        return ""
    return value


def coordinate(raw: object, field: str, bound: float, problems: list[FieldProblem]) -> float | None:
    if raw is None or raw == "":
        return None
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise ValueError
        value = float(raw)
    except ValueError:
        problems.append(FieldProblem(field, f"« {raw} » is not a number", "not_number"))
        return None
    if not -bound <= value <= bound:
        problems.append(FieldProblem(field, f"must be between -{bound:g} and {bound:g}", field))
        return None
    return value


def clean_location(
    data: Mapping[str, Any], keys: Iterable[str], problems: list[FieldProblem]
) -> dict[str, Any]:
    """The given place fields, checked and normalised (only those: an update may not
    re-check a field it does not touch, such as an imported three-character postal code)."""
    loc: dict[str, Any] = {}
    for key in keys:
        if key in COORDINATE_BOUNDS:
            loc[key] = coordinate(data.get(key), key, COORDINATE_BOUNDS[key], problems)
            continue
        value = text(data.get(key), key, TEXT_LIMITS[key], problems)
        if key == "postal_code" and value:
            try:
                value = normalise_postal_code(value)
            except ValueError as exc:
                problems.append(FieldProblem(key, str(exc), "postal_code"))
                value = ""
        loc[key] = value
    return loc


def check_pair(lat: float | None, long: float | None, problems: list[FieldProblem]) -> None:
    if (lat is None) != (long is None):
        field = "long" if long is None else "lat"
        problems.append(FieldProblem(field, "give both lat and long, or neither", "pair"))


# -- what a request must say -------------------------------------------------------------
def check_place(
    service: Service, street: str, lat: float | None, problems: list[FieldProblem]
) -> None:
    """A geographic service (a pothole, a streetlight) is somewhere: a street, or a
    position (lat and long), as GeoReport v2 takes either. An agent gives the street; a
    citizen's app may give only where the phone stood."""
    if service.geographic and not street and lat is None:
        problems.append(
            FieldProblem(
                "street",
                f"required for {service.name_fr}: where is the problem? give the street "
                "(or lat and long)",
                "street",
            )
        )


def needs_description(service: Service) -> bool:
    """A complaint or a comment is its text: required, unless a required text field of the
    service already holds it (asking twice for the same words wastes the citizen's time)."""
    if service.nature not in ("complaint", "comment"):
        return False
    return not any(a.required and a.datatype == "text" for a in service.attributes)


def check_description(service: Service, description: str, problems: list[FieldProblem]) -> None:
    if not description and needs_description(service):
        problems.append(
            FieldProblem(
                "description",
                f"required for {service.name_fr}: say what the citizen reports",
                "description_required",
            )
        )


def routing_problem(exc: RoutingError) -> FieldProblem:
    return FieldProblem(exc.field, exc.message, exc.code, exc.params or (exc.message,))


def _attributes(
    service: Service | None, raw: object, problems: list[FieldProblem]
) -> dict[str, object] | None:
    """The service's attribute values, checked; None when they cannot be (no service)."""
    if not isinstance(raw, Mapping):
        problems.append(
            FieldProblem("attributes", "expected an object of attribute codes", "attributes")
        )
        return None
    if service is None:
        return None
    try:
        return clean_attributes(service, raw)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return None


# -- creating ------------------------------------------------------------------------------
@dataclass(frozen=True)
class NewRequest:
    """A new request's own values, checked and normalised."""

    service: Service
    channel: str
    description: str
    attributes: dict[str, object]
    location: dict[str, Any]  # LOCATION_KEYS


def check_new(
    services: Mapping[str, Service],
    data: Mapping[str, Any],
    *,
    has_citizen: bool,
    problems: list[FieldProblem],
) -> NewRequest | None:
    """A draft against its service: every problem is added to `problems`; the clean
    request, or None when the service itself is unknown. `has_citizen`: the request names
    a citizen on file (the caller looked: that is I/O)."""
    code = data.get("service_code")
    service = services.get(code) if isinstance(code, str) else None
    if service is None:
        message = (
            f"unknown service code « {code} »; see services.json"
            if code
            else "choose the type of request"
        )
        problems.append(FieldProblem("service_code", message, "service_required"))
    channel = data.get("channel")
    if not isinstance(channel, str) or channel not in terms.CHANNELS:
        problems.append(
            FieldProblem("channel", f"must be one of {', '.join(terms.CHANNELS)}", "channel")
        )
    description = text(data.get("description"), "description", MAX_TEXT, problems)
    location = clean_location(data, LOCATION_KEYS, problems)
    check_pair(location["lat"], location["long"], problems)
    attributes = _attributes(service, data.get("attributes") or {}, problems) or {}
    if service is None:
        return None
    # A value already refused is not also said to be missing.
    blamed = {p.field for p in problems}
    if not blamed & {"street", "lat", "long"}:
        check_place(service, location["street"], location["lat"], problems)
    if "description" not in blamed:
        check_description(service, description, problems)
    if not service.anonymous and not has_citizen:
        problems.append(
            FieldProblem(
                "citizen_id",
                f"{service.name_fr} needs the citizen's contact details",
                "citizen_required",
            )
        )
    return NewRequest(service, str(channel), description, attributes, location)


def route_new(
    table: RoutingTable,
    service: Service,
    arrondissement: str,
    when: datetime,
    problems: list[FieldProblem],
    *,
    triage: bool = False,
) -> Routing | None:
    """Who takes the new request. With `triage`, a local service given without its
    arrondissement goes to the 24/7 centre, which sorts it, instead of being refused."""
    try:
        if triage and not arrondissement:
            return triage_routing(table, service, when)
        return route(table, service, arrondissement or None, when)
    except RoutingError as exc:
        problems.append(routing_problem(exc))
        return None


# -- updating ------------------------------------------------------------------------------
def check_who(status: str, wanted: Mapping[str, Any], supervisor: bool) -> None:
    """Raise Forbidden when this role may not make the update on a request in `status`
    (a closed one is reopened by an agent, changed by a supervisor; closing: a supervisor)."""
    lifecycle.check_update(status, wanted, supervisor)


def clean_changes(
    service: Service | None, wanted: Mapping[str, Any], problems: list[FieldProblem]
) -> dict[str, Any]:
    """The wanted values the request's own rules check, cleaned: description, status notes,
    place, attributes, status (a unit and a citizen are the store's to check). A field
    that cannot change is a problem."""
    clean: dict[str, Any] = {}
    for name in wanted:
        if name not in UPDATABLE:
            problems.append(
                FieldProblem(
                    name, f"cannot be changed; editable: {', '.join(UPDATABLE)}", "not_editable"
                )
            )
    for name in ("description", "status_notes"):
        if name in wanted:
            clean[name] = text(wanted[name], name, MAX_TEXT, problems)
    clean.update(clean_location(wanted, [k for k in LOCATION_KEYS if k in wanted], problems))
    if "attributes" in wanted:
        attributes = _attributes(service, wanted["attributes"], problems)
        if attributes is not None:
            clean["attributes"] = attributes
    if "status" in wanted:
        status = wanted["status"]
        if not isinstance(status, str) or status not in terms.STATUSES:
            problems.append(
                FieldProblem("status", f"must be one of {', '.join(terms.STATUSES)}", "status")
            )
        else:
            clean["status"] = status
    return clean


def check_result(
    service: Service | None,
    current: Mapping[str, Any],
    clean: Mapping[str, Any],
    problems: list[FieldProblem],
) -> None:
    """The request as the update leaves it still says where and what: checked whole, but
    only a changed field is blamed (a record imported without a street must not block a
    corrected description)."""
    after = {**current, **clean}
    if "lat" in clean or "long" in clean:
        check_pair(after.get("lat"), after.get("long"), problems)
    if service is None:
        return
    # A value already refused is not also said to be missing.
    blamed = {p.field for p in problems}
    if ("street" in clean or "lat" in clean) and not blamed & {"street", "lat", "long"}:
        check_place(service, str(after.get("street") or ""), after.get("lat"), problems)
    if "description" in clean and "description" not in blamed:
        check_description(service, str(after.get("description") or ""), problems)


def new_unit(
    table: RoutingTable | None,
    service: Service | None,
    arrondissement: str,
    problems: list[FieldProblem],
) -> str | None:
    """Re-routing on a corrected arrondissement: the unit responsible there, or None (with
    a problem when the place cannot take the service). With the service unknown here (a
    withdrawn one), the place must still be one the city knows. The due date stays the
    one announced to the citizen: it follows the service's delay, not the place."""
    if table is None:
        return None
    if service is None:
        if arrondissement and arrondissement not in table.arrondissements:
            known = ", ".join(sorted(table.arrondissements))
            problems.append(
                FieldProblem(
                    "arrondissement",
                    f"unknown code « {arrondissement} »; known: {known}",
                    "arrondissement",
                )
            )
        return None
    try:
        return responsible_unit(table, arrondissement or None, service.group).code
    except RoutingError as exc:
        problems.append(routing_problem(exc))
        return None


# -- reopening, notes and attachments ------------------------------------------------------
def check_reopen(status: str, reason: object, supervisor: bool = False) -> dict[str, str]:
    """The update that reopens a closed request as Réactivée with the reason; raises
    ValidationError (a reason too long) or Forbidden (not closed, no reason)."""
    problems: list[FieldProblem] = []
    notes = text(reason, "status_notes", MAX_TEXT, problems)
    if problems:
        raise ValidationError(problems)
    wanted = {"status": lifecycle.REOPENED, "status_notes": notes}
    lifecycle.check_update(status, wanted, supervisor)
    return wanted


def check_note(raw: object, field: str = "text") -> str:
    """A note as it is kept; raises ValidationError naming `field` with what to fix."""
    problems: list[FieldProblem] = []
    body = text(raw, field, MAX_TEXT, problems, required=True)
    if problems:
        raise ValidationError(problems)
    return body


def check_addition(status: str, what: str, supervisor: bool) -> None:
    """A note ("text"), an attached citizen ("citizen_id") or a duplicate link ("parent")
    on a request in `status`; raises Forbidden on a closed one, unless by a supervisor."""
    lifecycle.check_addition(status, what, supervisor)

"""What of a request the public may see: the privacy-critical part of Open311, alone so
that it is easy to audit.

These endpoints are public, so under the city's digital charter a request is shown without
anything personal: no citizen, no agent, no notes, no description (agents type callers'
details into it), the street without its civic number, the postal code's first three
characters and coordinates rounded to about a hundred metres. Only PUBLIC_COLUMNS are even
read from the database; every field of a public record is built here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.domain import request_terms as terms
from app.domain.catalogue import RoutingTable
from app.server.catalogue_store import CatalogueState
from app.server.models import ServiceRequest
from app.server.open311.common import iso, service_notice

COORDINATE_DIGITS = 3  # about 110 m of latitude: the block, not the house
FSA_LENGTH = 3  # forward sortation area: a district, never one address
# A leading civic number ("1234 ", "1234-A, ", "12-14 "), but not an ordinal street name
# such as "4e Avenue" or "1re Rue" (no E or R suffix).
_CIVIC_NUMBER = re.compile(
    r"^\s*\d+(?:\s?[-–]\s?\d+)?(?:\s?[-–]?\s?[A-DF-QS-Z])?\s*,?\s+(?=\S)", re.IGNORECASE
)

PUBLIC_COLUMNS = (
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


def public_street(street: str) -> str:
    return _CIVIC_NUMBER.sub("", street, count=1).strip()


def public_address(req: ServiceRequest, routing: RoutingTable | None) -> str | None:
    area = routing.arrondissements.get(req.arrondissement) if routing else None
    # A GeoReport client's address_string is free text ("app. 4, 1234 rue X", a name...):
    # no pattern makes it safe, so only its arrondissement is shown. Agents type the civic
    # number in a field of its own; the open data's streets are public already.
    street = "" if req.source == "georeport" else public_street(req.street)
    parts = [street, area.name if area else ""]
    return ", ".join(part for part in parts if part) or None


def rounded(value: float | None) -> float | None:
    return round(value, COORDINATE_DIGITS) if value is not None else None


def agency(routing: RoutingTable | None, code: str) -> str | None:
    unit = routing.units.get(code) if routing else None
    return unit.name_fr if unit else (code or None)


def notice_for(state: CatalogueState, code: str) -> str | None:
    service = state.services.get(code) or state.retired.get(code)
    return service_notice(service.delay) if service else None


def public_request(req: ServiceRequest, state: CatalogueState) -> dict[str, Any]:
    label, _, o311 = terms.STATUSES.get(req.status, (req.status, req.status, "open"))
    return {
        "service_request_id": req.case_number,
        "status": o311,
        "status_notes": label,
        "service_name": req.service_name,
        "service_code": req.service_code,
        "description": None,
        "agency_responsible": agency(state.routing, req.responsible_unit),
        "service_notice": notice_for(state, req.service_code),
        "requested_datetime": iso(req.created_at),
        "updated_datetime": iso(req.updated_at),
        "expected_datetime": iso(req.due_at),
        "address": public_address(req, state.routing),
        "address_id": None,
        "zipcode": req.postal_code[:FSA_LENGTH] or None,
        "lat": rounded(req.lat),
        "long": rounded(req.long),
        "media_url": None,
    }


@dataclass(frozen=True)
class Links:
    parents: dict[str, str]  # request id -> its parent's case number
    duplicates: dict[str, list[str]]  # request id -> case numbers of its duplicates


def extended_attributes(req: ServiceRequest, links: Links) -> dict[str, Any]:
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


def public_records(
    rows: Sequence[ServiceRequest], state: CatalogueState, links: Links | None
) -> list[dict[str, Any]]:
    """The requests as the public sees them; with their extended attributes when `links`
    (their parents and duplicates) are given."""
    records = []
    for row in rows:
        record = public_request(row, state)
        if links is not None:
            record["extended_attributes"] = extended_attributes(row, links)
        records.append(record)
    return records

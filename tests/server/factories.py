"""Operations as a console would push them."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.case_numbers import CaseNumber
from app.domain.catalogue import Service
from app.services.catalogue_files import bundled_catalogue

_sequence = itertools.count(1)


def case_number(station: int | None, sequence: int | None = None) -> str:
    year = datetime.now(ZoneInfo("America/Montreal")).year
    assert station is not None
    return str(CaseNumber(year=year, station=station, sequence=sequence or next(_sequence)))


def op(kind: str, target: str, data: dict[str, Any] | None = None, base: int = 0) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "type": kind,
        "target": target,
        "base_revision": base,
        "data": data or {},
    }


def valid_attributes(service: Service) -> dict[str, Any]:
    """Values for the service's required attributes, as an agent would fill them."""
    values: dict[str, Any] = {}
    for attr in service.attributes:
        if not attr.required:
            continue
        values[attr.code] = {
            "string": "oui",
            "text": "Détails",
            "number": 2,
            "datetime": "2026-11-20T10:00:00-05:00",
            "singlevaluelist": attr.values[0].key if attr.values else "",
            "multivaluelist": [attr.values[0].key] if attr.values else [],
        }[attr.datatype]
    return values


def pothole(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "attributes": valid_attributes(bundled_catalogue().services["VOIRIE-NID-DE-POULE"]),
        "service_code": "VOIRIE-NID-DE-POULE",
        "channel": "phone",
        "description": "Gros trou devant l'école",
        "civic_number": "275",
        "street": "rue Notre-Dame Est",
        "postal_code": "h2y1c6",
        "arrondissement": "VM",
    }
    data.update(extra)
    return data


def create_op(station: int | None, **extra: Any) -> dict[str, Any]:
    return op("request.create", case_number(station), pothole(**extra))

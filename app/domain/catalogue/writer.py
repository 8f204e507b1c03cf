"""The catalogue as plain data (JSON): what the store keeps per service and for its routing
table, sends in its feed, and what an administrator uploads. reader.py reads it back."""

from __future__ import annotations

from typing import Any

from app.domain.catalogue.model import Catalogue, RoutingTable, Service


def service_to_dict(s: Service) -> dict[str, Any]:
    return {
        "code": s.code,
        "name_fr": s.name_fr,
        "name_en": s.name_en,
        "group": s.group,
        "nature": s.nature,
        "delay": {"value": s.delay.value, "unit": s.delay.unit},
        "geographic": s.geographic,
        "anonymous": s.anonymous,
        "keywords_fr": list(s.keywords_fr),
        "keywords_en": list(s.keywords_en),
        "description_fr": s.description_fr,
        "description_en": s.description_en,
        "attributes": [
            {
                "code": a.code,
                "datatype": a.datatype,
                "required": a.required,
                "order": a.order,
                "description_fr": a.description_fr,
                "description_en": a.description_en,
                "values": [
                    {"key": v.key, "name_fr": v.name_fr, "name_en": v.name_en} for v in a.values
                ],
            }
            for a in s.attributes
        ],
    }


def routing_to_dict(r: RoutingTable) -> dict[str, Any]:
    return {
        "timezone": r.timezone,
        "office_hours": {
            "start": r.office_start.isoformat(timespec="minutes"),
            "end": r.office_end.isoformat(timespec="minutes"),
        },
        "after_hours_unit": r.after_hours_unit,
        "units": [
            {"code": u.code, "name_fr": u.name_fr, "name_en": u.name_en, "phone": u.phone}
            for u in r.units.values()
        ],
        "groups": [
            {"code": g.code, "name_fr": g.name_fr, "name_en": g.name_en, "scope": g.scope}
            for g in r.groups.values()
        ],
        "arrondissements": [
            {"code": a.code, "name": a.name, "kind": a.kind, "phone": a.phone}
            for a in r.arrondissements.values()
        ],
        "rules": [
            {"arrondissement": arr, "group": group, "unit": unit}
            for (arr, group), unit in r.rules.items()
        ],
    }


def catalogue_to_dict(cat: Catalogue) -> dict[str, Any]:
    return {
        "services": [service_to_dict(s) for s in cat.services.values()],
        "routing": routing_to_dict(cat.routing),
    }

"""Who handles a request: the responsible unit by arrondissement x service group, and who
takes it now (the unit during office hours, the 24/7 centre evenings, weekends and
Québec holidays). Pure functions over the routing table in resources/catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.catalogue import RoutingTable, Service, Unit
from app.domain.workdays import in_office_hours


class RoutingError(ValueError):
    def __init__(
        self, field: str, message: str, code: str = "routing", params: tuple[str, ...] = ()
    ) -> None:
        self.field = field
        self.message = message
        self.code = code  # what a screen names in its own words, with params
        self.params = params
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Routing:
    unit: Unit  # responsible for the work
    handled_by: Unit  # who takes the request now
    after_hours: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "unit": self.unit.code,
            "unit_name": self.unit.name_fr,
            "handled_by": self.handled_by.code,
            "handled_by_name": self.handled_by.name_fr,
            "after_hours": self.after_hours,
        }


def is_office_hours(table: RoutingTable, when: datetime) -> bool:
    return in_office_hours(when, table.timezone, table.office_start, table.office_end)


def responsible_unit(table: RoutingTable, arrondissement: str | None, group: str) -> Unit:
    grp = table.groups.get(group)
    if grp is None:
        raise RoutingError("service_code", f"service group « {group} » has no routing rule")
    if arrondissement is None or arrondissement == "":
        if grp.scope != "agglomeration":
            raise RoutingError(
                "arrondissement",
                "required for this service: choose the arrondissement",
                "arrondissement",
            )
        return table.units[_any_rule(table, group)]  # one central unit for the island
    arr = table.arrondissements.get(arrondissement)
    if arr is None:
        known = ", ".join(sorted(table.arrondissements))
        raise RoutingError(
            "arrondissement", f"unknown code « {arrondissement} »; known: {known}", "arrondissement"
        )
    code = table.rules.get((arrondissement, group))
    if code is None:
        if arr.kind == "related_city":
            phone = f" ({arr.phone})" if arr.phone else ""
            raise RoutingError(
                "arrondissement",
                f"{arr.name} is a related city that handles this service itself: "
                f"refer the citizen to {arr.name}{phone}",
                "related_city",
                (arr.name, arr.phone),
            )
        raise RoutingError("arrondissement", f"no unit for {arr.name} x {group}")
    return table.units[code]


def _any_rule(table: RoutingTable, group: str) -> str:
    for (_arr, grp), unit in table.rules.items():
        if grp == group:
            return unit
    raise RoutingError("service_code", f"service group « {group} » has no routing rule")


def route(
    table: RoutingTable, service: Service, arrondissement: str | None, when: datetime
) -> Routing:
    unit = responsible_unit(table, arrondissement or None, service.group)
    if is_office_hours(table, when):
        return Routing(unit=unit, handled_by=unit, after_hours=False)
    return Routing(unit=unit, handled_by=table.units[table.after_hours_unit], after_hours=True)


def triage_routing(table: RoutingTable, service: Service, when: datetime) -> Routing:
    """Where a request goes when its arrondissement is unknown: agglomeration services to
    their unit as usual, local ones to the 24/7 centre, which finds the arrondissement."""
    group = table.groups.get(service.group)
    if group is not None and group.scope == "agglomeration":
        return route(table, service, None, when)
    centre = table.units[table.after_hours_unit]
    return Routing(unit=centre, handled_by=centre, after_hours=not is_office_hours(table, when))

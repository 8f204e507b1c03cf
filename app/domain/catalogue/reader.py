"""The one reader of the catalogue's schema, from plain data: the dicts tomllib makes of
services.toml and routing.toml (the format is described in resources/catalogue/README.md),
and the dicts writer.py writes, which the store keeps, sends in its feed and takes from an
administrator as JSON. Every problem names the file (or source), the field and the fix; a
catalogue with any problem is refused whole, with all its problems at once.

The two spellings of the schema differ only where the files are written by hand (see Form);
the rules a service, a unit or a rule must follow are the same for both. tables.py holds
the two Forms and the problem-recording getters, read_services.py and read_routing.py what
each part must say; this module reads whole documents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.catalogue.model import Catalogue, CatalogueError, RoutingTable, Service
from app.domain.catalogue.read_routing import read_routing, routing_table
from app.domain.catalogue.read_services import read_service, read_services, service_table
from app.domain.catalogue.tables import DATA, DATA_SOURCE, FILES, Problems, Table, label


def catalogue_from_files(
    routing_file: str,
    routing_data: Mapping[str, Any] | None,
    services_file: str,
    services_data: Mapping[str, Any] | None,
    problems: Sequence[str] = (),
) -> Catalogue:
    """The catalogue from routing.toml and services.toml as tomllib reads them; None for a
    file that could not be read, whose `problems` are reported with the rest."""
    found = Problems(problems)
    routing = None
    if routing_data is not None:
        routing = read_routing(routing_table(found, FILES, routing_file, "", routing_data))
    services: dict[str, Service] = {}
    if services_data is not None:
        top = Table(found, FILES, services_file, "", services_data, (FILES.service,))
        groups = routing.groups if routing is not None and routing.groups else None
        services = read_services(top, groups)
    if found.items or routing is None:
        raise CatalogueError(found.items)
    return Catalogue(services=services, routing=routing)


def catalogue_from_dict(data: object, source: str = DATA_SOURCE) -> Catalogue:
    """The inverse of writer.catalogue_to_dict, e.g. for a catalogue an administrator
    uploads; `source` names it in the problems."""
    found = Problems()
    top = Table(found, DATA, source, "", data, ("routing", DATA.service))
    routing = None
    if "routing" in top.data:
        table = routing_table(found, DATA, source, "routing", top.data["routing"])
        routing = read_routing(table)
    services = read_services(top, routing.groups if routing is not None else None)
    if found.items or routing is None:
        raise CatalogueError(found.items)
    return Catalogue(services=services, routing=routing)


def service_from_dict(data: object, source: str = DATA_SOURCE) -> Service:
    """One service as writer.service_to_dict writes it (a row of the store, a feed entry);
    its group is checked against the routing table by whoever holds both."""
    found = Problems()
    parent = Table(found, DATA, source, "", {}, ())
    service = read_service(service_table(parent, label("service", data, "code", 1), data), None)
    if found.items:
        raise CatalogueError(found.items)
    return service


def routing_from_dict(data: object, source: str = DATA_SOURCE) -> RoutingTable:
    """The routing table as writer.routing_to_dict writes it."""
    found = Problems()
    routing = read_routing(routing_table(found, DATA, source, "routing", data))
    if found.items:
        raise CatalogueError(found.items)
    return routing

"""The service catalogue: the request types 311 handles, and which unit each one goes to.

model.py holds what it is; reader.py (with tables.py, read_services.py and
read_routing.py) is the one reader of its schema from plain data (the TOML files as tomllib
reads them, or the JSON the store keeps and sends); writer.py writes the plain data.
Reading the files themselves is I/O, in app.services.catalogue_files.
"""

from app.domain.catalogue.model import (
    DATATYPES,
    DELAY_UNITS,
    KINDS,
    LIST_DATATYPES,
    NATURES,
    SCOPES,
    Arrondissement,
    Attribute,
    AttributeValue,
    Catalogue,
    CatalogueError,
    Delay,
    Group,
    RoutingTable,
    Service,
    Unit,
)
from app.domain.catalogue.reader import (
    catalogue_from_dict,
    catalogue_from_files,
    routing_from_dict,
    service_from_dict,
)
from app.domain.catalogue.writer import catalogue_to_dict, routing_to_dict, service_to_dict

__all__ = [
    "DATATYPES",
    "DELAY_UNITS",
    "KINDS",
    "LIST_DATATYPES",
    "NATURES",
    "SCOPES",
    "Arrondissement",
    "Attribute",
    "AttributeValue",
    "Catalogue",
    "CatalogueError",
    "Delay",
    "Group",
    "RoutingTable",
    "Service",
    "Unit",
    "catalogue_from_dict",
    "catalogue_from_files",
    "catalogue_to_dict",
    "routing_from_dict",
    "routing_to_dict",
    "service_from_dict",
    "service_to_dict",
]

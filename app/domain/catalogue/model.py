"""The service catalogue's model: the request types 311 handles, and which unit each one
goes to. The reader (reader.py) builds it from plain data, the writer (writer.py) turns it
back into plain data; neither reads a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
NATURES = ("request", "complaint", "information", "comment")
DELAY_UNITS = ("business_days", "business_hours", "hours")
LIST_DATATYPES = ("singlevaluelist", "multivaluelist")
SCOPES = ("local", "agglomeration")
KINDS = ("arrondissement", "related_city")


@dataclass(frozen=True)
class AttributeValue:
    key: str
    name_fr: str
    name_en: str


@dataclass(frozen=True)
class Attribute:
    code: str
    datatype: str
    required: bool
    order: int
    description_fr: str
    description_en: str
    values: tuple[AttributeValue, ...] = ()


@dataclass(frozen=True)
class Delay:
    value: int
    unit: str


@dataclass(frozen=True)
class Service:
    code: str
    name_fr: str
    name_en: str
    group: str
    nature: str
    delay: Delay
    geographic: bool
    anonymous: bool
    keywords_fr: tuple[str, ...]
    keywords_en: tuple[str, ...]
    description_fr: str
    description_en: str
    attributes: tuple[Attribute, ...]

    def name(self, lang: str) -> str:
        if lang == "fr":
            return self.name_fr
        return self.name_en or self.name_fr


@dataclass(frozen=True)
class Unit:
    code: str
    name_fr: str
    name_en: str
    phone: str = ""


@dataclass(frozen=True)
class Group:
    code: str
    name_fr: str
    name_en: str
    scope: str


@dataclass(frozen=True)
class Arrondissement:
    code: str
    name: str
    kind: str
    phone: str = ""


@dataclass(frozen=True)
class RoutingTable:
    timezone: str
    office_start: time
    office_end: time
    after_hours_unit: str
    units: Mapping[str, Unit]
    groups: Mapping[str, Group]
    arrondissements: Mapping[str, Arrondissement]
    rules: Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class Catalogue:
    services: Mapping[str, Service]
    routing: RoutingTable


class CatalogueError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{n} problem{'s' if n > 1 else ''} in the service catalogue; "
            f"nothing was loaded:\n{lines}"
        )

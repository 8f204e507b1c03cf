"""The service catalogue: the request types 311 handles, and which unit each one goes to.

Reviewable data in resources/catalogue (services.toml and routing.toml; the format is described
in the README there). Every problem names the file, the field and the fix; a catalogue with any
problem is refused whole.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.services.resources import resources_dir

DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
NATURES = ("request", "complaint", "information", "comment")
DELAY_UNITS = ("business_days", "business_hours", "hours")
LIST_DATATYPES = ("singlevaluelist", "multivaluelist")
SCOPES = ("local", "agglomeration")
KINDS = ("arrondissement", "related_city")

SERVICES_FILE = "services.toml"
ROUTING_FILE = "routing.toml"

_SERVICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9]$")
_ATTRIBUTE_CODE = re.compile(r"^[a-z0-9_]{1,40}$")
_VALUE_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")  # document codes use '-'
_UNIT_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,38}[A-Z0-9]$")
_GROUP_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")
_ARRONDISSEMENT_CODE = re.compile(r"^[A-Z]{2,4}$")
_HOUR = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")

T = TypeVar("T")


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


# --- Reading TOML files ---------------------------------------------------------------------


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, field: str, message: str) -> None:
        self.items.append(f"{file} [{field}]: {message}")


class _Table:
    """One TOML table: typed getters that record problems instead of raising."""

    def __init__(
        self,
        problems: _Problems,
        file: str,
        where: str,
        data: dict[str, Any],
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> None:
        self.problems = problems
        self.file = file
        self.where = where
        self.data = data
        allowed = required + optional
        for key in data:
            if key not in allowed:
                self.fail(key, f"unknown key; the allowed keys are: {', '.join(allowed)}")
        for key in required:
            if key not in data:
                self.fail(key, "is missing; add it")

    def field(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, message: str) -> None:
        self.problems.add(self.file, self.field(key), message)

    def _typed(self, key: str, kind: type[T], expected: str) -> T | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        self.fail(key, f"must be {expected}, not {_kind(value)}")
        return None

    def text(self, key: str, nonempty: bool = False) -> str:
        value = self._typed(key, str, 'text in quotes, e.g. "…"')
        if value is None:
            return ""
        if nonempty and not value.strip():
            self.fail(key, "is empty; write a value")
        return value.strip()

    def boolean(self, key: str) -> bool:
        return bool(self._typed(key, bool, "true or false"))

    def integer(self, key: str) -> int | None:
        return self._typed(key, int, "a whole number")

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._typed(key, list, 'a list of quoted words, e.g. ["a", "b"]')
        if value is None:
            return ()
        if not all(isinstance(v, str) for v in value):
            self.fail(key, 'must be a list of quoted words, e.g. ["a", "b"]')
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def table(self, key: str) -> dict[str, Any] | None:
        return self._typed(key, dict, "a table, e.g. { key = value }")

    def tables(self, key: str) -> list[dict[str, Any]]:
        value = self._typed(key, list, f"a list of [[{key}]] tables")
        if value is None:
            return []
        if not all(isinstance(v, dict) for v in value):
            self.fail(key, f"must be a list of [[{key}]] tables or {{ … }} inline tables")
            return []
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if key in self.data and isinstance(self.data[key], str) and value not in allowed:
            self.fail(key, f"'{value}' is not allowed; use one of: {', '.join(allowed)}")
        return value

    def code(self, key: str, pattern: re.Pattern[str], rule: str) -> str:
        value = self.text(key)
        if key in self.data and isinstance(self.data[key], str) and not pattern.match(value):
            self.fail(key, f"'{value}' is not a valid code; {rule}")
        return value


def _read_toml(path: Path, problems: _Problems) -> dict[str, Any] | None:
    file = str(path)
    if not path.is_file():
        problems.add(file, "file", "not found; create it (format in resources/catalogue/README.md)")
        return None
    try:
        raw = path.read_text("utf-8")
    except UnicodeDecodeError:
        problems.add(file, "encoding", "is not UTF-8; save the file as UTF-8")
        return None
    try:
        return tomllib.loads(raw.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        problems.add(file, "syntax", f"invalid TOML: {exc}; correct the syntax at that line")
        return None


def _label(kind: str, data: dict[str, Any], key: str, index: int) -> str:
    value = data.get(key)
    if isinstance(value, str) and value.strip():
        return f"{kind}[{value.strip()}]"
    return f"{kind} #{index}"


def _placeholders(template: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


# --- services.toml --------------------------------------------------------------------------

_SERVICE_REQUIRED = ("code", "name_fr", "group", "nature", "delay", "geographic", "anonymous")
_SERVICE_OPTIONAL = (
    "name_en",
    "keywords_fr",
    "keywords_en",
    "description_fr",
    "description_en",
    "attribute",
)
_ATTRIBUTE_REQUIRED = ("code", "datatype", "required", "order", "description_fr")
_ATTRIBUTE_OPTIONAL = ("description_en", "values")


def _read_values(attr: _Table, datatype: str) -> tuple[AttributeValue, ...]:
    if datatype not in LIST_DATATYPES:
        if "values" in attr.data:
            attr.fail(
                "values",
                f"only list datatypes ({', '.join(LIST_DATATYPES)}) have values; "
                "remove it or change the datatype",
            )
        return ()
    if "values" not in attr.data:
        attr.fail("values", f"is missing; a {datatype} needs a list of values")
        return ()
    entries = attr.tables("values")
    if attr.data["values"] == []:
        attr.fail("values", "is empty; list at least one value")
    values: list[AttributeValue] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        value = _Table(
            attr.problems,
            attr.file,
            attr.field(_label("values", entry, "key", i)),
            entry,
            ("key", "name_fr"),
            ("name_en",),
        )
        key = value.code("key", _VALUE_KEY, "use a-z, 0-9, '_' and '-' (at most 60)")
        if key and key in seen:
            value.fail("key", f"duplicate key '{key}'; give each value its own key")
        seen.add(key)
        values.append(AttributeValue(key, value.text("name_fr", True), value.text("name_en")))
    return tuple(values)


def _read_attributes(svc: _Table) -> tuple[Attribute, ...]:
    attributes: list[Attribute] = []
    codes: set[str] = set()
    orders: dict[int, str] = {}
    for i, entry in enumerate(svc.tables("attribute"), 1):
        attr = _Table(
            svc.problems,
            svc.file,
            svc.field(_label("attribute", entry, "code", i)),
            entry,
            _ATTRIBUTE_REQUIRED,
            _ATTRIBUTE_OPTIONAL,
        )
        code = attr.code("code", _ATTRIBUTE_CODE, "use a-z, 0-9 and '_' (at most 40)")
        if code and code in codes:
            attr.fail(
                "code",
                f"duplicate attribute code '{code}' in this service; "
                "give each attribute its own code",
            )
        codes.add(code)
        datatype = attr.choice("datatype", DATATYPES)
        order = attr.integer("order")
        if order is not None:
            if order < 1:
                attr.fail("order", f"{order} is not positive; number the attributes 1, 2, 3…")
            elif order in orders:
                attr.fail(
                    "order",
                    f"{order} is already used by attribute '{orders[order]}'; "
                    "give each attribute its own order",
                )
            else:
                orders[order] = code
        attributes.append(
            Attribute(
                code=code,
                datatype=datatype,
                required=attr.boolean("required"),
                order=order or 0,
                description_fr=attr.text("description_fr", True),
                description_en=attr.text("description_en"),
                values=_read_values(attr, datatype),
            )
        )
    return tuple(sorted(attributes, key=lambda a: a.order))


def _read_delay(svc: _Table) -> Delay:
    data = svc.table("delay")
    if data is None:
        return Delay(0, "")
    delay = _Table(svc.problems, svc.file, svc.field("delay"), data, ("value", "unit"))
    value = delay.integer("value")
    if value is not None and value < 1:
        delay.fail("value", f"{value} is not positive; give a delay of at least 1")
    return Delay(value or 0, delay.choice("unit", DELAY_UNITS))


def _read_services(
    path: Path, data: dict[str, Any], problems: _Problems, groups: Mapping[str, Group] | None
) -> dict[str, Service]:
    file = str(path)
    top = _Table(problems, file, "", data, ("service",))
    services: dict[str, Service] = {}
    for i, entry in enumerate(top.tables("service"), 1):
        svc = _Table(
            problems,
            file,
            _label("service", entry, "code", i),
            entry,
            _SERVICE_REQUIRED,
            _SERVICE_OPTIONAL,
        )
        code = svc.code("code", _SERVICE_CODE, "use A-Z, 0-9 and '-', 3 to 40 characters")
        group = svc.text("group", True)
        if groups is not None and group and group not in groups:
            svc.fail(
                "group",
                f"unknown group '{group}'; use a group defined in {ROUTING_FILE}: "
                f"{', '.join(groups)}",
            )
        service = Service(
            code=code,
            name_fr=svc.text("name_fr", True),
            name_en=svc.text("name_en"),
            group=group,
            nature=svc.choice("nature", NATURES),
            delay=_read_delay(svc),
            geographic=svc.boolean("geographic"),
            anonymous=svc.boolean("anonymous"),
            keywords_fr=svc.strings("keywords_fr"),
            keywords_en=svc.strings("keywords_en"),
            description_fr=svc.text("description_fr"),
            description_en=svc.text("description_en"),
            attributes=_read_attributes(svc),
        )
        if code in services:
            svc.fail("code", f"duplicate service code '{code}'; give each service its own code")
        else:
            services[code] = service
    return services


# --- routing.toml ---------------------------------------------------------------------------

_ROUTING_REQUIRED = (
    "timezone",
    "office_hours",
    "after_hours_unit",
    "unit",
    "group",
    "arrondissement",
)
_UNIT_RULE = "use A-Z, 0-9 and '-', 2 to 40 characters"


def _read_hour(table: _Table, key: str) -> time | None:
    if key not in table.data:
        return None
    value = table.data[key]
    match = _HOUR.match(value) if isinstance(value, str) else None
    if match is None:
        table.fail(key, f'must be a time of day in quotes, e.g. "08:30", not {value!r}')
        return None
    return time(int(match.group(1)), int(match.group(2)))


def _read_timezone(top: _Table) -> str:
    name = top.text("timezone", True)
    if name:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            top.fail(
                "timezone", f"unknown time zone '{name}'; use an IANA name such as America/Montreal"
            )
    return name


def _read_office_hours(top: _Table) -> tuple[time, time]:
    data = top.table("office_hours")
    if data is None:
        return time(0), time(0)
    hours = _Table(top.problems, top.file, "office_hours", data, ("start", "end"))
    start, end = _read_hour(hours, "start"), _read_hour(hours, "end")
    if start is not None and end is not None and start >= end:
        top.fail(
            "office_hours",
            f"start {start:%H:%M} must be before end {end:%H:%M}; swap or correct them",
        )
    return start or time(0), end or time(0)


def _read_units(top: _Table) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for i, entry in enumerate(top.tables("unit"), 1):
        unit = _Table(
            top.problems,
            top.file,
            _label("unit", entry, "code", i),
            entry,
            ("code", "name_fr"),
            ("name_en", "phone"),
        )
        code = unit.code("code", _UNIT_CODE, _UNIT_RULE)
        value = Unit(code, unit.text("name_fr", True), unit.text("name_en"), unit.text("phone"))
        if code in units:
            unit.fail("code", f"duplicate unit code '{code}'; give each unit its own code")
        else:
            units[code] = value
    return units


def _read_arrondissements(top: _Table) -> dict[str, Arrondissement]:
    arrondissements: dict[str, Arrondissement] = {}
    for i, entry in enumerate(top.tables("arrondissement"), 1):
        arr = _Table(
            top.problems,
            top.file,
            _label("arrondissement", entry, "code", i),
            entry,
            ("code", "name", "kind"),
            ("phone",),
        )
        code = arr.code("code", _ARRONDISSEMENT_CODE, "use 2 to 4 capital letters")
        value = Arrondissement(
            code, arr.text("name", True), arr.choice("kind", KINDS), arr.text("phone")
        )
        if code in arrondissements:
            arr.fail("code", f"duplicate arrondissement code '{code}'; give each its own code")
        elif _ARRONDISSEMENT_CODE.match(code):  # a bad code is reported once, not per group
            arrondissements[code] = value
    return arrondissements


@dataclass(frozen=True)
class _GroupSpec:
    group: Group
    unit: str
    unit_name_fr: str
    unit_name_en: str
    label: str


def _read_template(grp: _Table, key: str, placeholder: str) -> str:
    value = grp.text(key, True)
    if not value:
        return ""
    found = _placeholders(value)
    if found is None:
        grp.fail(key, "has unbalanced braces; write the placeholder as {" + placeholder + "}")
        return ""
    extra = found - {placeholder}
    if extra:
        grp.fail(
            key,
            f"unknown placeholder {{{', '.join(sorted(extra))}}}; "
            f"only {{{placeholder}}} is allowed",
        )
        return ""
    if key == "unit" and placeholder not in found:
        grp.fail(
            key, 'a local group\'s unit must contain {arrondissement}, e.g. "TP-{arrondissement}"'
        )
        return ""
    return value


def _read_groups(top: _Table, units: Mapping[str, Unit]) -> dict[str, _GroupSpec]:
    groups: dict[str, _GroupSpec] = {}
    for i, entry in enumerate(top.tables("group"), 1):
        label = _label("group", entry, "code", i)
        grp = _Table(
            top.problems,
            top.file,
            label,
            entry,
            ("code", "name_fr", "scope", "unit"),
            ("name_en", "unit_name_fr", "unit_name_en"),
        )
        code = grp.code("code", _GROUP_CODE, "use a-z, 0-9 and '-', 2 to 40 characters")
        scope = grp.choice("scope", SCOPES)
        group = Group(code, grp.text("name_fr", True), grp.text("name_en"), scope)
        unit = name_fr = name_en = ""
        if scope == "local":
            unit = _read_template(grp, "unit", "arrondissement")
            if "unit_name_fr" not in entry:
                grp.fail(
                    "unit_name_fr",
                    'is missing; local groups need it, e.g. "Travaux publics – {name}"',
                )
            else:
                name_fr = _read_template(grp, "unit_name_fr", "name")
            name_en = _read_template(grp, "unit_name_en", "name") if "unit_name_en" in entry else ""
        elif scope == "agglomeration":
            unit = grp.text("unit", True)
            if unit and unit not in units:
                grp.fail("unit", f"unknown unit '{unit}'; list it in a [[unit]] table")
            for key in ("unit_name_fr", "unit_name_en"):
                if key in entry:
                    grp.fail(key, "is only for local groups; remove it")
        if code in groups:
            grp.fail("code", f"duplicate group code '{code}'; give each group its own code")
        else:
            groups[code] = _GroupSpec(group, unit, name_fr, name_en or name_fr, label)
    return groups


def _expand(
    top: _Table,
    units: dict[str, Unit],
    groups: Mapping[str, _GroupSpec],
    arrondissements: Mapping[str, Arrondissement],
) -> dict[tuple[str, str], str]:
    """Generate the local units from the templates and map every (place, group) to a unit."""
    listed = set(units)
    made_by: dict[str, str] = {}
    rules: dict[tuple[str, str], str] = {}
    for spec in groups.values():
        if spec.group.scope == "agglomeration" and spec.unit:
            for place in arrondissements:
                rules[(place, spec.group.code)] = spec.unit
        if spec.group.scope != "local" or not spec.unit or not spec.unit_name_fr:
            continue
        for arr in arrondissements.values():
            if arr.kind != "arrondissement":
                continue
            code = spec.unit.format(arrondissement=arr.code)
            if not _UNIT_CODE.match(code):
                top.problems.add(
                    top.file,
                    f"{spec.label}.unit",
                    f"gives '{code}', which is not a valid unit code; {_UNIT_RULE}",
                )
                break
            rules[(arr.code, spec.group.code)] = code
            unit = Unit(
                code,
                spec.unit_name_fr.format(name=arr.name),
                spec.unit_name_en.format(name=arr.name),
            )
            if code in listed:
                continue
            if code in units and units[code] != unit:
                top.problems.add(
                    top.file,
                    f"{spec.label}.unit_name_fr",
                    f"names unit {code} '{unit.name_fr}' / '{unit.name_en}', but group "
                    f"'{made_by[code]}' names it '{units[code].name_fr}' / "
                    f"'{units[code].name_en}'; use the same names or another unit code",
                )
                break
            units[code] = unit
            made_by[code] = spec.group.code
    return rules


def _read_rules(
    top: _Table,
    rules: dict[tuple[str, str], str],
    listed: set[str],
    groups: Mapping[str, _GroupSpec],
    arrondissements: Mapping[str, Arrondissement],
) -> None:
    seen: set[tuple[str, str]] = set()
    for i, entry in enumerate(top.tables("rule"), 1):
        rule = _Table(
            top.problems, top.file, f"rule #{i}", entry, ("arrondissement", "group", "unit")
        )
        arr, group, unit = (
            rule.text("arrondissement", True),
            rule.text("group", True),
            rule.text("unit", True),
        )
        ok = True
        if arr and arr not in arrondissements:
            rule.fail(
                "arrondissement",
                f"unknown arrondissement '{arr}'; use a code from the [[arrondissement]] tables",
            )
            ok = False
        if group and group not in groups:
            rule.fail("group", f"unknown group '{group}'; use a code from the [[group]] tables")
            ok = False
        if unit and unit not in listed:
            rule.fail("unit", f"unknown unit '{unit}'; list it in a [[unit]] table")
            ok = False
        if not (ok and arr and group and unit):
            continue
        if groups[group].group.scope == "local" and arrondissements[arr].kind != "arrondissement":
            rule.fail(
                "arrondissement",
                f"'{arr}' is a related city, which handles local "
                f"services ({group}) itself; remove this rule",
            )
        elif (arr, group) in seen:
            rule.fail("group", f"a rule for {arr} and {group} already exists; keep only one")
        else:
            seen.add((arr, group))
            rules[(arr, group)] = unit


def _read_routing(path: Path, data: dict[str, Any], problems: _Problems) -> RoutingTable:
    top = _Table(problems, str(path), "", data, _ROUTING_REQUIRED, ("rule",))
    timezone = _read_timezone(top)
    start, end = _read_office_hours(top)
    units = _read_units(top)
    listed = set(units)
    after_hours = top.text("after_hours_unit", True)
    if after_hours and after_hours not in units:
        top.fail("after_hours_unit", f"unknown unit '{after_hours}'; list it in a [[unit]] table")
    arrondissements = _read_arrondissements(top)
    specs = _read_groups(top, units)
    for key in ("unit", "group", "arrondissement"):
        if isinstance(data.get(key), list) and not data[key]:
            top.fail(key, f"is empty; define at least one [[{key}]]")
    rules = _expand(top, units, specs, arrondissements)
    _read_rules(top, rules, listed, specs, arrondissements)
    return RoutingTable(
        timezone=timezone,
        office_start=start,
        office_end=end,
        after_hours_unit=after_hours,
        units=units,
        groups={code: spec.group for code, spec in specs.items()},
        arrondissements=arrondissements,
        rules=rules,
    )


def load_catalogue(folder: Path) -> Catalogue:
    """Read services.toml and routing.toml; raise CatalogueError listing every problem."""
    problems = _Problems()
    routing_data = _read_toml(folder / ROUTING_FILE, problems)
    services_data = _read_toml(folder / SERVICES_FILE, problems)
    routing = None
    if routing_data is not None:
        routing = _read_routing(folder / ROUTING_FILE, routing_data, problems)
    services: dict[str, Service] = {}
    if services_data is not None:
        groups = routing.groups if routing is not None and routing.groups else None
        services = _read_services(folder / SERVICES_FILE, services_data, problems, groups)
    if problems.items or routing is None:
        raise CatalogueError(problems.items)
    return Catalogue(services=services, routing=routing)


@cache
def bundled_catalogue() -> Catalogue:
    return load_catalogue(resources_dir() / "catalogue")


# --- Plain data (JSON) ----------------------------------------------------------------------


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


class _BadData(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"catalogue data [{field}]: {message}")


def _get(data: object, key: str, kind: type[T], where: str) -> T:
    field = f"{where}.{key}" if where else key
    if not isinstance(data, Mapping):
        raise _BadData(where or "top", f"must be an object, not {_kind(data)}")
    if key not in data:
        raise _BadData(field, "is missing")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _BadData(field, f"must be {kind.__name__}, not {_kind(value)}")
    return value


def _one_of(data: object, key: str, allowed: tuple[str, ...], where: str) -> str:
    value = _get(data, key, str, where)
    if value not in allowed:
        raise _BadData(f"{where}.{key}", f"'{value}' is not one of: {', '.join(allowed)}")
    return value


def _strings(data: object, key: str, where: str) -> tuple[str, ...]:
    values = _get(data, key, list, where)
    if not all(isinstance(v, str) for v in values):
        raise _BadData(f"{where}.{key}", "must be a list of strings")
    return tuple(values)


def _service(d: object, where: str) -> Service:
    delay = _get(d, "delay", dict, where)
    attributes: list[Attribute] = []
    for i, a in enumerate(_get(d, "attributes", list, where)):
        at = f"{where}.attributes[{i}]"
        values = tuple(
            AttributeValue(
                _get(v, "key", str, f"{at}.values[{j}]"),
                _get(v, "name_fr", str, f"{at}.values[{j}]"),
                _get(v, "name_en", str, f"{at}.values[{j}]"),
            )
            for j, v in enumerate(_get(a, "values", list, at))
        )
        attributes.append(
            Attribute(
                code=_get(a, "code", str, at),
                datatype=_one_of(a, "datatype", DATATYPES, at),
                required=_get(a, "required", bool, at),
                order=_get(a, "order", int, at),
                description_fr=_get(a, "description_fr", str, at),
                description_en=_get(a, "description_en", str, at),
                values=values,
            )
        )
    return Service(
        code=_get(d, "code", str, where),
        name_fr=_get(d, "name_fr", str, where),
        name_en=_get(d, "name_en", str, where),
        group=_get(d, "group", str, where),
        nature=_one_of(d, "nature", NATURES, where),
        delay=Delay(
            _get(delay, "value", int, f"{where}.delay"),
            _one_of(delay, "unit", DELAY_UNITS, f"{where}.delay"),
        ),
        geographic=_get(d, "geographic", bool, where),
        anonymous=_get(d, "anonymous", bool, where),
        keywords_fr=_strings(d, "keywords_fr", where),
        keywords_en=_strings(d, "keywords_en", where),
        description_fr=_get(d, "description_fr", str, where),
        description_en=_get(d, "description_en", str, where),
        attributes=tuple(sorted(attributes, key=lambda a: a.order)),
    )


def _hour(data: object, key: str) -> time:
    value = _get(data, key, str, "routing.office_hours")
    match = _HOUR.match(value)
    if match is None:
        raise _BadData(f"routing.office_hours.{key}", f"'{value}' is not HH:MM")
    return time(int(match.group(1)), int(match.group(2)))


def _unit(x: object, at: str) -> Unit:
    return Unit(
        _get(x, "code", str, at),
        _get(x, "name_fr", str, at),
        _get(x, "name_en", str, at),
        _get(x, "phone", str, at),
    )


def _group(x: object, at: str) -> Group:
    return Group(
        _get(x, "code", str, at),
        _get(x, "name_fr", str, at),
        _get(x, "name_en", str, at),
        _one_of(x, "scope", SCOPES, at),
    )


def _arrondissement(x: object, at: str) -> Arrondissement:
    return Arrondissement(
        _get(x, "code", str, at),
        _get(x, "name", str, at),
        _one_of(x, "kind", KINDS, at),
        _get(x, "phone", str, at),
    )


def _routing(d: object) -> RoutingTable:
    w = "routing"
    timezone = _get(d, "timezone", str, w)
    hours = _get(d, "office_hours", dict, w)
    units: dict[str, Unit] = {}
    for i, x in enumerate(_get(d, "units", list, w)):
        unit = _unit(x, f"{w}.units[{i}]")
        units[unit.code] = unit
    groups: dict[str, Group] = {}
    for i, x in enumerate(_get(d, "groups", list, w)):
        group = _group(x, f"{w}.groups[{i}]")
        groups[group.code] = group
    arrondissements: dict[str, Arrondissement] = {}
    for i, x in enumerate(_get(d, "arrondissements", list, w)):
        arr = _arrondissement(x, f"{w}.arrondissements[{i}]")
        arrondissements[arr.code] = arr
    rules: dict[tuple[str, str], str] = {}
    for i, x in enumerate(_get(d, "rules", list, w)):
        at = f"{w}.rules[{i}]"
        key = (_get(x, "arrondissement", str, at), _get(x, "group", str, at))
        target = _get(x, "unit", str, at)
        if key[0] not in arrondissements or key[1] not in groups or target not in units:
            raise _BadData(at, "refers to an unknown arrondissement, group or unit")
        rules[key] = target
    after_hours = _get(d, "after_hours_unit", str, w)
    if after_hours not in units:
        raise _BadData(f"{w}.after_hours_unit", f"unknown unit '{after_hours}'")
    return RoutingTable(
        timezone=timezone,
        office_start=_hour(hours, "start"),
        office_end=_hour(hours, "end"),
        after_hours_unit=after_hours,
        units=units,
        groups=groups,
        arrondissements=arrondissements,
        rules=rules,
    )


def service_from_dict(d: dict[str, Any]) -> Service:
    try:
        return _service(d, "service")
    except _BadData as exc:
        raise CatalogueError([str(exc)]) from None


def routing_from_dict(d: dict[str, Any]) -> RoutingTable:
    try:
        return _routing(d)
    except _BadData as exc:
        raise CatalogueError([str(exc)]) from None


def catalogue_from_dict(data: dict[str, Any]) -> Catalogue:
    """The inverse of catalogue_to_dict, e.g. for a catalogue received from the server."""
    try:
        routing = _routing(_get(data, "routing", dict, ""))
        services: dict[str, Service] = {}
        for i, d in enumerate(_get(data, "services", list, "")):
            service = _service(d, f"services[{i}]")
            if service.group not in routing.groups:
                raise _BadData(f"services[{i}].group", f"unknown group '{service.group}'")
            services[service.code] = service
        _check_received(services, routing)
    except _BadData as exc:
        raise CatalogueError([str(exc)]) from None
    return Catalogue(services=services, routing=routing)


def _check_received(services: Mapping[str, Service], routing: RoutingTable) -> None:
    """What the files' loader checks beyond shapes, for a catalogue sent as JSON: codes,
    sizes the store's columns hold, positive delays, a time zone that exists."""
    try:
        ZoneInfo(routing.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise _BadData("routing.timezone", f"unknown time zone '{routing.timezone}'") from None
    if routing.office_start >= routing.office_end:
        raise _BadData("routing.office_hours", "the start must be before the end")
    for code, service in services.items():
        where = f"services[{code}]"
        if not _SERVICE_CODE.match(code):
            raise _BadData(f"{where}.code", "3-40 capital letters, digits and '-'")
        if service.delay.value < 1:
            raise _BadData(f"{where}.delay.value", "must be 1 or more")
        if max(len(service.name_fr), len(service.name_en)) > 200:
            raise _BadData(f"{where}.name_fr", "at most 200 characters")
        for attr in service.attributes:
            if not _ATTRIBUTE_CODE.match(attr.code):
                raise _BadData(f"{where}.attributes.{attr.code}", "a-z, 0-9 and '_', 1-40")
    for code in routing.units:
        if not _UNIT_CODE.match(code):
            raise _BadData(f"routing.units.{code}", "2-40 capital letters, digits and '-'")

"""The one reader of the catalogue's schema, from plain data: the dicts tomllib makes of
services.toml and routing.toml (the format is described in resources/catalogue/README.md),
and the dicts writer.py writes, which the store keeps, sends in its feed and takes from an
administrator as JSON. Every problem names the file (or source), the field and the fix; a
catalogue with any problem is refused whole, with all its problems at once.

The two spellings of the schema differ only where the files are written by hand (see Form);
the rules a service, a unit or a rule must follow are the same for both.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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

_SERVICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9]$")
_ATTRIBUTE_CODE = re.compile(r"^[a-z0-9_]{1,40}$")
_VALUE_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")  # document codes use '-'
_UNIT_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,38}[A-Z0-9]$")
_GROUP_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")
_ARRONDISSEMENT_CODE = re.compile(r"^[A-Z]{2,4}$")
_HOUR = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_UNIT_RULE = "use A-Z, 0-9 and '-', 2 to 40 characters"
MAX_SERVICE_NAME = 200  # what the store's services table holds

DATA_SOURCE = "catalogue data"

T = TypeVar("T")


@dataclass(frozen=True)
class Form:
    """One spelling of the schema.

    FILES, services.toml and routing.toml, written by hand: singular table names
    ([[service]], [[unit]]…), optional keys may be left out, an unknown key is a problem
    (a typo), a local group's units and rules come from its templates and [[rule]] tables
    only override them.

    DATA, what writer.py writes: plural names, every key present, every unit and rule
    spelled out (no templates), and a key the reader does not know is ignored (a newer
    store may send more)."""

    service: str
    attribute: str
    unit: str
    group: str
    arrondissement: str
    rule: str
    complete: bool  # every key present; unknown keys ignored
    groups_defined_in: str  # where a service's group must be defined

    def list_of(self, key: str) -> str:
        return f"a list of [[{key}]] tables" if not self.complete else "a list of objects"

    def one_in(self, key: str) -> str:
        return f"a [[{key}]] table" if not self.complete else f"the {key} list"

    def all_in(self, key: str) -> str:
        return f"the [[{key}]] tables" if not self.complete else f"the {key} list"

    def at_least_one(self, key: str) -> str:
        return f"define at least one [[{key}]]" if not self.complete else "list at least one"

    @property
    def table(self) -> str:
        return (
            "a table, e.g. { key = value }" if not self.complete else 'an object, e.g. {"key": 1}'
        )


FILES = Form(
    service="service",
    attribute="attribute",
    unit="unit",
    group="group",
    arrondissement="arrondissement",
    rule="rule",
    complete=False,
    groups_defined_in="routing.toml",
)
DATA = Form(
    service="services",
    attribute="attributes",
    unit="units",
    group="groups",
    arrondissement="arrondissements",
    rule="rules",
    complete=True,
    groups_defined_in="routing.groups",
)


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
    if value is None:
        return "null"
    return type(value).__name__


class _Problems:
    def __init__(self, items: Sequence[str] = ()) -> None:
        self.items: list[str] = list(items)

    def add(self, file: str, field: str, message: str) -> None:
        self.items.append(f"{file} [{field}]: {message}")


class _Table:
    """One table (TOML) or object (JSON): typed getters that record problems instead of
    raising."""

    def __init__(
        self,
        problems: _Problems,
        form: Form,
        file: str,
        where: str,
        data: object,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> None:
        self.problems = problems
        self.form = form
        self.file = file
        self.where = where
        self.data: Mapping[str, Any] = {}
        if not isinstance(data, Mapping):
            problems.add(file, where or "top", f"must be {form.table}, not {_kind(data)}")
            return
        self.data = data
        allowed = required + optional
        if form.complete:
            required = allowed
        else:
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

    def child(self, where: str, data: object, *keys: tuple[str, ...]) -> _Table:
        return _Table(self.problems, self.form, self.file, self.field(where), data, *keys)

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

    def table(self, key: str) -> Mapping[str, Any] | None:
        return self._typed(key, Mapping, self.form.table)  # type: ignore[type-abstract]

    def tables(self, key: str) -> list[Mapping[str, Any]]:
        value = self._typed(key, list, self.form.list_of(key))
        if value is None:
            return []
        if not all(isinstance(v, Mapping) for v in value):
            hint = self.form.list_of(key)
            if not self.form.complete:
                hint += " or { … } inline tables"
            self.fail(key, f"must be {hint}")  # the others are still read, so checked
        return [v for v in value if isinstance(v, Mapping)]

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


def _label(kind: str, data: object, key: str, index: int) -> str:
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, str) and value.strip():
        return f"{kind}[{value.strip()}]"
    return f"{kind} #{index}"


def _placeholders(template: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


# --- Services -------------------------------------------------------------------------------

_SERVICE_REQUIRED = ("code", "name_fr", "group", "nature", "delay", "geographic", "anonymous")
_SERVICE_OPTIONAL = ("name_en", "keywords_fr", "keywords_en", "description_fr", "description_en")
_ATTRIBUTE_REQUIRED = ("code", "datatype", "required", "order", "description_fr")
_ATTRIBUTE_OPTIONAL = ("description_en", "values")


def _read_values(attr: _Table, datatype: str) -> tuple[AttributeValue, ...]:
    if datatype not in LIST_DATATYPES:
        # The writer writes an empty list for every attribute; the files leave it out.
        if "values" in attr.data and not (attr.form.complete and attr.data["values"] == []):
            attr.fail(
                "values",
                f"only list datatypes ({', '.join(LIST_DATATYPES)}) have values; "
                "remove it or change the datatype",
            )
        return ()
    if "values" not in attr.data:
        if not attr.form.complete:  # a complete form already said it is missing
            attr.fail("values", f"is missing; a {datatype} needs a list of values")
        return ()
    entries = attr.tables("values")
    if attr.data["values"] == []:
        attr.fail("values", "is empty; list at least one value")
    values: list[AttributeValue] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        value = attr.child(
            _label("values", entry, "key", i), entry, ("key", "name_fr"), ("name_en",)
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
    key = svc.form.attribute
    for i, entry in enumerate(svc.tables(key), 1):
        attr = svc.child(
            _label(key, entry, "code", i), entry, _ATTRIBUTE_REQUIRED, _ATTRIBUTE_OPTIONAL
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
    delay = svc.child("delay", data, ("value", "unit"))
    value = delay.integer("value")
    if value is not None and value < 1:
        delay.fail("value", f"{value} is not positive; give a delay of at least 1")
    return Delay(value or 0, delay.choice("unit", DELAY_UNITS))


def _read_name(svc: _Table, key: str) -> str:
    name = svc.text(key, nonempty=key == "name_fr")
    if len(name) > MAX_SERVICE_NAME:
        svc.fail(key, f"has {len(name)} characters; shorten it to {MAX_SERVICE_NAME} at most")
    return name


def _read_service(svc: _Table, groups: Mapping[str, Group] | None) -> Service:
    code = svc.code("code", _SERVICE_CODE, "use A-Z, 0-9 and '-', 3 to 40 characters")
    group = svc.text("group", True)
    if groups is not None and group and group not in groups:
        svc.fail(
            "group",
            f"unknown group '{group}'; use a group defined in {svc.form.groups_defined_in}: "
            f"{', '.join(groups)}",
        )
    return Service(
        code=code,
        name_fr=_read_name(svc, "name_fr"),
        name_en=_read_name(svc, "name_en"),
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


def _service_table(parent: _Table, where: str, entry: object) -> _Table:
    optional = (*_SERVICE_OPTIONAL, parent.form.attribute)
    return parent.child(where, entry, _SERVICE_REQUIRED, optional)


def _read_services(top: _Table, groups: Mapping[str, Group] | None) -> dict[str, Service]:
    services: dict[str, Service] = {}
    key = top.form.service
    for i, entry in enumerate(top.tables(key), 1):
        svc = _service_table(top, _label(key, entry, "code", i), entry)
        service = _read_service(svc, groups)
        if service.code in services:
            svc.fail(
                "code",
                f"duplicate service code '{service.code}'; give each service its own code",
            )
        else:
            services[service.code] = service
    return services


# --- Routing --------------------------------------------------------------------------------


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
    hours = top.child("office_hours", data, ("start", "end"))
    start, end = _read_hour(hours, "start"), _read_hour(hours, "end")
    if start is not None and end is not None and start >= end:
        top.fail(
            "office_hours",
            f"start {start:%H:%M} must be before end {end:%H:%M}; swap or correct them",
        )
    return start or time(0), end or time(0)


def _read_units(top: _Table) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    key = top.form.unit
    for i, entry in enumerate(top.tables(key), 1):
        unit = top.child(
            _label(key, entry, "code", i), entry, ("code", "name_fr"), ("name_en", "phone")
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
    key = top.form.arrondissement
    for i, entry in enumerate(top.tables(key), 1):
        arr = top.child(_label(key, entry, "code", i), entry, ("code", "name", "kind"), ("phone",))
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
    unit: str  # files only: the agglomeration unit, or a local group's unit template
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


def _read_group_units(grp: _Table, scope: str, units: Mapping[str, Unit]) -> tuple[str, str, str]:
    """A group's unit (files only): the agglomeration's, or a local group's templates."""
    entry = grp.data
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
            grp.fail("unit", f"unknown unit '{unit}'; list it in {grp.form.one_in(grp.form.unit)}")
        for key in ("unit_name_fr", "unit_name_en"):
            if key in entry:
                grp.fail(key, "is only for local groups; remove it")
    return unit, name_fr, name_en or name_fr


def _read_groups(top: _Table, units: Mapping[str, Unit]) -> dict[str, _GroupSpec]:
    groups: dict[str, _GroupSpec] = {}
    key = top.form.group
    if top.form.complete:
        keys: tuple[tuple[str, ...], ...] = (("code", "name_fr", "name_en", "scope"),)
    else:
        keys = (("code", "name_fr", "scope", "unit"), ("name_en", "unit_name_fr", "unit_name_en"))
    for i, entry in enumerate(top.tables(key), 1):
        grp = top.child(_label(key, entry, "code", i), entry, *keys)
        code = grp.code("code", _GROUP_CODE, "use a-z, 0-9 and '-', 2 to 40 characters")
        scope = grp.choice("scope", SCOPES)
        group = Group(code, grp.text("name_fr", True), grp.text("name_en"), scope)
        templates = ("", "", "") if top.form.complete else _read_group_units(grp, scope, units)
        if code in groups:
            grp.fail("code", f"duplicate group code '{code}'; give each group its own code")
        else:
            groups[code] = _GroupSpec(group, *templates, label=grp.where)
    return groups


def _expand(
    top: _Table,
    units: dict[str, Unit],
    groups: Mapping[str, _GroupSpec],
    arrondissements: Mapping[str, Arrondissement],
) -> dict[tuple[str, str], str]:
    """Generate the local units from the templates and map every (place, group) to a unit
    (the files only: the data spells every unit and rule out)."""
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
    form = top.form
    seen: set[tuple[str, str]] = set()
    for i, entry in enumerate(top.tables(form.rule), 1):
        rule = top.child(f"{form.rule} #{i}", entry, ("arrondissement", "group", "unit"))
        arr, group, unit = (
            rule.text("arrondissement", True),
            rule.text("group", True),
            rule.text("unit", True),
        )
        ok = True
        if arr and arr not in arrondissements:
            rule.fail(
                "arrondissement",
                f"unknown arrondissement '{arr}'; use a code from "
                f"{form.all_in(form.arrondissement)}",
            )
            ok = False
        if group and group not in groups:
            rule.fail(
                "group", f"unknown group '{group}'; use a code from {form.all_in(form.group)}"
            )
            ok = False
        if unit and unit not in listed:
            rule.fail("unit", f"unknown unit '{unit}'; list it in {form.one_in(form.unit)}")
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


def _read_routing(top: _Table) -> RoutingTable:
    form = top.form
    timezone = _read_timezone(top)
    start, end = _read_office_hours(top)
    units = _read_units(top)
    listed = set(units)
    after_hours = top.text("after_hours_unit", True)
    if after_hours and after_hours not in units:
        top.fail(
            "after_hours_unit",
            f"unknown unit '{after_hours}'; list it in {form.one_in(form.unit)}",
        )
    arrondissements = _read_arrondissements(top)
    specs = _read_groups(top, units)
    for key in (form.unit, form.group, form.arrondissement):
        if isinstance(top.data.get(key), list) and not top.data[key]:
            top.fail(key, f"is empty; {form.at_least_one(key)}")
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


def _routing_table(problems: _Problems, form: Form, file: str, where: str, data: object) -> _Table:
    required = (
        *("timezone", "office_hours", "after_hours_unit"),
        *(form.unit, form.group, form.arrondissement),
    )
    return _Table(problems, form, file, where, data, required, (form.rule,))


# --- Whole catalogues -----------------------------------------------------------------------


def catalogue_from_files(
    routing_file: str,
    routing_data: Mapping[str, Any] | None,
    services_file: str,
    services_data: Mapping[str, Any] | None,
    problems: Sequence[str] = (),
) -> Catalogue:
    """The catalogue from routing.toml and services.toml as tomllib reads them; None for a
    file that could not be read, whose `problems` are reported with the rest."""
    found = _Problems(problems)
    routing = None
    if routing_data is not None:
        routing = _read_routing(_routing_table(found, FILES, routing_file, "", routing_data))
    services: dict[str, Service] = {}
    if services_data is not None:
        top = _Table(found, FILES, services_file, "", services_data, (FILES.service,))
        groups = routing.groups if routing is not None and routing.groups else None
        services = _read_services(top, groups)
    if found.items or routing is None:
        raise CatalogueError(found.items)
    return Catalogue(services=services, routing=routing)


def catalogue_from_dict(data: object, source: str = DATA_SOURCE) -> Catalogue:
    """The inverse of writer.catalogue_to_dict, e.g. for a catalogue an administrator
    uploads; `source` names it in the problems."""
    found = _Problems()
    top = _Table(found, DATA, source, "", data, ("routing", DATA.service))
    routing = None
    if "routing" in top.data:
        table = _routing_table(found, DATA, source, "routing", top.data["routing"])
        routing = _read_routing(table)
    services = _read_services(top, routing.groups if routing is not None else None)
    if found.items or routing is None:
        raise CatalogueError(found.items)
    return Catalogue(services=services, routing=routing)


def service_from_dict(data: object, source: str = DATA_SOURCE) -> Service:
    """One service as writer.service_to_dict writes it (a row of the store, a feed entry);
    its group is checked against the routing table by whoever holds both."""
    found = _Problems()
    parent = _Table(found, DATA, source, "", {}, ())
    service = _read_service(_service_table(parent, _label("service", data, "code", 1), data), None)
    if found.items:
        raise CatalogueError(found.items)
    return service


def routing_from_dict(data: object, source: str = DATA_SOURCE) -> RoutingTable:
    """The routing table as writer.routing_to_dict writes it."""
    found = _Problems()
    routing = _read_routing(_routing_table(found, DATA, source, "routing", data))
    if found.items:
        raise CatalogueError(found.items)
    return routing

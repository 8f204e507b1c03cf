"""Reading the routing table (routing.toml, or the JSON routing object): office hours,
units, groups, arrondissements and rules; in the files, a local group's units and rules
are generated from its templates, and [[rule]] tables override them."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.catalogue.model import (
    KINDS,
    SCOPES,
    Arrondissement,
    Group,
    RoutingTable,
    Unit,
)
from app.domain.catalogue.tables import Form, Problems, Table, label

_UNIT_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,38}[A-Z0-9]$")
_GROUP_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")
_ARRONDISSEMENT_CODE = re.compile(r"^[A-Z]{2,4}$")
_HOUR = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_UNIT_RULE = "use A-Z, 0-9 and '-', 2 to 40 characters"


def _placeholders(template: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def _read_hour(table: Table, key: str) -> time | None:
    if key not in table.data:
        return None
    value = table.data[key]
    match = _HOUR.match(value) if isinstance(value, str) else None
    if match is None:
        table.fail(key, f'must be a time of day in quotes, e.g. "08:30", not {value!r}')
        return None
    return time(int(match.group(1)), int(match.group(2)))


def _read_timezone(top: Table) -> str:
    name = top.text("timezone", True)
    if name:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            top.fail(
                "timezone", f"unknown time zone '{name}'; use an IANA name such as America/Montreal"
            )
    return name


def _read_office_hours(top: Table) -> tuple[time, time]:
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


def _read_units(top: Table) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    key = top.form.unit
    for i, entry in enumerate(top.tables(key), 1):
        unit = top.child(
            label(key, entry, "code", i), entry, ("code", "name_fr"), ("name_en", "phone")
        )
        code = unit.code("code", _UNIT_CODE, _UNIT_RULE)
        value = Unit(code, unit.text("name_fr", True), unit.text("name_en"), unit.text("phone"))
        if code in units:
            unit.fail("code", f"duplicate unit code '{code}'; give each unit its own code")
        else:
            units[code] = value
    return units


def _read_arrondissements(top: Table) -> dict[str, Arrondissement]:
    arrondissements: dict[str, Arrondissement] = {}
    key = top.form.arrondissement
    for i, entry in enumerate(top.tables(key), 1):
        arr = top.child(label(key, entry, "code", i), entry, ("code", "name", "kind"), ("phone",))
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


def _read_template(grp: Table, key: str, placeholder: str) -> str:
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


def _read_group_units(grp: Table, scope: str, units: Mapping[str, Unit]) -> tuple[str, str, str]:
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


def _read_groups(top: Table, units: Mapping[str, Unit]) -> dict[str, _GroupSpec]:
    groups: dict[str, _GroupSpec] = {}
    key = top.form.group
    if top.form.complete:
        keys: tuple[tuple[str, ...], ...] = (("code", "name_fr", "name_en", "scope"),)
    else:
        keys = (("code", "name_fr", "scope", "unit"), ("name_en", "unit_name_fr", "unit_name_en"))
    for i, entry in enumerate(top.tables(key), 1):
        grp = top.child(label(key, entry, "code", i), entry, *keys)
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
    top: Table,
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
    top: Table,
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


def read_routing(top: Table) -> RoutingTable:
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


def routing_table(problems: Problems, form: Form, file: str, where: str, data: object) -> Table:
    required = (
        *("timezone", "office_hours", "after_hours_unit"),
        *(form.unit, form.group, form.arrondissement),
    )
    return Table(problems, form, file, where, data, required, (form.rule,))

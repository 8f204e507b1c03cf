"""Reading services (services.toml's [[service]] tables, or the JSON services list): codes,
names, nature, delay, and the attributes an agent or a client fills in."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.domain.catalogue.model import (
    DATATYPES,
    DELAY_UNITS,
    LIST_DATATYPES,
    NATURES,
    Attribute,
    AttributeValue,
    Delay,
    Group,
    Service,
)
from app.domain.catalogue.tables import Table, label

_SERVICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9]$")
_ATTRIBUTE_CODE = re.compile(r"^[a-z0-9_]{1,40}$")
_VALUE_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")  # document codes use '-'
MAX_SERVICE_NAME = 200  # what the store's services table holds

_SERVICE_REQUIRED = ("code", "name_fr", "group", "nature", "delay", "geographic", "anonymous")
_SERVICE_OPTIONAL = ("name_en", "keywords_fr", "keywords_en", "description_fr", "description_en")
_ATTRIBUTE_REQUIRED = ("code", "datatype", "required", "order", "description_fr")
_ATTRIBUTE_OPTIONAL = ("description_en", "values")


def _read_values(attr: Table, datatype: str) -> tuple[AttributeValue, ...]:
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
            label("values", entry, "key", i), entry, ("key", "name_fr"), ("name_en",)
        )
        key = value.code("key", _VALUE_KEY, "use a-z, 0-9, '_' and '-' (at most 60)")
        if key and key in seen:
            value.fail("key", f"duplicate key '{key}'; give each value its own key")
        seen.add(key)
        values.append(AttributeValue(key, value.text("name_fr", True), value.text("name_en")))
    return tuple(values)


def _read_attributes(svc: Table) -> tuple[Attribute, ...]:
    attributes: list[Attribute] = []
    codes: set[str] = set()
    orders: dict[int, str] = {}
    key = svc.form.attribute
    for i, entry in enumerate(svc.tables(key), 1):
        attr = svc.child(
            label(key, entry, "code", i), entry, _ATTRIBUTE_REQUIRED, _ATTRIBUTE_OPTIONAL
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


def _read_delay(svc: Table) -> Delay:
    data = svc.table("delay")
    if data is None:
        return Delay(0, "")
    delay = svc.child("delay", data, ("value", "unit"))
    value = delay.integer("value")
    if value is not None and value < 1:
        delay.fail("value", f"{value} is not positive; give a delay of at least 1")
    return Delay(value or 0, delay.choice("unit", DELAY_UNITS))


def _read_name(svc: Table, key: str) -> str:
    name = svc.text(key, nonempty=key == "name_fr")
    if len(name) > MAX_SERVICE_NAME:
        svc.fail(key, f"has {len(name)} characters; shorten it to {MAX_SERVICE_NAME} at most")
    return name


def read_service(svc: Table, groups: Mapping[str, Group] | None) -> Service:
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


def service_table(parent: Table, where: str, entry: object) -> Table:
    optional = (*_SERVICE_OPTIONAL, parent.form.attribute)
    return parent.child(where, entry, _SERVICE_REQUIRED, optional)


def read_services(top: Table, groups: Mapping[str, Group] | None) -> dict[str, Service]:
    services: dict[str, Service] = {}
    key = top.form.service
    for i, entry in enumerate(top.tables(key), 1):
        svc = service_table(top, label(key, entry, "code", i), entry)
        service = read_service(svc, groups)
        if service.code in services:
            svc.fail(
                "code",
                f"duplicate service code '{service.code}'; give each service its own code",
            )
        else:
            services[service.code] = service
    return services

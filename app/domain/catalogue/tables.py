"""The helper the catalogue's reader reads plain data with: the two spellings of the
schema (Form: the TOML files, or the JSON the writer writes) and one table or object at a
time, whose typed getters record every problem (file, field, fix) instead of raising."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

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


class Problems:
    def __init__(self, items: Sequence[str] = ()) -> None:
        self.items: list[str] = list(items)

    def add(self, file: str, field: str, message: str) -> None:
        self.items.append(f"{file} [{field}]: {message}")


class Table:
    """One table (TOML) or object (JSON): typed getters that record problems instead of
    raising."""

    def __init__(
        self,
        problems: Problems,
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

    def child(self, where: str, data: object, *keys: tuple[str, ...]) -> Table:
        return Table(self.problems, self.form, self.file, self.field(where), data, *keys)

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


def label(kind: str, data: object, key: str, index: int) -> str:
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, str) and value.strip():
        return f"{kind}[{value.strip()}]"
    return f"{kind} #{index}"

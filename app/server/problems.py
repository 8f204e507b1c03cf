"""Refusals the domain raises; the API turns them into 4xx answers naming the field."""

from __future__ import annotations

from typing import Any

from app.domain.validation import FieldProblem


class Refused(Exception):
    """An operation that cannot be applied as given. `kind` is rejected, forbidden,
    not_found, or stale (a reference, such as a feed cursor, that no longer fits the
    server's history); nothing of it was written."""

    def __init__(self, kind: str, problems: list[FieldProblem]) -> None:
        self.kind = kind
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @classmethod
    def one(cls, kind: str, field: str, message: str) -> Refused:
        return cls(kind, [FieldProblem(field, message)])

    def as_list(self) -> list[dict[str, str]]:
        return [{"field": p.field, "message": p.message} for p in self.problems]


class Conflict(Exception):
    """Fields the server changed since the operation's base revision, with their values."""

    def __init__(self, fields: list[str], record: dict[str, Any]) -> None:
        self.fields = fields
        self.record = record
        super().__init__(f"conflict on {', '.join(fields)}")

"""Small checks shared by requests and citizens: bounded text (the request rules' own,
app.domain.request_rules), and the per-field revision merge that decides between merge
and conflict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import request_rules
from app.domain.validation import FieldProblem


def text(
    data: Mapping[str, Any],
    name: str,
    limit: int,
    problems: list[FieldProblem],
    *,
    required: bool = False,
    label: str | None = None,
) -> str:
    return request_rules.text(data.get(name), label or name, limit, problems, required=required)


def stamp(revision: int, actor: str) -> list[object]:
    """What field_revisions keeps per field: the revision that last changed it, and who."""
    return [revision, actor]


def last_change(entry: Any) -> tuple[int, str | None]:
    if isinstance(entry, list):
        return int(entry[0]), str(entry[1])
    return int(entry or 0), None  # a bare revision: written by the open-data import


def merge(
    current: Mapping[str, Any],
    field_revisions: Mapping[str, Any],
    base_revision: int,
    wanted: Mapping[str, Any],
    actor: str,
) -> tuple[dict[str, Any], list[str]]:
    """Which wanted values change something, and which clash: a field someone else changed
    after base_revision, to a value other than the one wanted. An actor's own later change
    is no clash: a console that worked offline sends several edits made on one base."""
    changes: dict[str, Any] = {}
    clashes: list[str] = []
    for name, value in wanted.items():
        if current.get(name) == value:
            continue
        revision, by = last_change(field_revisions.get(name))
        if revision > base_revision and by != actor:
            clashes.append(name)
        else:
            changes[name] = value
    return changes, clashes

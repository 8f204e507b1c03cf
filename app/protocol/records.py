"""The records the central store sends: in the change feed, and in a push's answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NotRequired, TypedDict, get_type_hints


class EventRecord(TypedDict):
    id: int
    kind: str
    actor: str
    at: str | None
    data: dict[str, Any]


class RequestFields(TypedDict):
    """A request's own fields, in its record (beside id, case number, dates and events):
    the one list of them. A field added here is carried by the feed and the push answers
    (app.server.records) and applied by the console's copy (app.services.replica)."""

    service_code: str
    service_name: str
    nature: str
    channel: str
    status: str
    status_notes: str
    description: str
    attributes: dict[str, Any]
    civic_number: str
    street: str
    postal_code: str
    arrondissement: str
    lat: float | None
    long: float | None
    citizen_id: str | None
    agent: str
    responsible_unit: str
    handled_by: str
    source: str


class RequestRecord(RequestFields):
    id: str
    case_number: str
    external_id: str | None
    parent_case_number: str | None
    created_at: str | None
    due_at: str | None
    updated_at: str | None
    updated_by: str
    revision: int
    events: list[EventRecord]


class CitizenFields(TypedDict):
    """A citizen's own fields, in its record (beside id, revision and dates)."""

    name: str
    phone: str
    email: str
    address: str
    preferred_language: str


class CitizenRecord(CitizenFields):
    id: str
    revision: int
    created_at: str | None
    updated_at: str | None
    updated_by: str


# The field lists, read off the records above (never written a second time).
REQUEST_FIELDS = tuple(RequestFields.__annotations__)
# The request's fields that are plain text (a copy keeps "" for a missing one).
REQUEST_TEXT_FIELDS = tuple(
    name for name, hint in get_type_hints(RequestFields).items() if hint is str
)
CITIZEN_FIELDS = tuple(CitizenFields.__annotations__)


class ArticleRecord(TypedDict):
    id: str
    deleted: bool
    revision: int
    updated_at: str | None
    updated_by: str
    content: dict[str, Any]


class Entity(StrEnum):
    """What a change of the feed is a record of."""

    REQUEST = "request"
    CITIZEN = "citizen"
    ARTICLE = "article"
    SERVICE = "service"
    ROUTING = "routing"


class Change(TypedDict):
    """One change of the feed: the record as of this revision."""

    seq: int
    entity: str
    id: str
    revision: int
    committed_at: str | None
    data: dict[str, Any]


class Station(TypedDict):
    code: int
    sequences: dict[str, int]  # the station's highest case-number sequence, per year


class FeedPage(TypedDict):
    """A page of GET /sync/changes. `cursor` is opaque: the console stores it and gives
    it back as `since`, nothing more. `remaining`: the changes after this page, for a
    download's progress (`head`, the feed's last number, is kept for older consoles)."""

    changes: list[Change]
    cursor: str
    has_more: bool
    head: int
    remaining: int
    station: NotRequired[Station]


class Status(StrEnum):
    """An operation's outcome, in a push's answer."""

    APPLIED = "applied"
    REJECTED = "rejected"
    CONFLICT = "conflict"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"


class Problem(TypedDict):
    field: str
    message: str


class PushResult(TypedDict):
    """One operation's answer. `record`: on a conflict, the store's record; on success
    only when the push asked for records (the console does not: the feed brings them)."""

    op_id: str
    status: str
    type: NotRequired[str]
    target: NotRequired[str]
    revision: NotRequired[int | None]
    record: NotRequired[dict[str, Any]]
    fields: NotRequired[list[str]]
    problems: NotRequired[list[Problem]]
    replayed: NotRequired[bool]


def without_record(result: PushResult) -> PushResult:
    """An applied operation's answer without its record, as the console asks for it."""
    if result.get("status") != Status.APPLIED or "record" not in result:
        return result
    slim = dict(result)
    slim.pop("record")
    return slim  # type: ignore[return-value]

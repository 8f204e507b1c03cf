"""The operations a console pushes: their types, and the payload (`data`) of each."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NotRequired, TypedDict


class OpType(StrEnum):
    """An operation's type. A StrEnum: stored outbox rows and the JSON on the wire keep
    the same strings ("request.create"...), and a member compares equal to its string."""

    REQUEST_CREATE = "request.create"
    REQUEST_UPDATE = "request.update"
    REQUEST_NOTE = "request.note"
    REQUEST_LINK = "request.link"
    REQUEST_ATTACH_CITIZEN = "request.attach_citizen"
    CITIZEN_UPSERT = "citizen.upsert"
    ARTICLE_UPSERT = "article.upsert"
    ARTICLE_DELETE = "article.delete"
    INTERACTION_RECORD = "interaction.record"


# Operations on a case (their target is its case number).
REQUEST_OPS = frozenset(t for t in OpType if t.startswith("request."))
# Operations the central store records in a case's history: each carries, in data["at"],
# the moment the agent did the work, so that work done offline is dated by when it was
# done, not by the sync that carried it. A request.create has its created_at already.
DATED_OPS = frozenset(
    {
        OpType.REQUEST_NOTE,
        OpType.REQUEST_UPDATE,
        OpType.REQUEST_ATTACH_CITIZEN,
        OpType.REQUEST_LINK,
    }
)
# The batches the push's fast path takes whole (creations only).
CREATION_OPS = frozenset({OpType.CITIZEN_UPSERT, OpType.REQUEST_CREATE, OpType.INTERACTION_RECORD})


def is_request_op(type_: object) -> bool:
    return type_ in REQUEST_OPS


# The citizen a request names, on the wire: `citizen_id` in every operation and record.
CITIZEN_KEY = "citizen_id"
# Names a console wrote before the wire had one name (an outbox op may outlive an upgrade).
LEGACY_CITIZEN_KEYS = ("citizen",)


def citizen_of(data: Mapping[str, Any]) -> Any:
    """The citizen id an operation's data names, under its wire name or an older one."""
    if CITIZEN_KEY in data:
        return data[CITIZEN_KEY]
    for key in LEGACY_CITIZEN_KEYS:
        if key in data:
            return data[key]
    return None


def with_wire_names(data: Mapping[str, Any]) -> dict[str, Any]:
    """An operation's data as the wire names it (an op stored before the upgrade may say
    `citizen`): what the console sends."""
    if not any(key in data for key in LEGACY_CITIZEN_KEYS):
        return dict(data)
    renamed = {k: v for k, v in data.items() if k not in LEGACY_CITIZEN_KEYS}
    renamed.setdefault(CITIZEN_KEY, citizen_of(data))
    return renamed


class RequestCreate(TypedDict):
    """request.create: a case typed on a workstation (target: its case number)."""

    service_code: str
    channel: str
    description: str
    attributes: dict[str, Any]
    civic_number: str
    street: str
    postal_code: str
    arrondissement: str
    citizen_id: str | None
    created_at: str
    due_at: str
    agent: str


class RequestUpdate(TypedDict):
    """request.update: corrected fields (base_revision: the revision they were read at)."""

    fields: dict[str, Any]
    at: NotRequired[str]


class RequestNote(TypedDict):
    text: str
    at: NotRequired[str]


class RequestLink(TypedDict):
    """request.link: the case is a duplicate of `parent` (a case number)."""

    parent: str
    at: NotRequired[str]


class RequestAttachCitizen(TypedDict):
    citizen_id: str
    at: NotRequired[str]


class CitizenFields(TypedDict, total=False):
    name: str
    phone: str
    email: str
    address: str
    preferred_language: str


class CitizenUpsert(TypedDict):
    """citizen.upsert (target: the citizen's id)."""

    fields: CitizenFields


class InteractionRecord(TypedDict):
    """interaction.record (target: the interaction's id): one call, counter visit..."""

    agent: str
    station: int | None
    channel: str
    started_at: str
    ended_at: str
    outcome: str
    case_numbers: list[str]


class WireOp(TypedDict):
    """One operation as POST /sync/push takes it."""

    op_id: str
    type: str
    target: str
    base_revision: int
    data: dict[str, Any]

"""The wire format between the console and the central store, written once: the
operations a console pushes (their types and payloads), the answers to a push, and the
records of the change feed it pulls. Plain data (a StrEnum, TypedDicts, constants): the
console's start pays nothing for it, and both sides read the same names.

It may import app.domain and nothing else of the project."""

from app.protocol.ops import (
    CITIZEN_KEY,
    CREATION_OPS,
    DATED_OPS,
    REQUEST_OPS,
    OpType,
    WireOp,
    citizen_of,
    is_request_op,
    with_wire_names,
)
from app.protocol.records import (
    CITIZEN_FIELDS,
    REQUEST_FIELDS,
    REQUEST_TEXT_FIELDS,
    Change,
    Entity,
    FeedPage,
    PushResult,
    Status,
    without_record,
)

__all__ = [
    "CITIZEN_FIELDS",
    "CITIZEN_KEY",
    "CREATION_OPS",
    "DATED_OPS",
    "REQUEST_FIELDS",
    "REQUEST_OPS",
    "REQUEST_TEXT_FIELDS",
    "Change",
    "Entity",
    "FeedPage",
    "OpType",
    "PushResult",
    "Status",
    "WireOp",
    "citizen_of",
    "is_request_op",
    "with_wire_names",
    "without_record",
]

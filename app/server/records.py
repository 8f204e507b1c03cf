"""Rows as the JSON records the sync API and the change feed carry: the shapes are
app.protocol.records' (RequestRecord, CitizenRecord, ArticleRecord, EventRecord)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.protocol.records import CITIZEN_FIELDS, REQUEST_FIELDS
from app.server.models import Citizen, KbArticle, RequestEvent, ServiceRequest

__all__ = ["CITIZEN_FIELDS", "REQUEST_FIELDS", "article_record", "citizen_record", "iso"]


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def event_record(event: RequestEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "actor": event.actor,
        "at": iso(event.at),
        "data": event.data,
    }


def request_record(
    req: ServiceRequest, events: Iterable[RequestEvent], parent_case: str | None = None
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": req.id, "case_number": req.case_number}
    record.update({name: getattr(req, name) for name in REQUEST_FIELDS})
    record.update(
        {
            "external_id": req.external_id,
            "parent_case_number": parent_case,
            "created_at": iso(req.created_at),
            "due_at": iso(req.due_at),
            "updated_at": iso(req.updated_at),
            "updated_by": req.updated_by,
            "revision": req.revision,
            "events": [event_record(e) for e in events],
        }
    )
    return record


def citizen_record(citizen: Citizen) -> dict[str, Any]:
    record: dict[str, Any] = {"id": citizen.id}
    record.update({name: getattr(citizen, name) for name in CITIZEN_FIELDS})
    record.update(
        {
            "revision": citizen.revision,
            "created_at": iso(citizen.created_at),
            "updated_at": iso(citizen.updated_at),
            "updated_by": citizen.updated_by,
        }
    )
    return record


def article_record(article: KbArticle) -> dict[str, Any]:
    return {
        "id": article.id,
        "deleted": article.deleted,
        "revision": article.revision,
        "updated_at": iso(article.updated_at),
        "updated_by": article.updated_by,
        "content": article.content,
    }

"""Drafts: a form's unsaved content, kept in the local store (not in the settings) so it
survives a restart or a crash, and given back at the next start. The form decides what a
draft holds (plain JSON values); this module only keeps one per form, with its time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.models import FormDraft
from app.models.store import Store

REQUEST_FORM = "request_form"


@dataclass(frozen=True)
class SavedDraft:
    data: dict[str, Any]
    saved_at: datetime


def save_draft(store: Store, key: str, data: dict[str, Any], now: datetime) -> SavedDraft:
    """Keep `data` as the form's draft (replacing the previous one). Raises what the
    store raises (a full disk...): the caller says so, and its form keeps the text."""
    # Round-tripped first: only plain JSON goes in, exactly as it will come back.
    plain = json.loads(json.dumps(data))
    if not isinstance(plain, dict):
        raise TypeError("a draft is a JSON object")
    with store.writing() as session:
        row = session.get(FormDraft, key)
        if row is None:
            row = FormDraft(key=key)
            session.add(row)
        row.data = plain
        row.saved_at = now
    return SavedDraft(plain, now)


def load_draft(store: Store, key: str) -> SavedDraft | None:
    with store.session() as session:
        row = session.get(FormDraft, key)
        if row is None or not isinstance(row.data, dict):
            return None
        return SavedDraft(dict(row.data), row.saved_at)


def clear_draft(store: Store, key: str) -> None:
    with store.writing() as session:
        row = session.get(FormDraft, key)
        if row is not None:
            session.delete(row)

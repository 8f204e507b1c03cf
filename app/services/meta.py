"""Small facts kept in the store's key/value table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import StoreMeta


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(StoreMeta, key)
    return None if row is None else row.value


def set_meta(session: Session, key: str, value: str) -> None:
    session.merge(StoreMeta(key=key, value=value))

"""Work typed but not yet saved, kept in the store so that a restart (or a crash) does not
lose it: one row per form, written as the agent types (debounced), deleted when the form is
saved or emptied."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class FormDraft(Base):
    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)  # which form
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[datetime]

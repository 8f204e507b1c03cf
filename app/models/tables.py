"""Requests, citizens and their history in the local store, plus the outbox that carries
every local change to the central store, and the agents' interaction log."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Citizen(Base):
    __tablename__ = "citizens"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # Stored as 514-555-0123 and lower-case: lookups are prefix ranges on these indexes.
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    preferred_language: Mapped[str] = mapped_column(String(2), default="fr")
    revision: Mapped[int] = mapped_column(Integer, default=0)  # the server's; 0: not yet synced
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ServiceRequest(Base):
    __tablename__ = "requests"
    __table_args__ = (
        # created_at in the index: the newest cases of a busy street are picked from the
        # index alone, without reading thousands of rows scattered through the file.
        Index("ix_requests_address", "street_key", "civic_number", "created_at"),
        Index("ix_requests_created_at", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    service_code: Mapped[str] = mapped_column(String(40))
    service_name: Mapped[str] = mapped_column(String(200))
    nature: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20))
    status_notes: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    civic_number: Mapped[str] = mapped_column(String(20), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    # The street folded and with its abbreviations spelled out: duplicate detection and
    # address lookup compare this, not what each agent happened to type.
    street_key: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(7), default="")
    arrondissement: Mapped[str] = mapped_column(String(80), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    long: Mapped[float | None] = mapped_column(Float)
    citizen_id: Mapped[str | None] = mapped_column(ForeignKey("citizens.id"))
    agent: Mapped[str] = mapped_column(String(64), default="")
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    handled_by: Mapped[str] = mapped_column(String(200), default="")
    parent_case_number: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    revision: Mapped[int] = mapped_column(Integer, default=0)  # the server's; 0: not yet synced


class CaseCitizen(Base):
    """Every citizen concerned by a case: who reported it and who was attached to it later,
    so a lookup by phone or e-mail finds both."""

    __tablename__ = "case_citizens"

    request_id: Mapped[str] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True
    )
    citizen_id: Mapped[str] = mapped_column(
        ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RequestEvent(Base):
    """Append-only history of a case: created, routed, status, note, duplicate, ..."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[str] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CaseSequence(Base):
    """The last case-number sequence this workstation used, per year and station."""

    __tablename__ = "case_sequences"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    station: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Interaction(Base):
    """One call, visit, e-mail or letter handled by an agent, for the service indicators."""

    __tablename__ = "interactions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agent: Mapped[str] = mapped_column(String(64))
    station: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    case_numbers: Mapped[list[str]] = mapped_column(JSON, default=list)


class OutboxOp(Base):
    """One local change for the central store, written in the transaction that made it.
    `state`: pending (to send), rejected or conflict (kept, with the server's `answer`)."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state", "state", "seq"),
        Index("ix_outbox_target", "target"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(80))
    base_revision: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON)

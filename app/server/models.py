"""Tables of the central request store (PostgreSQL in production, SQLite embedded)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.storage.types import NAMING, UtcDateTime

Json = JSON().with_variant(JSONB(), "postgresql")
# Auto-incrementing BIGINT on PostgreSQL; SQLite only auto-increments an INTEGER key.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, dict[str, Any]: Json}


class ServerMeta(ServerBase):
    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Account(ServerBase):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # agent | supervisor | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))


class AuthToken(ServerBase):
    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    station: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class ApiKey(ServerBase):
    """Keys for GeoReport v2 clients (POST requests)."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None]


class Station(ServerBase):
    """A workstation's case-number prefix, bound to the workstation that first used it:
    by the SHA-256 of a secret that workstation made and keeps (stations registered
    before secrets existed are bound to theirs at its next login)."""

    __tablename__ = "stations"
    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    workstation_id: Mapped[str] = mapped_column(String(64))
    secret_hash: Mapped[str | None] = mapped_column(String(64))
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime]


class CaseSequence(ServerBase):
    """Per year: the last sequence of the server's own stations (900-999, GeoReport v2
    POST), and the highest a workstation station (001-899) has sent."""

    __tablename__ = "case_sequences"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    station: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class ServiceDefinition(ServerBase):
    __tablename__ = "services"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_fr: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    group: Mapped[str] = mapped_column(String(40))
    nature: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    definition: Mapped[dict[str, Any]]  # catalogue.service_to_dict
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class CatalogueDocument(ServerBase):
    """Whole documents of the catalogue; today the routing table."""

    __tablename__ = "catalogue_documents"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    content: Mapped[dict[str, Any]]
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class Citizen(ServerBase):
    __tablename__ = "citizens"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    preferred_language: Mapped[str] = mapped_column(String(2), default="fr")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    field_revisions: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class ServiceRequest(ServerBase):
    __tablename__ = "service_requests"
    __table_args__ = (
        Index("ix_service_requests_created_at", "created_at"),
        Index("ix_service_requests_service_created", "service_code", "created_at"),
        # The supervisor's indicators: open requests past due, open complaints, e-mails
        # waiting for a first action. Each reads a few thousand rows of a million through them.
        Index("ix_service_requests_status_due", "status", "due_at"),
        Index("ix_service_requests_nature_status", "nature", "status"),
        Index("ix_service_requests_channel_status_created", "channel", "status", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(16))  # console | georeport | import
    service_code: Mapped[str] = mapped_column(String(40))
    service_name: Mapped[str] = mapped_column(String(200))
    nature: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_notes: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    attributes: Mapped[dict[str, Any]]
    civic_number: Mapped[str] = mapped_column(String(20), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(7), default="")
    arrondissement: Mapped[str] = mapped_column(String(80), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    long: Mapped[float | None] = mapped_column(Float)
    citizen_id: Mapped[str | None] = mapped_column(ForeignKey("citizens.id"), index=True)
    agent: Mapped[str] = mapped_column(String(64), default="")
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    handled_by: Mapped[str] = mapped_column(String(200), default="")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("service_requests.id"), index=True)
    created_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    field_revisions: Mapped[dict[str, Any]]


class RequestEvent(ServerBase):
    """Append-only history of a request: created, routed, status, note, duplicate, update."""

    __tablename__ = "request_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("service_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]]


class Interaction(ServerBase):
    """One call, visit, e-mail or letter an agent handled: what the indicators count."""

    __tablename__ = "interactions"
    # Every indicator on interactions reads a period through this index alone, without
    # visiting the table (a month is 80 000 rows spread over as many pages).
    __table_args__ = (
        Index("ix_interactions_started_cover", "started_at", "channel", "queued_at", "ended_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    agent: Mapped[str] = mapped_column(String(64))
    station: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))
    # When the telephony system took the call or the e-mail arrived; null when unknown.
    queued_at: Mapped[datetime | None]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(20))
    case_numbers: Mapped[list[str]] = mapped_column(Json)
    recorded_at: Mapped[datetime]


class KbArticle(ServerBase):
    __tablename__ = "kb_articles"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    content: Mapped[dict[str, Any]]
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class AppliedOp(ServerBase):
    """The first result of every pushed operation: a replay returns it and changes nothing."""

    __tablename__ = "applied_ops"
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    result: Mapped[dict[str, Any]]
    # SHA-256 (hex) of the op's type, target, base_revision and data as canonical JSON: a
    # replay must carry the same. Null for ops applied before migration 0005.
    digest: Mapped[str | None] = mapped_column(String(64))
    applied_at: Mapped[datetime]


class FeedClock(ServerBase):
    """One row. Writers bump it as the last statement before commit; its row lock, held to
    the commit, makes change sequence numbers follow commit order."""

    __tablename__ = "feed_clock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)


class Change(ServerBase):
    __tablename__ = "changes"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "revision"),)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(
        String(16)
    )  # request | citizen | article | service | routing
    entity_id: Mapped[str] = mapped_column(String(80))
    revision: Mapped[int] = mapped_column(Integer)
    # The record as JSON text, encoded once when written: the feed splices it into its
    # answers as it is, with no decoding and re-encoding per reader.
    payload: Mapped[str] = mapped_column(Text)
    committed_at: Mapped[datetime]


__all__ = [
    "Account",
    "ApiKey",
    "AppliedOp",
    "AuthToken",
    "CaseSequence",
    "CatalogueDocument",
    "Change",
    "Citizen",
    "FeedClock",
    "Interaction",
    "KbArticle",
    "RequestEvent",
    "ServerBase",
    "ServerMeta",
    "ServiceDefinition",
    "ServiceRequest",
    "Station",
]

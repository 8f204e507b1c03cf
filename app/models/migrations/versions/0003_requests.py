"""Requests, citizens, case history, case-number sequences, interactions and the outbox.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from app.models.base import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizens",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("preferred_language", sa.String(2), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_citizens_phone", "citizens", ["phone"])
    op.create_index("ix_citizens_email", "citizens", ["email"])
    op.create_table(
        "requests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_number", sa.String(20), nullable=False, unique=True),
        sa.Column("service_code", sa.String(40), nullable=False),
        sa.Column("service_name", sa.String(200), nullable=False),
        sa.Column("nature", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_notes", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("civic_number", sa.String(20), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("street_key", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(7), nullable=False),
        sa.Column("arrondissement", sa.String(80), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("long", sa.Float(), nullable=True),
        sa.Column("citizen_id", sa.String(36), sa.ForeignKey("citizens.id"), nullable=True),
        sa.Column("agent", sa.String(64), nullable=False),
        sa.Column("responsible_unit", sa.String(200), nullable=False),
        sa.Column("handled_by", sa.String(200), nullable=False),
        sa.Column("parent_case_number", sa.String(20), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("due_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
    )
    op.create_index("ix_requests_address", "requests", ["street_key", "civic_number", "created_at"])
    op.create_index("ix_requests_created_at", "requests", ["created_at"])
    op.create_table(
        "case_citizens",
        sa.Column(
            "request_id",
            sa.String(36),
            sa.ForeignKey("requests.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "citizen_id",
            sa.String(36),
            sa.ForeignKey("citizens.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_case_citizens_citizen_id", "case_citizens", ["citizen_id"])
    op.create_table(
        "request_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "request_id",
            sa.String(36),
            sa.ForeignKey("requests.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_index("ix_request_events_request_id", "request_events", ["request_id"])
    op.create_table(
        "case_sequences",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("station", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "interactions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("agent", sa.String(64), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("ended_at", UtcDateTime(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("case_numbers", sa.JSON(), nullable=False),
    )
    op.create_index("ix_interactions_started_at", "interactions", ["started_at"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("op_id", sa.String(36), nullable=False, unique=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "outbox",
        "interactions",
        "case_sequences",
        "request_events",
        "case_citizens",
        "requests",
        "citizens",
    ):
        op.drop_table(table)

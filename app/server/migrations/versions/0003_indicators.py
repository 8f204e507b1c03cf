"""Supervisor indicators: when each interaction was queued, and the indexes the aggregates
read through.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_service_requests_status_due": ["status", "due_at"],
    "ix_service_requests_nature_status": ["nature", "status"],
    "ix_service_requests_channel_status_created": ["channel", "status", "created_at"],
}


def upgrade() -> None:
    # Nullable, so SQLite adds it in place (no table copy).
    op.add_column("interactions", sa.Column("queued_at", sa.DateTime(timezone=True)))
    for name, columns in INDEXES.items():
        op.create_index(name, "service_requests", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="service_requests")
    with op.batch_alter_table("interactions") as batch:
        batch.drop_column("queued_at")

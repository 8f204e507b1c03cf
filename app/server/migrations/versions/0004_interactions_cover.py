"""Interactions: one index covering every indicator (start, channel, queueing, end) in place
of the start alone, so a month of them is read without visiting the table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COVER = ["started_at", "channel", "queued_at", "ended_at"]


def upgrade() -> None:
    op.create_index("ix_interactions_started_cover", "interactions", COVER, unique=False)
    # The covering index leads with started_at: it serves a search by start alone too.
    op.drop_index("ix_interactions_started_at", table_name="interactions")


def downgrade() -> None:
    op.create_index("ix_interactions_started_at", "interactions", ["started_at"], unique=False)
    op.drop_index("ix_interactions_started_cover", table_name="interactions")

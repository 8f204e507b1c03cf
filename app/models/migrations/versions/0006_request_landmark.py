"""Requests: a landmark (repère) beside the address, such as "en face du parc".

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A server default, so the cases already here read "" (no landmark given).
    op.add_column(
        "requests",
        sa.Column("landmark", sa.String(length=200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("landmark")

"""Requests: a landmark (repère) beside the address, such as "en face du parc".

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A server default, so the requests already stored read "" (no landmark given).
    op.add_column(
        "service_requests",
        sa.Column("landmark", sa.String(length=200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("service_requests") as batch:
        batch.drop_column("landmark")

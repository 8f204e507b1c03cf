"""Outbox state: an operation the central store refused, or that clashed with a
colleague's change, stays on the workstation with the server's answer, for the agent to
see and settle; only pending operations are sent.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(
            sa.Column("state", sa.String(12), nullable=False, server_default="pending")
        )
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("answer", sa.JSON(), nullable=True))
    op.create_index("ix_outbox_state", "outbox", ["state", "seq"])
    op.create_index("ix_outbox_target", "outbox", ["target"])


def downgrade() -> None:
    op.drop_index("ix_outbox_target", table_name="outbox")
    op.drop_index("ix_outbox_state", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("answer")
        batch.drop_column("attempts")
        batch.drop_column("state")

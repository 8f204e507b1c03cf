"""Applied operations: a digest of each op's content, so that an op_id sent again with other
contents is refused instead of answered with the first op's result.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, so SQLite adds it in place (no table copy); the ops applied before it keep
    # no digest and their replays are taken on trust, as before.
    op.add_column("applied_ops", sa.Column("digest", sa.String(length=64)))


def downgrade() -> None:
    with op.batch_alter_table("applied_ops") as batch:
        batch.drop_column("digest")

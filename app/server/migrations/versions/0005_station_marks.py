"""Stations: bound to their workstation by a secret the workstation made (its SHA-256
here), and each workstation station's highest case-number sequence per year kept in
case_sequences (beside the server's own stations), so a console whose store was blanked
or restored never numbers below it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("secret_hash", sa.String(64), nullable=True))
    # The marks of the requests consoles already numbered (YY-SSS-NNNNNN-C).
    op.execute(
        """
        INSERT INTO case_sequences (year, station, last)
        SELECT 2000 + CAST(substr(case_number, 1, 2) AS INTEGER),
               CAST(substr(case_number, 4, 3) AS INTEGER),
               max(CAST(substr(case_number, 8, 6) AS INTEGER))
        FROM service_requests
        WHERE source = 'console' AND length(case_number) = 15
        GROUP BY substr(case_number, 1, 2), substr(case_number, 4, 3)
        """
    )


def downgrade() -> None:
    op.execute("DELETE FROM case_sequences WHERE station < 900")
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("secret_hash")

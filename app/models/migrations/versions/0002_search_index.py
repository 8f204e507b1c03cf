"""Search index: one FTS5 table per language over stemmed text, and the word vocabulary
with each word's document frequency in the whole text, in title + keywords, in the title.

The index holds stemmed, accent-folded words written by app.services (the stdlib sqlite3
cannot register custom FTS5 tokenizers). Articles already in the store are indexed again
by the application when it sees the search generation is missing.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for lang in ("fr", "en"):
        op.execute(
            f"CREATE VIRTUAL TABLE kb_fts_{lang} USING fts5("
            "title, keywords, body, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '3')"
        )
    op.create_table(
        "kb_vocab",
        sa.Column("lang", sa.String(2), primary_key=True),
        sa.Column("word", sa.String(80), primary_key=True),
        sa.Column("stem", sa.String(80), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.Column("head_df", sa.Integer(), nullable=False),
        sa.Column("title_df", sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.execute("DELETE FROM store_meta WHERE key = 'search_generation'")


def downgrade() -> None:
    op.drop_table("kb_vocab")
    for lang in ("fr", "en"):
        op.execute(f"DROP TABLE kb_fts_{lang}")

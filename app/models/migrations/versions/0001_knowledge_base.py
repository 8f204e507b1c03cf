"""Knowledge base: articles, texts per language, documents, synonyms, store facts.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("service_codes", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
    )
    op.create_index("ix_kb_articles_category", "kb_articles", ["category"])
    op.create_table(
        "kb_article_texts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(80),
            sa.ForeignKey("kb_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("referral_unit", sa.String(300), nullable=False),
        sa.Column("referral_phone", sa.String(60), nullable=False),
        sa.Column("referral_address", sa.String(300), nullable=False),
        sa.Column("referral_hours", sa.String(300), nullable=False),
        sa.UniqueConstraint("article_id", "lang", name="uq_kb_article_texts_article_id"),
    )
    op.create_index("ix_kb_article_texts_article_id", "kb_article_texts", ["article_id"])
    op.create_table(
        "kb_article_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(80),
            sa.ForeignKey("kb_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("title_fr", sa.String(300), nullable=False),
        sa.Column("title_en", sa.String(300), nullable=False),
    )
    op.create_index("ix_kb_article_documents_article_id", "kb_article_documents", ["article_id"])
    op.create_table(
        "kb_synonyms",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("group_key", sa.String(80), nullable=False),
        sa.Column("phrase", sa.String(200), nullable=False),
        sa.UniqueConstraint("lang", "group_key", "phrase", name="uq_kb_synonyms_lang"),
    )
    op.create_index("ix_kb_synonyms_group_key", "kb_synonyms", ["group_key"])


def downgrade() -> None:
    for table in ("kb_synonyms", "kb_article_documents", "kb_article_texts", "kb_articles"):
        op.drop_table(table)
    op.drop_table("store_meta")

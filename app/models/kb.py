"""Knowledge-base articles: one language-neutral article, one text per language."""

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class Article(Base):
    __tablename__ = "kb_articles"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    category: Mapped[str] = mapped_column(String(40), index=True)
    service_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Where the article came from: "bundle", "import" or "server".
    source: Mapped[str] = mapped_column(String(16), default="bundle")

    texts: Mapped[list["ArticleText"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleText.lang"
    )
    documents: Mapped[list["ArticleDocument"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleDocument.position"
    )

    def text(self, lang: str) -> "ArticleText | None":
        return next((t for t in self.texts if t.lang == lang), None)


class ArticleText(Base):
    """Title, answer and referral block of an article in one language."""

    __tablename__ = "kb_article_texts"
    __table_args__ = (UniqueConstraint("article_id", "lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    referral_unit: Mapped[str] = mapped_column(String(300), default="")
    referral_phone: Mapped[str] = mapped_column(String(60), default="")
    referral_address: Mapped[str] = mapped_column(String(300), default="")
    referral_hours: Mapped[str] = mapped_column(String(300), default="")

    article: Mapped[Article] = relationship(back_populates="texts")


class ArticleDocument(Base):
    """A document the city can send on request (by mail or e-mail)."""

    __tablename__ = "kb_article_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(80))
    title_fr: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")

    article: Mapped[Article] = relationship(back_populates="documents")


class Synonym(Base):
    """A phrase and the group of phrases it is interchangeable with, in one language."""

    __tablename__ = "kb_synonyms"
    __table_args__ = (UniqueConstraint("lang", "group_key", "phrase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lang: Mapped[str] = mapped_column(String(2))
    group_key: Mapped[str] = mapped_column(String(80), index=True)
    phrase: Mapped[str] = mapped_column(String(200))

"""SQLAlchemy models and the local SQLite store. Knows nothing of Qt."""

from app.models.base import Base
from app.models.kb import Article, ArticleDocument, ArticleText, Synonym
from app.models.meta import StoreMeta

__all__ = ["Article", "ArticleDocument", "ArticleText", "Base", "StoreMeta", "Synonym"]

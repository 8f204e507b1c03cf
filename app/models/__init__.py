"""SQLAlchemy models and the local SQLite store. Knows nothing of Qt."""

from app.models.base import Base
from app.models.drafts import FormDraft
from app.models.kb import Article, ArticleDocument, ArticleText, Synonym
from app.models.meta import StoreMeta
from app.models.tables import (
    CaseCitizen,
    CaseSequence,
    Citizen,
    Interaction,
    OutboxOp,
    RequestEvent,
    ServiceRequest,
)

__all__ = [
    "Article",
    "ArticleDocument",
    "ArticleText",
    "Base",
    "CaseCitizen",
    "CaseSequence",
    "Citizen",
    "FormDraft",
    "Interaction",
    "OutboxOp",
    "RequestEvent",
    "ServiceRequest",
    "StoreMeta",
    "Synonym",
]

"""Read-only views of articles, for screens and commands (no ORM objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.models.store import Store
from app.services import kb


@dataclass(frozen=True, slots=True)
class Referral:
    unit: str
    phone: str
    address: str
    hours: str

    def is_empty(self) -> bool:
        return not any((self.unit, self.phone, self.address, self.hours))


@dataclass(frozen=True, slots=True)
class ArticleTextView:
    lang: str
    title: str
    body: str
    keywords: tuple[str, ...]
    referral: Referral


@dataclass(frozen=True, slots=True)
class DocumentView:
    code: str
    title_fr: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_fr


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    category: str
    version: int
    updated_at: datetime
    service_codes: tuple[str, ...]
    texts: dict[str, ArticleTextView]
    documents: tuple[DocumentView, ...]

    def text(self, lang: str) -> ArticleTextView:
        """The text in lang, else the French one (every article has French)."""
        return self.texts.get(lang) or self.texts.get("fr") or next(iter(self.texts.values()))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.texts, key=lambda lg: lg != "fr"))


def read_article(store: Store, article_id: str) -> ArticleView | None:
    article = kb.get_article(store, article_id)
    if article is None:
        return None
    return ArticleView(
        id=article.id,
        category=article.category,
        version=article.version,
        updated_at=article.updated_at,
        service_codes=tuple(article.service_codes),
        texts={
            t.lang: ArticleTextView(
                t.lang,
                t.title,
                t.body,
                tuple(t.keywords),
                Referral(t.referral_unit, t.referral_phone, t.referral_address, t.referral_hours),
            )
            for t in article.texts
        },
        documents=tuple(DocumentView(d.code, d.title_fr, d.title_en) for d in article.documents),
    )


def referral_text(article: ArticleView, lang: str) -> str:
    """The referral block as plain text, ready to paste into an e-mail or a note: the
    unit, its phone, address and hours, then the documents that can be sent on request
    (title and code: the code is what the counter's document list is filed under)."""
    ref = article.text(lang).referral
    fr = lang != "en"
    labels = (
        ("Unité", "Téléphone", "Adresse", "Heures") if fr else ("Unit", "Phone", "Address", "Hours")
    )
    lines = [article.text(lang).title]
    for label, value in zip(labels, (ref.unit, ref.phone, ref.address, ref.hours), strict=True):
        if value:
            lines.append(f"{label} : {value}" if fr else f"{label}: {value}")
    if article.documents:
        lines.append(
            "Documents envoyables sur demande :" if fr else "Documents that can be sent on request:"
        )
        lines += [f"- {doc.title(lang)} ({doc.code})" for doc in article.documents]
    return "\n".join(lines)

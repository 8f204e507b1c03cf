"""Knowledge-base content in the local store: import, bundled content, reading articles."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Article, ArticleDocument, ArticleText, Synonym
from app.models.store import Store
from app.services import indexing
from app.services.kb_files import ArticleData, KbFormatError, Problem, read_articles
from app.services.meta import get_meta, set_meta

BUNDLE_HASH_KEY = "kb_bundle_hash"
SYNONYMS_HASH_KEY = "synonyms_hash"


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


def _indexed(text: ArticleText) -> indexing.IndexedText:
    return indexing.IndexedText(text.id, text.lang, text.title, list(text.keywords), text.body)


def _build(data: ArticleData, source: str) -> Article:
    article = Article(
        id=data.id,
        category=data.category,
        service_codes=data.service_codes,
        version=data.version,
        updated_at=data.updated_at,
        source=source,
    )
    article.texts = [
        ArticleText(
            lang=t.lang,
            title=t.title,
            body=t.body,
            keywords=t.keywords,
            referral_unit=t.referral["unit"],
            referral_phone=t.referral["phone"],
            referral_address=t.referral["address"],
            referral_hours=t.referral["hours"],
        )
        for t in data.texts
    ]
    article.documents = [
        ArticleDocument(position=i, code=d.code, title_fr=d.title_fr, title_en=d.title_en)
        for i, d in enumerate(data.documents)
    ]
    return article


def _fingerprint(article: Article) -> tuple[object, ...]:
    """Everything an agent can see of an article, in a stable order."""
    texts = sorted(
        (
            t.lang,
            t.title,
            t.body,
            tuple(t.keywords),
            t.referral_unit,
            t.referral_phone,
            t.referral_address,
            t.referral_hours,
        )
        for t in article.texts
    )
    docs = [(d.code, d.title_fr, d.title_en) for d in article.documents]
    updated = article.updated_at.replace(tzinfo=None)  # SQLite hands datetimes back naive
    return (article.version, updated, article.category, tuple(article.service_codes), texts, docs)


def store_articles(
    session: Session, articles: list[ArticleData], source: str, only_newer: bool = False
) -> ImportReport:
    """Write articles into the store and the search index, in the caller's transaction.

    only_newer: keep a stored article unless the incoming version is higher (used for the
    bundled content, which must never overwrite what an agent imported or the server sent).
    """
    existing = {
        a.id: a
        for a in session.scalars(
            select(Article)
            .where(Article.id.in_([a.id for a in articles]))
            .options(selectinload(Article.texts), selectinload(Article.documents))
        )
    }
    conn = session.connection()
    added = updated = unchanged = 0
    removed: list[indexing.IndexedText] = []
    fresh: list[Article] = []
    for data in articles:
        old = existing.get(data.id)
        if old is not None:
            if (only_newer and old.version >= data.version) or _fingerprint(old) == _fingerprint(
                _build(data, old.source)
            ):
                unchanged += 1
                continue
            removed.extend(_indexed(t) for t in old.texts)
            session.delete(old)
            updated += 1
        else:
            added += 1
        fresh.append(_build(data, source))
    if removed:
        indexing.remove(conn, removed)
        session.flush()
    session.add_all(fresh)
    session.flush()
    if fresh:
        indexing.add(conn, (_indexed(t) for a in fresh for t in a.texts))
        indexing.bump_generation(conn)
    return ImportReport(added, updated, unchanged)


def import_path(store: Store, path: Path) -> ImportReport:
    """`relais kb import`: all files are checked first; any problem and nothing is written."""
    articles = read_articles(path)
    with store.writing() as session:
        return store_articles(session, articles, source="import")


def _hash_files(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def remove_articles(session: Session, ids: set[str]) -> int:
    """Delete articles (the central store withdrew them) and their index entries."""
    doomed = list(
        session.scalars(
            select(Article).where(Article.id.in_(ids)).options(selectinload(Article.texts))
        )
    )
    if not doomed:
        return 0
    indexing.remove(session.connection(), [_indexed(t) for a in doomed for t in a.texts])
    for article in doomed:
        session.delete(article)
    session.flush()
    indexing.bump_generation(session.connection())
    return len(doomed)


def load_bundle(store: Store, kb_dir: Path) -> ImportReport | None:
    """Bring the bundled knowledge base into the store when the bundle changed."""
    if not kb_dir.is_dir():
        return None
    files = sorted(kb_dir.rglob("*.md"))
    bundle_hash = _hash_files(files)
    with store.session() as session:
        if get_meta(session, BUNDLE_HASH_KEY) == bundle_hash:
            return None
    articles = read_articles(kb_dir)
    with store.writing() as session:
        report = store_articles(session, articles, source="bundle", only_newer=True)
        set_meta(session, BUNDLE_HASH_KEY, bundle_hash)
    return report


def parse_synonyms(path: Path) -> list[tuple[str, str, str]]:
    """(lang, group_key, phrase) rows from a synonyms TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KbFormatError([Problem(path, "", f"invalid synonyms file: {exc}")]) from exc
    rows: list[tuple[str, str, str]] = []
    for lang in ("fr", "en"):
        groups = data.get(lang, [])
        if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
            raise KbFormatError(
                [Problem(path, lang, f"write each group as a [[{lang}]] table with terms = [...]")]
            )
        for i, group in enumerate(groups, 1):
            terms = group.get("terms")
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise KbFormatError(
                    [
                        Problem(
                            path,
                            f"{lang}[{i}].terms",
                            'must be a list of quoted phrases, e.g. terms = ["nid de poule", '
                            '"trou dans la rue"]',
                        )
                    ]
                )
            key = f"{lang}-{i}"
            rows.extend((lang, key, t.strip()) for t in dict.fromkeys(terms) if t.strip())
    return rows


def load_synonyms(store: Store, path: Path) -> bool:
    """Replace the synonyms with the file's when it changed; True when they were replaced."""
    if not path.is_file():
        return False
    file_hash = _hash_files([path])
    with store.session() as session:
        if get_meta(session, SYNONYMS_HASH_KEY) == file_hash:
            return False
    rows = parse_synonyms(path)
    with store.writing() as session:
        session.execute(delete(Synonym))
        session.add_all(Synonym(lang=lang, group_key=key, phrase=p) for lang, key, p in rows)
        set_meta(session, SYNONYMS_HASH_KEY, file_hash)
        indexing.bump_generation(session.connection())
    return True


def get_article(store: Store, article_id: str) -> Article | None:
    with store.session() as session:
        return session.scalar(
            select(Article)
            .where(Article.id == article_id)
            .options(selectinload(Article.texts), selectinload(Article.documents))
        )


def count_articles(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Article)) or 0

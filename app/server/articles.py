"""Knowledge articles in the central store, edited by admins and fed to every console."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.domain.validation import FieldProblem
from app.server.db import Work
from app.server.models import KbArticle
from app.server.problems import Conflict, Refused
from app.server.records import article_record
from app.services.kb_files import ArticleData, read_articles

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")
MAX_BODY = 20_000


def _check(content: Mapping[str, Any]) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not isinstance(content.get("category"), str) or not content["category"]:
        problems.append(FieldProblem("category", "required"))
    texts = content.get("texts")
    if not isinstance(texts, list) or not texts:
        return [*problems, FieldProblem("texts", "at least the French text is required")]
    langs = []
    for i, item in enumerate(texts):
        if not isinstance(item, dict):
            problems.append(FieldProblem(f"texts[{i}]", "expected an object"))
            continue
        langs.append(str(item.get("lang")))
        if item.get("lang") not in ("fr", "en"):
            problems.append(FieldProblem(f"texts[{i}].lang", "must be fr or en"))
        for name, limit in (("title", 300), ("body", MAX_BODY)):
            value = item.get(name)
            if not isinstance(value, str) or not value.strip():
                problems.append(FieldProblem(f"texts[{i}].{name}", "required"))
            elif len(value) > limit:
                problems.append(FieldProblem(f"texts[{i}].{name}", f"at most {limit} characters"))
    if "fr" not in langs:
        problems.append(FieldProblem("texts", "the French text is required"))
    if len(langs) != len(set(langs)):
        problems.append(FieldProblem("texts", "one text per language"))
    return problems


def upsert_article(
    work: Work, article_id: str, base_revision: int, content: Mapping[str, Any]
) -> KbArticle:
    if not isinstance(article_id, str) or not _ID.match(article_id):
        raise Refused.one(
            "rejected", "target", "article id: 3-80 lower-case letters, digits and dashes"
        )
    problems = _check(content)
    if problems:
        raise Refused("rejected", problems)
    article = work.session.get(KbArticle, article_id, with_for_update=True, populate_existing=True)
    if article is None:
        article = KbArticle(id=article_id, revision=0, deleted=False)
        work.session.add(article)
    elif base_revision != article.revision:
        # Articles are edited whole: two admins rewriting one article must choose.
        raise Conflict(["content"], article_record(article))
    article.content = dict(content)
    article.deleted = False
    article.revision += 1
    article.updated_at, article.updated_by = work.now, work.actor
    work.changed("article", article.id, article.revision, article_record(article))
    return article


def delete_article(work: Work, article_id: str, base_revision: int) -> KbArticle:
    article = work.session.get(KbArticle, article_id, with_for_update=True, populate_existing=True)
    if article is None:
        raise Refused.one("not_found", "target", f"no article {article_id}")
    if base_revision != article.revision:
        raise Conflict(["content"], article_record(article))
    article.deleted = True
    article.revision += 1
    article.updated_at, article.updated_by = work.now, work.actor
    work.changed("article", article.id, article.revision, article_record(article))
    return article


def article_content(data: ArticleData) -> dict[str, Any]:
    """An article read from the knowledge-base files, as the store and the feed carry it."""
    return {
        "category": data.category,
        "service_codes": list(data.service_codes),
        "version": data.version,
        "updated_at": data.updated_at.isoformat(),
        "texts": [
            {
                "lang": t.lang,
                "title": t.title,
                "body": t.body,
                "keywords": list(t.keywords),
                "referral": dict(t.referral),
            }
            for t in data.texts
        ],
        "documents": [
            {"code": d.code, "title_fr": d.title_fr, "title_en": d.title_en} for d in data.documents
        ],
    }


def load_articles(work: Work, folder: Path) -> tuple[int, int]:
    """Publish the articles of a knowledge-base folder: (written, unchanged). Every file is
    checked first (kb_files raises KbFormatError listing all problems); nothing partial."""
    written = unchanged = 0
    for data in read_articles(folder):
        content = article_content(data)
        current = work.session.get(KbArticle, data.id)
        if current is not None and current.content == content and not current.deleted:
            unchanged += 1
            continue
        upsert_article(work, data.id, current.revision if current else 0, content)
        written += 1
    return written, unchanged

"""Reads knowledge-base articles from Markdown files with a TOML front matter.

The format is described in resources/kb/README.md. Every problem names the file, the field
and the fix; a batch with any problem is refused whole.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain import categories

EN_SEPARATOR = "<!-- en -->"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")
_REFERRAL_FIELDS = ("unit", "phone", "address", "hours")


@dataclass(frozen=True)
class Problem:
    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        where = f" [{self.field}]" if self.field else ""
        return f"{self.path}{where}: {self.message}"


class KbFormatError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        n = len(problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{n} problem{'s' if n > 1 else ''} found; nothing was imported:\n{lines}")


@dataclass
class TextData:
    lang: str
    title: str
    body: str
    keywords: list[str]
    referral: dict[str, str]


@dataclass
class DocumentData:
    code: str
    title_fr: str
    title_en: str


@dataclass
class ArticleData:
    id: str
    category: str
    version: int
    updated_at: datetime
    service_codes: list[str]
    texts: list[TextData]
    documents: list[DocumentData] = field(default_factory=list)
    path: Path | None = None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, fld: str, message: str) -> None:
        self.problems.append(Problem(self.path, fld, message))

    def string(
        self, table: dict[str, Any], key: str, required: bool = False, prefix: str = ""
    ) -> str:
        value = table.get(key)
        name = prefix + key
        if value is None:
            if required:
                self.fail(name, "is missing; add it to the front matter")
            return ""
        if not isinstance(value, str):
            self.fail(name, f"must be text in quotes, not {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.fail(name, "is empty; write a value")
        return value.strip()

    def strings(self, table: dict[str, Any], key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, 'must be a list of quoted words, e.g. ["a", "b"]')
            return []
        return [v.strip() for v in value if v.strip()]


def _split(raw: str, reader: _Reader) -> tuple[dict[str, Any], str] | None:
    text = raw.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        reader.fail("front matter", "the file must start with a line '+++'")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        reader.fail("front matter", "no closing '+++' line after the front matter")
        return None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        # tomllib counts lines from the front matter; +1 for the opening '+++'.
        reader.fail("front matter", f"invalid TOML: {_shift_line(str(exc), 1)}")
        return None
    return meta, "\n".join(lines[end + 1 :])


def _shift_line(message: str, offset: int) -> str:
    return re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + offset}", message)


def _updated_at(reader: _Reader, meta: dict[str, Any]) -> datetime:
    value = meta.get("updated_at")
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value is not None:
        reader.fail("updated_at", "must be a date without quotes, e.g. updated_at = 2026-11-01")
    return datetime(1970, 1, 1, tzinfo=UTC)


def parse_article(path: Path) -> ArticleData | list[Problem]:
    reader = _Reader(path)
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(path, "encoding", f"not UTF-8 (byte {exc.start}); save the file as UTF-8")]
    except OSError as exc:
        return [Problem(path, "file", f"cannot be read: {exc.strerror}")]
    split = _split(raw, reader)
    if split is None:
        return reader.problems
    meta, body = split

    article_id = reader.string(meta, "id", required=True)
    if article_id and not _ID.match(article_id):
        reader.fail("id", f"'{article_id}' must be 3-80 lowercase letters, digits and '-'")
    category = reader.string(meta, "category", required=True)
    if category and category not in categories.LABELS:
        reader.fail(
            "category",
            f"'{category}' is not a category; use one of: " + ", ".join(sorted(categories.LABELS)),
        )
    version = meta.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reader.fail("version", "must be a whole number from 1, e.g. version = 2")
        version = 1

    body_fr, sep, body_en = body.partition(EN_SEPARATOR)
    body_fr, body_en = body_fr.strip(), body_en.strip()
    referral = meta.get("referral", {})
    if not isinstance(referral, dict):
        reader.fail("referral", "must be a [referral] table")
        referral = {}

    texts = [
        TextData(
            "fr",
            reader.string(meta, "title", required=True),
            body_fr,
            reader.strings(meta, "keywords"),
            {k: reader.string(referral, k, prefix="referral.") for k in _REFERRAL_FIELDS},
        )
    ]
    if not body_fr:
        reader.fail("body", "the French answer is empty; write it after the closing '+++'")
    title_en = reader.string(meta, "title_en")
    if title_en or sep:
        if not title_en:
            reader.fail(
                "title_en", f"is missing while the file has an English part ({EN_SEPARATOR})"
            )
        if not body_en:
            reader.fail(
                "body", f"title_en is set but the English answer after {EN_SEPARATOR} is empty"
            )
        referral_en = {
            k: reader.string(referral, f"{k}_en", prefix="referral.") or texts[0].referral[k]
            for k in _REFERRAL_FIELDS
        }
        texts.append(
            TextData("en", title_en, body_en, reader.strings(meta, "keywords_en"), referral_en)
        )

    documents = []
    raw_docs = meta.get("documents", [])
    if not isinstance(raw_docs, list):
        reader.fail("documents", "must be written as [[documents]] tables")
        raw_docs = []
    for i, doc in enumerate(raw_docs, 1):
        prefix = f"documents[{i}]."
        if not isinstance(doc, dict):
            reader.fail(f"documents[{i}]", "must be a [[documents]] table")
            continue
        documents.append(
            DocumentData(
                reader.string(doc, "code", required=True, prefix=prefix),
                reader.string(doc, "title", required=True, prefix=prefix),
                reader.string(doc, "title_en", prefix=prefix),
            )
        )

    article = ArticleData(
        id=article_id,
        category=category,
        version=version,
        updated_at=_updated_at(reader, meta),
        service_codes=reader.strings(meta, "service_codes"),
        texts=texts,
        documents=documents,
        path=path,
    )
    return reader.problems or article


def article_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.md") if p.name.lower() != "readme.md")
    return [path]


def read_articles(path: Path) -> list[ArticleData]:
    """All articles under path (a folder or one file); raises KbFormatError listing every
    problem found, so the whole batch can be fixed in one pass."""
    if not path.exists():
        raise KbFormatError([Problem(path, "", "does not exist; check the path")])
    files = article_files(path)
    if not files:
        raise KbFormatError([Problem(path, "", "holds no article (*.md) file")])
    problems: list[Problem] = []
    articles: list[ArticleData] = []
    seen: dict[str, Path] = {}
    for file in files:
        result = parse_article(file)
        if isinstance(result, list):
            problems.extend(result)
            continue
        if result.id in seen:
            problems.append(
                Problem(
                    file,
                    "id",
                    f"'{result.id}' is already used by {seen[result.id]}; "
                    "give one of them another id",
                )
            )
            continue
        seen[result.id] = file
        articles.append(result)
    if problems:
        raise KbFormatError(problems)
    return articles

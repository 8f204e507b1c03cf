"""Keeps the search index (FTS rows + word vocabulary) in step with article texts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from app.models import search_index
from app.models.meta import StoreMeta
from app.services import text

GENERATION_KEY = "search_generation"


@dataclass(frozen=True, slots=True)
class IndexedText:
    rowid: int
    lang: str
    title: str
    keywords: list[str]
    body: str


def _fields(item: IndexedText) -> tuple[str, str, str]:
    lang = item.lang
    return (
        " ".join(text.stems(item.title, lang)),
        " ".join(text.stems(" , ".join(item.keywords), lang)),
        " ".join(text.stems(item.body, lang)),
    )


def _vocab(item: IndexedText) -> set[tuple[str, str]]:
    joined = " ".join([item.title, *item.keywords, item.body])
    return {(w, text.stem(w, item.lang)) for w in text.words(joined)}


def add(conn: Connection, items: Iterable[IndexedText]) -> None:
    _apply(conn, items, +1)


def remove(conn: Connection, items: Iterable[IndexedText]) -> None:
    _apply(conn, items, -1)


def _apply(conn: Connection, items: Iterable[IndexedText], sign: int) -> None:
    by_lang: dict[str, list[IndexedText]] = {}
    for item in items:
        by_lang.setdefault(item.lang, []).append(item)
    for lang, group in by_lang.items():
        deltas: Counter[tuple[str, str]] = Counter()
        for item in group:
            for pair in _vocab(item):
                deltas[pair] += sign
        if sign > 0:
            search_index.write_rows(conn, lang, ((i.rowid, *_fields(i)) for i in group))
        else:
            search_index.delete_rows(conn, lang, [i.rowid for i in group])
        search_index.adjust_vocab(conn, lang, dict(deltas))


def rebuild(conn: Connection, batch: int = 2000) -> int:
    """Index every article text again from scratch; returns the number of texts."""
    search_index.clear(conn)
    rows = search_index.all_texts(conn)
    for start in range(0, len(rows), batch):
        add(
            conn,
            (
                IndexedText(r[0], r[1], r[2], json.loads(r[3] or "[]"), r[4])
                for r in rows[start : start + batch]
            ),
        )
    search_index.optimize(conn)
    bump_generation(conn)
    return len(rows)


def generation(conn: Connection) -> int | None:
    row = conn.exec_driver_sql(
        "SELECT value FROM store_meta WHERE key = ?", (GENERATION_KEY,)
    ).first()
    return None if row is None else int(row[0])


def bump_generation(conn: Connection) -> int:
    """Tell every reader (search engines in other threads or processes) the index changed."""
    new = (generation(conn) or 0) + 1
    conn.exec_driver_sql(
        f"INSERT INTO {StoreMeta.__tablename__}(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (GENERATION_KEY, str(new)),
    )
    return new

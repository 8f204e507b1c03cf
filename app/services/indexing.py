"""Keeps the search index (FTS rows + word vocabulary) in step with article texts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from app.domain import text
from app.models import search_index
from app.models.meta import StoreMeta

GENERATION_KEY = "search_generation"


@dataclass(frozen=True, slots=True)
class IndexedText:
    rowid: int
    lang: str
    title: str
    keywords: list[str]
    body: str


def _analyse(
    item: IndexedText,
) -> tuple[tuple[str, str, str], dict[tuple[str, str], search_index.Frequencies]]:
    """The FTS row (stemmed title, keywords, body) and, per (word, stem) of the text, where
    it occurs: (1, in title or keywords, in title) as 0/1 counts."""
    stem = text.stem
    lang = item.lang
    fields = []
    found: list[set[tuple[str, str]]] = []
    for value in (item.title, " , ".join(item.keywords), item.body):
        words = text.words(value)
        stems = [stem(w, lang) for w in words]
        fields.append(" ".join(stems))
        found.append(set(zip(words, stems, strict=True)))
    title, keywords, body = found
    head = title | keywords
    counts = {pair: (1, int(pair in head), int(pair in title)) for pair in head | body}
    return (fields[0], fields[1], fields[2]), counts


Deltas = dict[str, dict[tuple[str, str], list[int]]]  # lang -> (word, stem) -> 3 counts


def add(conn: Connection, items: Iterable[IndexedText]) -> None:
    _write_vocab(conn, _apply(conn, items, +1))


def remove(conn: Connection, items: Iterable[IndexedText]) -> None:
    _write_vocab(conn, _apply(conn, items, -1))


def _apply(
    conn: Connection, items: Iterable[IndexedText], sign: int, deltas: Deltas | None = None
) -> Deltas:
    """Write or delete the FTS rows of items; add their vocabulary counts to deltas."""
    deltas = {} if deltas is None else deltas
    by_lang: dict[str, list[IndexedText]] = {}
    for item in items:
        by_lang.setdefault(item.lang, []).append(item)
    for lang, group in by_lang.items():
        counts_of_lang = deltas.setdefault(lang, {})
        rows = []
        for item in group:
            fields, counts = _analyse(item)
            for pair, (df, head, title) in counts.items():
                d = counts_of_lang.setdefault(pair, [0, 0, 0])
                d[0] += sign * df
                d[1] += sign * head
                d[2] += sign * title
            rows.append((item.rowid, *fields))
        if sign > 0:
            search_index.write_rows(conn, lang, rows)
        else:
            search_index.delete_rows(conn, lang, [i.rowid for i in group])
    return deltas


def _write_vocab(conn: Connection, deltas: Deltas) -> None:
    for lang, counts in deltas.items():
        search_index.adjust_vocab(conn, lang, {k: (v[0], v[1], v[2]) for k, v in counts.items()})


def rebuild(conn: Connection) -> int:
    """Index every article text again from scratch; returns the number of texts.
    The vocabulary is totalled in memory and written once."""
    search_index.clear(conn)
    rows = search_index.all_texts(conn)
    texts = (IndexedText(r[0], r[1], r[2], json.loads(r[3] or "[]"), r[4]) for r in rows)
    _write_vocab(conn, _apply(conn, texts, +1))
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

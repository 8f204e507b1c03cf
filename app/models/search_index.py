"""SQL access to the FTS5 search index and its vocabulary.

Rows hold text already normalised and stemmed by app.domain.text; this module only
stores and queries them. FTS rowid == kb_article_texts.id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Column, Connection, Integer, String, Table, text

from app.domain.text import LANGS
from app.models.base import Base

# bm25 column weights: title, keywords, body.
WEIGHTS = (8.0, 5.0, 1.0)

vocab_table = Table(
    "kb_vocab",
    Base.metadata,
    Column("lang", String(2), primary_key=True),
    Column("word", String(80), primary_key=True),
    Column("stem", String(80), nullable=False),
    Column("df", Integer, nullable=False),  # texts holding the word anywhere
    Column("head_df", Integer, nullable=False),  # ... in the title or the keywords
    Column("title_df", Integer, nullable=False),  # ... in the title
    sqlite_with_rowid=False,
)


def include_in_autogenerate(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic autogenerate filter: the FTS5 tables (and their shadow tables) are written
    by hand in the migrations, not described by models."""
    return not (type_ == "table" and name is not None and name.startswith("kb_fts_"))


def _fts(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    return f"kb_fts_{lang}"


def write_rows(conn: Connection, lang: str, rows: Iterable[tuple[int, str, str, str]]) -> None:
    """Insert or replace (rowid, title, keywords, body) rows."""
    table = _fts(lang)
    conn.exec_driver_sql(
        f"INSERT OR REPLACE INTO {table}(rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
        list(rows),
    )


def delete_rows(conn: Connection, lang: str, rowids: Sequence[int]) -> None:
    conn.exec_driver_sql(f"DELETE FROM {_fts(lang)} WHERE rowid = ?", [(r,) for r in rowids])


def clear(conn: Connection) -> None:
    for lang in LANGS:
        conn.exec_driver_sql(f"DELETE FROM {_fts(lang)}")
    conn.execute(vocab_table.delete())


def optimize(conn: Connection) -> None:
    for lang in LANGS:
        table = _fts(lang)
        conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")


# Column sets a search can be narrowed to; bm25 then scores only rows matching there.
TIERS = {"all": "", "head": "{title keywords} : ", "title": "{title} : "}


def match(
    conn: Connection, lang: str, expression: str, limit: int, tier: str = "all"
) -> list[tuple[int, float]]:
    """Best rows for an FTS5 expression: (rowid, bm25) with the lowest (best) bm25 first."""
    table = _fts(lang)
    if TIERS[tier]:
        expression = f"{TIERS[tier]}({expression})"
    w = ", ".join(str(x) for x in WEIGHTS)
    sql = (
        f"SELECT rowid, bm25({table}, {w}) AS score FROM {table} "
        f"WHERE {table} MATCH ? ORDER BY score LIMIT ?"
    )
    return [(r[0], r[1]) for r in conn.exec_driver_sql(sql, (expression, limit))]


Frequencies = tuple[int, int, int]  # df, head_df, title_df


def adjust_vocab(conn: Connection, lang: str, deltas: dict[tuple[str, str], Frequencies]) -> None:
    """Add document-frequency deltas per (word, stem); words that reach 0 are dropped."""
    if not deltas:
        return
    conn.exec_driver_sql(
        "INSERT INTO kb_vocab(lang, word, stem, df, head_df, title_df) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(lang, word) DO UPDATE SET df = df + excluded.df, "
        "head_df = head_df + excluded.head_df, title_df = title_df + excluded.title_df",
        [(lang, w, s, *d) for (w, s), d in deltas.items()],
    )
    gone = [(lang, w) for (w, _s), d in deltas.items() if d[0] < 0]
    if gone:
        conn.exec_driver_sql("DELETE FROM kb_vocab WHERE lang = ? AND word = ? AND df <= 0", gone)


def load_vocab(conn: Connection, lang: str) -> list[tuple[str, str, int, int, int]]:
    """All (word, stem, df, head_df, title_df) of a language, sorted by word."""
    rows = conn.execute(
        text(
            "SELECT word, stem, df, head_df, title_df FROM kb_vocab WHERE lang = :lang "
            "ORDER BY word"
        ),
        {"lang": lang},
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def fetch_texts(
    conn: Connection, rowids: Sequence[int]
) -> dict[int, tuple[str, str, str, str, str]]:
    """rowid -> (article_id, lang, title, body, category) for the given text rows."""
    if not rowids:
        return {}
    marks = ", ".join("?" for _ in rowids)
    rows = conn.exec_driver_sql(
        "SELECT t.id, t.article_id, t.lang, t.title, t.body, a.category "
        "FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id "
        f"WHERE t.id IN ({marks})",
        tuple(rowids),
    )
    return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in rows}


def all_texts(conn: Connection) -> list[tuple[int, str, str, str, str]]:
    """Every text row as (rowid, lang, title, keywords JSON, body), for a full rebuild."""
    rows = conn.exec_driver_sql(
        "SELECT id, lang, title, keywords, body FROM kb_article_texts ORDER BY id"
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

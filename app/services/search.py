"""Knowledge-base search: as-you-type, accent- and typo-tolerant, FR and EN, synonyms.

One FTS5 index per language holds stemmed words (see app.domain.text). A query is parsed
once per language (app.services.query), run against both indexes, and the hits merged with
the agent's language ahead; snippets mark the words that matched.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import Connection, select

from app.domain import text
from app.domain.text import LANGS
from app.models import Synonym, search_index
from app.models.store import Store
from app.services import indexing
from app.services.query import ParsedQuery, Synonyms, parse
from app.services.snippets import Marker, Segments, mark, snippet, to_html, to_text
from app.services.vocabulary import TIERS, Vocabulary

# Hits in the other language keep this share of their score: same relevance, agent's first.
OTHER_LANGUAGE_FACTOR = 0.75
# bm25 costs about half a microsecond per matching text, and FTS5 ranks every match. When
# more texts than this would match, ranking starts with the texts that match in the title
# (or title and keywords), which hold the best hits anyway, and widens only while that
# gives fewer hits than asked and stays under the hard budget.
ROW_BUDGET = 5_000
HARD_BUDGET = 20_000


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    lang: str
    category: str
    score: float
    title: Segments
    snippet: Segments

    @property
    def title_text(self) -> str:
        return to_text(self.title)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "title": self.title_text,
            "lang": self.lang,
            "category": self.category,
            "score": round(self.score, 4),
            "snippet": to_html(self.snippet),
            "snippet_text": to_text(self.snippet),
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    elapsed_ms: float
    relaxed: bool = False  # no article had every word: hits match some of them


@dataclass(slots=True)
class _LanguageState:
    vocab: Vocabulary
    synonyms: Synonyms


class SearchEngine:
    """Thread-safe; each call takes its own connection from the store's pool."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._generation: int | None = -1
        self._langs: dict[str, _LanguageState] = {}

    def _refresh(self, conn: Connection) -> None:
        gen = indexing.generation(conn)
        if gen == self._generation:
            return
        with self._lock:
            if gen == self._generation:
                return
            syn_rows = conn.execute(select(Synonym.lang, Synonym.group_key, Synonym.phrase)).all()
            langs: dict[str, _LanguageState] = {}
            for lang in LANGS:
                groups: dict[str, list[tuple[str, ...]]] = {}
                for row in syn_rows:
                    if row.lang == lang:
                        phrase = tuple(text.stems(row.phrase, lang))
                        if phrase:
                            groups.setdefault(row.group_key, []).append(phrase)
                langs[lang] = _LanguageState(
                    Vocabulary(search_index.load_vocab(conn, lang)),
                    [g for g in groups.values() if len(g) > 1],
                )
            self._langs = langs
            self._generation = gen

    def search(self, query: str, lang: str = "fr", limit: int = 10) -> SearchResult:
        started = time.perf_counter()
        lang = lang if lang in LANGS else "fr"
        with self._store.engine.connect() as conn:
            self._refresh(conn)
            parsed = {
                lg: parse(query, lg, self._langs[lg].vocab, self._langs[lg].synonyms)
                for lg in LANGS
            }
            raw = self._run(conn, parsed, "AND", limit)
            relaxed = False
            if not raw and any(len(p.clauses) > 1 for p in parsed.values()):
                raw = self._run(conn, parsed, "OR", limit)
                relaxed = bool(raw)
            hits = self._hits(conn, raw, parsed, lang, limit)
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, tuple(hits), elapsed, relaxed)

    def _run(
        self, conn: Connection, parsed: dict[str, ParsedQuery], joiner: str, limit: int
    ) -> list[tuple[str, int, float]]:
        out: list[tuple[str, int, float]] = []
        for lg, pq in parsed.items():
            if pq.clauses:
                rows = self._match_within_budget(conn, lg, pq, joiner, limit)
                out.extend((lg, rowid, bm25) for rowid, bm25 in rows)
        return out

    def _match_within_budget(
        self, conn: Connection, lang: str, pq: ParsedQuery, joiner: str, limit: int
    ) -> list[tuple[int, float]]:
        vocab = self._langs[lang].vocab
        sizes = [pq.estimate(vocab, tier, joiner) for tier in range(len(TIERS))]
        start = next((t for t, n in enumerate(sizes) if n <= ROW_BUDGET), len(TIERS) - 1)
        expr = pq.expression(joiner)
        rows: list[tuple[int, float]] = []
        for tier in range(start, -1, -1):  # narrowest affordable tier first, then wider
            if tier < start and sizes[tier] > HARD_BUDGET:
                break
            rows = search_index.match(conn, lang, expr, limit, TIERS[tier])
            if len(rows) >= limit:
                break
        return rows

    def _hits(
        self,
        conn: Connection,
        raw: list[tuple[str, int, float]],
        parsed: dict[str, ParsedQuery],
        lang: str,
        limit: int,
    ) -> list[SearchHit]:
        texts = search_index.fetch_texts(conn, [r[1] for r in raw])
        # An article ranks by its best score in either language, and is shown in the
        # agent's language whenever it matched there.
        best: dict[str, float] = {}
        shown: dict[str, tuple[str, int]] = {}
        for lg, rowid, bm25 in raw:
            if rowid not in texts:
                continue
            article_id = texts[rowid][0]
            score = -bm25 * (1.0 if lg == lang else OTHER_LANGUAGE_FACTOR)
            best[article_id] = max(score, best.get(article_id, score))
            if article_id not in shown or lg == lang:
                shown[article_id] = (lg, rowid)
        ranked = sorted(((best[a], *shown[a]) for a in best), key=lambda v: -v[0])[:limit]
        markers = {lg: Marker(*pq.highlight_terms(), lg) for lg, pq in parsed.items()}
        hits = []
        for score, lg, rowid in ranked:
            article_id, _, title, body, category = texts[rowid]
            marker = markers[lg]
            hits.append(
                SearchHit(
                    article_id, lg, category, score, mark(title, marker), snippet(body, marker)
                )
            )
        return hits

"""Search benchmark: relevance on the bundled knowledge base, then latency and index build
time of Relais and of the `tantivy` peer on the same synthetic corpus and queries.

    python benchmarks/search.py [--articles 100000] [--runs 3] [--no-peer]

Prints a readable report; the last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain import text  # noqa: E402
from app.models import Article, ArticleText  # noqa: E402
from app.services import indexing  # noqa: E402
from app.services.resources import kb_dir  # noqa: E402
from app.services.vocabulary import max_typos  # noqa: E402
from app.services.workspace import Workspace, open_workspace  # noqa: E402
from benchmarks.corpus import SyntheticArticle, generate  # noqa: E402

LABELLED = tomllib.loads((ROOT / "tests/data/kb_queries.toml").read_text("utf-8"))["queries"]


# -- query sets ---------------------------------------------------------------------------
def _swap_inside(word: str) -> str:
    i = len(word) // 2
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def query_sets() -> dict[str, list[str]]:
    complete = [q["q"] for q in LABELLED if q["kind"] not in ("prefix", "typo")]
    typos = [q["q"] for q in LABELLED if q["kind"] == "typo"]
    for q in complete:
        words = q.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) >= 5:
            words[longest] = _swap_inside(words[longest])
            typos.append(" ".join(words))
    typed = []
    for q in complete[:24]:
        typed.extend(q[:n] for n in range(1, len(q) + 1) if not q[:n].endswith(" "))
    return {
        "plain": [q + " " for q in complete],
        "prefix": typed,
        "typo": [q + " " for q in typos],
        "no_accents": [text.fold(q) + " " for q in complete if text.fold(q) != q.lower()],
    }


# -- figures ------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]

    return {"p50": pick(0.5), "p95": pick(0.95), "max": ordered[-1], "n": len(ordered)}


def time_queries(run: Callable[[str], object], queries: Iterable[str], runs: int) -> list[float]:
    queries = list(queries)
    for q in queries:  # warm caches once, as a console does during the first minutes
        run(q)
    samples = []
    for _ in range(runs):
        for q in queries:
            started = time.perf_counter()
            run(q)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- relevance on the real knowledge base ---------------------------------------------------
def relevance(workspace: Workspace) -> dict[str, object]:
    by_kind: dict[str, list[float]] = {}
    hits3 = 0
    rr = 0.0
    keystrokes = []
    for case in LABELLED:
        lang = case.get("lang", "fr")
        ids = [h.article_id for h in workspace.search(case["q"], lang=lang, limit=10).hits]
        rank = ids.index(case["expect"]) + 1 if case["expect"] in ids else 0
        hits3 += 0 < rank <= 3
        rr += 1 / rank if rank else 0
        by_kind.setdefault(case["kind"], []).append(1.0 if 0 < rank <= 3 else 0.0)
        # As you type: how many keystrokes until the article is in the top 3 for good.
        q = case["q"]
        found_at = len(q)
        for n in range(len(q), 0, -1):
            top = [h.article_id for h in workspace.search(q[:n], lang=lang, limit=3).hits]
            if case["expect"] not in top:
                break
            found_at = n
        keystrokes.append(found_at / len(q))
    n = len(LABELLED)
    return {
        "queries": n,
        "hit_at_3": round(hits3 / n, 3),
        "mrr_at_10": round(rr / n, 3),
        "hit_at_3_by_kind": {k: round(sum(v) / len(v), 3) for k, v in by_kind.items()},
        "share_of_query_typed_when_found": round(statistics.mean(keystrokes), 3),
    }


# -- Relais on the synthetic corpus -------------------------------------------------------------
def build_relais(folder: Path, articles: list[SyntheticArticle]) -> tuple[Workspace, float, float]:
    workspace = open_workspace(folder, load_bundled=False)
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    started = time.perf_counter()
    with workspace.store.engine.begin() as conn:
        conn.execute(
            Article.__table__.insert(),
            [
                {
                    "id": a.id,
                    "category": a.category,
                    "service_codes": [],
                    "version": 1,
                    "updated_at": now,
                    "source": "bench",
                }
                for a in articles
            ],
        )
        conn.execute(
            ArticleText.__table__.insert(),
            [
                {
                    "article_id": a.id,
                    "lang": t.lang,
                    "title": t.title,
                    "body": t.body,
                    "keywords": t.keywords,
                    "referral_unit": "",
                    "referral_phone": "311",
                    "referral_address": "",
                    "referral_hours": "",
                }
                for a in articles
                for t in a.texts
            ],
        )
    insert_s = time.perf_counter() - started
    started = time.perf_counter()
    with workspace.store.engine.begin() as conn:
        indexing.rebuild(conn)
    return workspace, insert_s, time.perf_counter() - started


# -- the tantivy peer ---------------------------------------------------------------------------
class TantivyPeer:
    """The same features as Relais, built from tantivy's parts: Snowball stemming and
    ASCII folding per language, title/keyword boosts, fuzzy terms on the same typo
    budget, a prefix on the word being typed, every word required."""

    FIELDS = (("title", 8.0), ("keywords", 5.0), ("body", 1.0))

    def __init__(self, folder: Path, articles: list[SyntheticArticle]) -> None:
        import tantivy

        self.t = tantivy
        self.analyzers = {
            lang: tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer(name))
            .build()
            for lang, name in (("fr", "french"), ("en", "english"))
        }
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        for lang in ("fr", "en"):
            for field, _ in self.FIELDS:
                builder.add_text_field(f"{field}_{lang}", tokenizer_name=f"relais_{lang}")
        self.schema = builder.build()
        started = time.perf_counter()
        folder.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(folder))
        for lang, analyzer in self.analyzers.items():
            self.index.register_tokenizer(f"relais_{lang}", analyzer)
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for a in articles:
            doc = {"id": a.id}
            for t in a.texts:
                doc[f"title_{t.lang}"] = t.title
                doc[f"keywords_{t.lang}"] = ", ".join(t.keywords)
                doc[f"body_{t.lang}"] = t.body
            writer.add_document(tantivy.Document(**doc))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        self.build_s = time.perf_counter() - started

    def _word(self, word: str, typing: bool) -> object:
        q = self.t.Query
        should = []
        for lang, analyzer in self.analyzers.items():
            terms = [tok for tok in analyzer.analyze(word)]
            if not terms:
                continue
            term = terms[0]
            for field, boost in self.FIELDS:
                name = f"{field}_{lang}"
                if typing:
                    one = q.fuzzy_term_query(self.schema, name, term, distance=0, prefix=True)
                elif max_typos(word):
                    one = q.fuzzy_term_query(
                        self.schema,
                        name,
                        term,
                        distance=max_typos(word),
                        transposition_cost_one=True,
                    )
                else:
                    one = q.term_query(self.schema, name, term)
                should.append((self.t.Occur.Should, q.boost_query(one, boost)))
        return q.boolean_query(should)

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = text.words(query)
        typing = bool(query) and not query[-1].isspace()
        clauses = [
            (self.t.Occur.Must, self._word(w, typing and i == len(words) - 1))
            for i, w in enumerate(words)
        ]
        if not clauses:
            return []
        result = self.searcher.search(self.t.Query.boolean_query(clauses), limit)
        return [self.searcher.doc(addr)["id"][0] for _score, addr in result.hits]


# -- main ---------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="timed passes over each query set")
    parser.add_argument("--no-peer", action="store_true", help="skip the tantivy peer")
    parser.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help="keep the synthetic Relais store in DIR and reuse it next time",
    )
    args = parser.parse_args()
    figures: dict[str, object] = {"articles": args.articles}

    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        tmp_path = Path(tmp)
        bundled = open_workspace(tmp_path / "bundled")
        figures["relevance"] = relevance(bundled)
        bundled.close()
        print("Relevance on the bundled knowledge base:", json.dumps(figures["relevance"]))

        started = time.perf_counter()
        articles = list(generate(args.articles, kb_dir()))
        n_texts = sum(len(a.texts) for a in articles)
        print(
            f"Corpus: {len(articles)} articles, {n_texts} texts "
            f"(generated in {time.perf_counter() - started:.1f} s)"
        )
        sets = query_sets()

        folder = args.store or tmp_path / "relais"
        if args.store and (args.store / "relais.sqlite3").exists():
            workspace, insert_s, index_s = open_workspace(folder, load_bundled=False), 0.0, 0.0
            print(f"Reusing the store in {folder} (build times not measured)")
        else:
            workspace, insert_s, index_s = build_relais(folder, articles)
        size_mb = workspace.store.path.stat().st_size / 1e6
        relais: dict[str, object] = {
            "insert_s": round(insert_s, 2),
            "index_build_s": round(index_s, 2),
            "store_mb": round(size_mb, 1),
        }
        everything: list[float] = []
        for name, queries in sets.items():
            samples = time_queries(lambda q: workspace.search(q, "fr", 10), queries, args.runs)
            everything += samples
            relais[name] = {k: round(v, 2) for k, v in percentiles(samples).items()}
        relais["all"] = {k: round(v, 2) for k, v in percentiles(everything).items()}
        relais["peak_rss_mb"] = round(rss_mb(), 0)
        workspace.close()
        figures["relais"] = relais
        _report("Relais (FTS5, snippets included)", relais)

        if not args.no_peer:
            peer = TantivyPeer(tmp_path / "tantivy", articles)
            tantivy_fig: dict[str, object] = {"index_build_s": round(peer.build_s, 2)}
            everything = []
            for name, queries in sets.items():
                samples = time_queries(peer.search, queries, args.runs)
                everything += samples
                tantivy_fig[name] = {k: round(v, 2) for k, v in percentiles(samples).items()}
            tantivy_fig["all"] = {k: round(v, 2) for k, v in percentiles(everything).items()}
            figures["tantivy"] = tantivy_fig
            _report("tantivy peer (top-10 ids, no snippets)", tantivy_fig)

    figures["target_p95_ms"] = 10
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def _report(title: str, fig: dict[str, object]) -> None:
    print(f"\n{title}")
    for key, value in fig.items():
        if isinstance(value, dict):
            print(
                f"  {key:<11} p50 {value['p50']:7.2f} ms   p95 {value['p95']:7.2f} ms   "
                f"max {value['max']:7.2f} ms   ({value['n']} queries)"
            )
        else:
            print(f"  {key:<11} {value}")


if __name__ == "__main__":
    raise SystemExit(main())

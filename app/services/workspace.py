"""Opens everything a console needs on one workstation: the store, the bundled content
and the search engine. Used by the command line and the window alike."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from app.models.store import Store, StoreError, StoreTooNewError, open_store
from app.services import indexing, kb, resources
from app.services.articles import ArticleView, read_article
from app.services.kb_files import KbFormatError
from app.services.search import SearchEngine, SearchResult

__all__ = ["StoreError", "StoreTooNewError", "Workspace", "open_workspace", "resolve_data_dir"]

DATA_DIR_ENV = "RELAIS_DATA_DIR"


def resolve_data_dir(option: str | None = None) -> Path:
    """--data-dir, else RELAIS_DATA_DIR, else the platform's per-user data folder."""
    chosen = option or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_data_dir("Relais", appauthor=False))


@dataclass
class Workspace:
    data_dir: Path
    store: Store
    engine: SearchEngine
    # Problems that did not stop the console (a bundled file it could not read): shown to
    # the agent and the deployer, while the store keeps serving what it already holds.
    warnings: list[str] = field(default_factory=list)

    def search(self, query: str, lang: str = "fr", limit: int = 10) -> SearchResult:
        return self.engine.search(query, lang=lang, limit=limit)

    def article(self, article_id: str) -> ArticleView | None:
        return read_article(self.store, article_id)

    def article_count(self) -> int:
        return kb.count_articles(self.store)

    def close(self) -> None:
        self.store.close()


def open_workspace(data_dir: Path, load_bundled: bool = True) -> Workspace:
    """Open (or create, or upgrade) the store in data_dir and bring bundled content in."""
    store = open_store(data_dir)
    warnings: list[str] = []
    try:
        with store.engine.begin() as conn:
            if indexing.generation(conn) is None:
                indexing.rebuild(conn)
        if load_bundled:
            for load, source in (
                (kb.load_synonyms, resources.synonyms_file()),
                (kb.load_bundle, resources.kb_dir()),
            ):
                try:
                    load(store, source)
                except KbFormatError as exc:
                    warnings.append(f"Bundled content not loaded: {exc}")
    except BaseException:
        store.close()
        raise
    return Workspace(data_dir, store, SearchEngine(store), warnings)

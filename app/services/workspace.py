"""Opens everything a console needs on one workstation: the store, the bundled content
and the search engine. Used by the command line and the window alike."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from app.domain.catalogue import Catalogue, CatalogueError
from app.models import salvage, store_errors
from app.models.store import KnownStoreError, Store, StoreError, StoreTooNewError, open_store
from app.models.store_errors import DAMAGED
from app.services import (
    case_lookup,
    catalogue_copy,
    citizens,
    conflicts,
    drafts,
    indexing,
    indicators,
    intake,
    interactions,
    kb,
    outbox,
    privacy,
    refusals,
    request_edits,
    resources,
    sequences,
)
from app.services.articles import ArticleView, read_article
from app.services.kb_files import KbFormatError
from app.services.profile import Profile, load_profile, save_profile
from app.services.search import SearchEngine, SearchResult

__all__ = [
    "KnownStoreError",
    "Recovery",
    "StoreError",
    "StoreTooNewError",
    "Workspace",
    "open_workspace",
    "resolve_data_dir",
    "store_errors",
]

Recovery = salvage.Salvage

DATA_DIR_ENV = "RELAIS_DATA_DIR"


def resolve_data_dir(option: str | None = None) -> Path:
    """--data-dir, else RELAIS_DATA_DIR, else the platform's per-user data folder."""
    chosen = option or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_data_dir("Relais", appauthor=False))


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Workspace:
    data_dir: Path
    store: Store
    engine: SearchEngine
    catalogue: Catalogue
    profile: Profile | None = None
    # Problems that did not stop the console (a bundled file it could not read): shown to
    # the agent and the deployer, while the store keeps serving what it already holds.
    warnings: list[str] = field(default_factory=list)
    # The store found empty or damaged at open, set aside, and what was taken out of it.
    recovered: Recovery | None = None
    # A central store is configured: a station this folder never numbered for waits for
    # the central store's mark before it numbers (see services.sequences).
    central: bool = False
    # The signed-in user's role on the central store ("" when local only or unknown):
    # what a supervisor may do to a closed case, an agent may not.
    role: str = ""

    @property
    def supervisor(self) -> bool:
        return self.role in indicators.SUPERVISOR_ROLES

    def search(self, query: str, lang: str = "fr", limit: int = 10) -> SearchResult:
        return self.engine.search(query, lang=lang, limit=limit)

    def article(self, article_id: str) -> ArticleView | None:
        return read_article(self.store, article_id)

    def article_count(self) -> int:
        return kb.count_articles(self.store)

    def set_profile(self, station: str, agent: str, workplace: str) -> Profile:
        self.profile = save_profile(self.store, station, agent, workplace)
        return self.profile

    def _profile(self) -> Profile:
        if self.profile is None:
            raise RuntimeError("the workstation's station code is not set yet")
        return self.profile

    # Each call below is one short local transaction, made from the console's store worker.
    def find_cases(self, text: str) -> case_lookup.CaseSearch:
        return case_lookup.find_cases(self.store, text, now())

    def case_detail(self, case_number: str) -> case_lookup.CaseDetail | None:
        return case_lookup.case_detail(self.store, case_number, now())

    def add_note(self, case_number: str, text: str) -> case_lookup.CaseDetail:
        return case_lookup.add_note(
            self.store, self._profile(), case_number, text, now(), supervisor=self.supervisor
        )

    def reopen_request(self, case_number: str, reason: str) -> case_lookup.CaseDetail:
        """A closed case the citizen says is not done: Réactivée, with the reason."""
        return request_edits.reopen_request(self.store, self._profile(), case_number, reason, now())

    def lookup_citizens(self, text: str) -> list[citizens.CitizenMatch]:
        return citizens.lookup_citizens(self.store, text, now())

    def citizen(self, citizen_id: str) -> citizens.CitizenMatch | None:
        return citizens.get_citizen(self.store, citizen_id, now())

    def duplicates(self, draft: intake.Draft) -> list[case_lookup.CaseSummary]:
        return intake.duplicates(self.store, draft, now())

    def save_request(self, draft: intake.Draft, interaction_id: str | None) -> intake.Saved:
        return intake.save(
            self.store,
            self.catalogue,
            self._profile(),
            draft,
            now(),
            interaction_id,
            central=self.central,
        )

    def learn_station_marks(self, station: int, marks: dict[int, int]) -> None:
        """The central store's highest sequences for `station`, per year."""
        sequences.learn_marks(self.store, station, marks)

    def attach_to_case(
        self, case_number: str, draft: intake.Draft, interaction_id: str | None
    ) -> str | None:
        return intake.attach(
            self.store,
            self._profile(),
            case_number,
            draft,
            now(),
            interaction_id,
            supervisor=self.supervisor,
        )

    def start_interaction(self, channel: str) -> interactions.InteractionView:
        return interactions.start_interaction(self.store, self._profile(), channel, now())

    def end_interaction(self, interaction_id: str, outcome: str) -> interactions.InteractionView:
        return interactions.end_interaction(self.store, interaction_id, outcome, now())

    def current_interaction(self) -> interactions.InteractionView | None:
        if self.profile is None:
            return None
        return interactions.current_interaction(self.store, self.profile)

    def reload_catalogue(self) -> None:
        """After the central store sent a new catalogue: saves route by it from now on."""
        self.catalogue = catalogue_copy.current_catalogue(self.store)

    def sync_overview(self) -> tuple[int, list[outbox.OpView]]:
        return outbox.overview(self.store)

    def clear_cached_citizens(self) -> int:
        return privacy.clear_cached_citizens(self.store)

    def purge_stale_citizens(self, older_than_days: int) -> int:
        return privacy.purge_stale_citizens(self.store, older_than_days, now())

    def purge_if_due(self, older_than_days: int) -> int | None:
        """The daily purge: None when the last one is less than a day old."""
        if not privacy.purge_due(self.store, now()):
            return None
        return self.purge_stale_citizens(older_than_days)

    def edit_citizen(self, citizen_id: str, changes: dict[str, str]) -> citizens.CitizenMatch:
        return citizens.edit_citizen(self.store, citizen_id, changes, now())

    def edit_request(
        self, case_number: str, changes: dict[str, str], seen_revision: int | None = None
    ) -> case_lookup.CaseDetail:
        """`seen_revision`: the central store's revision the correction was typed on (a
        colleague's change that arrived meanwhile to a corrected field is then a conflict)."""
        return request_edits.edit_request(
            self.store,
            self.catalogue,
            self._profile(),
            case_number,
            changes,
            now(),
            seen_revision=seen_revision,
            supervisor=self.supervisor,
        )

    # -- the request form's draft (unsaved typing, kept across a restart) -----------------
    def save_form_draft(self, data: dict[str, Any]) -> drafts.SavedDraft:
        return drafts.save_draft(self.store, drafts.REQUEST_FORM, data, now())

    def form_draft(self) -> drafts.SavedDraft | None:
        return drafts.load_draft(self.store, drafts.REQUEST_FORM)

    def clear_form_draft(self) -> None:
        drafts.clear_draft(self.store, drafts.REQUEST_FORM)

    def conflicts(self) -> list[conflicts.Conflict]:
        return conflicts.list_conflicts(self.store)

    def resolve_conflict(self, seq: int, keep_mine: set[str]) -> str | None:
        agent = self.profile.agent if self.profile is not None else ""
        return conflicts.resolve(
            self.store, seq, keep_mine, now(), catalogue=self.catalogue, actor=agent
        )

    def conflict_count(self) -> int:
        return conflicts.conflict_count(self.store)

    # -- changes the central store refused ------------------------------------------------
    def _actor(self) -> str:
        return self.profile.agent if self.profile is not None else ""

    def resend_refused(self, seq: int, values: dict[str, str]) -> case_lookup.CaseDetail:
        return refusals.resend(self.store, self.catalogue, self._profile(), seq, values, now())

    def resend_refused_note(self, seq: int, text: str) -> case_lookup.CaseDetail:
        return refusals.resend_note(self.store, self._profile(), seq, text, now())

    def drop_refused(self, seq: int) -> refusals.Dropped:
        return refusals.drop(self.store, seq, self._actor(), now())

    def take_store_copy(
        self, case_number: str, record: dict[str, Any] | None
    ) -> case_lookup.CaseDetail | None:
        return refusals.take_store_copy(self.store, case_number, record, self._actor(), now())

    def cases_awaiting_copy(self) -> list[str]:
        return refusals.awaiting_copy(self.store)

    def remove_local_case(self, case_number: str) -> int:
        return refusals.remove_local_case(self.store, case_number)

    # -- supervisors ---------------------------------------------------------------------
    def cached_indicators(self, kind: str) -> indicators.Indicators | None:
        return indicators.cached_indicators(self.store, kind)

    def save_indicators(
        self, kind: str, data: dict[str, Any], fetched_at: datetime
    ) -> indicators.Indicators:
        return indicators.save_indicators(self.store, kind, data, fetched_at)

    def export_table(self, path: Path, headers: list[str], rows: list[list[str]]) -> int:
        return indicators.write_table_csv(path, headers, rows)

    def remember_role(self, username: str, role: str) -> None:
        indicators.remember_role(self.store, username, role)

    def remembered_role(self, username: str) -> str:
        return indicators.remembered_role(self.store, username)

    def close(self) -> None:
        self.store.close()


def _recover(data_dir: Path, error: KnownStoreError) -> tuple[Store, Recovery]:
    """Set the damaged store aside, take out what can be read, start a new one with it."""
    try:
        copy = salvage.set_aside(error.path, now())
    except OSError as exc:  # a read-only folder: the damage is said, with that fix too
        raise store_errors.known(exc, error.path) or error from exc
    found = salvage.salvage(copy, error.detail)
    store = open_store(data_dir)
    try:
        salvage.restore_into(store, found, now())
    except BaseException:
        store.close()
        raise
    return store, found


def open_workspace(data_dir: Path, load_bundled: bool = True, recover: bool = False) -> Workspace:
    """Open (or create, or upgrade) the store in data_dir and bring bundled content in.
    With `recover` (the console), an empty or damaged store is set aside and a new one
    started with what could be read of it (`Workspace.recovered`); without, it is a
    KnownStoreError that says what to do."""
    recovered: Recovery | None = None
    try:
        store = open_store(data_dir)
    except KnownStoreError as exc:
        if not recover or exc.kind != DAMAGED:
            raise
        store, recovered = _recover(data_dir, exc)
    warnings: list[str] = []
    try:
        sequences.reconcile(store)
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
        catalogue = catalogue_copy.current_catalogue(store)
        profile = load_profile(store)
    except CatalogueError as exc:
        store.close()
        raise StoreError(f"The bundled service catalogue cannot be read: {exc}") from exc
    except BaseException:
        store.close()
        raise
    return Workspace(data_dir, store, SearchEngine(store), catalogue, profile, warnings, recovered)

"""`relais --self-check`: proves an installed console can run on this machine, without a
window and without touching the agent's data. Each step does what a real start does (open
the store, migrate, load the bundled content, search, load the catalogue, start Qt, load
the translations); the first that fails is named on one line with the fix."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from app import __version__
from app.domain.catalogue import CatalogueError
from app.domain.routing import is_office_hours
from app.domain.workdays import is_business_day
from app.models.store import current_revision, integrity_problems
from app.models.store_errors import DAMAGED, KnownStoreError
from app.services import resources
from app.services.workspace import Workspace, open_workspace

# A query the bundled knowledge base always answers, with the article it must find.
KNOWN_QUERY = "nid de poule"
KNOWN_ARTICLE = "nid-de-poule-signalement"
# A misspelled one: the typo tolerance (rapidfuzz, the stemmer) must be in the build too.
TYPO_QUERY = "encombrnats"
TYPO_ARTICLE = "encombrants-collecte"
FETE_NATIONALE = date(2026, 6, 24)  # a Wednesday

REINSTALL = "reinstall Relais (or rebuild it with installer/build.sh)"


class CheckFailed(Exception):
    """One step failed: what failed, and what to do about it."""

    def __init__(self, step: str, reason: str, fix: str) -> None:
        self.step, self.reason, self.fix = step, reason, fix
        super().__init__(f"{step}: {reason}")


@dataclass
class Report:
    revision: str = ""
    articles: int = 0
    hits: int = 0
    search_ms: float = 0.0
    services: int = 0
    qt_version: str = ""
    languages: str = ""

    def summary(self, seconds: float) -> str:
        return (
            f"relais {__version__} self-check ok: store schema {self.revision}, "
            f"{self.articles} articles, search '{KNOWN_QUERY}' -> {self.hits} hits in "
            f"{self.search_ms:.0f} ms, catalogue {self.services} services, "
            f"qt {self.qt_version}, translations {self.languages}, {seconds:.2f} s"
        )


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _check_store(data_dir: Path, report: Report) -> Workspace:
    try:
        workspace = open_workspace(data_dir)
    except KnownStoreError as exc:  # damaged, full, read-only, busy: its own fix
        raise CheckFailed("store", exc.what, exc.fix.rstrip(".")) from exc
    except Exception as exc:
        if isinstance(exc.__cause__, CatalogueError):
            raise CheckFailed(
                "catalogue",
                _one_line(exc.__cause__),
                f"the bundled catalogue in {resources.resources_dir() / 'catalogue'} is "
                f"damaged: {REINSTALL}",
            ) from exc
        raise CheckFailed(
            "store",
            f"cannot open the local store in {data_dir}: {_one_line(exc)}",
            f"give a writable empty folder with --data-dir, or {REINSTALL}",
        ) from exc
    if workspace.warnings:
        workspace.close()
        raise CheckFailed(
            "knowledge base",
            _one_line(workspace.warnings[0]),
            f"the bundled files in {resources.resources_dir()} are damaged: {REINSTALL}",
        )
    _check_integrity(workspace)
    revision = current_revision(workspace.store.engine)
    report.revision = revision or "none"
    report.articles = workspace.article_count()
    if not report.articles:
        workspace.close()
        raise CheckFailed(
            "knowledge base",
            f"no article was loaded from {resources.kb_dir()}",
            f"the bundled knowledge base is missing: {REINSTALL}",
        )
    return workspace


def _check_integrity(workspace: Workspace) -> None:
    """SQLite's own check of every page and index of the store."""
    path = workspace.store.path
    try:
        problems = integrity_problems(workspace.store)
    except KnownStoreError as exc:  # so damaged that the check itself stops
        problems = [exc.detail or exc.kind]
    if problems:
        workspace.close()
        damaged = KnownStoreError(DAMAGED, path)
        raise CheckFailed(
            "store integrity",
            f"{damaged.what}: SQLite's integrity check found {len(problems)} problem(s), "
            f"the first: {_one_line(problems[0])[:120]}",
            damaged.fix.rstrip("."),
        )


def _check_search(workspace: Workspace, report: Report) -> None:
    for query, expected in ((KNOWN_QUERY, KNOWN_ARTICLE), (TYPO_QUERY, TYPO_ARTICLE)):
        result = workspace.search(query)
        if expected not in {hit.article_id for hit in result.hits}:
            raise CheckFailed(
                "search",
                f"'{query}' did not find the article {expected} ({len(result.hits)} hits)",
                f"the search index is incomplete: delete the data folder {workspace.data_dir} "
                f"so it is rebuilt, or {REINSTALL}",
            )
        if query == KNOWN_QUERY:
            report.hits, report.search_ms = len(result.hits), result.elapsed_ms


def _check_catalogue(workspace: Workspace, report: Report) -> None:
    report.services = len(workspace.catalogue.services)
    if not report.services:
        raise CheckFailed(
            "catalogue",
            "the service catalogue has no service",
            f"the bundled catalogue in {resources.resources_dir() / 'catalogue'} is empty: "
            f"{REINSTALL}",
        )
    # Due dates count business days in the city's time zone: Québec's holidays (holidays)
    # and the zone's rules (tzdata on Windows) must be in the build.
    try:
        is_office_hours(workspace.catalogue.routing, datetime.now(UTC))
        holiday_known = not is_business_day(FETE_NATIONALE)
    except Exception as exc:
        raise CheckFailed(
            "calendar", f"due dates cannot be computed: {_one_line(exc)}", REINSTALL
        ) from exc
    if not holiday_known:
        raise CheckFailed(
            "calendar", f"{FETE_NATIONALE} is not known as a Québec holiday", REINSTALL
        )


def _check_qt(report: Report) -> None:
    """Starts Qt as the window would (offscreen unless told otherwise) and loads both
    compiled translations: a missing Qt plugin, library or .qm file shows here."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        # The whole window's code, as a start would import it: a module left out of a
        # build fails here rather than in front of an agent.
        from PySide6 import __version__ as qt_version
        from PySide6.QtCore import QLibraryInfo, QTranslator
        from PySide6.QtWidgets import QApplication

        from app.ui import main as _window  # noqa: F401
        from app.ui.widgets.i18n import LANGS

        if QApplication.instance() is None:
            QApplication([sys.argv[0]])
    except Exception as exc:
        raise CheckFailed(
            "qt",
            f"Qt does not start: {_one_line(exc)}",
            "on Linux install the Qt runtime libraries (libegl1, libxkbcommon0, libfontconfig1); "
            f"otherwise {REINSTALL}",
        ) from exc
    report.qt_version = qt_version
    folder = resources.resources_dir() / "i18n"
    for lang in LANGS:
        qm = folder / f"relais_{lang}.qm"
        if not QTranslator().load(str(qm)):
            raise CheckFailed(
                "translations",
                f"{qm} is missing or unreadable",
                "compile them with `make translations` (pyside6-lrelease), or " + REINSTALL,
            )
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_fr", qt_own):  # Qt's own buttons: OK / Annuler
        raise CheckFailed(
            "translations",
            f"Qt's own French texts (qtbase_fr.qm) are missing from {qt_own}",
            REINSTALL,
        )
    report.languages = "+".join(LANGS)


def run_checks(data_dir: Path, report: Report) -> None:
    workspace = _check_store(data_dir, report)
    try:
        steps: tuple[Callable[[Workspace, Report], None], ...] = (
            _check_search,
            _check_catalogue,
        )
        for step in steps:
            step(workspace, report)
    finally:
        workspace.close()
    _check_qt(report)


def self_check(data_dir: Path | None) -> int:
    """Prints one line, the summary or what failed and the fix; 0 when everything works.
    Without a data folder a temporary one is used, so the agent's store is never touched."""
    started = time.perf_counter()
    report = Report()
    try:
        if data_dir is None:
            with tempfile.TemporaryDirectory(
                prefix="relais-self-check-", ignore_cleanup_errors=True
            ) as tmp:
                run_checks(Path(tmp), report)
        else:
            run_checks(data_dir, report)
    except CheckFailed as exc:
        print(
            f"relais {__version__} self-check FAILED at {exc.step}: {exc.reason.rstrip('.')}. "
            f"Fix: {exc.fix}.",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # anything unforeseen still ends in one line, not a traceback
        print(
            f"relais {__version__} self-check FAILED: {type(exc).__name__}: "
            f"{_one_line(exc).rstrip('.')}. "
            f"Fix: {REINSTALL}.",
            file=sys.stderr,
        )
        return 1
    print(report.summary(time.perf_counter() - started))
    return 0

"""The catalogue in the central store: loaded from resources/ by `load-catalogue`, read
back (cached per catalogue version) to validate and route requests."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import (
    Catalogue,
    CatalogueError,
    RoutingTable,
    Service,
    routing_from_dict,
    routing_to_dict,
    service_from_dict,
    service_to_dict,
)
from app.server.db import Work
from app.server.models import CatalogueDocument, ServerMeta, ServiceDefinition
from app.services.catalogue_files import load_catalogue

VERSION_KEY = "catalogue_version"
log = logging.getLogger(__name__)


class StoredCatalogueError(Exception):
    """The catalogue kept in the database fails the reader's checks: stored by an older,
    looser version of the store, or edited by hand. Requests that need it are answered
    503 until an administrator loads a corrected one; the problems are in the log."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(
            f"the service catalogue stored on the server fails its checks ({count} "
            "problem(s), listed in the server's log): an administrator loads a corrected one "
            "with `relais-server load-catalogue [FOLDER]` or PUT /catalogue"
        )


@dataclass(frozen=True)
class LoadReport:
    added: int
    changed: int
    unchanged: int
    retired: int

    def __str__(self) -> str:
        return (
            f"{self.added} services added, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.retired} retired"
        )


def _bump_version(work: Work) -> None:
    # Locked: two loads at once must not both write the same next version.
    row = work.session.get(ServerMeta, VERSION_KEY, with_for_update=True)
    if row is None:
        work.session.add(ServerMeta(key=VERSION_KEY, value="1"))
    else:
        row.value = str(int(row.value) + 1)


def store_catalogue(work: Work, catalogue: Catalogue) -> LoadReport:
    """Write the catalogue: new and changed services, retired ones kept but inactive (old
    requests still name them), and the routing table; each change goes to the feed."""
    session = work.session
    existing = {s.code: s for s in session.scalars(select(ServiceDefinition))}
    added = changed = unchanged = retired = 0
    for position, service in enumerate(catalogue.services.values()):
        definition = service_to_dict(service)
        row = existing.pop(service.code, None)
        if row is None:
            row = ServiceDefinition(code=service.code, revision=0)
            session.add(row)
            added += 1
        elif row.definition == definition and row.active and row.position == position:
            unchanged += 1
            continue
        else:
            changed += 1
        row.name_fr, row.name_en = service.name_fr, service.name_en
        row.group, row.nature, row.position = service.group, service.nature, position
        row.definition, row.active = definition, True
        row.revision += 1
        row.updated_at, row.updated_by = work.now, work.actor
        work.changed("service", row.code, row.revision, {**definition, "active": True})
    for row in existing.values():
        if row.active:
            row.active = False
            row.revision += 1
            row.updated_at, row.updated_by = work.now, work.actor
            work.changed("service", row.code, row.revision, {**row.definition, "active": False})
            retired += 1
    content = routing_to_dict(catalogue.routing)
    doc = session.get(CatalogueDocument, "routing")
    if doc is None:
        doc = CatalogueDocument(name="routing", revision=0)
        session.add(doc)
    routing_changed = doc.revision == 0 or doc.content != content
    if routing_changed:
        doc.content = content
        doc.revision += 1
        doc.updated_at, doc.updated_by = work.now, work.actor
        work.changed("routing", "routing", doc.revision, content)
    if added or changed or retired or routing_changed:
        _bump_version(work)  # every server process re-reads the catalogue it routes by
    return LoadReport(added, changed, unchanged, retired)


def load_catalogue_file(work: Work, folder: Path) -> LoadReport:
    return store_catalogue(work, load_catalogue(folder))


@dataclass(frozen=True)
class CatalogueState:
    version: str
    services: dict[str, Service]  # active services only
    retired: dict[str, Service]
    routing: RoutingTable | None


class CatalogueCache:
    """The catalogue as the domain rules need it, re-read only when its version moves."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: CatalogueState | None = None

    def get(self, session: Session) -> CatalogueState:
        row = session.get(ServerMeta, VERSION_KEY)
        version = row.value if row else "0"
        state = self._state
        if state is not None and state.version == version:
            return state
        with self._lock:
            try:
                self._state = _read_state(session, version)
            except CatalogueError as exc:
                # Catalogue problems name codes and fields, never a citizen's data.
                log.error("%s", exc)
                raise StoredCatalogueError(len(exc.problems)) from None
            return self._state


def _read_state(session: Session, version: str) -> CatalogueState:
    services: dict[str, Service] = {}
    retired: dict[str, Service] = {}
    for svc in session.scalars(select(ServiceDefinition).order_by(ServiceDefinition.position)):
        (services if svc.active else retired)[svc.code] = service_from_dict(svc.definition)
    doc = session.get(CatalogueDocument, "routing")
    routing = routing_from_dict(doc.content) if doc else None
    return CatalogueState(version, services, retired, routing)

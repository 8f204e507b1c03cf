"""The central store's catalogue (service definitions and routing table), as it came in
the change feed: kept in the local store so routing and due dates follow the city's
current rules, offline too. Until a server has sent one, the bundled catalogue is used."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.domain.catalogue import (
    Catalogue,
    CatalogueError,
    routing_from_dict,
    service_from_dict,
)
from app.models.store import Store
from app.services.catalogue_files import bundled_catalogue
from app.services.meta import get_meta, set_meta

KEY = "server_catalogue"


def _read(session: Session) -> dict[str, Any]:
    raw = get_meta(session, KEY)
    return json.loads(raw) if raw else {"services": {}, "routing": None}


def record_changes(session: Session, services: Mapping[str, Any], routing: Any) -> None:
    """Services (by code, with their `active` flag) and the routing table from a page."""
    doc = _read(session)
    doc["services"].update(services)
    if routing is not None:
        doc["routing"] = routing
    set_meta(session, KEY, json.dumps(doc, ensure_ascii=False))


def current_catalogue(store: Store) -> Catalogue:
    """The server's catalogue when this workstation has received a whole one, else the
    bundled one; a copy that cannot be read falls back to the bundle rather than stop."""
    with store.session() as session:
        doc = _read(session)
    active = {c: d for c, d in doc["services"].items() if d.get("active", True)}
    if not active or not doc.get("routing"):
        return bundled_catalogue()
    try:
        services = {
            code: service_from_dict({k: v for k, v in d.items() if k != "active"})
            for code, d in active.items()
        }
        return Catalogue(services=services, routing=routing_from_dict(doc["routing"]))
    except CatalogueError:
        return bundled_catalogue()

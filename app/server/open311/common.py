"""What the Open311 endpoints share: the router, the jurisdiction and locale parameters,
the database and catalogue of the running store, and how times and delays are written."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session

from app.domain.catalogue import Delay
from app.domain.workdays import CITY_TIMEZONE, local
from app.server.catalogue_store import CatalogueCache, CatalogueState
from app.server.db import Database
from app.server.open311.formats import FORMATS
from app.server.openapi import GEOREPORT_COMMON, georeport_errors
from app.server.problems import Refused

router = APIRouter(
    prefix="/open311/v2", tags=["open311"], responses=georeport_errors(*GEOREPORT_COMMON)
)

JURISDICTION = "montreal.ca"
LOCALES = ("fr", "en")
_DELAY_UNITS_FR = {
    "business_days": ("jour ouvrable", "jours ouvrables"),
    "business_hours": ("heure ouvrable", "heures ouvrables"),
    "hours": ("heure", "heures"),
}

# How the description shows the parameters; the checks below are what enforces them.
Format = Annotated[str, Path(description="json or xml", json_schema_extra={"enum": list(FORMATS)})]
Jurisdiction = Annotated[str, Query(json_schema_extra={"enum": ["", JURISDICTION]})]
Locale = Annotated[
    str, Query(description="fr by default", json_schema_extra={"enum": ["", *LOCALES]})
]


def check_jurisdiction(value: str | None) -> None:
    if value not in (None, "", JURISDICTION):
        raise Refused.one("not_found", "jurisdiction_id", "unknown jurisdiction")


def checked_locale(value: str | None) -> str:
    if value in (None, ""):
        return "fr"
    if value not in LOCALES:
        raise Refused.one("rejected", "locale", f"« {value} » is not supported; use fr or en")
    return value


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def catalogue_state(request: Request, session: Session) -> CatalogueState:
    cache: CatalogueCache = request.app.state.catalogue
    return cache.get(session)


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return local(value, CITY_TIMEZONE).replace(microsecond=0).isoformat()


def service_notice(delay: Delay) -> str | None:
    units = _DELAY_UNITS_FR.get(delay.unit)
    if units is None or delay.value < 1:
        return None
    unit = units[0] if delay.value == 1 else units[1]
    return f"Délai de résolution annoncé : {delay.value} {unit}"

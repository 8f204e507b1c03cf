"""Citizens in the central store: created and edited by agents with per-field merge.
Their personal data leaves the store only through the authenticated sync API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.request_terms import LANGUAGES
from app.domain.validation import FieldProblem, check_email, normalise_phone
from app.server import fields
from app.server.db import Work
from app.server.models import Citizen
from app.server.problems import Conflict, Refused
from app.server.records import CITIZEN_FIELDS, citizen_record

_UUID_LEN = 36


def _clean(wanted: Mapping[str, Any]) -> dict[str, Any]:
    problems: list[FieldProblem] = []
    for name in wanted:
        if name not in CITIZEN_FIELDS:
            problems.append(
                FieldProblem(name, f"unknown field; known: {', '.join(CITIZEN_FIELDS)}")
            )
    clean: dict[str, Any] = {}
    if "name" in wanted:
        clean["name"] = fields.text(wanted, "name", 200, problems)
    if "address" in wanted:
        clean["address"] = fields.text(wanted, "address", 300, problems)
    if "phone" in wanted:
        phone = fields.text(wanted, "phone", 40, problems)
        try:
            clean["phone"] = normalise_phone(phone) if phone else ""
        except ValueError as exc:
            problems.append(FieldProblem("phone", str(exc)))
    if "email" in wanted:
        email = fields.text(wanted, "email", 254, problems)
        try:
            clean["email"] = check_email(email) if email else ""
        except ValueError as exc:
            problems.append(FieldProblem("email", str(exc)))
    if "preferred_language" in wanted:
        lang = wanted["preferred_language"]
        if lang not in LANGUAGES:
            problems.append(FieldProblem("preferred_language", "must be fr or en"))
        else:
            clean["preferred_language"] = lang
    if problems:
        raise Refused("rejected", problems)
    return clean


def new_citizen(work: Work, citizen_id: str, clean: Mapping[str, Any]) -> Citizen:
    """A citizen first seen in this op, added to the session (flushed by the caller)."""
    if not any(clean.get(k) for k in ("name", "phone", "email")):
        raise Refused.one("rejected", "name", "give at least a name, a phone or an e-mail")
    citizen = Citizen(
        id=citizen_id,
        name="",
        phone="",
        email="",
        address="",
        preferred_language="fr",
        revision=1,
        field_revisions={},
        created_at=work.now,
        created_by=work.actor,
        updated_at=work.now,
        updated_by=work.actor,
    )
    for name, value in clean.items():
        setattr(citizen, name, value)
    work.session.add(citizen)
    work.changed("citizen", citizen.id, citizen.revision, citizen_record(citizen))
    return citizen


def checked_fields(citizen_id: object, wanted: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(citizen_id, str) or not 1 <= len(citizen_id) <= _UUID_LEN:
        raise Refused.one("rejected", "target", "a citizen id (UUID) is required")
    return _clean(wanted)


def upsert_citizen(
    work: Work, citizen_id: str, base_revision: int, wanted: Mapping[str, Any]
) -> Citizen:
    clean = checked_fields(citizen_id, wanted)
    session = work.session
    citizen = session.get(Citizen, citizen_id, with_for_update=True, populate_existing=True)
    if citizen is None:
        citizen = new_citizen(work, citizen_id, clean)
        session.flush()
        return citizen
    if base_revision > citizen.revision:
        raise Refused.one(
            "rejected",
            "base_revision",
            f"{base_revision} is newer than the server's {citizen.revision}",
        )
    current = {name: getattr(citizen, name) for name in clean}
    changes, clashes = fields.merge(
        current, citizen.field_revisions, base_revision, clean, work.actor
    )
    if clashes:
        raise Conflict(clashes, citizen_record(citizen))
    if changes:
        revision = citizen.revision + 1
        for name, value in changes.items():
            setattr(citizen, name, value)
        citizen.field_revisions = {
            **citizen.field_revisions,
            **dict.fromkeys(changes, fields.stamp(revision, work.actor)),
        }
        citizen.revision, citizen.updated_at, citizen.updated_by = revision, work.now, work.actor
        work.changed("citizen", citizen.id, citizen.revision, citizen_record(citizen))
    return citizen

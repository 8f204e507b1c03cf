"""Citizens on this workstation: found by phone or e-mail as the agent types, created from
the request form. Their personal data stays in the store and the outbox, never in logs."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.request_terms import LANGUAGES
from app.domain.validation import (
    MONTREAL_AREA_CODES,
    FieldProblem,
    ValidationError,
    check_email,
    local_phone,
    normalise_phone,
    storable,
)
from app.models import Citizen
from app.models.store import Store
from app.protocol import OpType
from app.services import outbox
from app.services.addresses import prefix_upper_bound
from app.services.case_lookup import CaseSummary, cases_of_citizens

_NOT_DIGIT = re.compile(r"\D")
MAX_MATCHES = 8


@dataclass
class CitizenDraft:
    name: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = "fr"


@dataclass(frozen=True)
class CitizenMatch:
    id: str
    name: str
    phone: str
    email: str
    preferred_language: str
    open_cases: tuple[CaseSummary, ...]


def phone_prefix(text: str) -> str | None:
    """What a phone number typed so far is the start of, as stored (514-555-0123)."""
    digits = _NOT_DIGIT.sub("", text)
    if digits.startswith("1"):  # the long-distance prefix: no area code starts with 1
        digits = digits[1:]
    if len(digits) < 3 or len(digits) > 10:
        return None
    parts = [digits[:3], digits[3:6], digits[6:]]
    return "-".join(p for p in parts if p)


_EXTENSION = re.compile(r"\s*(poste|ext|x)\.?\s*\d*$")


def _match(session: Session, citizen: Citizen, now: datetime) -> CitizenMatch:
    return CitizenMatch(
        citizen.id,
        citizen.name,
        citizen.phone,
        citizen.email,
        citizen.preferred_language,
        tuple(cases_of_citizens(session, [citizen.id], now, open_only=True)),
    )


def get_citizen(store: Store, citizen_id: str, now: datetime) -> CitizenMatch | None:
    with store.session() as session:
        citizen = session.get(Citizen, citizen_id)
        return None if citizen is None else _match(session, citizen, now)


def _phones_from(session: Session, prefix: str) -> list[Citizen]:
    """Citizens whose stored phone starts with prefix: one range of the phone index."""
    query = (
        select(Citizen)
        .where(Citizen.phone >= prefix, Citizen.phone < prefix_upper_bound(prefix))
        .order_by(Citizen.phone)
        .limit(MAX_MATCHES)
    )
    return list(session.scalars(query))


def lookup_citizens(store: Store, text: str, now: datetime) -> list[CitizenMatch]:
    """Citizens whose phone or e-mail starts with what was typed, with their open cases
    (a phone's extension is left out: the number finds the citizen). Seven digits are
    also a local number, as a caller gives it: 555-0123 finds 514-555-0123, 438-555-0123
    and 263-555-0123, which come first (a whole number), in that order."""
    typed = text.strip().lower()
    if "@" not in typed:
        typed = _EXTENSION.sub("", typed)
    if len(typed) < 3:
        return []
    if "@" in typed or any(c.isalpha() for c in typed):
        with store.session() as session:
            rows = list(
                session.scalars(
                    select(Citizen)
                    .where(Citizen.email >= typed, Citizen.email < prefix_upper_bound(typed))
                    .order_by(Citizen.email)
                    .limit(MAX_MATCHES)
                )
            )
            return [_match(session, c, now) for c in rows]
    local = local_phone(typed)
    prefix = phone_prefix(typed)
    if local is None and prefix is None:
        return []
    with store.session() as session:
        found: list[Citizen] = []
        if local is not None:  # three seeks of the phone index: no scan
            for area in MONTREAL_AREA_CODES:
                found += _phones_from(session, f"{area}-{local}")
        if prefix is not None:
            found += _phones_from(session, prefix)
        unique = list({c.id: c for c in found}.values())[:MAX_MATCHES]
        return [_match(session, c, now) for c in unique]


def check_citizen(draft: CitizenDraft) -> tuple[dict[str, str], list[FieldProblem]]:
    """The new citizen's fields, cleaned, and what is wrong with them (field names are
    citizen.name, citizen.phone, citizen.email)."""
    problems: list[FieldProblem] = []
    clean = {"name": draft.name.strip(), "preferred_language": draft.preferred_language}
    if not clean["name"]:
        problems.append(FieldProblem("citizen.name", "the citizen's name is required", "required"))
    elif len(clean["name"]) > 200 or not storable(clean["name"]):
        problems.append(
            FieldProblem("citizen.name", "at most 200 characters", "too_long", ("200",))
        )
    clean["phone"] = ""
    if draft.phone.strip():
        try:
            clean["phone"] = normalise_phone(draft.phone)
        except ValueError as exc:
            problems.append(FieldProblem("citizen.phone", str(exc), "phone"))
    clean["email"] = ""
    if draft.email.strip():
        try:
            clean["email"] = check_email(draft.email)
        except ValueError as exc:
            problems.append(FieldProblem("citizen.email", str(exc), "email"))
    if not draft.phone.strip() and not draft.email.strip():
        problems.append(
            FieldProblem(
                "citizen.phone",
                "give a phone number or an e-mail address, to follow up",
                "contact_required",
            )
        )
    if draft.preferred_language not in LANGUAGES:
        problems.append(FieldProblem("citizen.preferred_language", "fr or en", "language"))
    return clean, problems


def create_citizen(session: Session, fields: dict[str, str], now: datetime) -> Citizen:
    citizen = Citizen(
        id=str(uuid.uuid4()),
        name=fields["name"],
        phone=fields["phone"],
        email=fields["email"],
        address="",
        preferred_language=fields["preferred_language"],
        revision=0,
        created_at=now,
        updated_at=now,
    )
    session.add(citizen)
    outbox.enqueue(session, OpType.CITIZEN_UPSERT, citizen.id, {"fields": dict(fields)}, now)
    return citizen


EDITABLE = ("name", "phone", "email", "address", "preferred_language")
MAX_ADDRESS = 300


def _check_address(raw: str) -> tuple[str, FieldProblem | None]:
    value = raw.strip()
    if len(value) > MAX_ADDRESS or not storable(value):
        return "", FieldProblem(
            "citizen.address", "at most 300 characters", "too_long", (str(MAX_ADDRESS),)
        )
    return value, None


def _blame(problem: FieldProblem, touched: set[str]) -> FieldProblem:
    """A missing contact is the fault of whichever of phone and e-mail was just cleared."""
    if problem.code == "contact_required" and "citizen.phone" not in touched:
        return FieldProblem("citizen.email", problem.message, problem.code, problem.args)
    return problem


def edit_citizen(
    store: Store, citizen_id: str, changes: dict[str, str], now: datetime
) -> CitizenMatch:
    """Change a known citizen's contact details (name, phone, email, address,
    preferred_language), locally and in the outbox, in one transaction. Only the values
    that really change are sent, on the revision the agent saw: the central store then
    merges them with a colleague's edits of other fields, or reports a clash."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a citizen field: {', '.join(sorted(unknown))}")
    with store.writing() as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise ValidationError(
                [
                    FieldProblem(
                        "citizen", "this citizen is not on this workstation", "unknown_citizen"
                    )
                ]
            )
        current = {name: str(getattr(citizen, name) or "") for name in EDITABLE}
        # The whole citizen is checked as it would become (a phone may be cleared only if
        # an e-mail remains), but only the fields being changed can be blamed: a record
        # from the central store may lack a name, and that must not block a phone edit.
        merged = {**current, **changes}
        clean, problems = check_citizen(
            CitizenDraft(
                merged["name"], merged["phone"], merged["email"], merged["preferred_language"]
            )
        )
        touched = {f"citizen.{name}" for name in changes}
        blamed = (_blame(p, touched) for p in problems)
        problems = [p for p in blamed if p.field in touched]
        clean["address"], address_problem = _check_address(merged["address"])
        if address_problem is not None and "address" in changes:
            problems.append(address_problem)
        if problems:
            raise ValidationError(problems)
        changed = {name: clean[name] for name in changes if clean[name] != current[name]}
        if changed:
            for name, value in changed.items():
                setattr(citizen, name, value)
            citizen.updated_at = now
            outbox.enqueue(
                session,
                OpType.CITIZEN_UPSERT,
                citizen.id,
                {"fields": changed},
                now,
                base_revision=citizen.revision,
            )
        return _match(session, citizen, now)

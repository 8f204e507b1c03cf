"""Case history on this workstation: find cases by case number, phone, e-mail or address,
read one with its timeline, add a note. Every figure an agent reads to a citizen (status,
due date, overdue) comes from here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app.domain import request_rules
from app.domain import request_terms as terms
from app.domain.case_numbers import CaseNumberError, damm_digit, parse_case_number
from app.domain.sla import is_overdue
from app.domain.validation import (
    MONTREAL_AREA_CODES,
    FieldProblem,
    ValidationError,
    check_email,
    local_phone,
    normalise_phone,
)
from app.models import CaseCitizen, Citizen, RequestEvent, ServiceRequest
from app.models.store import Store
from app.protocol import OpType
from app.services import outbox
from app.services.addresses import parse_address, prefix_upper_bound
from app.services.profile import Profile

MAX_RESULTS = 200
_ROWID: Any = literal_column("requests.rowid")
_DIGITS = re.compile(r"\d")
_CASE_SHAPE = re.compile(r"^\d{2}-\d{1,3}(-\d{0,6}(-\d?)?)?$")
_CASE_LIKE = re.compile(r"^[\d\s\-./]+$")
_PHONE_LIKE = re.compile(r"^\+?[\d\s\-./()]+(?:\s*(?:poste|ext|x)\.?\s*\d+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_number: str
    service_code: str
    service_name: str
    nature: str
    status: str
    channel: str
    created_at: datetime
    due_at: datetime | None
    overdue: bool
    civic_number: str
    street: str
    arrondissement: str
    refused: bool = False  # an operation on it was refused by the central store

    @property
    def is_open(self) -> bool:
        return self.status not in terms.CLOSED_STATUSES

    @property
    def address(self) -> str:
        return " ".join(part for part in (self.civic_number, self.street) if part)


_SUMMARY = (
    ServiceRequest.id,
    ServiceRequest.case_number,
    ServiceRequest.service_code,
    ServiceRequest.service_name,
    ServiceRequest.nature,
    ServiceRequest.status,
    ServiceRequest.channel,
    ServiceRequest.created_at,
    ServiceRequest.due_at,
    ServiceRequest.civic_number,
    ServiceRequest.street,
    ServiceRequest.arrondissement,
)


def summaries(session: Session, query: Any, now: datetime) -> list[CaseSummary]:
    out = []
    refused = outbox.rejected_targets(session)  # a handful at most: one indexed read
    for row in session.execute(query):
        closed = row.status in terms.CLOSED_STATUSES
        out.append(
            CaseSummary(
                id=row.id,
                case_number=row.case_number,
                service_code=row.service_code,
                service_name=row.service_name,
                nature=row.nature,
                status=row.status,
                channel=row.channel,
                created_at=row.created_at,
                due_at=row.due_at,
                overdue=is_overdue(row.due_at, closed, now),
                civic_number=row.civic_number,
                street=row.street,
                arrondissement=row.arrondissement,
                refused=row.case_number in refused,
            )
        )
    return out


def summary_query() -> Any:  # a Select of the summary columns
    return select(*_SUMMARY)


def cases_of_citizens(
    session: Session, citizen_ids: Sequence[str], now: datetime, *, open_only: bool = False
) -> list[CaseSummary]:
    if not citizen_ids:
        return []
    query = (
        summary_query()
        .join(CaseCitizen, CaseCitizen.request_id == ServiceRequest.id)
        .where(CaseCitizen.citizen_id.in_(citizen_ids))
        .order_by(ServiceRequest.created_at.desc())
        .limit(MAX_RESULTS)
    )
    if open_only:
        query = query.where(ServiceRequest.status.not_in(terms.CLOSED_STATUSES))
    return summaries(session, query.distinct(), now)


# -- finding cases -------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseSearch:
    query: str
    kind: str  # case_number | phone | email | address | empty
    cases: tuple[CaseSummary, ...] = ()
    # Existing case numbers one typo away from a number with a wrong check digit.
    suggestions: tuple[str, ...] = ()
    problem: FieldProblem | None = None


def near_case_numbers(digits: str) -> list[str]:
    """Valid numbers one mistyped digit or one adjacent swap away from `digits` (12)."""
    found: set[str] = set()
    for i in range(12):
        for d in "0123456789":
            if d != digits[i]:
                found.add(digits[:i] + d + digits[i + 1 :])
    for i in range(11):
        if digits[i] != digits[i + 1]:
            found.add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
    valid = [c for c in found if damm_digit(c[:11]) == int(c[11])]
    return sorted(f"{c[:2]}-{c[2:5]}-{c[5:11]}-{c[11]}" for c in valid)


def _by_case_number(session: Session, text: str, now: datetime) -> CaseSearch:
    try:
        number = str(parse_case_number(text))
    except CaseNumberError as exc:
        digits = "".join(_DIGITS.findall(text))
        suggestions: list[str] = []
        if len(digits) == 12:
            near = near_case_numbers(digits)
            suggestions = list(
                session.scalars(
                    select(ServiceRequest.case_number)
                    .where(ServiceRequest.case_number.in_(near))
                    .order_by(ServiceRequest.case_number)
                )
            )
        code = "check_digit" if len(digits) == 12 else "case_number"
        return CaseSearch(
            text,
            "case_number",
            suggestions=tuple(suggestions),
            problem=FieldProblem("query", str(exc), code),
        )
    query = summary_query().where(ServiceRequest.case_number == number)
    return CaseSearch(text, "case_number", tuple(summaries(session, query, now)))


def _citizen_ids(session: Session, column: Any, value: str) -> list[str]:
    # A prefix range: "514-555-0177" also finds "514-555-0177 poste 12".
    match = column >= value, column < prefix_upper_bound(value)
    return list(session.scalars(select(Citizen.id).where(*match).limit(50)))


def _citizen_cases(
    session: Session, text: str, kind: str, column: Any, value: str, now: datetime
) -> CaseSearch:
    ids = _citizen_ids(session, column, value)
    return CaseSearch(text, kind, tuple(cases_of_citizens(session, ids, now)))


def _local_phone_cases(session: Session, text: str, local: str, now: datetime) -> CaseSearch:
    """A number given without its area code: under each of Montréal's."""
    ids: list[str] = []
    for area in MONTREAL_AREA_CODES:
        ids += _citizen_ids(session, Citizen.phone, f"{area}-{local}")
    return CaseSearch(text, "phone", tuple(cases_of_citizens(session, ids[:50], now)))


def _by_address(session: Session, text: str, now: datetime) -> CaseSearch:
    address = parse_address(text)
    if not address.street_key:
        return CaseSearch(text, "address")
    # Pick the newest matches' row ids from the index first, then read only those rows.
    newest = select(_ROWID).where(
        ServiceRequest.street_key >= address.street_key,
        ServiceRequest.street_key < prefix_upper_bound(address.street_key),
    )
    if address.civic:
        newest = newest.where(ServiceRequest.civic_number == address.civic)
    newest = newest.order_by(ServiceRequest.created_at.desc()).limit(MAX_RESULTS)
    query = (
        summary_query()
        .where(_ROWID.in_(newest.scalar_subquery()))
        .order_by(ServiceRequest.created_at.desc())
    )
    return CaseSearch(text, "address", tuple(summaries(session, query, now)))


def find_cases(store: Store, text: str, now: datetime) -> CaseSearch:
    """Cases matching what the agent typed; the kind of key is read from its shape."""
    query = text.strip()
    if not query:
        return CaseSearch(text, "empty")
    digits = len(_DIGITS.findall(query))
    with store.session() as session:
        if "@" in query:
            try:
                email = check_email(query)
            except ValueError as exc:
                return CaseSearch(text, "email", problem=FieldProblem("query", str(exc), "email"))
            return _citizen_cases(session, text, "email", Citizen.email, email, now)
        # 12 digits (or 11 that cannot be a phone: a case number missing one) is a case.
        long_phone = digits == 11 and query.lstrip("+ ").startswith("1")
        # "26-011-0000…" being typed is a case number already, never a phone or a street.
        partial_case = _CASE_SHAPE.match(query) is not None
        if _CASE_LIKE.match(query) and ((digits >= 11 and not long_phone) or partial_case):
            return _by_case_number(session, query, now)
        local = local_phone(query) if digits == 7 else None
        if local is not None:
            return _local_phone_cases(session, text, local, now)
        if _PHONE_LIKE.match(query) and digits >= 7:
            try:
                phone = normalise_phone(query)
            except ValueError as exc:
                return CaseSearch(text, "phone", problem=FieldProblem("query", str(exc), "phone"))
            return _citizen_cases(session, text, "phone", Citizen.phone, phone, now)
        return _by_address(session, query, now)


# -- one case ------------------------------------------------------------------------------
@dataclass(frozen=True)
class EventView:
    kind: str
    actor: str
    at: datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class CitizenBrief:
    id: str
    name: str
    phone: str
    email: str
    preferred_language: str


# Where the case stands with the central store, most pressing first (see CaseDetail).
REFUSED, CONFLICT, ABSENT, AWAITED, PENDING, SYNCED = (
    "refused",
    "conflict",
    "absent",
    "awaited",
    "pending",
    "synced",
)


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    description: str
    attributes: dict[str, Any]
    postal_code: str
    responsible_unit: str
    handled_by: str
    agent: str
    status_notes: str
    parent_case_number: str | None
    citizens: tuple[CitizenBrief, ...]
    events: tuple[EventView, ...]
    revision: int = 0  # the central store's, as last seen here; 0: it never had it
    # Operations the store refused, each for the agent to correct and resend or drop; and
    # how many others were refused only because the case's creation had not reached it.
    refusals: tuple[outbox.Refusal, ...] = ()
    waiting_on_creation: int = 0
    conflicts: int = 0  # clashes with a colleague's edit, settled in the conflict window
    pending_ops: int = 0  # local changes still to be sent
    # After a drop: "awaited" (the store's copy comes at the next sync) or "absent" (the
    # store has no copy of the case); "" otherwise.
    store_copy: str = ""

    @property
    def sync_state(self) -> str:
        """refused, conflict, absent, awaited, pending or synced."""
        if self.refusals or self.waiting_on_creation:
            return REFUSED
        if self.conflicts:
            return CONFLICT
        if self.store_copy == outbox.ABSENT:
            return ABSENT
        if self.store_copy == outbox.AWAITED:
            return AWAITED
        if self.pending_ops or self.revision == 0:
            return PENDING
        return SYNCED

    @property
    def synced(self) -> bool:
        """The central store has the case as shown here."""
        return self.sync_state == SYNCED


def _sync_facts(session: Session, req: ServiceRequest) -> dict[str, Any]:
    ops = outbox.ops_for(session, req.case_number)
    refused = [outbox.refusal_of(op) for op in ops if op.state == outbox.REJECTED]
    created_refused = any(r.type == outbox.CREATE for r in refused)
    # An edit or a note refused only because the case was missing there is resent with
    # the corrected creation: the agent has one thing to settle, not one per change.
    waiting = {r.seq for r in refused if created_refused and r.case_missing}
    mark = outbox.copy_marks(session).get(req.case_number) or {}
    return {
        "revision": req.revision,
        "refusals": tuple(r for r in refused if r.seq not in waiting),
        "waiting_on_creation": len(waiting),
        "conflicts": sum(op.state == outbox.CONFLICT for op in ops),
        "pending_ops": sum(op.state == outbox.PENDING for op in ops),
        "store_copy": str(mark.get("state") or ""),
    }


def detail_of(session: Session, req: ServiceRequest, now: datetime) -> CaseDetail:
    summary = summaries(session, summary_query().where(ServiceRequest.id == req.id), now)[0]
    citizens = session.scalars(
        select(Citizen)
        .join(CaseCitizen, CaseCitizen.citizen_id == Citizen.id)
        .where(CaseCitizen.request_id == req.id)
        .order_by(Citizen.name)
    )
    events = session.scalars(
        select(RequestEvent).where(RequestEvent.request_id == req.id).order_by(RequestEvent.id)
    )
    return CaseDetail(
        summary=summary,
        description=req.description,
        attributes=dict(req.attributes),
        postal_code=req.postal_code,
        responsible_unit=req.responsible_unit,
        handled_by=req.handled_by,
        agent=req.agent,
        status_notes=req.status_notes,
        parent_case_number=req.parent_case_number,
        citizens=tuple(
            CitizenBrief(c.id, c.name, c.phone, c.email, c.preferred_language) for c in citizens
        ),
        events=tuple(EventView(e.kind, e.actor, e.at, dict(e.data)) for e in events),
        **_sync_facts(session, req),
    )


def request_by_number(session: Session, case_number: str) -> ServiceRequest | None:
    return session.scalar(
        select(ServiceRequest).where(ServiceRequest.case_number == case_number.strip())
    )


def case_detail(store: Store, case_number: str, now: datetime) -> CaseDetail | None:
    with store.session() as session:
        req = request_by_number(session, case_number)
        return None if req is None else detail_of(session, req, now)


def add_event(
    session: Session, req: ServiceRequest, kind: str, actor: str, at: datetime, data: dict[str, Any]
) -> None:
    session.add(RequestEvent(request_id=req.id, kind=kind, actor=actor, at=at, data=data))
    req.updated_at = at


def check_note(text: str) -> str:
    """The note as it is kept; raises ValidationError (field "note") with what to fix."""
    return request_rules.check_note(text, "note")


def add_note(
    store: Store,
    profile: Profile,
    case_number: str,
    text: str,
    now: datetime,
    supervisor: bool = False,
) -> CaseDetail:
    """Record a note on the case and queue it for the central store. A closed case takes
    notes from a supervisor only (app.domain.lifecycle: reopen it first)."""
    body = check_note(text)
    with store.writing() as session:
        req = request_by_number(session, case_number)
        if req is None:
            raise ValidationError([FieldProblem("case_number", "no such case", "unknown_case")])
        try:
            request_rules.check_addition(req.status, "note", supervisor)
        except request_rules.Forbidden as exc:
            raise ValidationError([exc.problem]) from None
        add_event(session, req, "note", profile.agent, now, {"text": body})
        outbox.enqueue(session, OpType.REQUEST_NOTE, req.case_number, {"text": body}, now)
        session.flush()
        return detail_of(session, req, now)


def find_duplicates(
    session: Session, service_code: str, civic: str, street_key: str, now: datetime
) -> list[CaseSummary]:
    """Open cases of the same service at the same (normalised) address."""
    if not street_key:
        return []
    query = (
        summary_query()
        .where(
            ServiceRequest.street_key == street_key,
            ServiceRequest.civic_number == civic,
            ServiceRequest.service_code == service_code,
            ServiceRequest.status.not_in(terms.CLOSED_STATUSES),
        )
        .order_by(ServiceRequest.created_at.desc())
        .limit(10)
    )
    return summaries(session, query, now)

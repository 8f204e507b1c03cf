"""Correcting a request's own fields from its case: the description and where the problem
is (civic number, street, postal code, arrondissement).

A correction is checked as intake checks a new request, applied locally with a line on the
case's timeline, and queued as `request.update` in the same transaction, carrying only the
values that change, on the server revision the agent saw. The central store then merges it
with a colleague's edits of other fields, or reports a clash (app/services/conflicts.py).

A case whose creation is still in the outbox gets its update queued after it, not folded
into it: the sync may be sending the creation at that very moment, and a change written
into an operation already on its way would be lost when its answer removes it. The
central store applies a console's operations in order, so the update lands on the new
case (revision 0 is its base: nobody else can have touched it yet)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain import request_rules as rules
from app.domain import request_terms as terms
from app.domain.catalogue import Catalogue
from app.domain.validation import FieldProblem, ValidationError
from app.models import ServiceRequest
from app.models.store import Store
from app.protocol import OpType
from app.services import intake, outbox
from app.services.addresses import street_key
from app.services.case_lookup import CaseDetail, add_event, detail_of, request_by_number
from app.services.profile import Profile

EDITABLE = terms.EDITABLE_FIELDS


def current_values(req: ServiceRequest) -> dict[str, str]:
    return {name: str(getattr(req, name) or "") for name in EDITABLE}


def clean_fields(
    catalogue: Catalogue, req: ServiceRequest, values: Mapping[str, str], now: datetime
) -> dict[str, str]:
    """The given fields, cleaned by the request rules (app.domain.request_rules, as the
    central store cleans an update), whether they change or not; raises ValidationError
    naming each field at fault. The request is checked as it would become, but only the
    given fields can be blamed: a record imported without a street must not block a
    corrected description."""
    problems: list[FieldProblem] = []
    wanted: dict[str, str] = {name: str(value) for name, value in values.items()}
    if "civic_number" in wanted or "street" in wanted:
        civic, street = intake.form_place(
            wanted.get("civic_number", ""), wanted.get("street", ""), problems
        )
        wanted.update(
            {k: v for k, v in (("civic_number", civic), ("street", street)) if k in values}
        )
    service = catalogue.services.get(req.service_code)
    clean = rules.clean_changes(service, wanted, problems)
    current = {**current_values(req), "lat": req.lat, "long": req.long}
    rules.check_result(service, current, clean, problems)
    if "arrondissement" in clean:
        rules.new_unit(catalogue.routing, service, clean["arrondissement"], problems)
    problems = [p for p in problems if p.field in values]
    if problems:
        raise ValidationError(problems)
    return {name: str(clean[name]) for name in values}


def check_changes(
    catalogue: Catalogue, req: ServiceRequest, changes: Mapping[str, str], now: datetime
) -> dict[str, str]:
    """The changed fields, cleaned (see clean_fields), keeping only the values that
    really change."""
    current = current_values(req)
    clean = clean_fields(catalogue, req, changes, now)
    return {name: value for name, value in clean.items() if value != current[name]}


def _new_unit(catalogue: Catalogue | None, req: ServiceRequest) -> str | None:
    """The unit responsible for the request at its arrondissement, as the central store
    re-routes it; None when this workstation cannot tell (a withdrawn service)."""
    service = catalogue.services.get(req.service_code) if catalogue is not None else None
    if catalogue is None or service is None:
        return None
    return rules.new_unit(catalogue.routing, service, req.arrondissement, [])


def apply_fields(
    session: Session,
    catalogue: Catalogue | None,
    req: ServiceRequest,
    values: Mapping[str, str],
    actor: str,
    now: datetime,
    *,
    record: bool = True,
) -> dict[str, str]:
    """Write corrected values on the local request (its address key and, for a new
    arrondissement, its responsible unit follow) and, with `record`, say so on its
    timeline as the central store will. Returns the values that changed."""
    changed = {name: value for name, value in values.items() if getattr(req, name) != value}
    if not changed:
        return {}
    before = {name: getattr(req, name) for name in changed}
    for name, value in changed.items():
        setattr(req, name, value)
    if "street" in changed:
        req.street_key = street_key(req.street)
    req.updated_at = now
    if "arrondissement" in changed:
        unit = _new_unit(catalogue, req)
        if unit is not None and unit != req.responsible_unit:
            req.responsible_unit = unit
            if record:
                add_event(
                    session, req, "routed", actor, now, {"unit": unit, "reason": "arrondissement"}
                )
    if record:
        fields = {name: {"from": before[name], "to": value} for name, value in changed.items()}
        add_event(session, req, "updated", actor, now, {"fields": fields})
    return changed


def edit_request(
    store: Store,
    catalogue: Catalogue,
    profile: Profile,
    case_number: str,
    changes: Mapping[str, str],
    now: datetime,
    seen_revision: int | None = None,
    supervisor: bool = False,
) -> CaseDetail:
    """Correct an open case's description or location, locally and in the outbox, in one
    transaction; returns the case as it now reads. Nothing is queued when nothing changes.

    `seen_revision`: the central store's revision of the case when the agent began typing
    the correction. When a colleague's change arrived since (the local copy is newer), the
    correction is sent on the revision the agent saw, so that a field both changed comes
    back as a conflict to settle instead of silently replacing the colleague's value."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not an editable request field: {', '.join(sorted(unknown))}")
    with store.writing() as session:
        req = request_by_number(session, case_number)
        if req is None:
            raise ValidationError([FieldProblem("case_number", "no such case", "unknown_case")])
        try:
            rules.check_who(req.status, changes, supervisor)
        except rules.Forbidden as exc:
            raise ValidationError([exc.problem]) from None
        changed = check_changes(catalogue, req, changes, now)
        if changed:
            base = req.revision
            # 0: typed before the store had the case (its own creation since): no older
            # revision to measure a colleague's change from.
            if seen_revision is not None and 0 < seen_revision < base:
                base = seen_revision
            apply_fields(session, catalogue, req, changed, profile.agent, now)
            outbox.enqueue(
                session,
                OpType.REQUEST_UPDATE,
                req.case_number,
                {"fields": changed},
                now,
                base_revision=base,
            )
        session.flush()
        return detail_of(session, req, now)


def _on_reopen(problem: FieldProblem) -> FieldProblem:
    """The reopen window's name for the reason it asks for."""
    field = "reason" if problem.field == "status_notes" else problem.field
    return FieldProblem(field, problem.message, problem.code, problem.args)


def reopen_request(
    store: Store, profile: Profile, case_number: str, reason: str, now: datetime
) -> CaseDetail:
    """The citizen says a closed request is not done: it becomes Réactivée, with the
    reason on its timeline, queued as `request.update` of its status and notes (the
    central store applies the same rule, app.domain.request_rules)."""
    with store.writing() as session:
        req = request_by_number(session, case_number)
        if req is None:
            raise ValidationError([FieldProblem("case_number", "no such case", "unknown_case")])
        try:
            wanted = rules.check_reopen(req.status, reason)
        except ValidationError as exc:
            raise ValidationError([_on_reopen(p) for p in exc.problems]) from None
        except rules.Forbidden as exc:
            raise ValidationError([_on_reopen(exc.problem)]) from None
        text = wanted["status_notes"]
        before = req.status
        req.status, req.status_notes = wanted["status"], text
        add_event(
            session,
            req,
            "status",
            profile.agent,
            now,
            {"from": before, "to": req.status, "notes": text},
        )
        outbox.enqueue(
            session,
            OpType.REQUEST_UPDATE,
            req.case_number,
            {"fields": wanted},
            now,
            base_revision=req.revision,
        )
        session.flush()
        return detail_of(session, req, now)

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

from app.domain import lifecycle
from app.domain import request_terms as terms
from app.domain.catalogue import Catalogue
from app.domain.routing import RoutingError, responsible_unit
from app.domain.validation import MAX_TEXT, FieldProblem, ValidationError, storable
from app.models import ServiceRequest
from app.models.store import Store
from app.protocol import OpType
from app.services import intake, outbox
from app.services.addresses import street_key
from app.services.cases import CaseDetail, add_event, detail_of, request_by_number
from app.services.profile import Profile

EDITABLE = terms.EDITABLE_FIELDS


def current_values(req: ServiceRequest) -> dict[str, str]:
    return {name: str(getattr(req, name) or "") for name in EDITABLE}


def _draft(req: ServiceRequest, values: Mapping[str, str]) -> intake.Draft:
    return intake.Draft(
        service_code=req.service_code,
        channel=req.channel,
        description=values["description"],
        attributes=dict(req.attributes or {}),
        civic_number=values["civic_number"],
        street=values["street"],
        postal_code=values["postal_code"],
        arrondissement=values["arrondissement"],
        citizen_id=req.citizen_id,
    )


def _problems(
    catalogue: Catalogue, req: ServiceRequest, draft: intake.Draft, now: datetime
) -> list[FieldProblem]:
    """Everything intake finds wrong with the request as it would become."""
    try:
        intake.check(catalogue, draft, now)
    except ValidationError as exc:
        found = list(exc.problems)
    else:
        found = []
    if req.service_code not in catalogue.services:
        # A service withdrawn since: intake cannot route it, but a place must still be one
        # the city knows (the central store routes it by its own copy of the service).
        code = draft.arrondissement.strip()
        if code and code not in catalogue.routing.arrondissements:
            known = ", ".join(sorted(catalogue.routing.arrondissements))
            found.append(
                FieldProblem(
                    "arrondissement",
                    f"unknown code « {code} »; known: {known}",
                    "arrondissement",
                )
            )
    return found


def clean_fields(
    catalogue: Catalogue, req: ServiceRequest, values: Mapping[str, str], now: datetime
) -> dict[str, str]:
    """The given fields, cleaned as intake cleans them, whether they change or not;
    raises ValidationError naming each field at fault. The whole request is checked as it
    would become, but only the given fields can be blamed: a record imported without a
    street must not block a corrected description."""
    current = current_values(req)
    merged = {**current, **{name: str(value) for name, value in values.items()}}
    draft = _draft(req, merged)
    problems = [p for p in _problems(catalogue, req, draft, now) if p.field in values]
    if problems:
        raise ValidationError(problems)
    service = catalogue.services.get(req.service_code)
    # Its problems were reported just above: only its cleaned values are wanted here.
    clean = intake._check_location(draft, service, [])
    clean["description"] = merged["description"].strip()
    return {name: clean[name] for name in values}


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
    try:
        return responsible_unit(catalogue.routing, req.arrondissement or None, service.group).code
    except RoutingError:
        return None


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
        if req.status in terms.CLOSED_STATUSES:
            raise ValidationError(
                [
                    FieldProblem(
                        "case_number",
                        f"{req.case_number} is closed: it can no longer be corrected",
                        "case_closed",
                    )
                ]
            )
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


def reopen_request(
    store: Store, profile: Profile, case_number: str, reason: str, now: datetime
) -> CaseDetail:
    """The citizen says a closed request is not done: it becomes Réactivée, with the
    reason on its timeline, queued as `request.update` of its status and notes (the
    central store applies the same rule, services.lifecycle)."""
    text = reason.strip()
    if len(text) > MAX_TEXT or not storable(text):
        raise ValidationError(
            [FieldProblem("reason", f"at most {MAX_TEXT} characters", "too_long", (str(MAX_TEXT),))]
        )
    with store.writing() as session:
        req = request_by_number(session, case_number)
        if req is None:
            raise ValidationError([FieldProblem("case_number", "no such case", "unknown_case")])
        wanted = {"status": lifecycle.REOPENED, "status_notes": text}
        try:
            lifecycle.check_update(req.status, wanted, supervisor=False)
        except lifecycle.Forbidden as exc:
            field = "reason" if exc.problem.field == "status_notes" else "case_number"
            raise ValidationError(
                [FieldProblem(field, exc.problem.message, exc.problem.code)]
            ) from None
        before = req.status
        req.status, req.status_notes = lifecycle.REOPENED, text
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

"""Personal data on shared workstations: "log out and clear" removes the citizens cached
here (and their links to cases), and citizens no one has used for the retention period
are purged at start and daily; but never what is still waiting to reach the central
store: a citizen an unsent operation names stays until it is sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import Session

from app.models import CaseCitizen, Citizen, FormDraft, OutboxOp, ServiceRequest
from app.models.store import Store
from app.services import outbox
from app.services.meta import get_meta, set_meta

LAST_PURGE = "privacy.last_purge"
PURGE_EVERY = timedelta(days=1)


def _pending_citizens(session: Session) -> set[str]:
    pending = select(OutboxOp.data, OutboxOp.target, OutboxOp.type).where(
        OutboxOp.state == outbox.PENDING
    )
    keep: set[str] = set()
    for data, target, type_ in session.execute(pending):
        if type_ == "citizen.upsert":
            keep.add(target)
        citizen_id = (data or {}).get("citizen_id")
        if isinstance(citizen_id, str):
            keep.add(citizen_id)
    return keep


def _delete_citizens(session: Session, doomed: Select[str]) -> int:
    """Delete the citizens `doomed` selects, unlinking their cases first (the cases stay)."""
    ids = list(session.scalars(doomed))
    removed = 0
    # In slices: SQLite allows a bounded number of parameters per statement.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.citizen_id.in_(chunk))
            .values(citizen_id=None)
        )
        session.execute(delete(CaseCitizen).where(CaseCitizen.citizen_id.in_(chunk)))
        result = session.execute(delete(Citizen).where(Citizen.id.in_(chunk)))
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed


def clear_cached_citizens(store: Store) -> int:
    """Delete every cached citizen not needed by pending work, and the forms' drafts (a
    half-typed request holds a caller's name and number); returns how many citizens."""
    with store.writing() as session:
        keep = _pending_citizens(session)
        session.execute(delete(FormDraft))
        return _delete_citizens(session, select(Citizen.id).where(Citizen.id.not_in(keep)))


def purge_stale_citizens(store: Store, older_than_days: int, now: datetime) -> int:
    """Delete the cached citizens not used for `older_than_days` days: neither changed
    nor named by a request changed since then (as its reporter or attached to it), nor
    named by pending work. Returns how many."""
    cutoff = now - timedelta(days=older_than_days)
    recent_reporters = select(ServiceRequest.citizen_id).where(
        ServiceRequest.updated_at >= cutoff, ServiceRequest.citizen_id.is_not(None)
    )
    recent_links = (
        select(CaseCitizen.citizen_id)
        .join(ServiceRequest, ServiceRequest.id == CaseCitizen.request_id)
        .where(ServiceRequest.updated_at >= cutoff)
    )
    with store.writing() as session:
        keep = _pending_citizens(session)
        doomed = select(Citizen.id).where(
            Citizen.updated_at < cutoff,
            Citizen.id.not_in(keep),
            Citizen.id.not_in(recent_reporters),
            Citizen.id.not_in(recent_links),
        )
        removed = _delete_citizens(session, doomed)
        session.execute(delete(FormDraft).where(FormDraft.saved_at < cutoff))
        set_meta(session, LAST_PURGE, now.isoformat())
        return removed


def purge_due(store: Store, now: datetime) -> bool:
    """Whether a day has passed since the last purge (or none was ever made)."""
    with store.session() as session:
        last = get_meta(session, LAST_PURGE)
    if last is None:
        return True
    try:
        return now - datetime.fromisoformat(last) >= PURGE_EVERY
    except (ValueError, TypeError):  # an unreadable date: purging again is the safe side
        return True

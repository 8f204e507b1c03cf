"""Personal data on shared workstations: "log out and clear" removes the citizens cached
here (and their links to cases), but never what is still waiting to reach the central
store: a citizen an unsent operation names stays until it is sent."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from app.models import CaseCitizen, Citizen, OutboxOp, ServiceRequest
from app.models.store import Store
from app.services import outbox


def clear_cached_citizens(store: Store) -> int:
    """Delete every cached citizen not needed by pending work; returns how many."""
    with store.writing() as session:
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
        doomed = select(Citizen.id).where(Citizen.id.not_in(keep))
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.citizen_id.in_(doomed))
            .values(citizen_id=None)
        )
        session.execute(delete(CaseCitizen).where(CaseCitizen.citizen_id.in_(doomed)))
        removed = session.execute(delete(Citizen).where(Citizen.id.not_in(keep)))
        return int(getattr(removed, "rowcount", 0) or 0)

"""The outbox: every local change, as the operation the central store will apply.

An operation is written in the same transaction as the change it describes, so the store
never holds a change the central store will not hear of, nor an operation for a change
that was rolled back. The sync engine drains it in order; `op_id` makes a resend harmless.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import OutboxOp


def enqueue(
    session: Session,
    type_: str,
    target: str,
    data: dict[str, Any],
    now: datetime,
    base_revision: int = 0,
) -> OutboxOp:
    op = OutboxOp(
        op_id=str(uuid.uuid4()),
        type=type_,
        target=target,
        base_revision=base_revision,
        data=data,
        created_at=now,
    )
    session.add(op)
    return op


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def pending(session: Session, limit: int = 500) -> list[OutboxOp]:
    return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq).limit(limit)))

"""Housekeeping: what the store may forget without changing any answer it gives."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, or_

from app.server.db import Work
from app.server.models import AppliedOp, AuthToken


def prune(work: Work, keep_days: int) -> tuple[int, int]:
    """Drop op results older than keep_days (a replay that old is no longer recognised, so
    keep_days must exceed how long a console may hold queued work) and tokens that can no
    longer be used. Returns (op results, tokens) removed."""
    ops = work.session.execute(
        delete(AppliedOp).where(AppliedOp.applied_at < work.now - timedelta(days=keep_days))
    )
    tokens = work.session.execute(
        delete(AuthToken).where(
            or_(AuthToken.expires_at < work.now, AuthToken.revoked_at.is_not(None))
        )
    )
    return int(ops.rowcount), int(tokens.rowcount)  # type: ignore[attr-defined]

"""The interaction log: each call, visit, e-mail or letter, from its start to its end and
outcome, kept locally and queued for the central store's service indicators."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from app.domain import request_terms as terms
from app.domain.validation import FieldProblem, ValidationError
from app.models import Interaction
from app.models.store import Store
from app.protocol import OpType
from app.services import outbox
from app.services.profile import Profile

OUTCOMES = terms.OUTCOMES


@dataclass(frozen=True)
class InteractionView:
    id: str
    channel: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    case_numbers: tuple[str, ...]


def _view(row: Interaction) -> InteractionView:
    return InteractionView(
        row.id, row.channel, row.started_at, row.ended_at, row.outcome, tuple(row.case_numbers)
    )


def start_interaction(
    store: Store, profile: Profile, channel: str, now: datetime
) -> InteractionView:
    if channel not in terms.CHANNELS:
        raise ValidationError([FieldProblem("channel", "choose the channel", "channel")])
    with store.writing() as session:
        row = Interaction(
            id=str(uuid.uuid4()),
            agent=profile.agent,
            station=profile.station,
            channel=channel,
            started_at=now.astimezone(UTC),
            ended_at=None,
            outcome=None,
            case_numbers=[],
        )
        session.add(row)
        return _view(row)


def end_interaction(
    store: Store, interaction_id: str, outcome: str, now: datetime
) -> InteractionView:
    """Close the interaction with its outcome and queue the whole record."""
    if outcome not in OUTCOMES:
        raise ValidationError([FieldProblem("outcome", f"one of {', '.join(OUTCOMES)}", "outcome")])
    with store.writing() as session:
        row = session.get(Interaction, interaction_id)
        if row is None or row.ended_at is not None:
            raise ValidationError(
                [FieldProblem("interaction", "no interaction in progress", "no_interaction")]
            )
        row.ended_at = max(now, row.started_at).astimezone(UTC)
        row.outcome = outcome
        outbox.enqueue(
            session,
            OpType.INTERACTION_RECORD,
            row.id,
            {
                "agent": row.agent,
                "station": row.station,
                "channel": row.channel,
                "started_at": row.started_at.isoformat(),
                "ended_at": row.ended_at.isoformat(),
                "outcome": outcome,
                "case_numbers": list(row.case_numbers),
            },
            now,
        )
        return _view(row)


def current_interaction(store: Store, profile: Profile) -> InteractionView | None:
    """The agent's interaction still in progress (after a restart, it is picked up)."""
    with store.session() as session:
        row = session.scalars(
            select(Interaction)
            .where(Interaction.agent == profile.agent, Interaction.ended_at.is_(None))
            .order_by(Interaction.started_at.desc())
            .limit(1)
        ).first()
        return None if row is None else _view(row)

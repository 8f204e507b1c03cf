"""The demo's last two weeks of agents' work (calls, counter visits, e-mails, web forms),
so that a supervisor opening the indicators in `relais demo` sees a working centre: the
morning and early-afternoon peaks, a few calls answered late, e-mails answered within
or beyond 48 h. Drawn from a fixed seed: every demo store shows the same figures."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.workdays import CITY_TIMEZONE
from app.server.db import Work
from app.server.models import Account, Interaction

DAYS = 14
STATION = 990
_TZ = ZoneInfo(CITY_TIMEZONE)
# Share of each channel in a day's work, and the outcomes an interaction ends with.
_CHANNELS = (("phone", 0.72), ("counter", 0.12), ("email", 0.11), ("web", 0.05))
_OUTCOMES = (("information", 0.55), ("request", 0.25), ("referral", 0.15), ("transfer", 0.05))
# Interactions per office hour (08:30-17:00) on a weekday; peaks at 9-11 and 13-14.
_PER_HOUR = {8: 3, 9: 7, 10: 8, 11: 6, 12: 4, 13: 6, 14: 5, 15: 4, 16: 3}


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def _waited(rng: random.Random, channel: str) -> timedelta | None:
    """How long the citizen waited before an agent took it; None where no telephony or
    mail system gives the arrival time (the counter, a tenth of the calls)."""
    if channel == "phone":
        if rng.random() < 0.1:
            return None
        # Most calls within the 100-second target, some in a queue at the peaks.
        late = rng.random() < 0.16
        return timedelta(seconds=rng.uniform(100, 300) if late else rng.uniform(5, 95))
    if channel in ("email", "web"):
        late = rng.random() < 0.14
        return timedelta(hours=rng.uniform(49, 80) if late else rng.uniform(1, 40))
    return None


def seed_activity(work: Work, accounts: Mapping[str, Account], now: datetime) -> int:
    """Interactions of agent1 and agent2 over the last DAYS weekdays, up to now."""
    rng = random.Random(311)
    agents = [accounts["agent1"], accounts["agent2"]]
    today = now.astimezone(_TZ).date()
    count = 0
    for days_ago in range(DAYS, -1, -1):
        day = today - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        for hour, per_hour in _PER_HOUR.items():
            for _ in range(per_hour):
                minute = rng.uniform(30 if hour == 8 else 0, 60)
                local = datetime(day.year, day.month, day.day, hour, tzinfo=_TZ)
                started = (local + timedelta(minutes=minute)).astimezone(UTC)
                channel = _pick(rng, _CHANNELS)
                ended = started + timedelta(seconds=rng.uniform(90, 600))
                if ended > now:
                    continue
                waited = _waited(rng, channel)
                agent = agents[count % 2]
                work.session.add(
                    Interaction(
                        id=str(uuid.uuid4()),
                        account_id=agent.id,
                        agent=agent.username,
                        station=STATION,
                        channel=channel,
                        queued_at=None if waited is None else started - waited,
                        started_at=started,
                        ended_at=ended,
                        outcome=_pick(rng, _OUTCOMES),
                        case_numbers=[],
                        recorded_at=ended,
                    )
                )
                count += 1
    return count

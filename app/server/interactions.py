"""Interactions pushed by the consoles: kept for the service indicators, never published
on the change feed (they are the agents' own work log, not shared case data)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError

from app.domain import request_terms as terms
from app.domain.case_numbers import CaseNumberError, parse_case_number
from app.domain.validation import FieldProblem, parse_datetime
from app.server.auth import Principal
from app.server.db import Work
from app.server.models import Interaction
from app.server.problems import Refused

CLOCK_SKEW = timedelta(minutes=10)
MAX_CASES = 50
MAX_LENGTH = timedelta(hours=12)
MAX_WAIT = timedelta(days=7)  # an e-mail answered a week late is the longest wait kept


def _moment(data: Mapping[str, Any], key: str, problems: list[FieldProblem]) -> datetime | None:
    raw = data.get(key)
    if not isinstance(raw, str):
        problems.append(FieldProblem(key, "expected an ISO 8601 date-time"))
        return None
    try:
        return parse_datetime(raw)
    except ValueError as exc:
        problems.append(FieldProblem(key, str(exc)))
        return None


def _queued_at(
    data: Mapping[str, Any], started: datetime | None, problems: list[FieldProblem]
) -> datetime | None:
    """When the call was taken or the e-mail arrived, if the console knows it."""
    if data.get("queued_at") is None:
        return None
    queued = _moment(data, "queued_at", problems)
    if queued is None or started is None:
        return None
    if queued > started:
        problems.append(FieldProblem("queued_at", "is after started_at"))
    elif started - queued > MAX_WAIT:
        problems.append(FieldProblem("queued_at", "at most 7 days before started_at"))
    return queued


def _case_numbers(raw: object, problems: list[FieldProblem]) -> list[str]:
    if not isinstance(raw, list) or len(raw) > MAX_CASES:
        problems.append(FieldProblem("case_numbers", f"a list of at most {MAX_CASES} numbers"))
        return []
    out = []
    for item in raw:
        try:
            out.append(str(parse_case_number(str(item))))
        except CaseNumberError as exc:
            problems.append(FieldProblem("case_numbers", str(exc)))
    return out


def new_interaction(
    work: Work, who: Principal, interaction_id: str, data: Mapping[str, Any]
) -> dict[str, Any]:
    """Check the interaction and add it to the session (flushed by the caller)."""
    if len(interaction_id) != 36:
        raise Refused.one("rejected", "target", "the interaction's id (a UUID)")
    agent = data.get("agent")
    if agent not in (None, "", who.username):
        raise Refused.one("forbidden", "agent", f"you are {who.username}, not {agent}")
    problems: list[FieldProblem] = []
    channel = data.get("channel")
    if channel not in terms.CHANNELS:
        problems.append(FieldProblem("channel", f"must be one of {', '.join(terms.CHANNELS)}"))
    outcome = data.get("outcome")
    if outcome not in terms.OUTCOMES:
        problems.append(FieldProblem("outcome", f"must be one of {', '.join(terms.OUTCOMES)}"))
    if who.station is None or data.get("station") != who.station:
        problems.append(FieldProblem("station", "must be the station this login is bound to"))
    started = _moment(data, "started_at", problems)
    ended = _moment(data, "ended_at", problems)
    if started is not None and ended is not None:
        if ended < started:
            problems.append(FieldProblem("ended_at", "is before started_at"))
        elif ended - started > MAX_LENGTH:
            problems.append(FieldProblem("ended_at", "an interaction lasts at most 12 hours"))
        elif ended > work.now + CLOCK_SKEW:
            problems.append(FieldProblem("ended_at", "is in the future: check the clock"))
    queued = _queued_at(data, started, problems)
    cases = _case_numbers(data.get("case_numbers", []), problems)
    if problems:
        raise Refused("rejected", problems)
    assert started is not None and ended is not None and who.station is not None
    row = Interaction(
        id=interaction_id,
        account_id=who.account_id,
        agent=who.username,
        station=who.station,
        channel=str(channel),
        queued_at=queued,
        started_at=started,
        ended_at=ended,
        outcome=str(outcome),
        case_numbers=cases,
        recorded_at=work.now,
    )
    work.session.add(row)
    return {
        "id": row.id,
        "agent": row.agent,
        "station": row.station,
        "channel": row.channel,
        "queued_at": None if queued is None else queued.isoformat(),
        "started_at": started.isoformat(),
        "ended_at": ended.isoformat(),
        "outcome": row.outcome,
        "case_numbers": cases,
    }


def record_interaction(
    work: Work, who: Principal, interaction_id: str, data: Mapping[str, Any]
) -> dict[str, Any]:
    record = new_interaction(work, who, interaction_id, data)
    try:
        work.session.flush()
    except IntegrityError:
        raise Refused.one("rejected", "target", "this interaction is already recorded") from None
    return record

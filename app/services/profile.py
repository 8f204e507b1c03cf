"""This workstation's identity: its station code (the middle of every case number it
makes), the agent at it, and where it is (the 311 centre or a BAM counter)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.case_numbers import WORKSTATION_STATIONS
from app.domain.validation import FieldProblem, ValidationError
from app.models.store import Store
from app.services.meta import get_meta, set_meta

# Where the agent works decides the channel a new request or interaction starts with.
WORKPLACES = {"311": "phone", "bam": "counter"}
_STATION = re.compile(r"^[0-9]{1,3}$")  # ASCII digits: "1²" is a digit to str.isdigit
_AGENT = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


@dataclass(frozen=True)
class Profile:
    station: int
    agent: str
    workplace: str

    @property
    def default_channel(self) -> str:
        return WORKPLACES[self.workplace]

    @property
    def station_code(self) -> str:
        return f"{self.station:03d}"


def check_profile(station: str, agent: str, workplace: str) -> Profile:
    problems: list[FieldProblem] = []
    number = 0
    text = station.strip()
    if not _STATION.match(text) or int(text) not in WORKSTATION_STATIONS:
        problems.append(
            FieldProblem(
                "station",
                "a number from 001 to 899, given by the deployer; unique per workstation",
                "station",
            )
        )
    else:
        number = int(text)
    name = agent.strip()
    if not _AGENT.match(name):
        problems.append(
            FieldProblem("agent", "your user name: letters, digits and . _ @ - only", "agent_name")
        )
    if workplace not in WORKPLACES:
        problems.append(FieldProblem("workplace", "311 or bam", "workplace"))
    if problems:
        raise ValidationError(problems)
    return Profile(number, name, workplace)


def load_profile(store: Store) -> Profile | None:
    with store.session() as session:
        station = get_meta(session, "station")
        agent = get_meta(session, "agent")
        workplace = get_meta(session, "workplace") or "311"
    if station is None or agent is None:
        return None
    return Profile(int(station), agent, workplace)


def save_profile(store: Store, station: str, agent: str, workplace: str) -> Profile:
    """Check and keep the profile; raises ValidationError naming each wrong field."""
    profile = check_profile(station, agent, workplace)
    with store.writing() as session:
        set_meta(session, "station", str(profile.station))
        set_meta(session, "agent", profile.agent)
        set_meta(session, "workplace", profile.workplace)
    return profile

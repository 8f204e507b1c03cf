"""A closed request is reopened by an agent only as Réactivée, with the reason; anything else
on a closed request is for a supervisor (or an administrator). Through the real push."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.server.conftest import Server
from tests.server.factories import op
from tests.server.test_sync_push import created, update

CLOSED = ("terminee", "refusee", "annulee")


def closed_case(server: Server, status: str) -> tuple[str, int]:
    record = created(server)
    number = record["case_number"]
    done = update(server, "sophie", number, record["revision"], status=status, status_notes="Fait")
    assert done["status"] == "applied", done
    return number, done["record"]["revision"]


def push_one(server: Server, agent: str, kind: str, number: str, data: dict[str, Any]) -> Any:
    return server.push(server.agents[agent], [op(kind, number, data)])[0]


def new_citizen(server: Server) -> str:
    cid = str(uuid.uuid4())
    made = server.push(
        server.agents["alice"],
        [op("citizen.upsert", cid, {"fields": {"name": "Paul Roy", "phone": "5145550199"}})],
    )
    assert made[0]["status"] == "applied"
    return cid


@pytest.mark.parametrize("status", CLOSED)
def test_an_agent_reopens_a_closed_case_only_as_reactivee_with_a_reason(
    server: Server, status: str
) -> None:
    number, base = closed_case(server, status)
    for fields in (
        {"status": "transmise"},
        {"status": "prise_en_charge", "status_notes": "Le trou est revenu"},
        {"status": "reactivee", "status_notes": "Le trou est revenu", "description": "Pire"},
        {"description": "Le trou est revenu"},
    ):
        refused = update(server, "alice", number, base, **fields)
        assert refused["status"] == "forbidden", (fields, refused)
        assert "only a supervisor" in refused["problems"][0]["message"]
    no_reason = update(server, "alice", number, base, status="reactivee", status_notes="  ")
    assert no_reason["status"] == "forbidden"
    assert no_reason["problems"][0]["field"] == "status_notes"

    reopened = update(
        server, "alice", number, base, status="reactivee", status_notes="Le trou est revenu"
    )
    assert reopened["status"] == "applied", reopened
    record = reopened["record"]
    assert record["status"] == "reactivee"
    last = [e for e in record["events"] if e["kind"] == "status"][-1]
    assert (last["actor"], last["data"]["from"], last["data"]["to"]) == (
        "alice",
        status,
        "reactivee",
    )
    assert last["data"]["notes"] == "Le trou est revenu"
    # Open again: the agent's usual work applies.
    assert update(server, "alice", number, record["revision"], description="Pire")["status"] == (
        "applied"
    )


def test_notes_citizens_and_links_on_a_closed_case_are_for_supervisors(server: Server) -> None:
    number, _base = closed_case(server, "terminee")
    other = created(server)["case_number"]
    cid = new_citizen(server)
    attempts = (
        ("request.note", number, {"text": "La citoyenne rappelle"}),
        ("request.attach_citizen", number, {"citizen_id": cid}),
        ("request.link", other, {"parent": number}),
        ("request.link", number, {"parent": other}),
    )
    for kind, target, data in attempts:
        refused = push_one(server, "alice", kind, target, data)
        assert refused["status"] == "forbidden", (kind, refused)
        assert "closed" in refused["problems"][0]["message"]
    for kind, target, data in attempts[:3]:
        assert push_one(server, "sophie", kind, target, data)["status"] == "applied", kind


@pytest.mark.parametrize("who", ["sophie", "admin"])
def test_supervisors_and_admins_change_a_closed_case_freely(server: Server, who: str) -> None:
    number, base = closed_case(server, "annulee")
    moved = update(server, who, number, base, status="prise_en_charge", description="Repris")
    assert moved["status"] == "applied", moved
    assert moved["record"]["status"] == "prise_en_charge"


def test_reactivee_is_only_for_a_closed_case_and_closing_for_supervisors(server: Server) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    early = update(server, "alice", number, base, status="reactivee", status_notes="Pas fini")
    assert early["status"] == "forbidden"
    assert "only a closed request is reopened" in early["problems"][0]["message"]
    for status in CLOSED:
        assert update(server, "alice", number, base, status=status)["status"] == "forbidden"

"""What a console writes to its outbox is what the central store applies: every kind of
local change, pushed as it stands, is accepted once, and a replay changes nothing."""

from __future__ import annotations

import uuid
from typing import Any

from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace
from tests.server.conftest import Server

POTHOLE = "VOIRIE-NID-DE-POULE"


def outbox(workspace: Workspace) -> list[dict[str, Any]]:
    from app.services.outbox import pending

    with workspace.store.session() as session:
        return [
            {
                "op_id": op.op_id,
                "type": op.type,
                "target": op.target,
                "base_revision": op.base_revision,
                "data": op.data,
            }
            for op in pending(session)
        ]


def test_every_local_change_is_applied_by_the_server(server: Server, workspace: Workspace) -> None:
    workspace.set_profile("011", "alice", "311")  # alice's station on the server
    interaction = workspace.start_interaction("phone")
    saved = workspace.save_request(
        Draft(
            service_code=POTHOLE,
            channel="phone",
            civic_number="1234",
            street="boul. St-Laurent",
            postal_code="h2x 1y4",
            arrondissement="PMR",
            attributes={"emplacement": "chaussee", "danger_immediat": "non"},
            description="Trou profond",
            new_citizen=CitizenDraft("Jean Tremblay", "514 555 0123", "jean@exemple.ca", "fr"),
        ),
        interaction.id,
    )
    workspace.attach_to_case(
        saved.case_number,
        Draft(
            service_code=POTHOLE,
            channel="phone",
            description="Le trou s'agrandit",
            new_citizen=CitizenDraft("Paul Lee", "438 555 0100", "", "en"),
        ),
        interaction.id,
    )
    workspace.attach_to_case(saved.case_number, Draft(service_code=POTHOLE), None)  # anonymous
    workspace.add_note(saved.case_number, "Rappel du citoyen")
    workspace.end_interaction(interaction.id, "request")
    ops = outbox(workspace)
    assert [op["type"] for op in ops] == [
        "citizen.upsert",
        "request.create",
        "citizen.upsert",
        "request.attach_citizen",
        "request.note",
        "request.note",
        "request.note",
        "interaction.record",
    ]
    alice = server.agents["alice"]
    results = server.push(alice, ops)
    assert [r["status"] for r in results] == ["applied"] * len(ops), results
    record = results[1]["record"]
    assert record["case_number"] == saved.case_number
    assert record["due_at"] is not None and record["responsible_unit"] == "TP-PMR"
    assert results[-1]["record"]["case_numbers"] == [saved.case_number]
    # A batch resent after a lost answer changes nothing.
    again = server.push(alice, ops)
    assert all(r.get("replayed") for r in again)
    answer = server.client.get(
        f"/api/v1/requests/{saved.case_number}", headers=alice.headers
    ).json()
    kinds = [e["kind"] for e in answer["events"]]
    assert kinds.count("note") == 3 and kinds.count("citizen_attached") == 1


def test_an_interaction_is_refused_for_another_agent_or_a_bad_outcome(server: Server) -> None:
    base = {
        "agent": "alice",
        "station": 11,
        "channel": "phone",
        "started_at": "2026-11-25T14:00:00+00:00",
        "ended_at": "2026-11-25T14:03:00+00:00",
        "outcome": "request",
        "case_numbers": [],
    }

    def push(data: dict[str, Any], who: str = "alice") -> dict[str, Any]:
        op = {
            "op_id": str(uuid.uuid4()),
            "type": "interaction.record",
            "target": "5d7e0b1c-2f4a-4c8e-9b3d-6a1e2f3c4d5e",
            "data": data,
        }
        return server.push(server.agents[who], [op])[0]

    assert push(base, who="bruno")["status"] == "forbidden"
    bad = push({**base, "outcome": "maybe", "ended_at": "2026-11-25T13:00:00+00:00"})
    assert bad["status"] == "rejected"
    assert {p["field"] for p in bad["problems"]} == {"outcome", "ended_at"}

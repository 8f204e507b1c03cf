"""POST /api/v1/sync/push: applied once, merge or conflict by field, rights by role."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import func, select

from app.server.models import Change, ServiceRequest
from tests.server.conftest import Server
from tests.server.factories import case_number, create_op, op, pothole


def count(server: Server, model: Any) -> int:
    with server.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def created(server: Server, agent: str = "alice", **extra: Any) -> dict[str, Any]:
    result = server.push(server.agents[agent], [create_op(server.agents[agent].station, **extra)])
    assert result[0]["status"] == "applied", result
    record: dict[str, Any] = result[0]["record"]
    return record


def test_create_routes_and_sets_the_due_date(server: Server) -> None:
    record = created(server)
    assert record["responsible_unit"] == "TP-VM"
    assert record["status"] == "transmise"
    assert record["agent"] == "alice"
    assert record["postal_code"] == "H2Y 1C6"
    assert record["due_at"] > record["created_at"]
    assert [e["kind"] for e in record["events"]] == ["created", "routed"]
    assert all(e["actor"] == "alice" for e in record["events"])


def test_same_batch_twice_creates_one_request(server: Server) -> None:
    alice = server.agents["alice"]
    batch = [create_op(alice.station), create_op(alice.station, street="boul. Saint-Laurent")]
    changes = count(server, Change)
    first = server.push(alice, batch)
    again = server.push(alice, batch)
    assert [r["status"] for r in first] == ["applied", "applied"]
    assert [r.get("replayed") for r in again] == [True, True]
    assert [r["record"]["id"] for r in again] == [r["record"]["id"] for r in first]
    assert count(server, ServiceRequest) == 2
    assert count(server, Change) == changes + 2


def test_replayed_op_in_the_same_batch_is_applied_once(server: Server) -> None:
    alice = server.agents["alice"]
    one = create_op(alice.station)
    results = server.push(alice, [one, one])
    assert results[1]["replayed"] is True
    assert count(server, ServiceRequest) == 1


def reused(result: dict[str, Any]) -> bool:
    """The answer to an op_id sent again with other contents."""
    problems = result.get("problems") or [{}]
    return (
        result["status"] == "rejected"
        and "replayed" not in result
        and problems[0].get("field") == "op_id"
        and "new op_id" in problems[0].get("message", "")
    )


def test_an_op_id_sent_again_with_other_contents_is_refused(server: Server) -> None:
    """Each part of an op counts, on the bulk path (creations) and the per-op path."""
    alice = server.agents["alice"]
    first = create_op(alice.station)
    note = op("request.note", first["target"], {"text": "Rappel"})
    assert [r["status"] for r in server.push(alice, [first])] == ["applied"]
    assert [r["status"] for r in server.push(alice, [note])] == ["applied"]
    changes = count(server, Change)
    variants = [
        {**first, "type": "request.note", "data": {"text": "Rappel"}},
        {**first, "target": case_number(alice.station)},
        {**first, "base_revision": 1},
        {**first, "data": pothole(description="Un autre trou")},
        {**note, "data": {"text": "Rappel."}},
        {**note, "data": {"text": "Rappel", "x": None}},
    ]
    for variant in variants:
        result = server.push(alice, [variant])[0]
        assert reused(result), (variant, result)
        assert result["op_id"] == variant["op_id"]
    assert count(server, ServiceRequest) == 1
    assert count(server, Change) == changes
    # The op as first sent is still recognised; key order and whitespace do not matter.
    shuffled = {**first, "data": dict(reversed(list(first["data"].items())))}
    body = json.dumps({"ops": [shuffled, note]}, indent=2, sort_keys=True).encode()
    headers = {**alice.headers, "Content-Type": "application/json"}
    answer = server.client.post("/api/v1/sync/push", content=body, headers=headers)
    assert [r.get("replayed") for r in answer.json()["results"]] == [True, True]


def test_a_refused_op_resent_with_other_contents_is_refused_too(server: Server) -> None:
    """Its first answer is kept like any other: a corrected op needs a new op_id."""
    alice = server.agents["alice"]
    bad = create_op(alice.station, channel="?")
    assert server.push(alice, [bad])[0]["status"] == "rejected"
    fixed = {**bad, "data": pothole()}
    assert reused(server.push(alice, [fixed])[0])
    assert server.push(alice, [bad])[0]["replayed"] is True
    assert count(server, ServiceRequest) == 0


def test_one_op_id_twice_in_a_batch_with_other_contents(server: Server) -> None:
    alice = server.agents["alice"]
    one = create_op(alice.station)
    other = {**one, "target": case_number(alice.station)}
    results = server.push(alice, [one, other, one])
    assert results[0]["status"] == "applied"
    assert reused(results[1])
    assert results[2]["replayed"] is True
    assert results[2]["record"] == results[0]["record"]
    assert count(server, ServiceRequest) == 1


def test_an_op_id_of_another_account_stays_forbidden_whatever_its_contents(
    server: Server,
) -> None:
    alice, bruno = server.agents["alice"], server.agents["bruno"]
    one = create_op(alice.station)
    server.push(alice, [one])
    for attempt in (one, {**one, "target": case_number(bruno.station)}):
        assert server.push(bruno, [attempt])[0]["status"] == "forbidden"


def test_invalid_request_names_each_field_and_writes_nothing(server: Server) -> None:
    alice = server.agents["alice"]
    before = count(server, Change)
    bad = create_op(
        alice.station,
        channel="pigeon",
        postal_code="123",
        attributes={"couleur": "rouge"},
        lat=91,
    )
    result = server.push(alice, [bad])[0]
    assert result["status"] == "rejected"
    fields = {p["field"] for p in result["problems"]}
    assert {"channel", "postal_code", "attribute[couleur]", "lat"} <= fields
    assert count(server, ServiceRequest) == 0
    assert count(server, Change) == before


def test_unknown_service_and_missing_required_attribute(server: Server) -> None:
    alice = server.agents["alice"]
    unknown = create_op(alice.station, service_code="NOPE")
    missing = create_op(alice.station, attributes={})
    results = server.push(alice, [unknown, missing])
    assert results[0]["problems"][0]["field"] == "service_code"
    assert results[1]["status"] == "rejected"
    assert any(p["field"].startswith("attribute[") for p in results[1]["problems"])


def test_bad_op_does_not_block_the_rest_of_the_batch(server: Server) -> None:
    alice = server.agents["alice"]
    results = server.push(alice, [create_op(alice.station, channel="?"), create_op(alice.station)])
    assert [r["status"] for r in results] == ["rejected", "applied"]


def test_a_batch_of_creations_is_applied_whole_in_order(server: Server) -> None:
    """The bulk path: citizens and the requests naming them, in one batch."""
    alice = server.agents["alice"]
    people = [str(uuid.uuid4()) for _ in range(3)]
    batch = []
    for cid in people:
        batch.append(op("citizen.upsert", cid, {"fields": {"name": "Jean Roy"}}))
        batch.append(create_op(alice.station, citizen_id=cid))
    changes = count(server, Change)
    results = server.push(alice, batch)
    assert [r["op_id"] for r in results] == [o["op_id"] for o in batch]
    assert {r["status"] for r in results} == {"applied"}
    requests = [r["record"] for r in results if r["type"] == "request.create"]
    assert [r["citizen_id"] for r in requests] == people
    assert all(isinstance(e["id"], int) for r in requests for e in r["events"])
    assert count(server, Change) == changes + 6
    again = server.push(alice, batch)
    assert [r["record"] for r in again] == [r["record"] for r in results]


def test_one_refused_creation_leaves_the_others_applied(server: Server) -> None:
    alice = server.agents["alice"]
    taken = created(server)["case_number"]
    cid = str(uuid.uuid4())
    batch = [
        op("citizen.upsert", cid, {"fields": {"name": "Léa Roy"}}),
        create_op(alice.station, citizen_id=cid),
        op("request.create", taken, pothole()),
        create_op(alice.station, citizen_id=str(uuid.uuid4())),
    ]
    results = server.push(alice, batch)
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert results[2]["problems"][0]["field"] == "case_number"
    assert results[3]["problems"][0]["field"] == "citizen_id"
    assert count(server, ServiceRequest) == 2


def test_case_numbers_must_be_well_formed_and_this_workstations(server: Server) -> None:
    alice, bruno = server.agents["alice"], server.agents["bruno"]
    foreign = op("request.create", case_number(bruno.station), pothole())
    typo = op("request.create", "26-011-000001-0", pothole())
    results = server.push(alice, [foreign, typo])
    assert "not this workstation" in results[0]["problems"][0]["message"]
    assert results[1]["problems"][0]["field"] == "case_number"
    taken = case_number(alice.station)
    server.push(alice, [op("request.create", taken, pothole())])
    again = server.push(alice, [op("request.create", taken, pothole())])[0]
    assert again["status"] == "rejected" and "already used" in again["problems"][0]["message"]


def test_an_agent_cannot_act_as_another(server: Server) -> None:
    alice = server.agents["alice"]
    result = server.push(alice, [create_op(alice.station, agent="bruno")])[0]
    assert result["status"] == "forbidden"


def update(server: Server, agent: str, number: str, base: int, **fields: Any) -> dict[str, Any]:
    return server.push(
        server.agents[agent], [op("request.update", number, {"fields": fields}, base=base)]
    )[0]


def test_edits_to_different_fields_merge(server: Server) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    first = update(server, "alice", number, base, description="Trou très profond")
    second = update(server, "bruno", number, base, street="rue Notre-Dame Ouest")
    assert first["status"] == second["status"] == "applied"
    final = second["record"]
    assert final["description"] == "Trou très profond"
    assert final["street"] == "rue Notre-Dame Ouest"
    assert final["revision"] == base + 2
    assert final["updated_by"] == "bruno"


def test_same_field_changed_since_is_a_conflict_with_the_servers_record(server: Server) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    update(server, "alice", number, base, description="Version d'Alice")
    clash = update(
        server, "bruno", number, base, description="Version de Bruno", street="rue Sherbrooke"
    )
    assert clash["status"] == "conflict"
    assert clash["fields"] == ["description"]
    assert clash["record"]["description"] == "Version d'Alice"
    assert clash["record"]["street"] == "rue Notre-Dame Est"  # nothing of the op was written
    same = update(server, "bruno", number, base, description="Version d'Alice")
    assert same["status"] == "applied"


def test_a_push_can_ask_for_answers_without_the_applied_records(server: Server) -> None:
    """What the console asks: status and revision only (the feed brings the records);
    a conflict still carries the store's record, and a replay is answered the same way."""
    bruno = server.agents["bruno"]
    record = created(server)
    number, base = record["case_number"], record["revision"]
    update(server, "alice", number, base, description="Version d'Alice")
    ops = [
        create_op(bruno.station),
        op("request.update", number, {"fields": {"description": "Version de Bruno"}}, base),
    ]
    for _ in range(2):  # the second time, a replay
        answer = server.client.post(
            "/api/v1/sync/push", json={"ops": ops, "records": False}, headers=bruno.headers
        )
        assert answer.status_code == 200, answer.text
        made, clash = answer.json()["results"]
        assert made["status"] == "applied" and "record" not in made
        assert isinstance(made["revision"], int) and made["type"] == "request.create"
        assert clash["status"] == "conflict"
        assert clash["record"]["description"] == "Version d'Alice"


def test_notes_never_conflict(server: Server) -> None:
    record = created(server)
    number = record["case_number"]
    for agent, text in (("alice", "Citoyenne rappelée"), ("bruno", "Photo reçue par courriel")):
        result = server.push(server.agents[agent], [op("request.note", number, {"text": text})])
        assert result[0]["status"] == "applied"
    notes = [e for e in result[0]["record"]["events"] if e["kind"] == "note"]
    assert [(n["actor"], n["data"]["text"]) for n in notes] == [
        ("alice", "Citoyenne rappelée"),
        ("bruno", "Photo reçue par courriel"),
    ]


def test_only_supervisors_close_or_reassign(server: Server) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    assert update(server, "alice", number, base, status="terminee")["status"] == "forbidden"
    assert update(server, "alice", number, base, responsible_unit="CS-311")["status"] == "forbidden"
    assert update(server, "alice", number, base, status="prise_en_charge")["status"] == "applied"
    closed = update(
        server, "sophie", number, base + 1, status="terminee", status_notes="Réparé le 25 novembre"
    )
    assert closed["status"] == "applied"
    kinds = [e["kind"] for e in closed["record"]["events"]]
    assert kinds.count("status") == 2
    moved = update(server, "sophie", number, base + 2, responsible_unit="CS-311")
    assert moved["record"]["responsible_unit"] == "CS-311"


def test_update_checks_fields(server: Server) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    result = update(
        server, "alice", number, base, status="perdue", case_number="x", postal_code="zzz"
    )
    assert result["status"] == "rejected"
    assert {p["field"] for p in result["problems"]} == {"status", "case_number", "postal_code"}
    ahead = update(server, "alice", number, base + 5, description="x")
    assert ahead["problems"][0]["field"] == "base_revision"
    missing = update(server, "alice", "26-011-999999-0", 1, description="x")
    assert missing["status"] in ("not_found", "rejected")


def test_citizens_merge_and_conflict_by_field(server: Server) -> None:
    alice, bruno = server.agents["alice"], server.agents["bruno"]
    cid = str(uuid.uuid4())
    made = server.push(
        alice,
        [
            op(
                "citizen.upsert",
                cid,
                {
                    "fields": {
                        "name": "Marie Tremblay",
                        "phone": "(514) 555-0199",
                        "email": "Marie@Example.org",
                    }
                },
            )
        ],
    )[0]
    assert made["record"]["phone"] == "514-555-0199"
    assert made["record"]["email"] == "marie@example.org"
    a = server.push(alice, [op("citizen.upsert", cid, {"fields": {"phone": "438 555 0100"}}, 1)])
    b = server.push(bruno, [op("citizen.upsert", cid, {"fields": {"address": "12 rue X"}}, 1)])
    c = server.push(bruno, [op("citizen.upsert", cid, {"fields": {"phone": "514 555 0000"}}, 1)])
    assert a[0]["status"] == b[0]["status"] == "applied"
    assert c[0]["status"] == "conflict" and c[0]["fields"] == ["phone"]
    bad = server.push(alice, [op("citizen.upsert", cid, {"fields": {"email": "marie@"}}, 3)])
    assert bad[0]["problems"][0]["field"] == "email"


def test_request_for_a_citizen_and_anonymous_rules(server: Server) -> None:
    alice = server.agents["alice"]
    cid = str(uuid.uuid4())
    server.push(alice, [op("citizen.upsert", cid, {"fields": {"name": "Jean Roy"}})])
    record = created(server, citizen_id=cid)
    assert record["citizen_id"] == cid
    unknown = server.push(alice, [create_op(alice.station, citizen_id=str(uuid.uuid4()))])[0]
    assert unknown["problems"][0]["field"] == "citizen_id"


def test_duplicates_are_linked_on_both_cases(server: Server) -> None:
    original = created(server)
    copy = created(server, agent="bruno")
    result = server.push(
        server.agents["bruno"],
        [op("request.link", copy["case_number"], {"parent": original["case_number"]})],
    )[0]
    assert result["record"]["parent_case_number"] == original["case_number"]
    answer = server.client.get(
        f"/api/v1/requests/{original['case_number']}", headers=server.agents["alice"].headers
    )
    events = answer.json()["events"]
    assert events[-1]["kind"] == "duplicate"
    assert events[-1]["data"] == {"duplicate": copy["case_number"]}


def test_articles_are_edited_by_admins_only(server: Server) -> None:
    content = {
        "category": "collectes",
        "texts": [
            {"lang": "fr", "title": "Collecte des sapins", "body": "Les sapins sont ramassés..."}
        ],
    }
    denied = server.push(server.agents["alice"], [op("article.upsert", "sapins-2027", content)])
    assert denied[0]["status"] == "forbidden"
    made = server.push(server.agents["admin"], [op("article.upsert", "sapins-2027", content)])
    assert made[0]["record"]["revision"] == 1 and made[0]["record"]["updated_by"] == "admin"
    stale = server.push(server.agents["admin"], [op("article.upsert", "sapins-2027", content)])
    assert stale[0]["status"] == "conflict"
    gone = server.push(server.agents["admin"], [op("article.delete", "sapins-2027", base=1)])
    assert gone[0]["record"]["deleted"] is True


def test_text_no_store_can_keep_is_refused_by_name(server: Server) -> None:
    alice = server.agents["alice"]
    nul = create_op(alice.station, description="trou\x00profond")
    surrogate = op("request.note", "26-011-000001-0", {"text": "note \ud800"})
    attribute = create_op(alice.station, attributes={"taille": "\x00"})
    # A lone surrogate can only arrive as a JSON escape (it has no UTF-8 form).
    body = json.dumps({"ops": [nul, surrogate, attribute]}).encode()
    headers = {**alice.headers, "Content-Type": "application/json"}
    for attempt in range(2):
        answer = server.client.post("/api/v1/sync/push", content=body, headers=headers)
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        assert [r["status"] for r in results] == ["rejected"] * 3
        assert results[0]["problems"][0]["field"] == "data.description"
        assert results[1]["problems"][0]["field"] == "data.text"
        assert results[2]["problems"][0]["field"] == "data.attributes.taille"
        assert results[1].get("replayed", False) is (attempt == 1)
    assert count(server, ServiceRequest) == 0


def test_edits_queued_offline_on_one_base_do_not_conflict_with_each_other(
    server: Server,
) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    alice = server.agents["alice"]
    first = op("request.update", number, {"fields": {"description": "Trou profond"}}, base)
    typo_fixed = op(
        "request.update", number, {"fields": {"description": "Trou très profond"}}, base
    )
    results = server.push(alice, [first, typo_fixed])
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert results[1]["record"]["description"] == "Trou très profond"
    clash = update(server, "bruno", number, base, description="Autre chose")
    assert clash["status"] == "conflict"


def test_a_corrected_arrondissement_reroutes_and_untouched_fields_are_not_rechecked(
    server: Server,
) -> None:
    record = created(server)
    number, base = record["case_number"], record["revision"]
    with server.db.work("import") as work:  # an imported request's 3-character postal code
        req = work.session.query(ServiceRequest).filter_by(case_number=number).one()
        req.postal_code = "H2Y"
    moved = update(server, "alice", number, base, arrondissement="PMR")
    assert moved["status"] == "applied", moved
    assert moved["record"]["responsible_unit"] == "TP-PMR"
    routed = [e for e in moved["record"]["events"] if e["kind"] == "routed"][-1]
    assert routed["data"] == {"unit": "TP-PMR", "reason": "arrondissement"}
    lat_only = update(server, "alice", number, base + 1, lat=45.5)
    assert lat_only["problems"][0]["field"] == "long"
    wrong = update(server, "alice", number, base + 1, arrondissement="XX")
    assert wrong["problems"][0]["field"] == "arrondissement"


def test_a_supervisors_reassignment_stands_when_an_agent_corrects_the_arrondissement(
    server: Server,
) -> None:
    """The agent corrected the place on the revision they saw; meanwhile a supervisor sent
    the case to another unit. The place changes, the supervisor's unit stays, no clash."""
    record = created(server)
    number, base = record["case_number"], record["revision"]
    assert update(server, "sophie", number, base, responsible_unit="CS-311")["status"] == "applied"
    moved = update(server, "alice", number, base, arrondissement="PMR")
    assert moved["status"] == "applied", moved
    assert moved["record"]["arrondissement"] == "PMR"
    assert moved["record"]["responsible_unit"] == "CS-311"


def test_records_is_a_boolean_not_a_number(server: Server) -> None:
    agent = server.agents["alice"]
    op = {"op_id": str(uuid.uuid4()), "type": "request.link", "target": "0"}
    answer = server.client.post(
        "/api/v1/sync/push", json={"ops": [op], "records": 0}, headers=agent.headers
    )
    assert answer.status_code == 422
    assert "records" in answer.text

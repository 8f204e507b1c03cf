"""The wire format (app.protocol) on real SQLite stores: the op types keep their stored
strings, an op written before the wire had one citizen name is sent under it, and a page
of the change feed is applied a page at a time with what the per-record path did."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.models import CaseCitizen, OutboxOp, RequestEvent, ServiceRequest
from app.protocol import OpType, citizen_of, with_wire_names, without_record
from app.services import outbox, replica
from app.services.workspace import Workspace, open_workspace

AT = "2026-03-02T10:00:00+00:00"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("015", "denise", "311")
    yield workspace
    workspace.close()


def test_op_types_are_the_strings_stored_and_sent() -> None:
    assert OpType.REQUEST_ATTACH_CITIZEN == "request.attach_citizen"
    assert [str(t) for t in OpType] == [
        "request.create",
        "request.update",
        "request.note",
        "request.link",
        "request.attach_citizen",
        "citizen.upsert",
        "article.upsert",
        "article.delete",
        "interaction.record",
    ]


def test_an_op_stored_before_the_upgrade_is_sent_under_the_wire_name(ws: Workspace) -> None:
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with ws.store.writing() as session:
        session.add(
            OutboxOp(
                op_id=str(uuid.uuid4()),
                type="request.attach_citizen",
                target="26-015-000001-0",
                base_revision=1,
                data={"citizen": "c-1", "at": AT},
                created_at=now,
                state=outbox.PENDING,
                attempts=0,
            )
        )
    [sent] = outbox.next_batch(ws.store, 10)
    assert sent["data"] == {"citizen_id": "c-1", "at": AT}
    assert citizen_of({"citizen": "c-2"}) == "c-2" == citizen_of({"citizen_id": "c-2"})
    assert with_wire_names({"citizen_id": "c-3", "citizen": "old"}) == {"citizen_id": "c-3"}


def test_an_unknown_op_type_is_not_queued(ws: Workspace) -> None:
    with ws.store.writing() as session, pytest.raises(ValueError):
        outbox.enqueue(session, "request.delete", "26-015-000001-0", {}, datetime.now(UTC))


def test_an_applied_answer_can_go_without_its_record() -> None:
    applied = {"op_id": "x", "status": "applied", "revision": 3, "record": {"id": "r"}}
    clash = {"op_id": "y", "status": "conflict", "fields": ["street"], "record": {"id": "r"}}
    assert without_record(applied) == {"op_id": "x", "status": "applied", "revision": 3}  # type: ignore[arg-type]
    assert without_record(clash) == clash  # type: ignore[arg-type]


def citizen(cid: str, revision: int = 1, name: str = "Jeanne") -> dict[str, Any]:
    return {
        "id": cid,
        "name": name,
        "phone": "514-555-0101",
        "email": "",
        "address": "",
        "preferred_language": "fr",
        "revision": revision,
        "created_at": AT,
        "updated_at": AT,
        "updated_by": "x",
    }


def request(number: str, revision: int, citizen_id: str | None, **extra: Any) -> dict[str, Any]:
    record = {
        "id": f"id-{number}",
        "case_number": number,
        "service_code": "NIDPOULE",
        "service_name": "Nid-de-poule",
        "nature": "requete",
        "channel": "telephone",
        "status": "transmise",
        "status_notes": "",
        "description": f"révision {revision}",
        "attributes": {},
        "civic_number": "100",
        "street": "rue Saint-Denis",
        "postal_code": "H2X 1K4",
        "arrondissement": "PMR",
        "lat": None,
        "long": None,
        "citizen_id": citizen_id,
        "agent": "ag",
        "responsible_unit": "TP",
        "handled_by": "TP",
        "source": "console",
        "parent_case_number": None,
        "created_at": AT,
        "due_at": AT,
        "updated_at": AT,
        "revision": revision,
        "events": [{"id": 1, "kind": "created", "actor": "ag", "at": AT, "data": {}}],
    }
    return record | extra


def change(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"entity": entity, "id": data["id"], "revision": data["revision"], "data": data}


def test_a_page_keeps_the_newest_record_of_each_and_links_its_citizens(ws: Workspace) -> None:
    attached = {"id": 2, "kind": "citizen_attached", "actor": "ag", "at": AT}
    page = [
        change("request", request("26-015-000001-0", 1, "c-1")),
        change("citizen", citizen("c-1")),
        change("citizen", citizen("c-2")),
        change(
            "request",
            request(
                "26-015-000001-0",
                2,
                "c-1",
                events=[
                    {"id": 1, "kind": "created", "actor": "ag", "at": AT, "data": {}},
                    attached | {"data": {"citizen_id": "c-2"}},
                ],
            ),
        ),
        change("request", request("26-015-000002-8", 1, "c-unknown")),
    ]
    report = replica.apply_page(ws.store, page, "cursor-1")
    assert (report.requests, report.citizens, report.held) == (3, 2, 0)
    assert report.added == {"26-015-000001-0", "26-015-000002-8"}
    with ws.store.session() as session:
        first = session.scalar(
            select(ServiceRequest).where(ServiceRequest.case_number == "26-015-000001-0")
        )
        assert first is not None and first.revision == 2 and first.description == "révision 2"
        assert first.citizen_id == "c-1"
        links = set(session.scalars(select(CaseCitizen.citizen_id)))
        assert links == {"c-1", "c-2"}  # the unknown citizen is not linked
        second = session.scalar(
            select(ServiceRequest).where(ServiceRequest.case_number == "26-015-000002-8")
        )
        assert second is not None and second.citizen_id is None


def test_a_newer_record_keeps_the_local_lines_and_an_older_one_changes_nothing(
    ws: Workspace,
) -> None:
    number = "26-015-000003-5"
    replica.apply_page(ws.store, [change("request", request(number, 1, None))], "c1")
    with ws.store.writing() as session:
        req = session.scalar(select(ServiceRequest).where(ServiceRequest.case_number == number))
        assert req is not None
        session.add(
            RequestEvent(
                request_id=req.id,
                kind="dropped",
                actor="denise",
                at=datetime(2026, 3, 2, 11, tzinfo=UTC),
                data={"fields": ["street"]},
            )
        )
    later = {"id": 3, "kind": "note", "actor": "ag", "at": "2026-03-02T12:00:00+00:00"}
    newer = request(
        number,
        3,
        None,
        events=[
            {"id": 1, "kind": "created", "actor": "ag", "at": AT, "data": {}},
            later | {"data": {"text": "vu"}},
        ],
    )
    report = replica.apply_page(ws.store, [change("request", newer)], "c2")
    assert report.revised == {number: 3}
    older = request(number, 2, None, description="ancienne")
    replica.apply_page(ws.store, [change("request", older)], "c3")
    with ws.store.session() as session:
        req = session.scalar(select(ServiceRequest).where(ServiceRequest.case_number == number))
        assert req is not None and req.revision == 3 and req.description == "révision 3"
        kinds = session.scalars(
            select(RequestEvent.kind)
            .where(RequestEvent.request_id == req.id)
            .order_by(RequestEvent.id)
        ).all()
        assert list(kinds) == ["created", "dropped", "note"]


def test_a_record_with_local_work_waiting_is_held(ws: Workspace) -> None:
    number = "26-015-000004-3"
    with ws.store.writing() as session:
        outbox.enqueue(session, OpType.REQUEST_NOTE, number, {"text": "x"}, datetime.now(UTC))
    report = replica.apply_page(ws.store, [change("request", request(number, 1, None))], "c")
    assert (report.requests, report.held) == (0, 1)


def test_a_page_decoded_change_by_change_is_what_json_gives() -> None:
    import json

    from app.protocol.decoding import loads_page

    texts = [
        '{"changes":[],"cursor":"e.0.0","has_more":false,"head":0,"remaining":0}',
        '{"changes": [ {"seq":1,"data":{"t":"]},"}} , {"seq":2,"data":[]} ],"cursor":"e.2.x"}',
        '{"problems":[{"field":"since","message":"stale"}]}',
    ]
    for text in texts:
        assert loads_page(text) == json.loads(text)
    for cut in ('{"changes":[{"seq":1}', '{"changes":[{"seq":1},', '{"changes":[{"seq":1}]'):
        with pytest.raises(ValueError):
            loads_page(cut)

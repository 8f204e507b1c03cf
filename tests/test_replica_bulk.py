"""A page of the change feed goes into the local store through the driver (app.storage
.bulk): every row it writes reads back byte for byte as the ORM path writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.services import replica
from app.services.workspace import open_workspace
from tests.test_protocol import change, citizen, request

TABLES = {
    "citizens": "id",
    "requests": "id",
    "request_events": "request_id, at, kind",
    "case_citizens": "request_id, citizen_id",
}


def records() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Values that test each column type: moments in other zones and with microseconds,
    a missing moment, an integer coordinate, JSON with accents and nesting."""
    people = [
        citizen("c-1") | {"created_at": "2026-03-02T05:00:00.123456-05:00", "updated_at": ""},
        citizen("c-2", name="Zoé Lévesque") | {"preferred_language": "", "phone": None},
    ]
    cases = [
        request(
            "26-015-000001-0",
            2,
            "c-1",
            attributes={"taille": "très grand", "liste": [1, 2.5, None], "x": {"y": True}},
            lat=45,
            long=-73.567891,
            due_at=None,
            updated_at="",
            created_at="2026-03-01T23:30:00.000001-04:00",
            street="  Rue  Sainte-Catherine Est ",
            events=[
                {"id": 1, "kind": "created", "actor": "ag", "at": "2026-03-02T03:30:00Z"},
                {
                    "id": 2,
                    "kind": "citizen_attached",
                    "actor": "ag",
                    "at": "2026-03-02T10:00:00.5+00:00",
                    "data": {"citizen_id": "c-2", "note": "voisine, « urgent »"},
                },
            ],
        ),
        request("26-015-000002-8", 1, "c-unknown", events=[], attributes={}),
    ]
    return people, cases


def rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table, order in TABLES.items():
            result = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY {order}")
            keys = list(result.keys())
            found[table] = [
                tuple(
                    v
                    for k, v in zip(keys, row, strict=True)
                    if k != "id" or table != "request_events"
                )
                for row in result
            ]
    return found


def test_a_page_written_through_the_driver_reads_back_as_the_orm_writes_it(
    tmp_path: Path,
) -> None:
    people, cases = records()
    bulk = open_workspace(tmp_path / "bulk", load_bundled=False)
    orm = open_workspace(tmp_path / "orm", load_bundled=False)
    try:
        page = [change("citizen", c) for c in people] + [change("request", r) for r in cases]
        report = replica.apply_page(bulk.store, page, "cursor-1")
        assert (report.citizens, report.requests) == (2, 2)
        with orm.store.writing() as session:
            for person in people:
                replica.apply_citizen(session, person)
            for case in cases:
                replica.apply_request(session, case)
        written, expected = rows(bulk.store.engine), rows(orm.store.engine)
        assert all(written[t] for t in ("citizens", "requests", "request_events"))
        assert written == expected
    finally:
        bulk.close()
        orm.close()

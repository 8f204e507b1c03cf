"""Property-based fuzzing of what the OpenAPI description cannot show: the contents of
pushed operations and the GeoReport POST form. Any input: an answer per op, never a 500."""

from __future__ import annotations

import json
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.request_rules import LOCATION_KEYS
from app.domain.request_rules import UPDATABLE as EDITABLE
from app.server.records import CITIZEN_FIELDS
from tests.server.conftest import Server
from tests.server.factories import case_number, pothole

EXAMPLES = 60
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(
        ["", "2026-11-25T10:00:00-05:00", "9999-01-01", "VM", "H2X 1Y4", "phone", "terminee", "[]"]
    )
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
CREATE_KEYS = [*pothole(), "citizen_id", "created_at", "due_at", "agent", *LOCATION_KEYS]


def mangled(base: dict[str, Any], keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """The base with some of its keys replaced by anything, and some extra keys."""
    return st.fixed_dictionaries({}, optional={k: values for k in keys}).map(
        lambda changes: {**base, **changes}
    )


def operations(station: int | None) -> st.SearchStrategy[dict[str, Any]]:
    target = st.sampled_from([case_number(station, 999_000), "26-011-000001-0", "x"])
    create = mangled(pothole(), CREATE_KEYS).map(lambda d: ("request.create", d))
    update = st.dictionaries(st.sampled_from([*EDITABLE, "case_number"]), values, max_size=4).map(
        lambda f: ("request.update", {"fields": f})
    )
    note = values.map(lambda v: ("request.note", {"text": v}))
    link = values.map(lambda v: ("request.link", {"parent": v}))
    citizen = st.dictionaries(st.sampled_from([*CITIZEN_FIELDS, "x"]), values, max_size=4).map(
        lambda f: ("citizen.upsert", {"fields": f})
    )
    return st.tuples(st.one_of(create, update, note, link, citizen), target, st.integers(0, 5)).map(
        lambda t: {
            "op_id": str(uuid.uuid4()),
            "type": t[0][0],
            "target": t[1],
            "base_revision": t[2],
            "data": t[0][1],
        }
    )


def test_any_operation_gets_an_answer_of_its_own(server: Server) -> None:
    alice = server.agents["alice"]
    headers = {**alice.headers, "Content-Type": "application/json"}
    answers = {"applied", "rejected", "conflict", "forbidden", "not_found"}

    @given(st.lists(operations(alice.station), min_size=1, max_size=4))
    @SETTINGS
    def run(ops: list[dict[str, Any]]) -> None:
        body = json.dumps({"ops": ops}, default=str).encode()
        answer = server.client.post("/api/v1/sync/push", content=body, headers=headers)
        assert answer.status_code in (200, 400, 422), answer.text[:500]
        if answer.status_code == 200:
            assert {r["status"] for r in answer.json()["results"]} <= answers

    run()


FORM_KEYS = [
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "phone",
    "description",
    "media_url",
    "arrondissement",
    "attribute[emplacement]",
    "attribute[taille]",
    "attribute[danger_immediat]",
    "attribute[x][]",
]
form_values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["VOIRIE-NID-DE-POULE", "45.5", "-73.6", "1e400", "nan", "VM", "chaussee"]
)


def test_any_georeport_form_gets_a_spec_answer(server: Server) -> None:
    from app.server.auth import create_api_key

    with server.db.work("admin") as work:
        key = create_api_key(work.session, "fuzz", "admin", work.now)

    @given(st.dictionaries(st.sampled_from(FORM_KEYS), form_values, max_size=8))
    @SETTINGS
    def run(form: dict[str, str]) -> None:
        answer = server.client.post("/open311/v2/requests.json", data={"api_key": key, **form})
        assert answer.status_code in (200, 400, 403, 404), answer.text[:500]
        if answer.status_code != 200:
            assert answer.json()[0]["code"] == answer.status_code

    run()

"""Property-based fuzzing of the whole API from its OpenAPI description (schemathesis):
valid and invalid inputs, anonymous and as an administrator; never a server error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from app.server.app import create_app
from tests.server.conftest import Server

EXAMPLES = 25


def _labels() -> list[str]:
    # The OpenAPI description needs no database.
    spec = create_app(None).openapi()  # type: ignore[arg-type]
    return [
        f"{method.upper()} {path}" for path, methods in spec["paths"].items() for method in methods
    ]


@pytest.mark.parametrize("label", _labels())
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_input_makes_a_server_error(server: Server, label: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", server.client.app)
    operation = schema.find_operation_by_label(label)
    assert operation is not None
    admin = server.agents["admin"].headers

    @given(case=operation.as_strategy(generation_mode=mode), as_admin=st.booleans())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any, as_admin: bool) -> None:
        response = case.call(headers=admin if as_admin else {})
        assert response.status_code < 500, (label, response.status_code, response.text[:500])

    try:
        run()
    except Unsatisfiable:
        pytest.skip("an operation without parameters has no invalid form")

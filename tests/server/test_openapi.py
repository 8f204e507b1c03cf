"""The OpenAPI description tells the truth: every error status a route can give, in the
shape really sent (the sync API's problems, GeoReport v2's error list), with its headers;
and the answers Starlette or an accident would make come in that shape too."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.server import feed, open311
from app.server.app import create_app
from app.server.openapi import ErrorBody, GeoReportError
from tests.server.conftest import Server
from tests.server.factories import op

SPEC = create_app(None).openapi()  # type: ignore[arg-type]
ERROR_BODY = {"$ref": "#/components/schemas/ErrorBody"}
GEOREPORT_ERRORS = {"$ref": "#/components/schemas/GeoReportErrors"}


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, methods in SPEC["paths"].items()
        for method, operation in methods.items()
    ]


def test_no_route_documents_fastapis_validation_error_it_never_sends() -> None:
    assert "HTTPValidationError" not in SPEC["components"]["schemas"]
    assert "ValidationError" not in SPEC["components"]["schemas"]


@pytest.mark.parametrize(("method", "path", "operation"), operations())
def test_every_error_is_documented_in_the_shape_sent(
    method: str, path: str, operation: dict[str, Any]
) -> None:
    answers = operation["responses"]
    errors = {int(code): answer for code, answer in answers.items() if int(code) >= 400}
    # A NUL in the path or query, a body too large, an accident: any route.
    assert {400, 413, 500} <= set(errors), (method, path)
    if path != "/health":  # the only route that never reads the database
        assert 503 in errors
        assert errors[503]["headers"]["Retry-After"]["required"] is True
    for code, answer in errors.items():
        content = answer["content"]
        if path.startswith("/open311/"):
            assert content["application/json"]["schema"] == GEOREPORT_ERRORS, (path, code)
            assert "text/xml" in content
            assert code != 422  # GeoReport v2 answers 400 for an invalid parameter
        else:
            assert content == {"application/json": {"schema": ERROR_BODY}}, (path, code)
    if operation.get("security"):
        assert errors[401]["headers"]["WWW-Authenticate"]["required"] is True


def test_the_sync_api_declares_its_bearer_tokens() -> None:
    assert SPEC["components"]["securitySchemes"] == {
        "HTTPBearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "a token from POST /api/v1/auth/token",
        }
    }
    public = {"POST /api/v1/auth/token", "GET /health"}
    for method, path, operation in operations():
        secured = bool(operation.get("security"))
        assert secured is (path.startswith("/api/") and f"{method} {path}" not in public), path


def test_a_validation_error_comes_as_documented(server: Server) -> None:
    alice = server.agents["alice"]
    bad = {**op("request.note", "x"), "base_revision": True, "op_id": "nope"}
    answer = server.client.post("/api/v1/sync/push", json={"ops": [bad]}, headers=alice.headers)
    assert answer.status_code == 422
    body = ErrorBody.model_validate(answer.json())
    assert {p.field for p in body.problems} == {"ops.0.op_id", "ops.0.base_revision"}
    assert "ops.0.base_revision: expected a whole number" in body.detail
    # GeoReport v2: the error list, in the format the path asks for.
    answer = server.client.get("/open311/v2/requests.json", params={"page": "0"})
    assert answer.status_code == 400
    [error] = [GeoReportError.model_validate(e) for e in answer.json()]
    assert error.code == 400 and error.description.startswith("page: ")
    answer = server.client.get("/open311/v2/requests.xml", params={"page": "0"})
    assert answer.status_code == 400 and answer.headers["content-type"].startswith("text/xml")
    assert "<errors><error><code>400</code><description>page: " in answer.text


def test_whole_numbers_are_json_integers(server: Server) -> None:
    alice = server.agents["alice"]
    note = op("request.note", "26-011-000001-0", {"text": "x"})
    for value, status in ((True, 422), ("1", 422), (1.5, 422), (1.0, 200), (1, 200)):
        ops = [{**note, "op_id": op("x", "x")["op_id"], "base_revision": value}]
        answer = server.client.post("/api/v1/sync/push", json={"ops": ops}, headers=alice.headers)
        assert answer.status_code == status, (value, answer.text)
    login = {"username": "alice", "password": "x", "station": "11", "workstation_id": "ws-1234"}
    answer = server.client.post("/api/v1/auth/token", json=login)
    assert answer.status_code == 422 and answer.json()["problems"][0]["field"] == "station"


def test_an_undeclared_method_gets_405_naming_every_method_of_the_path(server: Server) -> None:
    answer = server.client.request("OPTIONS", "/open311/v2/requests.json")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, POST"
    assert answer.json() == [
        {"code": 405, "description": "method: OPTIONS is not taken here; use GET, POST"}
    ]
    answer = server.client.delete("/api/v1/me", headers=server.agents["alice"].headers)
    assert answer.status_code == 405 and answer.headers["allow"] == "GET"
    assert answer.json()["problems"] == [
        {"field": "method", "message": "DELETE is not taken here; use GET"}
    ]


def _failing(server: Server, monkeypatch: pytest.MonkeyPatch, exc: Exception) -> TestClient:
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(feed, "changes_json", fail)
    monkeypatch.setattr(open311.reads, "_catalogue_changed", fail)
    return TestClient(create_app(server.db), raise_server_exceptions=False)


def test_an_unexpected_error_is_a_clean_500(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _failing(server, monkeypatch, RuntimeError("secret detail of the bug"))
    answer = client.get("/api/v1/sync/changes", headers=server.agents["alice"].headers)
    assert answer.status_code == 500
    body = ErrorBody.model_validate(answer.json())
    assert body.problems[0].field == "server"
    assert "secret" not in answer.text and "Traceback" not in answer.text
    answer = client.get("/open311/v2/discovery.xml")
    assert answer.status_code == 500 and "<code>500</code>" in answer.text
    assert "secret" not in answer.text


def test_an_unavailable_database_is_a_503_to_retry(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = OperationalError("SELECT 1", {}, ConnectionRefusedError("password=hunter2"))
    client = _failing(server, monkeypatch, down)
    answer = client.get("/api/v1/sync/changes", headers=server.agents["alice"].headers)
    assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
    assert ErrorBody.model_validate(answer.json()).problems[0].field == "server"
    assert "hunter2" not in answer.text and "SELECT" not in answer.text
    answer = client.get("/open311/v2/discovery.json")
    assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
    assert answer.json()[0]["code"] == 503


def test_georeport_filters_are_checked_even_when_ids_make_them_moot(server: Server) -> None:
    for params in ({"start_date": "yesterday"}, {"status": "pending"}):
        answer = server.client.get(
            "/open311/v2/requests.json", params={"service_request_id": "x", **params}
        )
        assert answer.status_code == 400, params
        assert answer.json()[0]["description"].startswith(next(iter(params)))

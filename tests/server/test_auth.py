"""Tokens, stations, roles and the shape of refusals on the sync API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from app.server import cli as server_cli
from app.server.models import AuthToken, Station
from tests.server.conftest import PASSWORD, Server, workstation_secret


def test_login_gives_a_bearer_token_stored_hashed(server: Server) -> None:
    answer = server.client.post(
        "/api/v1/auth/token", json={"username": "alice", "password": PASSWORD}
    )
    token = answer.json()["access_token"]
    me = server.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == {"username": "alice", "role": "agent", "station": None, "sequences": {}}
    with server.db.read() as session:
        hashes = [t.token_hash for t in session.query(AuthToken)]
    assert token not in hashes and len(hashes) == 5


def test_wrong_password_and_unknown_user_get_the_same_answer(server: Server) -> None:
    wrong = server.client.post("/api/v1/auth/token", json={"username": "alice", "password": "x"})
    nobody = server.client.post("/api/v1/auth/token", json={"username": "zed", "password": "x"})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json() == nobody.json()


def test_revoked_and_expired_tokens_are_refused(server: Server) -> None:
    alice = server.login("alice")
    assert server.client.post("/api/v1/auth/revoke", headers=alice.headers).status_code == 204
    answer = server.client.get("/api/v1/me", headers=alice.headers)
    assert answer.status_code == 401 and "revoked" in answer.json()["detail"]
    bruno = server.agents["bruno"]
    with server.db.work("test") as work:
        work.session.execute(update(AuthToken).values(expires_at=work.now - timedelta(seconds=1)))
    answer = server.client.get("/api/v1/me", headers=bruno.headers)
    assert answer.status_code == 401 and "expired" in answer.json()["detail"]


def test_missing_or_malformed_authorization(server: Server) -> None:
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer nope"}):
        answer = server.client.get("/api/v1/me", headers=headers)
        assert answer.status_code == 401
        assert answer.json()["problems"][0]["field"] == "Authorization"


def test_a_station_belongs_to_one_workstation(server: Server) -> None:
    body = {
        "username": "bruno",
        "password": PASSWORD,
        "station": 11,
        "workstation_id": "another-workstation",
        "workstation_secret": "x" * 43,
    }
    answer = server.client.post("/api/v1/auth/token", json=body)
    assert answer.status_code == 409
    assert answer.json()["problems"][0]["field"] == "station"
    body["station"] = 950
    assert server.client.post("/api/v1/auth/token", json=body).status_code == 422


def test_knowing_the_workstation_id_is_not_enough_to_take_its_station(server: Server) -> None:
    """alice's station 11 is bound to her workstation's secret: its id alone is refused,
    with or without a secret of one's own."""
    body: dict[str, Any] = {
        "username": "bruno",
        "password": PASSWORD,
        "station": 11,
        "workstation_id": "ws-alice-11",
    }
    answer = server.client.post("/api/v1/auth/token", json=body)
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["field"] == "workstation_secret"
    body["workstation_secret"] = "a-secret-bruno-made-up-for-station-11"
    answer = server.client.post("/api/v1/auth/token", json=body)
    assert answer.status_code == 409, answer.text
    assert "another workstation" in answer.json()["problems"][0]["message"]
    body["workstation_secret"] = workstation_secret("alice", 11)
    assert server.client.post("/api/v1/auth/token", json=body).status_code == 200


def test_a_station_registered_before_secrets_is_bound_at_its_next_login(server: Server) -> None:
    with server.db.work("installer") as work:
        station = work.session.get(Station, 12)
        assert station is not None
        station.secret_hash = None  # as migration 0005 leaves every station
    body = {
        "username": "bruno",
        "password": PASSWORD,
        "station": 12,
        "workstation_id": "ws-bruno-12",
        "workstation_secret": "the-secret-bruno-s-workstation-made-at-last",
    }
    assert server.client.post("/api/v1/auth/token", json=body).status_code == 200
    # From now on the secret binds it: the same id with another secret is refused.
    other = {**body, "workstation_secret": "y" * 40}
    assert server.client.post("/api/v1/auth/token", json=other).status_code == 409
    assert server.client.post("/api/v1/auth/token", json=body).status_code == 200


def test_a_released_station_is_taken_by_the_next_workstation(server: Server) -> None:
    url = server.db.url
    assert server_cli.main(["--database-url", url, "release-station", "11"]) == 0
    body = {
        "username": "bruno",
        "password": PASSWORD,
        "station": 11,
        "workstation_id": "a-new-workstation-for-11",
        "workstation_secret": "the-new-workstation-s-own-secret-0011",
    }
    assert server.client.post("/api/v1/auth/token", json=body).status_code == 200
    assert server_cli.main(["--database-url", url, "release-station", "950"]) == 2


def test_authorisation_matrix(server: Server) -> None:
    account = {"username": "nadia", "password": PASSWORD, "role": "agent"}
    cases = [
        ("post", "/api/v1/accounts", account, {"alice": 403, "sophie": 403, "admin": 201}),
        ("post", "/api/v1/api-keys", {"name": "web"}, {"alice": 403, "sophie": 403, "admin": 201}),
        ("delete", "/api/v1/accounts/bruno/tokens", None, {"alice": 403, "admin": 200}),
        ("delete", "/api/v1/accounts/alice/tokens", None, {"alice": 200}),
    ]
    for method, path, body, expected in cases:
        for username, status in expected.items():
            agent = server.login(username)
            kwargs = {"json": body} if body is not None else {}
            answer = server.client.request(method.upper(), path, headers=agent.headers, **kwargs)
            assert answer.status_code == status, (method, path, username, answer.text)


def test_admin_edits_the_catalogue(server: Server) -> None:
    from app.domain.catalogue import catalogue_to_dict
    from app.services.catalogue_files import bundled_catalogue

    body = catalogue_to_dict(bundled_catalogue())
    agent = server.agents["sophie"]
    assert (
        server.client.put("/api/v1/catalogue", json=body, headers=agent.headers).status_code == 403
    )
    admin = server.agents["admin"]
    answer = server.client.put("/api/v1/catalogue", json=body, headers=admin.headers)
    assert answer.status_code == 200 and "0 services added" in answer.json()["report"]
    broken = server.client.put("/api/v1/catalogue", json={"services": 3}, headers=admin.headers)
    assert broken.status_code == 422


def test_bad_bodies_name_the_field(server: Server) -> None:
    headers = {**server.agents["alice"].headers, "Content-Type": "application/json"}
    post = server.client.post
    invalid_json = post("/api/v1/sync/push", content=b'{"ops": [', headers=headers)
    assert invalid_json.status_code == 400
    assert invalid_json.json()["problems"][0]["field"] == "body"
    wrong_type = post("/api/v1/sync/push", json={"ops": "many"}, headers=headers)
    assert wrong_type.status_code == 422 and wrong_type.json()["problems"][0]["field"] == "ops"
    bad_uuid = post(
        "/api/v1/sync/push",
        json={"ops": [{"op_id": "1", "type": "request.note", "target": "x"}]},
        headers=headers,
    )
    assert bad_uuid.json()["problems"][0]["field"] == "ops.0.op_id"
    unknown_type = post(
        "/api/v1/sync/push",
        json={
            "ops": [
                {"op_id": "6f1c1f4e-3c55-4c2b-9d7a-2b1f0c6c9a11", "type": "drop", "target": "x"}
            ]
        },
        headers=headers,
    )
    assert unknown_type.json()["problems"][0]["field"] == "ops.0.type"
    huge = post("/api/v1/sync/push", content=b"x" * (3 * 1024 * 1024), headers=headers)
    assert huge.status_code == 413
    empty = post("/api/v1/sync/push", json={"ops": []}, headers=headers)
    assert empty.status_code == 422


def test_nul_in_path_query_or_credentials_is_a_clear_4xx(server: Server) -> None:
    headers = server.agents["alice"].headers
    path = server.client.get("/api/v1/requests/26%00", headers=headers)
    assert path.status_code == 400 and path.json()["problems"][0]["field"] == "path"
    query = server.client.get("/open311/v2/requests.json?service_code=A%00B")
    assert query.status_code == 400 and query.json()[0]["code"] == 400
    login = server.client.post("/api/v1/auth/token", json={"username": "a\x00", "password": "x"})
    assert login.status_code == 422 and login.json()["problems"][0]["field"] == "username"


def test_a_chunked_body_is_limited_too(server: Server) -> None:
    def chunks():
        yield b'{"ops": ['
        for _ in range(3000):
            yield b'{"op_id": "6f1c1f4e-3c55-4c2b-9d7a-2b1f0c6c9a11", "type": "request.note", ' + (
                b'"target": "x", "data": {"text": "' + b"y" * 1000 + b'"}},'
            )
        yield b"]}"

    headers = {**server.agents["alice"].headers, "Content-Type": "application/json"}
    answer = server.client.post("/api/v1/sync/push", content=chunks(), headers=headers)
    assert answer.status_code == 413
    assert answer.json()["problems"][0]["field"] == "body"


def test_a_routing_change_alone_reaches_the_running_server(server: Server) -> None:
    import copy

    from app.domain.catalogue import catalogue_to_dict
    from app.services.catalogue_files import bundled_catalogue
    from tests.server.factories import create_op

    admin, alice = server.agents["admin"], server.agents["alice"]
    assert (
        server.push(alice, [create_op(alice.station)])[0]["record"]["responsible_unit"] == "TP-VM"
    )  # the catalogue is now cached by the app
    body = catalogue_to_dict(bundled_catalogue())
    changed = copy.deepcopy(body)
    changed["routing"]["rules"] = [
        {**rule, "unit": "CS-311"}
        if rule["arrondissement"] == "VM" and rule["group"] == "voirie"
        else rule
        for rule in changed["routing"]["rules"]
    ]
    assert (
        server.client.put("/api/v1/catalogue", json=changed, headers=admin.headers).status_code
        == 200
    )
    record = server.push(alice, [create_op(alice.station)])[0]["record"]
    assert record["responsible_unit"] == "CS-311"
    bad = copy.deepcopy(body)
    bad["routing"]["timezone"] = "Mars/Olympus"
    answer = server.client.put("/api/v1/catalogue", json=bad, headers=admin.headers)
    assert answer.status_code == 422 and "time zone" in answer.json()["detail"]

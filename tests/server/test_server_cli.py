"""relais-server's commands, as a deployer runs them, and the server itself on loopback."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from app.server.cli import main
from app.server.models import AppliedOp
from tests.server.conftest import PASSWORD, Server
from tests.server.factories import create_op


def run(monkeypatch: pytest.MonkeyPatch, url: str, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--database-url", url, *args])


def test_deployer_commands(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            monkeypatch,
            database_url,
            "create-agent",
            "marie",
            "--role",
            "admin",
            stdin=PASSWORD + "\n",
        )
        == 0
    )
    assert run(monkeypatch, database_url, "create-agent", "luc", stdin="court\n") == 2
    assert "at least 10 characters" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "create-agent", "marie", stdin=PASSWORD + "\n") == 2
    assert "already exists" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "load-catalogue") == 0
    assert "services added" in capsys.readouterr().out
    assert run(monkeypatch, database_url, "load-catalogue") == 0
    assert "0 services added, 0 changed" in capsys.readouterr().out
    assert run(monkeypatch, database_url, "load-articles") == 0
    assert "published" in capsys.readouterr().out
    assert run(monkeypatch, database_url, "create-api-key", "formulaire web") == 0
    assert capsys.readouterr().out.startswith("o311_")


def test_bad_catalogue_folder_is_reported(
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(monkeypatch, database_url, "load-catalogue", str(tmp_path)) == 1
    assert "services.toml" in capsys.readouterr().err


def test_unreachable_database_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert run(monkeypatch, url, "load-catalogue") == 2
    assert "Cannot open the database" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_server_serves_on_loopback(tmp_path: Path) -> None:
    port = free_port()
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.server", "--database-url", url, "--port", str(port)],
        cwd=root,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        # Until it answers, or dies: a start-up on a loaded machine can take many seconds,
        # the deadline is only for one that hangs.
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"{base}/health", timeout=1)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, "relais-server exited at start-up"
                assert time.monotonic() < deadline, "relais-server did not start"
                time.sleep(0.2)
        assert health.json()["status"] == "ok"
        assert httpx.get(f"{base}/open311/v2/discovery.json").status_code == 200
        assert httpx.get(f"{base}/api/v1/me").status_code == 401
    finally:
        proc.terminate()
        proc.communicate(timeout=15)  # reads and closes its stderr pipe


def test_prune_forgets_old_op_results_and_dead_tokens(
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = server.agents["alice"]
    old, recent = create_op(alice.station), create_op(alice.station)
    server.push(alice, [old, recent])
    with server.db.work("test") as work:
        work.session.execute(
            update(AppliedOp)
            .where(AppliedOp.op_id == old["op_id"])
            .values(applied_at=work.now - timedelta(days=200))
        )
    assert server.client.post("/api/v1/auth/revoke", headers=alice.headers).status_code == 204
    assert run(monkeypatch, database_url, "prune", "--keep-days", "30") == 2
    assert run(monkeypatch, database_url, "prune") == 0
    assert "Pruned 1 op results and 1 expired or revoked tokens" in capsys.readouterr().out
    bruno = server.agents["bruno"]
    again = server.push(bruno, [recent])[0]  # still recognised: another account's op
    assert again["status"] == "forbidden"

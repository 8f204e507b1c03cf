"""`relais demo`: the whole chain on one machine. An embedded central store (SQLite, in
a thread of this process, on a free loopback port) with demo agents and data, and the
console logged in to it on its own local store: what a new user needs to see it work."""

from __future__ import annotations

import sys
from pathlib import Path

from app.server.demo import seed_demo
from app.server.embedded import EmbeddedServer
from app.services.workspace import open_workspace
from app.sync.client import Offline, SyncClient
from app.sync.credentials import workstation_id

DEMO_USER, DEMO_STATION = "agent1", "051"


def run_demo(data_dir: Path, lang: str | None = None) -> int:
    central = data_dir / "demo-central"
    console = data_dir / "demo-console"
    central.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{central / 'central.sqlite3'}"
    accounts = seed_demo(database_url)
    server = EmbeddedServer(database_url)
    url = server.start()
    print(
        f"relais demo: central store at {url} (agents: {', '.join(accounts.usernames)}; "
        f"password: {accounts.password}); console data in {console}",
        file=sys.stderr,
    )
    try:
        workspace = open_workspace(console)
        try:
            if workspace.profile is None:
                workspace.set_profile(DEMO_STATION, DEMO_USER, "311")
            station = workspace.profile.station if workspace.profile else int(DEMO_STATION)
        finally:
            workspace.close()
        client = SyncClient(url)
        try:
            session = client.login(DEMO_USER, accounts.password, station, workstation_id(console))
        except Offline as exc:
            print(f"relais demo: the embedded store does not answer: {exc}", file=sys.stderr)
            return 1
        finally:
            client.close()
        from app.ui.main import run_gui  # Qt only once the store is up

        return run_gui(console, lang=lang, server=url, session=session)
    finally:
        server.stop()

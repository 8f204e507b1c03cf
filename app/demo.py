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
from app.sync.credentials import workstation

# Who the console signs in as, with the station of that user's own demo workstation.
DEMO_USERS = {"agent1": "051", "agent2": "052", "superviseur": "053"}


def run_demo(data_dir: Path, lang: str | None = None, user: str = "agent1") -> int:
    central = data_dir / "demo-central"
    # One console folder per user: a station code belongs to one workstation.
    console = data_dir / ("demo-console" if user == "agent1" else f"demo-console-{user}")
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
                workspace.set_profile(DEMO_USERS[user], user, "311")
            station = workspace.profile.station if workspace.profile else int(DEMO_USERS[user])
        finally:
            workspace.close()
        client = SyncClient(url)
        try:
            session = client.login(user, accounts.password, station, workstation(console))
        except Offline as exc:
            print(f"relais demo: the embedded store does not answer: {exc}", file=sys.stderr)
            return 1
        finally:
            client.close()
        from app.ui.main import run_gui  # Qt only once the store is up

        # The embedded store's port changes at each demo: a later `relais` must not try it.
        return run_gui(console, lang=lang, server=url, session=session, remember_server=False)
    finally:
        server.stop()

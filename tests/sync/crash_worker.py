"""A console that saves and syncs in a loop until it is killed: the subject of test_crash.py.

    python tests/sync/crash_worker.py DATA_DIR SERVER_URL USER PASSWORD STATION WORKSTATION SEED

It opens the console's store in DATA_DIR, logs in, then forever: saves a new request
locally, prints "saved <case number>" (only once the save has committed: a printed case is
one the console promised the agent), and runs one sync round. It prints "ready" once logged
in, so the parent can aim its kill at the save/push/pull loop rather than at start-up.

Run as a script, not imported by pytest: it imports only what the loop needs, because the
parent starts it hundreds of times and Python's start-up is most of each iteration.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

# Run as `python tests/sync/crash_worker.py`: the repository root is not on sys.path then.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.services import replica
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import open_workspace
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine


def pothole(n: int) -> Draft:
    # Phone numbers have four digits here: wrap so that a long run stays valid.
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number=str(1000 + n % 100_000),
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft(f"Citoyen {n}", f"514 555 {n % 10_000:04d}", "", "fr"),
    )


def main(argv: list[str]) -> None:
    data_dir, url, user, password, station, workstation, seed = argv
    workspace = open_workspace(Path(data_dir), load_bundled=False)
    if workspace.profile is None:
        workspace.set_profile(station, user, "311")
    client = SyncClient(url)
    client.login(user, password, int(station), workstation)
    # As SyncEngine.run does before its first round: without it the cursor is not used and
    # every round would read the whole feed again.
    replica.follow_server(workspace.store, client.base_url)
    engine = SyncEngine(workspace, client)
    print("ready", flush=True)
    n = int(seed)
    while True:
        saved = workspace.save_request(pothole(n), None)
        # After the commit, never before: the parent holds the console to every line.
        print(f"saved {saved.case_number}", flush=True)
        asyncio.run(engine.sync_once())
        n += 1


if __name__ == "__main__":
    main(sys.argv[1:])

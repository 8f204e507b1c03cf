"""A console that saves and syncs in a loop until it is killed: the subject of test_crash.py.

    python tests/sync/crash_worker.py DATA_DIR SERVER_URL USER PASSWORD STATION WORKSTATION SEED
    python tests/sync/crash_worker.py --zygote

With --zygote it imports everything once, then reads one argument line per run on stdin
and forks a worker for it (Python's start-up, most of each iteration, is paid once): it
prints "pid N" for each child, and, once the child is dead, "dead N" on a line of its own.

It opens the console's store in DATA_DIR, logs in, then forever: saves a new request
locally, prints "saved <case number>" (only once the save has committed: a printed case is
one the console promised the agent), and runs one sync round. It prints "ready" once logged
in, so the parent can aim its kill at the save/push/pull loop rather than at start-up.

Run as a script, not imported by pytest: it imports only what the loop needs, because the
parent starts it hundreds of times and Python's start-up is most of each iteration.
"""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date
from pathlib import Path

# Run as `python tests/sync/crash_worker.py`: the repository root is not on sys.path then.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.workdays import is_business_day
from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import Workstation
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
    client.login(user, password, int(station), Workstation(workstation, workstation * 3))
    engine = SyncEngine(workspace, client)
    print("ready", flush=True)
    n = int(seed)
    while True:
        saved = workspace.save_request(pothole(n), None)
        # After the commit, never before: the parent holds the console to every line.
        print(f"saved {saved.case_number}", flush=True)
        asyncio.run(engine.sync_once())
        n += 1


def zygote() -> None:
    # What a save loads on first use is loaded here, once, for every child: the holidays
    # package imports every country's calendar (most of a second, far more on a loaded
    # machine) the first time the routing asks whether today is a business day. Paid by
    # each child after "ready", it ate the whole kill delay and no save was ever promised.
    is_business_day(date.today())
    for line in sys.stdin:
        args = line.split()
        if not args:
            continue
        pid = os.fork()
        if pid == 0:  # the worker: it runs until the parent kills it
            try:
                main(args)
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        os.waitpid(pid, 0)
        # On a line of its own: the child may have died in the middle of one.
        print(f"\ndead {pid}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--zygote"]:
        zygote()
    else:
        main(sys.argv[1:])

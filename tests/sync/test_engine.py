"""The sync engine against the real central store on loopback, over real SQLite stores:
work done offline arrives once, colleagues' work comes back, notes from both are kept."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.sync.engine import OFFLINE, ONLINE, SyncEngine

POTHOLE = "VOIRIE-NID-DE-POULE"


def pothole(n: int) -> Draft:
    return Draft(
        service_code=POTHOLE,
        channel="phone",
        civic_number=str(1000 + n),
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft(f"Citoyen {n}", f"514 555 {n:04d}", "", "fr"),
    )


class Console:
    """One workstation: its store, its client and its engine."""

    def __init__(self, data_dir: Path, url: str, user: str, station: str) -> None:
        self.workspace: Workspace = open_workspace(data_dir, load_bundled=False)
        self.workspace.set_profile(station, user, "311")
        self.client = SyncClient(url)
        self.client.login(user, "demo", int(station), workstation(data_dir))
        self.engine = SyncEngine(self.workspace, self.client)

    def sync(self) -> Any:
        ok, _ = asyncio.run(self.engine.sync_once())
        return ok

    def close(self) -> None:
        self.engine.close()
        self.client.close()
        self.workspace.close()


@pytest.fixture
def consoles(tmp_path: Path, live_server: Any) -> Iterator[list[Console]]:
    made = [
        Console(tmp_path / "a", live_server.url, "agent1", "021"),
        Console(tmp_path / "b", live_server.url, "agent2", "022"),
    ]
    yield made
    for console in made:
        console.close()


def server_case(client: SyncClient, case_number: str) -> dict[str, Any]:
    return client._call("GET", f"/requests/{case_number}")  # type: ignore[no-any-return]


def test_work_done_while_the_server_is_down_arrives_once(
    consoles: list[Console], live_server: Any
) -> None:
    a = consoles[0]
    live_server.stop()
    saved = [a.workspace.save_request(pothole(n), None).case_number for n in range(5)]
    assert not a.sync()
    assert a.engine.status.state == OFFLINE and a.engine.status.pending == 10
    live_server.restart()
    assert a.sync()
    assert a.engine.status.state == ONLINE and a.engine.status.pending == 0
    for case_number in saved:
        record = server_case(a.client, case_number)
        assert record["case_number"] == case_number
    assert a.sync()  # nothing left: a second round sends nothing twice
    detail = a.workspace.case_detail(saved[0])
    assert detail is not None and detail.synced


def test_a_colleagues_case_comes_back_and_both_notes_are_kept(consoles: list[Console]) -> None:
    a, b = consoles
    case_number = a.workspace.save_request(pothole(7), None).case_number
    assert a.sync()
    assert b.sync()
    mirrored = b.workspace.case_detail(case_number)
    assert mirrored is not None and mirrored.summary.service_code == POTHOLE
    assert [c.name for c in mirrored.citizens] == ["Citoyen 7"]
    b.workspace.add_note(case_number, "Note de B")
    a.workspace.add_note(case_number, "Note de A")
    assert b.sync() and a.sync() and b.sync()
    for console in (a, b):
        detail = console.workspace.case_detail(case_number)
        assert detail is not None
        notes = [e.data["text"] for e in detail.events if e.kind == "note"]
        assert sorted(notes) == ["Note de A", "Note de B"]


def test_a_new_workstation_downloads_everything_page_by_page(
    consoles: list[Console], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.sync.engine as engine_module

    monkeypatch.setattr(engine_module, "PULL_PAGE", 40)
    a = consoles[0]
    seen: list[tuple[int, int, int]] = []
    a.engine._on_status = lambda s: seen.append(
        (s.download_done, s.download_total, s.download_bytes)
    )
    assert a.sync()
    progress = [entry for entry in seen if entry[1]]
    assert len(progress) >= 3  # several pages, each reported
    assert all(done <= total for done, total, _ in progress)
    assert progress[-1][2] > progress[0][2] > 0  # bytes grow
    assert seen[-1] == (0, 0, 0)  # done: the bar goes away
    assert a.workspace.article_count() > 100  # the knowledge base came with the feed
    assert a.workspace.find_cases("26-990-000001").kind == "case_number"
    assert a.sync() and a.engine.status.pulled == 0  # the cursor held: nothing twice


def test_the_catalogue_follows_the_central_store(consoles: list[Console], live_server: Any) -> None:
    import dataclasses

    from app.server.catalogue_store import store_catalogue
    from app.server.db import open_database
    from app.services.catalogue_files import bundled_catalogue

    a = consoles[0]
    assert a.sync()
    assert set(a.workspace.catalogue.services) == set(bundled_catalogue().services)
    bundled = bundled_catalogue()
    fewer = dataclasses.replace(
        bundled,
        services={c: s for c, s in bundled.services.items() if c != "VOIRIE-LAMPADAIRE"},
    )
    db = open_database(live_server.db_url)
    try:
        with db.work("admin") as work:
            store_catalogue(work, fewer)
    finally:
        db.close()
    assert a.sync()
    assert "VOIRIE-LAMPADAIRE" not in a.workspace.catalogue.services  # at once
    reopened = open_workspace(a.workspace.data_dir, load_bundled=False)
    try:
        assert "VOIRIE-LAMPADAIRE" not in reopened.catalogue.services  # and offline later
    finally:
        reopened.close()

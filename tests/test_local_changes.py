"""The store announces, after the commit, each unit of work that queued (or withdrew) an
operation for the central store, whichever thread saved it; nothing else."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.models import OutboxOp
from app.services.intake import Draft
from app.services.meta import set_meta
from app.services.workspace import Workspace, open_workspace


def pothole() -> Draft:
    return Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number="201",
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "oui"},
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "console", load_bundled=False)
    ws.set_profile("061", "agent1", "311")
    yield ws
    ws.close()


def test_a_save_in_a_worker_thread_is_announced_after_its_commit(workspace: Workspace) -> None:
    heard: list[tuple[str, int]] = []

    def listener() -> None:  # the save's thread, after the commit: the op is readable
        with workspace.store.session() as session:
            count = session.query(OutboxOp).count()
        heard.append((threading.current_thread().name, count))

    workspace.store.on_local_change(listener)
    saver = threading.Thread(target=workspace.save_request, args=(pothole(), None), name="saver")
    saver.start()
    saver.join()
    assert heard == [("saver", 1)]


def test_a_commit_that_queues_nothing_or_is_rolled_back_is_not_announced(
    workspace: Workspace,
) -> None:
    heard: list[str] = []
    workspace.store.on_local_change(lambda: heard.append("heard"))
    with workspace.store.writing() as session:
        set_meta(session, "cursor", "42")  # the sync's bookkeeping: no news
    with pytest.raises(RuntimeError), workspace.store.writing() as session:
        session.add(
            OutboxOp(
                op_id="rolled-back",
                type="request.note",
                target="26-061-000001-0",
                base_revision=0,
                data={"text": "x"},
                created_at=datetime.now(UTC),
                state="pending",
                attempts=0,
                answer=None,
            )
        )
        session.flush()
        raise RuntimeError("the unit of work fails after its flush")
    assert heard == []


def test_a_failing_listener_neither_fails_the_save_nor_deafens_the_others(
    workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    heard: list[str] = []

    def broken() -> None:
        raise KeyError("Marie Tremblay 514 555-0123")

    workspace.store.on_local_change(broken)
    stop = workspace.store.on_local_change(lambda: heard.append("heard"))
    saved = workspace.save_request(pothole(), None)
    assert saved.case_number
    assert heard == ["heard"]
    assert "KeyError" in caplog.text and "Marie" not in caplog.text
    stop()
    workspace.save_request(pothole(), None)
    assert heard == ["heard"]  # unsubscribed

"""No case number twice, ever: a store blanked, damaged or restored from an old copy, and a
data folder that never numbered for its station, on real SQLite files."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.case_numbers import parse_case_number
from app.domain.validation import ValidationError
from app.models import OutboxOp
from app.models.salvage import mark_path
from app.services import intake, sequences
from app.services.workspace import KnownStoreError, Workspace, open_workspace
from tests.test_intake import OFFICE, draft

STORE = "relais.sqlite3"


def open_ws(data: Path, recover: bool = False) -> Workspace:
    ws = open_workspace(data, load_bundled=False, recover=recover)
    if ws.profile is None:
        ws.set_profile("011", "alice", "311")  # as the agent does again at first start
    return ws


def save(ws: Workspace, *, central: bool = False, service: str = "COLL-BAC") -> str:
    assert ws.profile is not None
    saved = intake.save(ws.store, ws.catalogue, ws.profile, draft(service), OFFICE, central=central)
    return saved.case_number


def sequence(case_number: str) -> int:
    return parse_case_number(case_number).sequence


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"


def test_a_blanked_store_never_gives_a_number_twice(data: Path) -> None:
    ws = open_ws(data)
    given = [save(ws) for _ in range(3)]
    ws.close()
    (data / STORE).write_bytes(b"")  # truncated to 0 bytes

    # Not silently replaced: the command line refuses it, naming the fix.
    with pytest.raises(KnownStoreError) as caught:
        open_workspace(data, load_bundled=False)
    assert caught.value.kind == "damaged"
    assert "the file is empty" in str(caught.value) and "Start the console" in str(caught.value)

    # The console sets it aside, says so, and starts a new store.
    ws = open_ws(data, recover=True)
    try:
        assert ws.recovered is not None
        assert ws.recovered.reason == "the file is empty"
        assert ws.recovered.copy.exists() and ws.recovered.copy.stat().st_size == 0
        assert ws.recovered.copy.name.startswith(f"{STORE}.damaged-")
        after = save(ws)
    finally:
        ws.close()
    assert after not in given
    assert sequence(after) == 4


def test_a_store_restored_from_an_old_copy_numbers_above_what_was_given(
    data: Path, tmp_path: Path
) -> None:
    ws = open_ws(data)
    first = save(ws)
    ws.close()
    shutil.copyfile(data / STORE, tmp_path / "backup.sqlite3")
    ws = open_ws(data)
    given = [first, save(ws), save(ws)]
    ws.close()
    shutil.copyfile(tmp_path / "backup.sqlite3", data / STORE)  # the old copy is back

    ws = open_ws(data)
    try:
        assert ws.recovered is None  # a sound file: nothing to set aside
        after = [save(ws), save(ws)]
    finally:
        ws.close()
    assert not set(after) & set(given)
    assert [sequence(n) for n in after] == [4, 5]


def test_the_ledger_holds_each_number_before_its_save_commits(data: Path) -> None:
    ws = open_ws(data)
    try:
        number = save(ws)
        ledger = json.loads((data / sequences.LEDGER_FILE).read_text("utf-8"))
    finally:
        ws.close()
    assert ledger == {"stations": {"011": {"2026": sequence(number)}}}


def test_a_ledger_lost_is_rebuilt_from_the_store(data: Path) -> None:
    ws = open_ws(data)
    save(ws)
    save(ws)
    ws.close()
    (data / sequences.LEDGER_FILE).unlink()
    ws = open_ws(data)
    ws.close()
    assert sequences.read_ledger(data / sequences.LEDGER_FILE) == {(11, 2026): 2}


def test_a_damaged_store_is_set_aside_with_its_unsent_work(data: Path) -> None:
    ws = open_ws(data)
    given = [save(ws) for _ in range(2)]
    with ws.store.session() as session:
        unsent = [(op.op_id, op.type) for op in session.scalars(select(OutboxOp))]
    ws.close()
    assert len(unsent) == 4  # a new citizen and a request, twice
    # Damage the requests table's pages: the file opens, the outbox stays readable.
    with sqlite3.connect(data / STORE) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'requests'").fetchone()
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with (data / STORE).open("r+b") as raw:
        raw.seek((root[0] - 1) * page_size)
        raw.write(b"\xa5" * page_size)

    ws = open_ws(data)
    with pytest.raises(KnownStoreError) as caught:
        ws.find_cases(given[0])
    ws.close()
    assert caught.value.kind == "damaged"
    assert mark_path(data / STORE).exists()  # the next start will not trust it

    ws = open_ws(data, recover=True)
    try:
        assert ws.recovered is not None
        assert ws.recovered.reason == "a damaged page was met while it was in use"
        assert ws.profile is not None and ws.profile.agent == "alice"  # read back
        with ws.store.session() as session:
            kept = [(op.op_id, op.type) for op in session.scalars(select(OutboxOp))]
        assert kept == unsent  # the same op_ids: a replay is harmless
        after = save(ws)
    finally:
        ws.close()
    assert sequence(after) == 3
    assert not mark_path(data / STORE).exists()


def test_a_new_data_folder_waits_for_the_central_mark_before_numbering(data: Path) -> None:
    ws = open_ws(data)
    try:
        with pytest.raises(ValidationError) as caught:
            save(ws, central=True)
        assert [(p.field, p.code) for p in caught.value.problems] == [
            ("station", "station_unconfirmed")
        ]
        ws.learn_station_marks(11, {2026: 41, 2025: 900})
        assert sequence(save(ws, central=True)) == 42
    finally:
        ws.close()


def test_a_station_new_everywhere_numbers_from_one_once_the_central_store_says_so(
    data: Path,
) -> None:
    ws = open_ws(data)
    try:
        ws.learn_station_marks(11, {})  # the central store has nothing from station 011
        assert sequence(save(ws, central=True)) == 1
    finally:
        ws.close()


def test_the_central_mark_only_ever_raises_the_sequence(data: Path) -> None:
    ws = open_ws(data)
    try:
        assert [sequence(save(ws)) for _ in range(3)] == [1, 2, 3]
        ws.learn_station_marks(11, {2026: 2})  # behind: ignored
        assert sequence(save(ws)) == 4
        ws.learn_station_marks(11, {2026: 100})  # another copy of this store numbered more
        assert sequence(save(ws)) == 101
    finally:
        ws.close()


def test_a_local_only_console_numbers_a_new_station_from_one(data: Path) -> None:
    ws = open_ws(data)
    try:
        assert sequence(save(ws)) == 1
    finally:
        ws.close()

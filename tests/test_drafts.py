"""Drafts in the local store: one per form, replaced as the agent types, gone when the
form is saved or emptied, and still there after the store is closed and opened again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.services import drafts
from app.services.workspace import open_workspace


def test_a_draft_survives_closing_the_store_and_is_replaced_then_removed(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path, load_bundled=False)
    assert ws.form_draft() is None
    ws.save_form_draft({"description": "Trou", "citizen": {"name": "Jean"}})
    ws.save_form_draft({"description": "Trou profond", "citizen": {"name": "Jean"}})
    ws.close()

    again = open_workspace(tmp_path, load_bundled=False)
    try:
        saved = again.form_draft()
        assert saved is not None
        assert saved.data == {"description": "Trou profond", "citizen": {"name": "Jean"}}
        assert saved.saved_at.tzinfo is not None
        with again.store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM drafts").scalar() == 1
        again.clear_form_draft()
        again.clear_form_draft()  # nothing left: no error
        assert again.form_draft() is None
    finally:
        again.close()


def test_only_plain_json_goes_in(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path, load_bundled=False)
    try:
        now = datetime.now(UTC)
        with pytest.raises(TypeError):
            drafts.save_draft(ws.store, drafts.REQUEST_FORM, {"when": now}, now)
        assert ws.form_draft() is None  # nothing half-written
        kept = drafts.save_draft(ws.store, "other_form", {"n": 1, "list": ["a"]}, now)
        assert kept.data == {"n": 1, "list": ["a"]}
        assert ws.form_draft() is None  # each form its own draft
    finally:
        ws.close()

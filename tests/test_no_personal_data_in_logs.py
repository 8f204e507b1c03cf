"""Personal data never goes to logs: a request saved with its citizen, a citizen lookup
and sync rounds with the real central store on loopback, all with every logger at DEBUG,
and not one record carries the citizen's name, phone or e-mail."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest

from app.services.citizens import CitizenDraft
from app.services.intake import Draft
from app.services.workspace import open_workspace
from app.sync.client import SyncClient
from app.sync.credentials import workstation
from app.sync.engine import SyncEngine
from tests.sync.conftest import (  # noqa: F401 - the fixtures this test runs on
    database_url,
    demo_database_url,
    demo_template,
    live_server,
)

NAME = "Éloïse Quenneville-Dubé"
PHONE = "438 555 0177"
EMAIL = "eloise.quenneville@exemple.ca"
# Every spelling the store, the outbox and the wire use.
SECRETS = (NAME, "Quenneville", "555-0177", "5550177", "555 0177", EMAIL, "eloise.quenneville")


def every_text(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), str(record.args), record.exc_text or "", record.stack_info or ""]
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """DEBUG at the root, as an operator turning on debug logging would; loggers that do
    not propagate are listened to directly."""
    caplog.set_level(logging.DEBUG)
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):
            caplog.set_level(logging.DEBUG, logger=name)  # restored after the test
            if not logger.propagate:
                logger.addHandler(caplog.handler)
    return caplog


def test_a_citizens_data_never_reaches_a_log(
    tmp_path: Path,
    live_server: Any,  # noqa: F811 - the fixture imported above
    all_logs: pytest.LogCaptureFixture,
) -> None:
    workspace = open_workspace(tmp_path / "a", load_bundled=False)
    colleague = open_workspace(tmp_path / "b", load_bundled=False)
    clients: list[SyncClient] = []
    try:
        workspace.set_profile("051", "agent1", "311")
        colleague.set_profile("052", "agent2", "311")
        draft = Draft(
            service_code="COLL-BAC",
            channel="phone",
            civic_number="4321",
            street="rue Rachel Est",
            arrondissement="PMR",
            attributes={"type_bac": "recyclage", "probleme": "vole"},
            new_citizen=CitizenDraft(NAME, PHONE, EMAIL, "fr"),
        )
        saved = workspace.save_request(draft, None)
        assert saved.citizen_id is not None
        assert [m.name for m in workspace.lookup_citizens("438 555 0177")] == [NAME]
        assert [m.name for m in workspace.lookup_citizens("eloise.q")] == [NAME]
        workspace.edit_citizen(saved.citizen_id, {"address": "4321 rue Rachel Est"})
        for ws, user, station in ((workspace, "agent1", 51), (colleague, "agent2", 52)):
            client = SyncClient(live_server.url)
            clients.append(client)
            client.login(user, "demo", station, workstation(ws.data_dir))
            ok, _ = asyncio.run(SyncEngine(ws, client).sync_once())
            assert ok
        # The colleague's console received the citizen: the data did travel.
        assert [m.name for m in colleague.lookup_citizens("438 555 0177")] == [NAME]
        assert colleague.case_detail(saved.case_number) is not None
    finally:
        for client in clients:
            client.close()
        workspace.close()
        colleague.close()
    assert all_logs.records, "nothing was logged: the capture is not listening"
    leaks = [
        f"{record.name}: {every_text(record)[:300]}"
        for record in all_logs.records
        if any(secret.lower() in every_text(record).lower() for secret in SECRETS)
    ]
    assert not leaks, "\n".join(leaks)

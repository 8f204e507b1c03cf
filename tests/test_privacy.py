"""Citizens cached on a shared workstation go once no one has used them for the retention
period, never while pending work names them; the purge runs once a day. Real stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select, update

from app.models import CaseCitizen, Citizen, OutboxOp, ServiceRequest
from app.services import intake, privacy
from app.services.citizens import CitizenDraft, edit_citizen
from app.services.intake import Draft
from app.services.workspace import Workspace, open_workspace

MTL = ZoneInfo("America/Montreal")
JAN = datetime(2026, 1, 12, 10, 0, tzinfo=MTL)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data", load_bundled=False)
    workspace.set_profile("031", "agent-test", "311")
    yield workspace
    workspace.close()


def report(ws: Workspace, name: str, phone: str, now: datetime) -> intake.Saved:
    draft = Draft(
        service_code="VOIRIE-NID-DE-POULE",
        channel="phone",
        civic_number="4321",
        street="rue Rachel Est",
        arrondissement="PMR",
        attributes={"emplacement": "chaussee", "danger_immediat": "non"},
        new_citizen=CitizenDraft(name, phone, "", "fr"),
    )
    assert ws.profile is not None
    return intake.save(ws.store, ws.catalogue, ws.profile, draft, now)


def all_sent(ws: Workspace) -> None:
    """As after a sync round: nothing pending names anyone any more."""
    with ws.store.session() as session:
        session.execute(delete(OutboxOp))


def citizen_names(ws: Workspace) -> list[str]:
    with ws.store.session() as session:
        return sorted(session.scalars(select(Citizen.name)))


def test_a_citizen_unused_for_the_period_goes_and_their_case_stays(ws: Workspace) -> None:
    old = report(ws, "Ancienne Citoyenne", "514 555 0101", JAN)
    report(ws, "Récent Citoyen", "514 555 0102", JAN + timedelta(days=25))
    all_sent(ws)
    removed = privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=40))
    assert removed == 1
    assert citizen_names(ws) == ["Récent Citoyen"]
    with ws.store.session() as session:
        case = session.scalars(
            select(ServiceRequest).where(ServiceRequest.case_number == old.case_number)
        ).one()
        assert case.citizen_id is None
        assert session.scalar(select(func.count()).select_from(CaseCitizen)) == 1


def test_a_citizen_whose_case_moved_recently_stays(ws: Workspace) -> None:
    saved = report(ws, "Suivi Récent", "514 555 0103", JAN)
    all_sent(ws)
    with ws.store.session() as session:  # a status change came back from the city
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.id == saved.request_id)
            .values(updated_at=JAN + timedelta(days=35))
        )
    assert privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=40)) == 0
    assert privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=70)) == 1


def test_a_citizen_edited_recently_stays(ws: Workspace) -> None:
    saved = report(ws, "Modifiée Récemment", "514 555 0104", JAN)
    assert saved.citizen_id is not None
    edit_citizen(ws.store, saved.citizen_id, {"email": "m@exemple.ca"}, JAN + timedelta(days=20))
    all_sent(ws)
    assert privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=40)) == 0
    assert citizen_names(ws) == ["Modifiée Récemment"]


def test_a_citizen_named_by_pending_work_stays_until_it_is_sent(ws: Workspace) -> None:
    report(ws, "En Attente", "514 555 0105", JAN)
    later = JAN + timedelta(days=200)
    assert privacy.purge_stale_citizens(ws.store, 30, later) == 0
    assert citizen_names(ws) == ["En Attente"]
    all_sent(ws)
    assert privacy.purge_stale_citizens(ws.store, 30, later) == 1
    assert citizen_names(ws) == []


def test_the_purge_is_due_once_a_day(ws: Workspace) -> None:
    assert privacy.purge_due(ws.store, JAN)
    privacy.purge_stale_citizens(ws.store, 30, JAN)
    assert not privacy.purge_due(ws.store, JAN + timedelta(hours=23))
    assert privacy.purge_due(ws.store, JAN + timedelta(hours=24))


def test_the_workspace_purges_only_when_due(ws: Workspace) -> None:
    report(ws, "Très Ancien", "514 555 0106", datetime(2020, 1, 6, 10, 0, tzinfo=MTL))
    all_sent(ws)
    assert ws.purge_if_due(30) == 1
    assert ws.purge_if_due(30) is None  # the same day: not again


def test_drafts_go_with_the_citizens_cleared_and_after_the_period(ws: Workspace) -> None:
    """A half-typed request holds a caller's name and number: logging out and clearing
    removes it, and the daily purge removes one older than the period."""
    from app.services import drafts

    drafts.save_draft(ws.store, drafts.REQUEST_FORM, {"name": "Luc Gagnon"}, JAN)
    privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=29))
    assert drafts.load_draft(ws.store, drafts.REQUEST_FORM) is not None
    privacy.purge_stale_citizens(ws.store, 30, JAN + timedelta(days=31))
    assert drafts.load_draft(ws.store, drafts.REQUEST_FORM) is None
    drafts.save_draft(ws.store, drafts.REQUEST_FORM, {"name": "Luc Gagnon"}, JAN)
    ws.clear_cached_citizens()
    assert drafts.load_draft(ws.store, drafts.REQUEST_FORM) is None

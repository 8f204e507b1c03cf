"""A case's detail texts are pure functions: read here without a widget or an application."""

from __future__ import annotations

from datetime import UTC, datetime

from app.services.case_lookup import CaseDetail, CaseSummary, CitizenBrief, EventView
from app.ui.cases.case_render import (
    citizens_html,
    fact_texts,
    sync_badge,
    timeline_html,
    unit_name,
)

AT = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


def _detail(events: tuple[EventView, ...] = (), **changes: object) -> CaseDetail:
    summary = CaseSummary(
        id="c1",
        case_number="26-042-000017-3",
        service_code="NIDPOULE",
        service_name="Nid-de-poule",
        nature="request",
        status="transmise",
        channel="phone",
        created_at=AT,
        due_at=None,
        overdue=False,
        civic_number="1200",
        street="rue Sainte-Catherine",
        arrondissement="VM",
    )
    fields: dict[str, object] = {
        "summary": summary,
        "description": "Trou profond",
        "attributes": {},
        "postal_code": "H3B 1K1",
        "responsible_unit": "TP-VM",
        "handled_by": "",
        "agent": "agent1",
        "status_notes": "",
        "parent_case_number": None,
        "citizens": (),
        "events": events,
    }
    fields.update(changes)
    return CaseDetail(**fields)  # type: ignore[arg-type]


def test_timeline_escapes_what_was_typed_and_names_the_events() -> None:
    events = (
        EventView("created", "agent1", AT, {"channel": "phone"}),
        EventView("note", "agent1", AT, {"text": "<b>urgent</b>\nrappeler"}),
        EventView("status", "agent2", AT, {"from": "transmise", "to": "terminee"}),
    )
    page = timeline_html(_detail(events), "fr", None)
    assert "Demande créée" in page and "Canal : Téléphone" in page
    assert "&lt;b&gt;urgent&lt;/b&gt;<br>rappeler" in page  # the note is text, not markup
    assert "Transmise pour traitement → Terminée" in page
    assert "Completed" in timeline_html(_detail(events), "en", None)


def test_a_case_without_events_or_citizens_says_so() -> None:
    assert timeline_html(_detail(), "fr", None) == "Aucun événement."
    assert citizens_html(()) == "Aucun : signalement anonyme."
    brief = CitizenBrief("p1", "Ann <Lee>", "514-555-0101", "", "fr")
    assert citizens_html((brief,)) == "<b>Ann &lt;Lee&gt;</b> · 514-555-0101"


def test_facts_fall_back_to_codes_without_a_catalogue() -> None:
    facts = fact_texts(_detail(), "fr", None)
    assert facts["address"] == "1200 rue Sainte-Catherine · H3B 1K1"
    assert facts["unit"] == "TP-VM" and facts["arrondissement"] == "VM"
    assert facts["status"] == "Transmise pour traitement" and facts["due"] == "—"
    assert unit_name(None, "", "fr", "Voirie") == "Voirie"
    assert sync_badge(_detail()) == "Pas encore transmis au stockage central"
    assert sync_badge(_detail(revision=3)) == ""

"""What an anonymous Open311 reader may see of a request (app/server/open311/public.py), on
its own: a request full of personal data, rendered as JSON and XML, keeps none of it.
test_open311.py checks the same through the endpoints; this one pins the rules down."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from app.server.catalogue_store import CatalogueState
from app.server.models import ServiceRequest
from app.server.open311.formats import to_xml
from app.server.open311.public import PUBLIC_COLUMNS, Links, public_records
from app.services.catalogue_files import bundled_catalogue

SECRETS = (
    "Gisèle",
    "Ouellette",
    "514 555-0177",
    "555-0177",
    "gisele@example.org",
    "98761",
    "H2X 3K8",
    "3K8",
    "porte arrière",
    "très inquiète",
    "alice",
    "sophie",
    "5178912",
    "5678123",
    "citizen-uuid-0001",
    "EXT-7781",
)


def _state() -> CatalogueState:
    catalogue = bundled_catalogue()
    return CatalogueState("1", dict(catalogue.services), {}, catalogue.routing)


def _request(source: str, street: str) -> ServiceRequest:
    """A request with every personal field filled, as an agent or a client would."""
    now = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
    return ServiceRequest(
        id="7f1c1f4e-3c55-4c2b-9d7a-2b1f0c6c9a11",
        case_number="26-001-00042",
        external_id="EXT-7781",
        source=source,
        service_code="VOIRIE-NID-DE-POULE",
        service_name="Nid-de-poule",
        nature="request",
        channel="phone",
        status="transmise",
        status_notes="Rappeler Gisèle Ouellette au 514 555-0177",
        description="Gisèle Ouellette, 514 555-0177, gisele@example.org, porte arrière",
        attributes={"note": "très inquiète", "contact": "gisele@example.org"},
        civic_number="98761",
        street=street,
        postal_code="H2X 3K8",
        arrondissement="PMR",
        lat=45.5178912,
        long=-73.5678123,
        citizen_id="citizen-uuid-0001",
        agent="alice",
        responsible_unit="TP-PMR",
        handled_by="sophie",
        parent_id=None,
        created_at=now,
        due_at=now,
        updated_at=now,
        updated_by="sophie",
        revision=3,
        field_revisions={"description": 2},
    )


@pytest.mark.parametrize(
    ("source", "street", "address"),
    [
        ("console", "rue Saint-Denis", "rue Saint-Denis, Le Plateau-Mont-Royal"),
        ("console", "98761 rue Saint-Denis", "rue Saint-Denis, Le Plateau-Mont-Royal"),
        ("georeport", "Gisèle Ouellette, 98761 rue Saint-Denis", "Le Plateau-Mont-Royal"),
    ],
)
def test_no_personal_data_reaches_an_anonymous_reader(
    source: str, street: str, address: str
) -> None:
    req = _request(source, street)
    links = Links({req.id: "26-001-00041"}, {req.id: ["26-001-00043"]})
    for with_links in (None, links):
        [record] = public_records([req], _state(), with_links)
        for body in (json.dumps(record, ensure_ascii=False), to_xml("request", record)):
            leaked = [secret for secret in SECRETS if secret.lower() in body.lower()]
            assert not leaked, (leaked, body)
        assert record["address"] == address
        assert record["description"] is None and record["media_url"] is None
        assert record["zipcode"] == "H2X"
        assert (record["lat"], record["long"]) == (45.518, -73.568)
    assert record["extended_attributes"]["parent_request_id"] == "26-001-00041"


def test_only_the_public_columns_are_read() -> None:
    """A column added here is shown to anyone: it must be added to this list on purpose."""
    assert sorted(column.key for column in PUBLIC_COLUMNS) == sorted(
        [
            "id",
            "case_number",
            "service_code",
            "service_name",
            "nature",
            "channel",
            "status",
            "source",
            "street",
            "postal_code",
            "arrondissement",
            "lat",
            "long",
            "responsible_unit",
            "parent_id",
            "created_at",
            "due_at",
            "updated_at",
        ]
    )
    personal = {"citizen_id", "description", "status_notes", "attributes", "civic_number"}
    personal |= {"agent", "handled_by", "updated_by", "external_id"}
    assert personal.isdisjoint(column.key for column in PUBLIC_COLUMNS)

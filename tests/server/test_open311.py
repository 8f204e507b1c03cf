"""GeoReport v2 on the central store: discovery, services, requests (read, filter, page,
create), JSON and XML alike, the spec's error shape, and no personal data in public reads."""

from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from httpx2 import Response
from sqlalchemy import func, select, update

from app.domain.case_numbers import GEOREPORT_STATION, CaseNumber, parse_case_number
from app.server import auth
from app.server.catalogue_store import VERSION_KEY, store_catalogue
from app.server.db import Database
from app.server.models import (
    CaseSequence,
    Citizen,
    RequestEvent,
    ServerMeta,
    ServiceDefinition,
    ServiceRequest,
)
from app.server.numbering import next_case_number
from app.services.catalogue_files import load_catalogue
from app.services.resources import resources_dir
from tests.server.conftest import Agent, Server

BASE = "/open311/v2"
MONTREAL = ZoneInfo("America/Montreal")
# ../shared from the project's root: every developer's machine and CI have it.
SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "open311-georeport-v2-schemas"
LIST_TAGS = {
    "services",
    "attributes",
    "values",
    "endpoints",
    "formats",
    "service_requests",
    "duplicates",
    "errors",
}

# A small catalogue of our own, so the tests do not depend on the bundled one's contents.
SERVICES_TOML = """
[[service]]
code = "NID-POULE"
name_fr = "Nid-de-poule"
name_en = "Pothole"
group = "voirie"
nature = "request"
delay = { value = 10, unit = "business_days" }
geographic = true
anonymous = true
keywords_fr = ["trou", "chaussée"]
keywords_en = ["hole", "road"]
description_fr = "Un trou dans la chaussée ou le trottoir."
description_en = "A hole in the road or the sidewalk."

[[service.attribute]]
code = "taille"
datatype = "singlevaluelist"
required = true
order = 1
description_fr = "Taille du trou"
description_en = "Size of the hole"
values = [
  { key = "petit", name_fr = "Petit (moins de 30 cm)", name_en = "Small (under 30 cm)" },
  { key = "grand", name_fr = "Grand", name_en = "Large" },
]

[[service.attribute]]
code = "emplacement"
datatype = "multivaluelist"
required = false
order = 2
description_fr = "Où est le trou?"
description_en = "Where is the hole?"
values = [
  { key = "chaussee", name_fr = "Chaussée", name_en = "Roadway" },
  { key = "trottoir", name_fr = "Trottoir", name_en = "Sidewalk" },
  { key = "piste_cyclable", name_fr = "Piste cyclable", name_en = "Bike path" },
]

[[service.attribute]]
code = "profondeur"
datatype = "number"
required = false
order = 3
description_fr = "Profondeur en centimètres"
description_en = "Depth in centimetres"

[[service]]
code = "LAMPADAIRE"
name_fr = "Lampadaire éteint"
name_en = "Streetlight out"
group = "feux-eclairage"
nature = "request"
delay = { value = 1, unit = "business_days" }
geographic = true
anonymous = true
keywords_fr = ["éclairage"]

[[service]]
code = "BRUIT"
name_fr = "Bruit excessif"
name_en = "Excessive noise"
group = "nuisances"
nature = "complaint"
delay = { value = 48, unit = "hours" }
geographic = true
anonymous = false

[[service.attribute]]
code = "moment"
datatype = "datetime"
required = false
order = 1
description_fr = "Quand le bruit a-t-il lieu?"
"""


# --- Fixtures and helpers --------------------------------------------------------------------


@pytest.fixture
def o311(server: Server, tmp_path: Path) -> Server:
    """The server with the test catalogue loaded (the bundled services retired)."""
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "services.toml").write_text(SERVICES_TOML, encoding="utf-8")
    shutil.copy(resources_dir() / "catalogue" / "routing.toml", folder / "routing.toml")
    with server.db.work("installer") as work:
        store_catalogue(work, load_catalogue(folder))
    return server


@pytest.fixture
def api_key(o311: Server) -> str:
    with o311.db.work("admin") as work:
        return auth.create_api_key(work.session, "test", "admin", work.now)


def _local_now() -> datetime:
    return datetime.now(MONTREAL)


class Cases:
    """Requests made by agents through the sync API, numbered per station."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.next: dict[int, int] = {}

    def number(self, agent: Agent, created: datetime) -> str:
        assert agent.station is not None
        sequence = self.next.get(agent.station, 0) + 1
        self.next[agent.station] = sequence
        year = created.astimezone(MONTREAL).year
        return str(CaseNumber(year=year, station=agent.station, sequence=sequence))

    def create(
        self, agent_name: str = "alice", *, ago: timedelta = timedelta(minutes=5), **data: Any
    ) -> str:
        agent = self.server.agents[agent_name]
        created = datetime.now(UTC) - ago
        case = self.number(agent, created)
        body = {
            "service_code": "NID-POULE",
            "channel": "phone",
            "street": "rue Ontario Est",
            "arrondissement": "VM",
            "attributes": {"taille": "petit"},
            "created_at": created.isoformat(),
        } | data
        self.op(agent_name, "request.create", case, body)
        return case

    def op(
        self, agent_name: str, kind: str, target: str, data: dict[str, Any], base_revision: int = 0
    ) -> dict[str, Any]:
        op = {
            "op_id": str(uuid.uuid4()),
            "type": kind,
            "target": target,
            "data": data,
            "base_revision": base_revision,
        }
        [result] = self.server.push(self.server.agents[agent_name], [op])
        assert result["status"] == "applied", result
        return result


@pytest.fixture
def cases(o311: Server) -> Cases:
    return Cases(o311)


def _get(server: Server, path: str, **params: Any) -> Response:
    return server.client.get(f"{BASE}/{path}", params=params)


def _post(server: Server, fmt: str = "json", **form: Any) -> Response:
    """POST the form, leaving out the fields set to None."""
    data = {name: value for name, value in form.items() if value is not None}
    return server.client.post(f"{BASE}/requests.{fmt}", data=data)


def _pothole(key: str, **extra: Any) -> dict[str, Any]:
    return {
        "api_key": key,
        "service_code": "NID-POULE",
        "lat": "45.5017",
        "long": "-73.5673",
        "attribute[taille]": "grand",
        "arrondissement": "VM",
    } | extra


def _xml_value(element: ET.Element) -> Any:
    if element.tag in LIST_TAGS:
        return [_xml_value(child) for child in element]
    if len(element):
        return {child.tag: _xml_value(child) for child in element}
    return element.text or ""


def _xml(response: Response) -> Any:
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    return _xml_value(ET.fromstring(response.content))


def _as_xml_text(value: Any) -> Any:
    """JSON data as the XML carries it: text everywhere, nothing for null."""
    if isinstance(value, dict):
        return {key: _as_xml_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_xml_text(item) for item in value]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same_in_xml(server: Server, path: str, **params: Any) -> Any:
    """The JSON answer, after checking the XML one says exactly the same."""
    as_json = _get(server, f"{path}.json", **params)
    as_xml = _get(server, f"{path}.xml", **params)
    assert as_json.status_code == as_xml.status_code == 200, as_json.text
    assert as_json.headers["content-type"] == "application/json"
    data = as_json.json()
    assert _xml(as_xml) == _as_xml_text(data)
    return data


def _error(response: Response, status: int, fragment: str) -> None:
    """The spec's error list, with the status and a description naming the field."""
    assert response.status_code == status, response.text
    if response.headers["content-type"].startswith("text/xml"):
        root = ET.fromstring(response.content)
        assert root.tag == "errors"
        [error] = root.findall("error")
        code, description = error.findtext("code"), error.findtext("description") or ""
        assert code == str(status)
    else:
        assert response.headers["content-type"] == "application/json"
        [error] = response.json()
        assert set(error) == {"code", "description"}
        code, description = error["code"], error["description"]
        assert code == status
    assert fragment in description, description


def _schema_validator(name: str) -> Callable[[Any], None]:
    if not SCHEMAS.is_dir():
        # CI always has ../shared: there a missing folder is a broken checkout, not a skip.
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the Open311 schemas are not at {SCHEMAS}")
        pytest.skip(f"the Open311 schemas are not at {SCHEMAS} (../shared is absent)")
    from jsonschema import Draft7Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), DRAFT7))
        for path in SCHEMAS.glob("*.json")
        if path.name != "swagger.json"
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    validator = Draft7Validator(schema, registry=registry, format_checker=FormatChecker())
    return validator.validate


def _iso_local(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None and moment.microsecond == 0
    assert moment.utcoffset() == moment.astimezone(MONTREAL).utcoffset()
    return moment


# --- Discovery and services ------------------------------------------------------------------


def test_discovery_in_json_and_xml(o311: Server) -> None:
    data = _same_in_xml(o311, "discovery")
    assert data["key_service"] == "Demander une clé à l'administrateur du 311"
    assert data["contact"]
    _iso_local(data["changeset"])
    [endpoint] = data["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert endpoint["changeset"] == data["changeset"]


def test_bundled_catalogue_validates(server: Server) -> None:
    services = _get(server, "services.json").json()
    _schema_validator("services.json")(services)
    check = _schema_validator("service-definition.json")
    for service in services:
        check(_get(server, f"services/{service['service_code']}.json").json())


def test_services_follow_the_schema_and_match_xml(o311: Server) -> None:
    services = _same_in_xml(o311, "services")
    _schema_validator("services.json")(services)
    assert [s["service_code"] for s in services] == ["NID-POULE", "LAMPADAIRE", "BRUIT"]
    pothole = services[0]
    assert pothole == {
        "service_code": "NID-POULE",
        "service_name": "Nid-de-poule",
        "description": "Un trou dans la chaussée ou le trottoir.",
        "metadata": True,
        "type": "realtime",
        "keywords": "trou, chaussée",
        "group": "Voirie",
    }
    assert services[1]["metadata"] is False
    assert services[2]["description"] is None and services[2]["keywords"] is None


def test_services_in_english(o311: Server) -> None:
    services = _same_in_xml(o311, "services", locale="en")
    pothole, light = services[0], services[1]
    assert pothole["service_name"] == "Pothole"
    assert pothole["description"] == "A hole in the road or the sidewalk."
    assert pothole["keywords"] == "hole, road"
    assert pothole["group"] == "Roads"
    assert light["keywords"] == "éclairage"  # no English keywords: the French ones


def test_service_definition(o311: Server) -> None:
    definition = _same_in_xml(o311, "services/NID-POULE")
    _schema_validator("service-definition.json")(definition)
    assert definition["service_code"] == "NID-POULE"
    size, place, depth = definition["attributes"]
    assert size == {
        "variable": True,
        "code": "taille",
        "datatype": "singlevaluelist",
        "required": True,
        "datatype_description": None,
        "order": 1,
        "description": "Taille du trou",
        "values": [
            {"key": "petit", "name": "Petit (moins de 30 cm)"},
            {"key": "grand", "name": "Grand"},
        ],
    }
    assert place["datatype"] == "multivaluelist" and place["required"] is False
    assert "attribute[emplacement][]" in place["datatype_description"]
    assert [v["key"] for v in place["values"]] == ["chaussee", "trottoir", "piste_cyclable"]
    assert depth["datatype"] == "number" and "values" not in depth
    english = _get(o311, "services/NID-POULE.json", locale="en").json()
    assert english["attributes"][0]["values"][0]["name"] == "Small (under 30 cm)"
    assert _same_in_xml(o311, "services/LAMPADAIRE") == {
        "service_code": "LAMPADAIRE",
        "attributes": [],
    }


def test_service_errors(o311: Server) -> None:
    for fmt in ("json", "xml"):
        _error(_get(o311, f"services/NOPE.{fmt}"), 404, "service_code")
        _error(_get(o311, f"services.{fmt}", locale="de"), 400, "locale")
        _error(
            _get(o311, f"services.{fmt}", jurisdiction_id="toronto.ca"),
            404,
            "jurisdiction_id: unknown jurisdiction",
        )
    assert _get(o311, "services.json", jurisdiction_id="montreal.ca").status_code == 200
    _error(_get(o311, "services.yaml"), 404, "format")
    _error(_get(o311, "services/NID-POULE.yaml"), 404, "format")
    _error(_get(o311, "discovery.csv"), 404, "format")


# --- Creating requests -----------------------------------------------------------------------


def test_post_then_read_back(o311: Server, api_key: str) -> None:
    form = _pothole(
        api_key,
        **{
            "attribute[emplacement][]": ["trottoir", "chaussee"],
            "attribute[profondeur]": "12,5",
            "address_string": "rue Sherbrooke Ouest",
            "account_id": "acc-42",
            "description": "Gros trou devant l'école",
        },
    )
    answer = _post(o311, **form)
    assert answer.status_code == 200, answer.text
    [created] = answer.json()
    assert set(created) == {"service_request_id", "token", "service_notice", "account_id"}
    case, token = created["service_request_id"], created["token"]
    number = parse_case_number(case)
    assert number.station == GEOREPORT_STATION and number.sequence == 1
    assert number.year == _local_now().year
    assert created["service_notice"] == "Délai de résolution annoncé : 10 jours ouvrables"
    assert created["account_id"] == "acc-42"

    with o311.db.read() as session:
        row = session.scalar(select(ServiceRequest).where(ServiceRequest.case_number == case))
        assert row is not None
        assert row.id == token
        assert row.attributes == {
            "taille": "grand",
            "emplacement": ["chaussee", "trottoir"],
            "profondeur": 12.5,
        }
        assert (row.channel, row.source, row.updated_by) == ("web", "georeport", "api:test")
        assert (row.street, row.arrondissement, row.citizen_id) == (
            "rue Sherbrooke Ouest",
            "VM",
            None,
        )
        assert row.description == "Gros trou devant l'école"

    [by_id] = _same_in_xml(o311, f"requests/{case}")
    _schema_validator("requests.json")([by_id])
    assert by_id["service_request_id"] == case
    assert by_id["status"] == "open" and by_id["status_notes"] == "Transmise pour traitement"
    assert by_id["service_code"] == "NID-POULE" and by_id["service_name"] == "Nid-de-poule"
    assert by_id["agency_responsible"] == "Travaux publics – Ville-Marie"
    # A GeoReport address_string is free text: only its arrondissement is made public.
    assert by_id["address"] == "Ville-Marie"
    assert (by_id["lat"], by_id["long"]) == (45.502, -73.567)
    assert by_id["description"] is None and by_id["media_url"] is None
    assert _iso_local(by_id["expected_datetime"]) > _iso_local(by_id["requested_datetime"])
    _iso_local(by_id["updated_datetime"])
    # Typed without its dashes, the case number is still found.
    digits = case.replace("-", "")
    assert _get(o311, f"requests/{digits}.json").json() == [by_id]
    assert _same_in_xml(o311, f"tokens/{token}") == [{"service_request_id": case, "token": token}]

    again = _post(o311, "xml", **_pothole(api_key, device_id="phone-1"))
    assert again.status_code == 200
    [second] = _xml(again)
    assert parse_case_number(second["service_request_id"]).sequence == 2
    assert second["account_id"] == ""
    with o311.db.read() as session:
        channel = session.scalar(
            select(ServiceRequest.channel).where(ServiceRequest.id == second["token"])
        )
    assert channel == "mobile"


def test_post_accepts_multipart_and_repeated_attributes(o311: Server, api_key: str) -> None:
    fields = [(name, (None, value)) for name, value in _pothole(api_key).items()]
    fields += [
        ("attribute[emplacement]", (None, "piste_cyclable")),
        ("attribute[emplacement]", (None, "trottoir")),
    ]
    answer = o311.client.post(f"{BASE}/requests.json", files=fields)
    assert answer.status_code == 200, answer.text
    with o311.db.read() as session:
        attributes = session.scalar(select(ServiceRequest.attributes))
    assert attributes == {"taille": "grand", "emplacement": ["trottoir", "piste_cyclable"]}


def test_post_with_a_citizen(o311: Server, api_key: str) -> None:
    form = _pothole(
        api_key,
        service_code="BRUIT",
        description="Musique forte toutes les nuits",  # a complaint is its words
        first_name="Marie",
        last_name="Tremblay",
        phone="(514) 555-0199",
        email="Marie@Example.com",
        **{"attribute[taille]": None},
    )
    answer = _post(o311, **form)
    assert answer.status_code == 200, answer.text
    assert answer.json()[0]["service_notice"] == "Délai de résolution annoncé : 48 heures"
    with o311.db.read() as session:
        citizen = session.scalar(select(Citizen))
        assert citizen is not None
        assert (citizen.name, citizen.phone, citizen.email) == (
            "Marie Tremblay",
            "514-555-0199",
            "marie@example.com",
        )
        assert citizen.created_by == "api:test"
        assert session.scalar(select(ServiceRequest.citizen_id)) == citizen.id


def test_post_routes_by_arrondissement_or_to_triage(o311: Server, api_key: str) -> None:
    def agency(**extra: Any) -> str:
        answer = _post(o311, **(_pothole(api_key) | extra))
        assert answer.status_code == 200, answer.text
        case = answer.json()[0]["service_request_id"]
        [record] = _get(o311, f"requests/{case}.json", extensions="true").json()
        return f"{record['agency_responsible']} / {record['extended_attributes']['arrondissement']}"

    assert agency(arrondissement="CDN") == (
        "Travaux publics – Côte-des-Neiges–Notre-Dame-de-Grâce / CDN"
    )
    assert agency(arrondissement="cote des neiges - notre dame de grace") == (
        "Travaux publics – Côte-des-Neiges–Notre-Dame-de-Grâce / CDN"
    )
    assert agency(arrondissement="vm") == "Travaux publics – Ville-Marie / VM"
    # A local service without its arrondissement goes to the 24/7 centre, which sorts it.
    assert agency(arrondissement="") == "Centre de services 24/7 / None"
    # An island-wide service needs no arrondissement.
    assert agency(arrondissement="", service_code="LAMPADAIRE", **{"attribute[taille]": None}) == (
        "Feux de circulation et éclairage de rue – Ville de Montréal / None"
    )


@pytest.mark.parametrize(
    ("change", "status", "fragment"),
    [
        ({"api_key": None}, 400, "api_key"),
        ({"api_key": "o311_unknown"}, 403, "api_key"),
        ({"service_code": None}, 400, "service_code"),
        ({"service_code": "NOPE"}, 400, "service_code: unknown service code"),
        ({"lat": None, "long": None}, 400, "a location is required"),
        ({"lat": None}, 400, "a location is required"),
        ({"lat": None, "long": None, "address_id": "12345"}, 400, "address_id"),
        ({"lat": "north"}, 400, "lat: « north » is not a number"),
        ({"lat": "95"}, 400, "lat: must be between"),
        ({"attribute[taille]": None}, 400, "attribute[taille]: required"),
        ({"attribute[taille]": "enorme"}, 400, "attribute[taille]"),
        ({"attribute[emplacement][]": ["trottoir", "toit"]}, 400, "attribute[emplacement]"),
        ({"attribute[couleur]": "rouge"}, 400, "attribute[couleur]"),
        ({"attribute[profondeur]": "deep"}, 400, "attribute[profondeur]"),
        ({"attribute[profondeur]": "nan"}, 400, "attribute[profondeur]"),
        ({"attribute[profondeur]": "1e400"}, 400, "attribute[profondeur]"),
        ({"description": "a\x00b"}, 400, "description"),
        ({"description": "x" * 4001}, 400, "description: too long"),
        ({"address_string": "y" * 201}, 400, "address_string: too long"),
        ({"email": "not-an-address"}, 400, "email"),
        ({"phone": "12345"}, 400, "phone"),
        ({"arrondissement": "Laval"}, 400, "arrondissement"),
        ({"arrondissement": "Westmount"}, 400, "arrondissement"),
        ({"jurisdiction_id": "laval.ca"}, 404, "jurisdiction_id"),
        (
            {"service_code": "BRUIT", "attribute[taille]": None, "description": "Musique"},
            400,
            "email",
        ),
    ],
)
def test_post_refusals(
    o311: Server, api_key: str, change: dict[str, Any], status: int, fragment: str
) -> None:
    form = _pothole(api_key) | change
    for fmt in ("json", "xml"):
        _error(_post(o311, fmt, **form), status, fragment)
    with o311.db.read() as session:
        assert session.scalar(select(func.count()).select_from(ServiceRequest)) == 0
        assert session.scalar(select(func.count()).select_from(Citizen)) == 0
        assert session.scalar(select(func.count()).select_from(RequestEvent)) == 0


def test_post_reports_every_problem_and_writes_nothing(o311: Server, api_key: str) -> None:
    form = _pothole(
        api_key,
        email="marie@example.com",
        phone="5",
        **{"attribute[taille]": "enorme", "lat": "north"},
    )
    answer = _post(o311, **form)
    _error(answer, 400, "phone")
    description = answer.json()[0]["description"]
    assert "attribute[taille]" in description and "lat" in description
    with o311.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Citizen)) == 0
        assert session.scalar(select(func.count()).select_from(CaseSequence)) == 0
    # A refused request gives its number back.
    ok = _post(o311, **_pothole(api_key, email="marie@example.com"))
    assert ok.status_code == 200, ok.text
    assert parse_case_number(ok.json()[0]["service_request_id"]).sequence == 1


def test_post_with_a_revoked_key(o311: Server, api_key: str) -> None:
    with o311.db.work("admin") as work:
        work.session.execute(update(auth.ApiKey).values(revoked_at=work.now))
    _error(_post(o311, **_pothole(api_key)), 403, "api_key: unknown or revoked key")
    _error(_post(o311, "xml", **_pothole(api_key)), 403, "api_key")
    _error(_post(o311, "yaml", **_pothole(api_key)), 404, "format")


# --- Reading, filtering and paging -----------------------------------------------------------


def test_filters_order_and_paging(o311: Server, cases: Cases) -> None:
    old = cases.create(ago=timedelta(days=20), service_code="LAMPADAIRE", attributes={})
    middle = cases.create("bruno", ago=timedelta(days=10))
    recent = cases.create(ago=timedelta(days=1), service_code="LAMPADAIRE", attributes={})
    newest = cases.create("bruno", ago=timedelta(hours=1))
    cases.op("sophie", "request.update", middle, {"fields": {"status": "terminee"}}, 1)

    def ids(**params: Any) -> list[str]:
        return [r["service_request_id"] for r in _same_in_xml(o311, "requests", **params)]

    assert ids() == [newest, recent, middle, old]
    assert ids(service_code="LAMPADAIRE") == [recent, old]
    assert ids(service_code="LAMPADAIRE, NID-POULE") == [newest, recent, middle, old]
    assert ids(status="closed") == [middle]
    assert ids(status="open") == [newest, recent, old]
    assert ids(status="open,closed") == [newest, recent, middle, old]
    closed = _get(o311, "requests.json", status="closed").json()[0]
    assert closed["status_notes"] == "Terminée"
    start = (datetime.now(UTC) - timedelta(days=15)).astimezone(MONTREAL)
    end = (datetime.now(UTC) - timedelta(days=5)).astimezone(MONTREAL)
    assert ids(start_date=start.isoformat()) == [newest, recent, middle]
    assert ids(end_date=end.isoformat()) == [middle, old]
    assert ids(start_date=start.isoformat(), end_date=end.isoformat()) == [middle]
    utc_start = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(start_date=utc_start, service_code="NID-POULE") == [newest]
    # Ids win over every other filter, as the spec says.
    assert ids(service_request_id=f"{old},{newest}", status="closed") == [newest, old]
    assert ids(page_size=3) == [newest, recent, middle]
    assert ids(page_size=3, page=2) == [old]
    assert ids(page_size=3, page=3) == []
    assert ids(page_size=1, page=2, status="open") == [recent]
    everything = _get(o311, "requests.json").json()
    _schema_validator("requests.json")(everything)


def test_default_window_is_ninety_days(o311: Server, cases: Cases) -> None:
    recent = cases.create(ago=timedelta(days=3))
    ancient = cases.create(ago=timedelta(days=3))
    long_ago = datetime.now(UTC) - timedelta(days=120)
    with o311.db.work("admin") as work:
        work.session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.case_number == ancient)
            .values(created_at=long_ago)
        )

    def ids(**params: Any) -> list[str]:
        return [r["service_request_id"] for r in _get(o311, "requests.json", **params).json()]

    assert ids() == [recent]
    assert ids(start_date=(long_ago - timedelta(days=1)).isoformat()) == [recent, ancient]
    assert ids(end_date=(long_ago + timedelta(days=1)).isoformat()) == [ancient]
    assert ids(service_request_id=ancient) == [ancient]


def test_extensions(o311: Server, cases: Cases) -> None:
    parent = cases.create(ago=timedelta(hours=3))
    first = cases.create("bruno", ago=timedelta(hours=2), channel="email")
    second = cases.create(ago=timedelta(hours=1))
    cases.op("alice", "request.link", first, {"parent": parent})
    cases.op("alice", "request.link", second, {"parent": parent})
    cases.op("sophie", "request.update", second, {"fields": {"status": "annulee"}}, 2)

    plain = _get(o311, "requests.json").json()
    assert all("extended_attributes" not in r for r in plain)
    records = {
        r["service_request_id"]: r for r in _same_in_xml(o311, "requests", extensions="true")
    }
    _schema_validator("requests.json")(list(records.values()))
    assert records[parent]["extended_attributes"] == {
        "channel": "phone",
        "nature": "request",
        "arrondissement": "VM",
        "status_code": "transmise",
        "status_label": "Transmise pour traitement",
        "parent_request_id": None,
        "duplicates": sorted([first, second]),
    }
    assert records[first]["extended_attributes"]["channel"] == "email"
    assert records[first]["extended_attributes"]["parent_request_id"] == parent
    assert records[first]["extended_attributes"]["duplicates"] == []
    assert records[second]["extended_attributes"]["status_code"] == "annulee"
    assert records[second]["extended_attributes"]["status_label"] == "Annulée"
    assert records[second]["status"] == "closed"
    [one] = _same_in_xml(o311, f"requests/{first}", extensions="true")
    assert one == records[first]


def test_read_errors(o311: Server, cases: Cases) -> None:
    cases.create()
    bad = [
        ({"start_date": "yesterday"}, 400, "start_date"),
        ({"end_date": "2026-11-25T10:30:00"}, 400, "end_date"),  # no time zone
        (
            {"start_date": "2026-11-25T10:30:00-05:00", "end_date": "2026-11-24T10:30:00-05:00"},
            400,
            "end_date",
        ),
        ({"status": "pending"}, 400, "status"),
        ({"page": "0"}, 400, "page"),
        ({"page_size": "1001"}, 400, "page_size"),
        ({"page_size": "0"}, 400, "page_size"),
        ({"jurisdiction_id": "quebec.ca"}, 404, "jurisdiction_id"),
    ]
    for params, status, fragment in bad:
        for fmt in ("json", "xml"):
            _error(_get(o311, f"requests.{fmt}", **params), status, fragment)
    for fmt in ("json", "xml"):
        _error(_get(o311, f"requests/26-011-999999-0.{fmt}"), 404, "service_request_id")
        _error(_get(o311, f"tokens/{uuid.uuid4()}.{fmt}"), 404, "token")
    _error(_get(o311, "requests.yaml"), 404, "format")


def test_a_time_zone_sent_unencoded_is_still_read(o311: Server, cases: Cases) -> None:
    case = cases.create(ago=timedelta(days=2))
    since = (datetime.now(UTC) - timedelta(days=3)).astimezone(MONTREAL).replace(microsecond=0)
    url = f"{BASE}/requests.json?start_date={since.isoformat()}"  # '+' or '-' left as is
    answer = o311.client.get(url.replace("%", ""))
    assert answer.status_code == 200, answer.text
    assert [r["service_request_id"] for r in answer.json()] == [case]


# --- Privacy ---------------------------------------------------------------------------------


def test_public_reads_carry_no_personal_data(o311: Server, cases: Cases, api_key: str) -> None:
    citizen = str(uuid.uuid4())
    cases.op(
        "alice",
        "citizen.upsert",
        citizen,
        {
            "fields": {
                "name": "Gisèle Ouellette",
                "phone": "514 555-0177",
                "email": "gisele@example.org",
            }
        },
    )
    by_agent = cases.create(
        service_code="BRUIT",
        attributes={},
        citizen_id=citizen,
        civic_number="98761",
        street="rue Saint-Denis",
        postal_code="H2X 3K8",
        arrondissement="PMR",
        lat=45.5178912,
        long=-73.5678123,
        description="Rappeler Mme Ouellette au 514 555-0177, porte arrière",
    )
    cases.op("alice", "request.note", by_agent, {"text": "Voisine du 2e, très inquiète"})
    posted = _post(
        o311,
        **_pothole(
            api_key,
            service_code="BRUIT",
            first_name="Gisèle",
            last_name="Ouellette",
            phone="514 555-0177",
            email="gisele@example.org",
            address_string="98761 rue Saint-Denis",
            description="Mon numéro : 514 555-0177",
            lat="45.5178912",
            long="-73.5678123",
            arrondissement="PMR",
            **{"attribute[taille]": None},
        ),
    )
    assert posted.status_code == 200, posted.text
    secrets = [
        "Ouellette",
        "Gisèle",
        "555-0177",
        "5550177",
        "gisele@",
        "98761",
        "H2X 3K8",
        "3K8",
        "Rappeler",
        "Voisine",
        "numéro",
        "alice",
        "5178912",
        "5678123",
        citizen,
    ]
    for params in ({}, {"extensions": "true"}):
        for fmt in ("json", "xml"):
            bodies = [_get(o311, f"requests.{fmt}", **params).text]
            bodies += [
                _get(o311, f"requests/{case}.{fmt}", **params).text
                for case in (by_agent, posted.json()[0]["service_request_id"])
            ]
            for body in bodies:
                leaked = [secret for secret in secrets if secret.lower() in body.lower()]
                assert not leaked, (leaked, body)
    records = _get(o311, "requests.json").json()
    assert len(records) == 2
    # The agent's street (civic number in its own field) is shown; a GeoReport client's
    # free-text address_string is not, only its arrondissement.
    assert sorted(r["address"] for r in records) == [
        "Le Plateau-Mont-Royal",
        "rue Saint-Denis, Le Plateau-Mont-Royal",
    ]
    for record in records:
        assert record["description"] is None
        assert (record["lat"], record["long"]) == (45.518, -73.568)
    assert {r["zipcode"] for r in records} == {"H2X", None}


@pytest.mark.parametrize(
    ("street", "public"),
    [
        ("1234 rue Ontario Est", "rue Ontario Est"),
        ("1234-A, boulevard Saint-Laurent", "boulevard Saint-Laurent"),
        ("12-14 avenue du Parc", "avenue du Parc"),
        ("4e Avenue", "4e Avenue"),
        ("1re Avenue", "1re Avenue"),
        ("555 4e Avenue", "4e Avenue"),
        ("1er Avenue", "1er Avenue"),
        ("12 B rue Jarry", "rue Jarry"),
        ("12 Avenue des Pins", "Avenue des Pins"),
        ("rue du 24-Juin", "rue du 24-Juin"),
    ],
)
def test_civic_numbers_are_left_out(o311: Server, cases: Cases, street: str, public: str) -> None:
    case = cases.create(street=street, arrondissement="", service_code="LAMPADAIRE", attributes={})
    [record] = _get(o311, f"requests/{case}.json").json()
    assert record["address"] == public


# --- Case numbers ----------------------------------------------------------------------------


def test_case_numbers_follow_montreal_years(server_db: Database) -> None:
    new_year_utc = datetime(2027, 1, 1, 3, 0, tzinfo=UTC)  # still Dec 31, 2026 in Montréal
    with server_db.work("test") as work:
        first = next_case_number(work.session, now=new_year_utc)
        second = next_case_number(work.session, GEOREPORT_STATION, new_year_utc)
        other = next_case_number(work.session, 901, new_year_utc + timedelta(hours=6))
    assert first == str(CaseNumber(2026, GEOREPORT_STATION, 1))
    assert second == str(CaseNumber(2026, GEOREPORT_STATION, 2))
    assert other == str(CaseNumber(2027, 901, 1))
    with server_db.work("test") as work:
        assert next_case_number(work.session, now=new_year_utc) == str(
            CaseNumber(2026, GEOREPORT_STATION, 3)
        )
    with pytest.raises(ValueError, match="server"), server_db.work("test") as work:
        next_case_number(work.session, 42)


def test_answers_match_the_openapi_description(o311: Server, cases: Cases, api_key: str) -> None:
    """Each read and the POST, with data in them, against the schema the server's own
    OpenAPI description gives for its 200 (the fuzzing sees mostly empty stores)."""
    from jsonschema import Draft202012Validator

    spec = o311.client.get("/openapi.json").json()
    parent = cases.create()
    cases.op("alice", "request.link", cases.create(), {"parent": parent})
    [created] = _post(o311, **_pothole(api_key, address_string="rue Ontario Est")).json()
    reads = {
        "discovery.{fmt}": {},
        "services.{fmt}": {"locale": "en"},
        "services/{service_code}.{fmt}": {},
        "requests.{fmt}": {"extensions": "true"},
        "requests/{service_request_id}.{fmt}": {},
        "tokens/{token}.{fmt}": {},
    }
    values = {"service_code": "NID-POULE", "service_request_id": parent}
    values |= {"token": created["token"], "fmt": "json"}
    answers = {f"POST {BASE}/requests.{{fmt}}": [created]}
    for path, params in reads.items():
        answer = _get(o311, path.format(**values), **params)
        assert answer.status_code == 200, (path, answer.text)
        answers[f"GET {BASE}/{path}"] = answer.json()
    assert len(answers[f"GET {BASE}/requests.{{fmt}}"]) == 3
    for label, body in answers.items():
        method, path = label.split(" ")
        content = spec["paths"][path][method.lower()]["responses"]["200"]["content"]
        schema = {**content["application/json"]["schema"], "components": spec["components"]}
        Draft202012Validator(schema).validate(body)


def test_a_stored_catalogue_that_fails_its_checks_is_a_503_naming_the_fix(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    """A definition stored by an older, looser store (here: a name left empty) no longer
    reads: the store answers 503 saying how to load a corrected catalogue, not a 500."""
    with server.db.work("installer") as work:
        svc = work.session.scalars(select(ServiceDefinition).limit(1)).one()
        svc.definition = {**svc.definition, "name_fr": ""}
        version = work.session.get(ServerMeta, VERSION_KEY)
        assert version is not None
        version.value += "-edited"
    with caplog.at_level(logging.ERROR, logger="app.server.catalogue_store"):
        answer = _get(server, "services.json")
    assert answer.status_code == 503
    [problem] = answer.json()
    assert "load-catalogue" in problem["description"]
    assert "Traceback" not in answer.text
    assert any("name" in r.getMessage() for r in caplog.records)

"""The service catalogue: the bundled files, and every problem the loader must name."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from app.domain.catalogue import (
    DATATYPES,
    Catalogue,
    CatalogueError,
    catalogue_from_dict,
    catalogue_to_dict,
    routing_from_dict,
    routing_to_dict,
    service_from_dict,
    service_to_dict,
)
from app.services.catalogue_files import bundled_catalogue, load_catalogue
from app.services.resources import resources_dir

FOLDER = resources_dir() / "catalogue"
KB = resources_dir() / "kb"
ROUTING = (FOLDER / "routing.toml").read_text("utf-8")

SERVICE = """
[[service]]
code = "TEST-SERVICE"
name_fr = "Essai"
name_en = "Test"
group = "voirie"
nature = "request"
delay = { value = 5, unit = "business_days" }
geographic = true
anonymous = true

[[service.attribute]]
code = "choix"
datatype = "singlevaluelist"
required = true
order = 1
description_fr = "Choix"
values = [{ key = "a", name_fr = "A", name_en = "A" }]
"""

SECOND_ATTRIBUTE = """
[[service.attribute]]
code = "autre"
datatype = "string"
required = false
order = 2
description_fr = "Autre"
"""


def _front_matters() -> list[dict[str, object]]:
    metas = []
    for path in sorted(KB.glob("*/*.md")):
        lines = path.read_text("utf-8").lstrip("\ufeff").splitlines()
        end = lines.index("+++", 1)
        metas.append(tomllib.loads("\n".join(lines[1:end])))
    return metas


def _write(folder: Path, services: str = SERVICE, routing: str = ROUTING) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "services.toml").write_text(services, "utf-8")
    (folder / "routing.toml").write_text(routing, "utf-8")
    return folder


def _problems(folder: Path, services: str = SERVICE, routing: str = ROUTING) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(_write(folder, services, routing))
    assert info.value.problems
    for problem in info.value.problems:
        assert problem in str(info.value)
    return info.value.problems


def _assert_named(problems: list[str], file: str, field: str, *words: str) -> None:
    where = f"{file} [{field}]"
    hits = [p for p in problems if where in p and all(w in p for w in words)]
    assert hits, f"no problem naming {where} with {words}; got:\n" + "\n".join(problems)


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- The bundled catalogue ------------------------------------------------------------------


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return bundled_catalogue()


def test_bundled_catalogue_loads_with_enough_services(cat: Catalogue) -> None:
    assert len(cat.services) >= 45
    assert bundled_catalogue() is cat  # cached
    assert next(iter(cat.services)) == "VOIRIE-NID-DE-POULE"  # file order


def test_every_service_code_used_by_the_knowledge_base_exists(cat: Catalogue) -> None:
    used: set[str] = set()
    for meta in _front_matters():
        used.update(meta.get("service_codes", []))  # type: ignore[arg-type]
    assert len(used) >= 45
    assert sorted(used - set(cat.services)) == []


def test_the_six_datatypes_are_used(cat: Catalogue) -> None:
    used = {a.datatype for s in cat.services.values() for a in s.attributes}
    assert used == set(DATATYPES)


def test_services_are_plausible(cat: Catalogue) -> None:
    for service in cat.services.values():
        assert 1 <= len(service.attributes) <= 4, service.code
        assert [a.order for a in service.attributes] == sorted(a.order for a in service.attributes)
        assert service.name_fr and service.name_en and service.description_fr, service.code
        limit = {"hours": 48, "business_hours": 16, "business_days": 20}[service.delay.unit]
        assert 1 <= service.delay.value <= limit, service.code
    for code in ("EAU-BRIS-AQUEDUC", "VOIRIE-FEU-CIRCULATION", "PROPRETE-SERINGUE"):
        assert cat.services[code].delay.unit == "hours"
    natures = {code: s.nature for code, s in cat.services.items()}
    assert natures["PLAINTE-SERVICE"] == natures["PLAINTE-EMPLOYE"] == "complaint"
    assert natures["INFO-GENERALE"] == "information"
    assert natures["COMMENTAIRE-SUGGESTION"] == "comment"
    for code in ("INFO-GENERALE", "PLAINTE-EMPLOYE", "COMMENTAIRE-SUGGESTION", "ANIM-LICENCE"):
        assert not cat.services[code].geographic, code
    assert not cat.services["PLAINTE-EMPLOYE"].anonymous
    lamp = cat.services["VOIRIE-LAMPADAIRE"]
    assert lamp.name("fr") == "Lampadaire" and lamp.name("en") == "Street light"


def test_service_name_falls_back_to_french(tmp_path: Path) -> None:
    services = _replace(SERVICE, 'name_en = "Test"\n', "")
    service = load_catalogue(_write(tmp_path, services)).services["TEST-SERVICE"]
    assert service.name("en") == "Essai" and service.name("fr") == "Essai"


def test_doc_envoi_lists_the_knowledge_base_documents(cat: Catalogue) -> None:
    documents: set[str] = set()
    for meta in _front_matters():
        documents.update(d["code"] for d in meta.get("documents", []))  # type: ignore[attr-defined]
    service = cat.services["DOC-ENVOI"]
    assert service.nature == "information"
    assert not service.geographic and not service.anonymous
    assert (service.delay.value, service.delay.unit) == (5, "business_days")
    attrs = {a.code: a for a in service.attributes}
    assert attrs["documents"].datatype == "multivaluelist" and attrs["documents"].required
    assert {v.key for v in attrs["documents"].values} == documents
    assert attrs["mode_envoi"].datatype == "singlevaluelist" and attrs["mode_envoi"].required
    assert {v.key for v in attrs["mode_envoi"].values} == {"courrier", "courriel"}


def test_every_montreal_arrondissement_has_a_unit_for_every_group(cat: Catalogue) -> None:
    routing = cat.routing
    boroughs = [a for a in routing.arrondissements.values() if a.kind == "arrondissement"]
    cities = [a for a in routing.arrondissements.values() if a.kind == "related_city"]
    assert len(boroughs) == 19 and len(cities) == 15
    assert routing.timezone == "America/Montreal"
    assert routing.after_hours_unit in routing.units
    for arr in boroughs:
        for group in routing.groups:
            unit = routing.rules[(arr.code, group)]
            assert unit in routing.units, (arr.code, group)
    assert routing.rules[("VM", "voirie")] == "TP-VM"
    assert routing.units["TP-VM"].name_fr == "Travaux publics – Ville-Marie"
    assert routing.units["TP-CDN"].name_en == "Public works – Côte-des-Neiges–Notre-Dame-de-Grâce"


def test_related_cities_are_routed_for_agglomeration_groups_only(cat: Catalogue) -> None:
    routing = cat.routing
    agglomeration = {g.code for g in routing.groups.values() if g.scope == "agglomeration"}
    assert {"stationnement", "taxes", "services-311", "info-travaux"} <= agglomeration
    for arr in routing.arrondissements.values():
        if arr.kind == "related_city":
            routed = {group for (place, group) in routing.rules if place == arr.code}
            assert routed == agglomeration, arr.code
            assert all(routing.rules[(arr.code, g)] in routing.units for g in routed)


def test_catalogue_round_trips_through_json(cat: Catalogue) -> None:
    data = json.loads(json.dumps(catalogue_to_dict(cat)))
    assert catalogue_from_dict(data) == cat
    service = cat.services["DOC-ENVOI"]
    assert service_from_dict(json.loads(json.dumps(service_to_dict(service)))) == service
    routing = json.loads(json.dumps(routing_to_dict(cat.routing)))
    assert routing_from_dict(routing) == cat.routing


def test_malformed_dict_is_refused() -> None:
    data = catalogue_to_dict(bundled_catalogue())
    data["services"][0]["delay"]["unit"] = "weeks"
    with pytest.raises(CatalogueError, match=r"delay\.unit"):
        catalogue_from_dict(data)
    with pytest.raises(CatalogueError, match="timezone"):
        routing_from_dict({"office_hours": {"start": "08:30", "end": "17:00"}})
    with pytest.raises(CatalogueError, match="geographic"):
        service_from_dict(
            {**service_to_dict(bundled_catalogue().services["DOC-ENVOI"]), "geographic": "no"}
        )


def _data_problems(data: object) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        catalogue_from_dict(data)
    return info.value.problems


def test_catalogue_data_reports_every_problem_at_once() -> None:
    data = catalogue_to_dict(bundled_catalogue())
    data["services"][0]["delay"]["unit"] = "weeks"
    data["services"][1]["name_fr"] = " "
    del data["services"][2]["attributes"][0]["order"]
    data["routing"]["timezone"] = "Mars/Olympus"
    data["routing"]["units"].append(3)
    problems = _data_problems(data)
    assert len(problems) == 5, problems  # the other units are still read: no cascade
    first, second, third = (data["services"][i]["code"] for i in range(3))
    attribute = data["services"][2]["attributes"][0]["code"]
    source = "catalogue data"
    _assert_named(problems, source, f"services[{first}].delay.unit", "weeks", "business_days")
    _assert_named(problems, source, f"services[{second}].name_fr", "empty")
    _assert_named(problems, source, f"services[{third}].attributes[{attribute}].order", "missing")
    _assert_named(problems, source, "routing.timezone", "unknown time zone", "IANA")
    _assert_named(problems, source, "routing.units", "list of objects")


def test_catalogue_data_needs_every_key_the_writer_writes_and_ignores_others() -> None:
    cat = bundled_catalogue()
    data = catalogue_to_dict(cat)
    data["services"][0]["added_by_a_newer_store"] = True
    data["routing"]["colour"] = "red"
    assert catalogue_from_dict(data) == cat
    del data["services"][0]["name_en"]
    del data["routing"]["units"][0]["phone"]
    problems = _data_problems(data)
    code, unit = data["services"][0]["code"], data["routing"]["units"][0]["code"]
    _assert_named(problems, "catalogue data", f"services[{code}].name_en", "missing")
    _assert_named(problems, "catalogue data", f"routing.units[{unit}].phone", "missing")


def test_catalogue_data_follows_the_rules_of_the_files() -> None:
    """One reader: what the files may not say, the JSON may not either (the old JSON
    parser let these through)."""
    data = catalogue_to_dict(bundled_catalogue())
    data["routing"]["rules"].append({"arrondissement": "WMT", "group": "voirie", "unit": "CS-311"})
    data["services"][0]["attributes"][0]["values"] = []
    data["services"] += [data["services"][1]]
    problems = _data_problems(data)
    rule = f"routing.rules #{len(data['routing']['rules'])}.arrondissement"
    _assert_named(problems, "catalogue data", rule, "related city")
    code, attribute = data["services"][0]["code"], data["services"][0]["attributes"][0]["code"]
    where = f"services[{code}].attributes[{attribute}].values"
    _assert_named(problems, "catalogue data", where, "empty")
    twice = data["services"][1]["code"]
    _assert_named(problems, "catalogue data", f"services[{twice}].code", "duplicate service")


def test_a_service_name_longer_than_the_store_holds_is_refused(tmp_path: Path) -> None:
    """Named change: the files could give a name the store's column cannot hold (200); both
    forms now say so, as the JSON reader alone did."""
    long = "N" * 201
    problems = _problems(tmp_path, _replace(SERVICE, '"Test"', f'"{long}"'))
    _assert_named(problems, "services.toml", "service[TEST-SERVICE].name_en", "201", "200")
    data = catalogue_to_dict(bundled_catalogue())
    data["services"][0]["name_fr"] = long
    code = data["services"][0]["code"]
    _assert_named(_data_problems(data), "catalogue data", f"services[{code}].name_fr", "200")


# --- A small catalogue in tmp_path ----------------------------------------------------------


def test_minimal_catalogue_loads(tmp_path: Path) -> None:
    cat = load_catalogue(_write(tmp_path, SERVICE + SECOND_ATTRIBUTE))
    service = cat.services["TEST-SERVICE"]
    assert [a.code for a in service.attributes] == ["choix", "autre"]
    assert service.attributes[0].values[0].name_fr == "A"
    assert service.keywords_fr == () and service.description_en == ""


def test_attributes_are_sorted_by_order(tmp_path: Path) -> None:
    services = _replace(SERVICE + SECOND_ATTRIBUTE, "order = 1", "order = 3")
    service = load_catalogue(_write(tmp_path, services)).services["TEST-SERVICE"]
    assert [a.code for a in service.attributes] == ["autre", "choix"]


def test_rules_override_the_template(tmp_path: Path) -> None:
    routing = _replace(
        ROUTING,
        "[[unit]]",
        '[[unit]]\ncode = "VM-PROPRETE"\nname_fr = "Propreté Ville-Marie"\n\n[[unit]]',
    ) + (
        '\n[[rule]]\narrondissement = "VM"\ngroup = "proprete"\nunit = "VM-PROPRETE"\n'
        '\n[[rule]]\narrondissement = "WMT"\ngroup = "taxes"\nunit = "CS-311"\n'
    )
    rules = load_catalogue(_write(tmp_path, routing=routing)).routing.rules
    assert rules[("VM", "proprete")] == "VM-PROPRETE"
    assert rules[("VM", "voirie")] == "TP-VM"
    assert rules[("WMT", "taxes")] == "CS-311"
    assert rules[("DOR", "taxes")] == "VDM-FINANCES"


# --- Every problem names the file and the field ---------------------------------------------

SERVICE_CASES = {
    "unknown key": (
        ("anonymous = true\n", 'anonymous = true\ncolour = "red"\n'),
        "service[TEST-SERVICE].colour",
        ("unknown key", "nature", "delay"),
    ),
    "missing key": (
        ('nature = "request"\n', ""),
        "service[TEST-SERVICE].nature",
        ("missing",),
    ),
    "bad service code": (
        ('code = "TEST-SERVICE"', 'code = "test service"'),
        "service[test service].code",
        ("not a valid code", "A-Z"),
    ),
    "bad attribute code": (
        ('code = "choix"', 'code = "Choix!"'),
        "service[TEST-SERVICE].attribute[Choix!].code",
        ("not a valid code",),
    ),
    "bad datatype": (
        ('datatype = "singlevaluelist"', 'datatype = "colour"'),
        "service[TEST-SERVICE].attribute[choix].datatype",
        ("colour", "multivaluelist", "text"),
    ),
    "bad nature": (
        ('nature = "request"', 'nature = "demand"'),
        "service[TEST-SERVICE].nature",
        ("demand", "request, complaint, information, comment"),
    ),
    "bad delay unit": (
        ('unit = "business_days"', 'unit = "days"'),
        "service[TEST-SERVICE].delay.unit",
        ("days", "business_days, business_hours, hours"),
    ),
    "zero delay": (
        ("value = 5", "value = 0"),
        "service[TEST-SERVICE].delay.value",
        ("not positive",),
    ),
    "negative delay": (
        ("value = 5", "value = -2"),
        "service[TEST-SERVICE].delay.value",
        ("not positive",),
    ),
    "unknown delay key": (
        ("value = 5,", "value = 5, per = 1,"),
        "service[TEST-SERVICE].delay.per",
        ("unknown",),
    ),
    "list without values": (
        ('values = [{ key = "a", name_fr = "A", name_en = "A" }]\n', ""),
        "service[TEST-SERVICE].attribute[choix].values",
        ("missing", "singlevaluelist"),
    ),
    "list with empty values": (
        ('values = [{ key = "a", name_fr = "A", name_en = "A" }]', "values = []"),
        "service[TEST-SERVICE].attribute[choix].values",
        ("empty",),
    ),
    "values on a non-list datatype": (
        ('datatype = "singlevaluelist"', 'datatype = "string"'),
        "service[TEST-SERVICE].attribute[choix].values",
        ("only list datatypes", "remove"),
    ),
    "duplicate value key": (
        (
            '{ key = "a", name_fr = "A", name_en = "A" }',
            '{ key = "a", name_fr = "A", name_en = "A" }, { key = "a", name_fr = "B" }',
        ),
        "service[TEST-SERVICE].attribute[choix].values[a].key",
        ("duplicate key 'a'",),
    ),
    "non-positive order": (
        ("order = 1", "order = 0"),
        "service[TEST-SERVICE].attribute[choix].order",
        ("not positive",),
    ),
    "wrong type": (
        ("required = true", 'required = "yes"'),
        "service[TEST-SERVICE].attribute[choix].required",
        ("true or false", "text"),
    ),
    "unknown group": (
        ('group = "voirie"', 'group = "nowhere"'),
        "service[TEST-SERVICE].group",
        ("unknown group 'nowhere'", "routing.toml", "voirie"),
    ),
    "syntax": (
        ("order = 1", "order = "),
        "syntax",
        ("invalid TOML", "line 16"),
    ),
}


@pytest.mark.parametrize("case", sorted(SERVICE_CASES))
def test_services_problem_names_file_and_field(tmp_path: Path, case: str) -> None:
    (old, new), field, words = SERVICE_CASES[case]
    problems = _problems(tmp_path, _replace(SERVICE, old, new))
    _assert_named(problems, "services.toml", field, *words)


def test_duplicate_service_code(tmp_path: Path) -> None:
    problems = _problems(tmp_path, SERVICE + SERVICE)
    _assert_named(problems, "services.toml", "service[TEST-SERVICE].code", "duplicate service")


def test_duplicate_attribute_code_and_order(tmp_path: Path) -> None:
    services = SERVICE + _replace(_replace(SECOND_ATTRIBUTE, '"autre"', '"choix"'), "2", "1")
    problems = _problems(tmp_path, services)
    field = "service[TEST-SERVICE].attribute[choix]"
    _assert_named(problems, "services.toml", f"{field}.code", "duplicate attribute code")
    _assert_named(problems, "services.toml", f"{field}.order", "already used")


def test_unknown_top_level_key_in_services(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "version = 2\n" + SERVICE)
    _assert_named(problems, "services.toml", "version", "unknown key", "service")


AGGLOMERATION_UNIT = 'scope = "agglomeration"\nunit = "AMD"'
LOCAL_TEMPLATE = 'scope = "local"\nunit = "TP-{arrondissement}"'
RULE = '\n[[rule]]\narrondissement = "{arr}"\ngroup = "{group}"\nunit = "{unit}"\n'

ROUTING_CASES = {
    "unknown key": (("timezone =", "colour = 1\ntimezone ="), "colour", ("unknown key",)),
    "unknown timezone": (
        ('"America/Montreal"', '"Mars/Olympus"'),
        "timezone",
        ("unknown time zone", "IANA"),
    ),
    "malformed office hours": (
        ('start = "08:30"', 'start = "8h30"'),
        "office_hours.start",
        ("08:30",),
    ),
    "office hours reversed": (
        ('start = "08:30", end = "17:00"', 'start = "17:00", end = "08:30"'),
        "office_hours",
        ("must be before",),
    ),
    "office hours equal": (
        ('end = "17:00"', 'end = "08:30"'),
        "office_hours",
        ("must be before",),
    ),
    "unknown after-hours unit": (
        ('after_hours_unit = "CS-247"', 'after_hours_unit = "NOPE"'),
        "after_hours_unit",
        ("unknown unit 'NOPE'", "[[unit]]"),
    ),
    "unknown agglomeration unit": (
        (AGGLOMERATION_UNIT, 'scope = "agglomeration"\nunit = "NOPE"'),
        "group[stationnement].unit",
        ("unknown unit 'NOPE'",),
    ),
    "bad scope": (
        (AGGLOMERATION_UNIT, 'scope = "island"\nunit = "AMD"'),
        "group[stationnement].scope",
        ("local, agglomeration",),
    ),
    "template without placeholder": (
        (LOCAL_TEMPLATE, 'scope = "local"\nunit = "TP"'),
        "group[voirie].unit",
        ("{arrondissement}",),
    ),
    "template with unknown placeholder": (
        (LOCAL_TEMPLATE, 'scope = "local"\nunit = "TP-{borough}"'),
        "group[voirie].unit",
        ("placeholder", "borough"),
    ),
    "template giving a bad unit code": (
        (LOCAL_TEMPLATE, 'scope = "local"\nunit = "tp-{arrondissement}"'),
        "group[voirie].unit",
        ("tp-", "not a valid unit code"),
    ),
    "same unit, different names": (
        ('unit_name_fr = "Travaux publics – {name}"', 'unit_name_fr = "Travaux – {name}"'),
        "group[collectes].unit_name_fr",
        ("TP-AC", "Travaux – Ahuntsic", "same names"),
    ),
    "bad arrondissement code": (
        ('code = "VM"', 'code = "vm"'),
        "arrondissement[vm].code",
        ("capital letters",),
    ),
    "duplicate arrondissement": (
        ('code = "AN"', 'code = "AC"'),
        "arrondissement[AC].code",
        ("duplicate",),
    ),
    "bad kind": (
        ('kind = "related_city"', 'kind = "town"'),
        "arrondissement[BDU].kind",
        ("related_city",),
    ),
    "duplicate unit": (
        ('code = "CS-311"', 'code = "CS-247"'),
        "unit[CS-247].code",
        ("duplicate unit",),
    ),
    "duplicate group": (
        ('code = "taxes"', 'code = "stationnement"'),
        "group[stationnement].code",
        ("duplicate",),
    ),
    "syntax": (('timezone = "America/Montreal"', "timezone = America"), "syntax", ("line 4",)),
}


@pytest.mark.parametrize("case", sorted(ROUTING_CASES))
def test_routing_problem_names_file_and_field(tmp_path: Path, case: str) -> None:
    (old, new), field, words = ROUTING_CASES[case]
    problems = _problems(tmp_path, routing=_replace(ROUTING, old, new))
    _assert_named(problems, "routing.toml", field, *words)


RULE_CASES = {
    "unknown unit": ({"arr": "VM", "group": "proprete", "unit": "NOPE"}, "unit", "unknown unit"),
    "generated unit": ({"arr": "VM", "group": "proprete", "unit": "TP-VM"}, "unit", "[[unit]]"),
    "unknown arrondissement": (
        {"arr": "ZZ", "group": "proprete", "unit": "CS-311"},
        "arrondissement",
        "unknown arr",
    ),
    "unknown group": ({"arr": "VM", "group": "nope", "unit": "CS-311"}, "group", "unknown group"),
    "related city, local group": (
        {"arr": "WMT", "group": "voirie", "unit": "CS-311"},
        "arrondissement",
        "related city",
    ),
}


@pytest.mark.parametrize("case", sorted(RULE_CASES))
def test_rule_problem_names_file_and_field(tmp_path: Path, case: str) -> None:
    values, field, words = RULE_CASES[case]
    problems = _problems(tmp_path, routing=ROUTING + RULE.format(**values))
    _assert_named(problems, "routing.toml", f"rule #1.{field}", words)


def test_duplicate_rule(tmp_path: Path) -> None:
    rule = RULE.format(arr="VM", group="taxes", unit="CS-311")
    problems = _problems(tmp_path, routing=ROUTING + rule + rule)
    _assert_named(problems, "routing.toml", "rule #2.group", "already exists")


def test_missing_routing_keys(tmp_path: Path) -> None:
    problems = _problems(tmp_path, routing='timezone = "America/Montreal"\n')
    for key in ("office_hours", "after_hours_unit", "unit", "group", "arrondissement"):
        _assert_named(problems, "routing.toml", key, "missing")


def test_missing_file(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "services.toml").unlink()
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    _assert_named(info.value.problems, "services.toml", "file", "not found")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    services = _replace(
        _replace(SERVICE, 'nature = "request"', 'nature = "x"'), "value = 5", "value = 0"
    )
    routing = _replace(ROUTING, '"America/Montreal"', '"Nowhere/City"')
    problems = _problems(tmp_path, services, routing)
    assert len(problems) == 3
    _assert_named(problems, "routing.toml", "timezone", "unknown time zone")
    _assert_named(problems, "services.toml", "service[TEST-SERVICE].nature", "x")
    _assert_named(problems, "services.toml", "service[TEST-SERVICE].delay.value", "positive")


def test_syntax_errors_in_both_files_are_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "[[service]\n", "timezone = \n")
    _assert_named(problems, "services.toml", "syntax", "line 1")
    _assert_named(problems, "routing.toml", "syntax", "line 1")

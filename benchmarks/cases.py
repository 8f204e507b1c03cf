"""Case-history benchmark: lookups by case number, phone, e-mail and address, and saves of
new requests, on a local store holding N generated requests (three years of a busy city).

    python benchmarks/cases.py [--requests 1000000] [--data-dir DIR [--reuse]] [--keep]
                               [--queries 300] [--saves 300] [--explain]

The store is generated in bulk into the real migrated schema, in a child process so the
figures of memory below are those of a console, not of the generator. Each lookup goes
through the workspace as the console calls it (one short transaction each); the queries
are drawn from the generated data and typed the ways agents type them. Target: lookup
p95 <= 20 ms over 1 M cached cases, save (service call to committed row and outbox)
p95 <= 20 ms. Prints a readable report; the last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from itertools import accumulate
from pathlib import Path
from typing import Any, Generic, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from app.domain import request_terms as terms  # noqa: E402
from app.domain.case_numbers import CaseNumber  # noqa: E402
from app.domain.catalogue import Delay, Service  # noqa: E402
from app.domain.routing import RoutingError, route  # noqa: E402
from app.domain.sla import due_at  # noqa: E402
from app.domain.text import fold  # noqa: E402
from app.domain.validation import ValidationError, clean_attributes  # noqa: E402
from app.domain.workdays import is_business_day, zone  # noqa: E402
from app.models.store import STORE_FILENAME, open_store  # noqa: E402
from app.services.addresses import street_key  # noqa: E402
from app.services.catalogue_files import bundled_catalogue  # noqa: E402
from app.services.citizens import CitizenDraft  # noqa: E402
from app.services.intake import Draft  # noqa: E402
from app.services.workspace import Workspace, open_workspace  # noqa: E402

T = TypeVar("T")
TARGET_P95_MS = 20.0
MARKER = "bench.cases"  # store_meta key: this store was generated here, with these counts
YEARS = 3
STATIONS = 200
BATCH = 50_000


# -- vocabulary -------------------------------------------------------------------------------
def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


FIRST_NAMES = _words(
    "Jean Marie Luc Sophie Julie Marc Nathalie Pierre Isabelle Michel Chantal Louis Caroline "
    "François Martine Daniel Mélanie Alain Geneviève Stéphane Valérie Sylvain Karine Éric "
    "Annie Patrick Josée Mathieu Catherine Simon Émilie Olivier Audrey Gabriel Léa Samuel "
    "Chloé Alexandre Camille William Rosalie Mohamed Fatima Ahmed Yasmine Nguyen Linh Carlos "
    "Ana Giovanni Rosa Dimitri Elena Ravi Priya Wei Mei David Sarah Michael Emma"
)
LAST_NAMES = _words(
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier "
    "Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre Nadeau Martin "
    "Landry Martel Bédard Grenier Lessard Bernier Richard Michaud Hébert Desjardins Couture "
    "Turcotte Lachance Parent Blais Gosselin Savard Proulx Beaudoin Demers Perreault Nguyen "
    "Tran Rossi Russo Haddad Khoury Benali Cohen Smith Brown Wilson Campbell Joseph Pierre "
    "Jean-Baptiste Da-Silva Santos Gonzalez Chen Wang Li Singh Patel"
)
DOMAINS = (
    ("gmail.com", 40),
    ("hotmail.com", 18),
    ("videotron.ca", 14),
    ("outlook.com", 8),
    ("yahoo.ca", 7),
    ("sympatico.ca", 5),
    ("bell.net", 4),
    ("icloud.com", 4),
)
AREA_CODES = (("514", 55), ("438", 25), ("450", 15), ("263", 5))
CHANNELS = (
    ("phone", 62),
    ("web", 18),
    ("mobile", 10),
    ("email", 5),
    ("counter", 4),
    ("mail", 1),
)
REAL_STREETS = _words(
    "rue Saint-Denis; boul. Saint-Laurent; av. du Parc; rue Sherbrooke Ouest; rue Sherbrooke "
    "Est; rue Sainte-Catherine Ouest; rue Sainte-Catherine Est; boul. René-Lévesque Ouest; "
    "rue Notre-Dame Ouest; rue Notre-Dame Est; av. du Mont-Royal Est; rue Rachel Est; "
    "av. Papineau; av. De Lorimier; rue Ontario Est; rue Jean-Talon Est; rue Jean-Talon Ouest; "
    "boul. Rosemont; rue Beaubien Est; rue Bélanger; boul. Henri-Bourassa Est; "
    "boul. Gouin Ouest; rue Fleury Est; rue Masson; rue Wellington; rue Saint-Hubert; "
    "av. Christophe-Colomb; boul. Pie-IX; rue Hochelaga; chemin de la Côte-des-Neiges; "
    "chemin de la Côte-Sainte-Catherine; boul. Décarie; av. Van Horne; rue Saint-Jacques; "
    "rue de la Commune Ouest; av. Laurier Ouest; rue Saint-Viateur Ouest; av. Fairmount Ouest; "
    "rue Bernard Ouest; boul. de Maisonneuve Ouest; rue Peel; rue Crescent; rue Drummond; "
    "rue Guy; av. Atwater; rue Saint-Paul Ouest; av. de l'Esplanade; rue Clark; "
    "rue Saint-Urbain; av. Querbes; av. Durocher; rue Villeneuve Ouest; boul. Saint-Joseph Est; "
    "rue Marie-Anne Est; rue Cherrier; rue Amherst; rue Panet; av. Coloniale; rue Berri; "
    "rue Saint-André; av. Bloomfield; rue Jarry Est; boul. Crémazie Est; "
    "boul. Métropolitain Est; rue Sauvé Ouest; rue Lajeunesse; boul. Lacordaire; "
    "boul. Langelier; boul. Viau; rue Dickson; av. Greene; av. Monkland; boul. Cavendish; "
    "av. Somerled; chemin Queen-Mary; av. Victoria; boul. Édouard-Montpetit; boul. LaSalle; "
    "rue Centre; rue Charlevoix; boul. Newman; boul. Champlain; rue Saint-Zotique Est; "
    "av. des Pins Ouest; rue de la Gauchetière Ouest; boul. de l'Assomption; "
    "place d'Youville; rue Sainte-Famille; av. Henri-Julien; rue Fullum; rue Frontenac; "
    "rue Sicard; av. Bennett; rue Sainte-Rose; boul. des Galeries-d'Anjou; "
    "boul. Lévesque Est; boul. Gouin Est; rue Beaubien Ouest; av. Mozart Est; "
    "1re Avenue; 2e Avenue; 3e Avenue; 6e Avenue; 8e Avenue; 10e Avenue; 12e Avenue; "
    "16e Avenue; 19e Avenue; 24e Avenue",
    "; ",
)
STREET_TYPES = (
    ("rue", 62),
    ("av.", 15),
    ("boul.", 7),
    ("ch.", 4),
    ("place", 4),
    ("croissant", 3),
    ("terrasse", 2),
    ("impasse", 2),
    ("montée", 1),
)
SAINTS = _words(
    "Antoine André Augustin Charles Denis Dominique Édouard Eugène Firmin Georges Hubert "
    "Ignace Jacques Joseph Jude Laurent Louis Marc Mathieu Michel Patrick Paul Philippe "
    "Pierre Roch Sulpice Timothée Urbain Viateur Vallier Zotique Zéphirin Ambroise Rémi"
)
SAINTES = _words("Anne Catherine Claire Croix Famille Hélène Julie Marguerite Rose Thérèse")
PLURALS = _words(
    "Érables Pins Ormes Chênes Bouleaux Cèdres Saules Lilas Pommiers Merisiers Hêtres "
    "Tilleuls Peupliers Mélèzes Sapins Noyers Frênes Cerisiers Pruches Trembles Épinettes"
)
NOUNS = _words(
    "Commune Montagne Rivière Fabrique Gare Savane Seigneurie Visitation Roche Cathédrale "
    "Presqu'île Canardière Poudrière Fonderie Tannerie Pinière Prairie Sablière"
)
STEMS = _words(
    "bel mar val ber lan cor dor fer gal lor mon nor pel ros sal tor ver bon cha gra lav "
    "mer ric lac bro cla fon ham lin mou"
)
ENDINGS = _words("ier ière ard eau ette ville mont ais ot on ault in ange erie aire")
DESCRIPTIONS = (
    "Nid-de-poule profond dans la voie de droite.",
    "Le citoyen signale que le problème revient chaque printemps.",
    "Lampadaire éteint depuis plusieurs soirs, coin de rue très sombre.",
    "Les bacs n'ont pas été ramassés cette semaine.",
    "Arbre endommagé après la tempête, une branche menace de tomber.",
    "Bouche d'égout obstruée, l'eau s'accumule lors des pluies.",
    "Graffitis sur le mur de l'école, côté ruelle.",
    "Dépôt sauvage de meubles sur le trottoir.",
    "Trottoir glacé, aucun épandage d'abrasif.",
    "Bruit de chantier avant 7 h le matin.",
    "Fuite d'eau visible sur la chaussée.",
    "Panneau d'arrêt renversé à l'intersection.",
    "The resident says the issue was already reported last month.",
    "Citoyenne âgée, rappeler en après-midi de préférence.",
    "Feu de circulation bloqué au rouge.",
)
CLOSING_NOTES = ("Travaux effectués.", "Intervention complétée.", "Dossier fermé.", "")


class Picker(Generic[T]):
    """A weighted draw in O(log n): random.choices re-adds the weights on every call."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    @classmethod
    def of(cls, pairs: Sequence[tuple[T, float]]) -> Picker[T]:
        return cls([p[0] for p in pairs], [p[1] for p in pairs])

    def __call__(self, rng: random.Random) -> T:
        return self.items[
            min(bisect(self.cumulative, rng.random() * self.total), len(self.items) - 1)
        ]


AREA_CODE = Picker.of(AREA_CODES)
DOMAIN = Picker.of(DOMAINS)
CHANNEL = Picker.of(CHANNELS)
STREET_TYPE = Picker.of(STREET_TYPES)


def new_id(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator: reruns generate the same store."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def stored_datetime(value: datetime) -> str:
    """As SQLAlchemy's DateTime writes UtcDateTime on SQLite: naive UTC, microseconds."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


# -- streets ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Street:
    name: str
    key: str
    arrondissement: str
    max_civic: int


def _synthetic_street(rng: random.Random) -> str:
    kind = STREET_TYPE(rng)
    roll = rng.random()
    if roll < 0.2:
        name = (
            f"Saint-{rng.choice(SAINTS)}"
            if rng.random() < 0.75
            else f"Sainte-{rng.choice(SAINTES)}"
        )
    elif roll < 0.3:
        name = f"des {rng.choice(PLURALS)}"
    elif roll < 0.38:
        name = f"de la {rng.choice(NOUNS)}"
    elif roll < 0.6:
        name = f"{rng.choice(FIRST_NAMES)}-{rng.choice(LAST_NAMES)}"
    elif roll < 0.8:
        name = rng.choice(LAST_NAMES)
    else:
        name = (rng.choice(STEMS) + rng.choice(ENDINGS)).capitalize()
    if rng.random() < 0.12:
        name += rng.choice((" Est", " Ouest", " Nord", " Sud"))
    return f"{kind} {name}"


def make_streets(rng: random.Random, count: int, arrondissements: list[str]) -> list[Street]:
    """Real arteries first (the busiest), then invented streets; one per distinct key."""
    streets: list[Street] = []
    seen: set[str] = set()
    real = iter(REAL_STREETS)
    attempts = 0
    while len(streets) < count:
        attempts += 1
        if attempts > count * 50:
            raise SystemExit(f"cannot invent {count} distinct streets; ask for fewer")
        name = next(real, None) or _synthetic_street(rng)
        key = street_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        big = len(streets) < len(REAL_STREETS)
        streets.append(
            Street(
                name,
                key,
                rng.choice(arrondissements),
                rng.randint(3000, 12000) if big else rng.randint(100, 4000),
            )
        )
    return streets


# -- generation ---------------------------------------------------------------------------------
class _Catalogue:
    """What the generator needs from the catalogue, computed once per service."""

    def __init__(self, rng: random.Random) -> None:
        cat = bundled_catalogue()
        self.table = cat.routing
        self.tz = zone(self.table.timezone)
        self.arrondissements = [
            code for code, arr in self.table.arrondissements.items() if arr.kind == "arrondissement"
        ]
        probe = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
        self.services: list[Service] = sorted(cat.services.values(), key=lambda s: s.code)
        rng.shuffle(self.services)
        self.routable: dict[str, list[str]] = {}
        self.units: dict[tuple[str, str], str] = {}
        for service in self.services:
            ok = []
            for arr in [*self.arrondissements, ""]:
                try:
                    unit = route(self.table, service, arr or None, probe).unit.code
                except RoutingError:
                    continue
                ok.append(arr)
                self.units[(service.code, arr)] = unit
            self.routable[service.code] = ok
        # A service no arrondissement can route would be refused at the counter.
        self.services = [s for s in self.services if self.routable[s.code]]
        # A few services make most of the volume (potholes, collections, snow removal).
        self.service = Picker(self.services, [1 / (rank + 1) for rank in range(len(self.services))])
        self.attributes = {
            s.code: json.dumps(filled_attributes(s, clean=True)) for s in self.services
        }
        self._routed: dict[tuple[str, bool], str] = {}
        self._due: dict[tuple[Delay, date, int], str] = {}
        self._business: dict[date, bool] = {}

    def routed(self, unit: str, after_hours: bool) -> str:
        key = (unit, after_hours)
        if key not in self._routed:
            units = self.table.units
            handled = units[self.table.after_hours_unit] if after_hours else units[unit]
            self._routed[key] = json.dumps(
                {
                    "unit": unit,
                    "unit_name": units[unit].name_fr,
                    "handled_by": handled.code,
                    "handled_by_name": handled.name_fr,
                    "after_hours": after_hours,
                }
            )
        return self._routed[key]

    def business_day(self, day: date) -> bool:
        if day not in self._business:
            self._business[day] = is_business_day(day)
        return self._business[day]

    def due(self, created: datetime, local: datetime, delay: Delay) -> str:
        if delay.unit == "hours":
            return stored_datetime(created + timedelta(hours=delay.value))
        # Business-day delays end at closing time whatever the hour; office-hour ones are
        # cached to the hour, close enough for a store meant for lookups.
        hour = local.hour if delay.unit == "business_hours" else 0
        key = (delay, local.date(), hour)
        if key not in self._due:
            self._due[key] = stored_datetime(due_at(created, delay, self.table))
        return self._due[key]


def filled_attributes(service: Service, clean: bool = False) -> dict[str, Any]:
    """Its required attributes filled in as the form would (cleaned as the store keeps them)."""
    raw: dict[str, Any] = {}
    for attr in service.attributes:
        if not attr.required:
            continue
        if attr.datatype == "singlevaluelist":
            raw[attr.code] = attr.values[0].key
        elif attr.datatype == "multivaluelist":
            raw[attr.code] = [attr.values[0].key]
        elif attr.datatype == "number":
            raw[attr.code] = "3"
        elif attr.datatype == "datetime":
            raw[attr.code] = "2026-11-20T10:00:00-05:00" if clean else "2026-11-20 10:00"
        else:
            raw[attr.code] = "x"
    return clean_attributes(service, raw) if clean else raw


def _citizen_rows(
    rng: random.Random, count: int, start: datetime, span_s: float
) -> Iterator[tuple]:
    for _ in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        roll = rng.random()
        phone = email = ""
        if roll < 0.9:
            area = AREA_CODE(rng)
            phone = f"{area}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        if roll > 0.45:
            local = fold(f"{first}.{last}").replace(" ", "").replace("'", "")
            suffix = str(rng.randint(1, 99)) if rng.random() < 0.6 else ""
            email = f"{local}{suffix}@{DOMAIN(rng)}"
        at = stored_datetime(start + timedelta(seconds=rng.random() * span_s))
        language = "fr" if rng.random() < 0.8 else "en"
        yield (new_id(rng), f"{first} {last}", phone, email, "", language, 1, at, at)


def _created_times(rng: random.Random, count: int, days: int) -> list[tuple[int, int]]:
    """(days ago, local second of the day), oldest first; calls cluster in office hours."""
    weights = [1, 1, 1, 1, 1, 1, 2, 5, 10, 12, 12, 11, 10, 11, 11, 10, 9, 7, 5, 4, 3, 3, 2, 1]
    hour = Picker(range(24), weights)
    out = [(rng.randint(1, days), hour(rng) * 3600 + rng.randrange(3600)) for _ in range(count)]
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def _status(rng: random.Random, age_days: int) -> str:
    closed = 0.95 if age_days > 90 else 0.7 if age_days > 14 else 0.3
    if rng.random() < closed:
        roll = rng.random()
        return "terminee" if roll < 0.88 else "refusee" if roll < 0.94 else "annulee"
    return rng.choice(("transmise", "acceptee", "prise_en_charge", "prise_en_charge", "urgente"))


def generate(data_dir: Path, requests: int, citizens: int, streets: int, seed: int) -> None:
    """Fill a store created by open_store with generated history, in bulk."""
    rng = random.Random(seed)
    store = open_store(data_dir)
    store.close()
    cat = _Catalogue(rng)
    street_list = make_streets(rng, streets, cat.arrondissements)
    # The busiest streets get a few percent of all requests, the quietest a handful.
    street_at = Picker(street_list, [1 / (rank + 10) ** 0.9 for rank in range(len(street_list))])
    agents = [f"agent{n:03d}" for n in range(1, 301)]
    now = datetime.now(UTC)
    days = int(YEARS * 365.25)
    span_start = now - timedelta(days=days + 1)
    office = (cat.table.office_start, cat.table.office_end)

    conn = sqlite3.connect(data_dir / STORE_FILENAME, isolation_level=None)
    # Generation only: no journal and no fsync (a crash leaves no marker, hence no reuse),
    # a page cache large enough that the random-UUID primary keys do not thrash.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    conn.execute("PRAGMA temp_store=MEMORY")
    marker = {"requests": requests, "citizens": citizens, "streets": streets, "seed": seed}
    conn.execute(
        "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)",
        (MARKER, json.dumps({**marker, "complete": False})),
    )

    conn.execute("BEGIN")
    citizen_ids: list[str] = []
    rows = _citizen_rows(rng, citizens, span_start, days * 86400)
    while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
        citizen_ids.extend(row[0] for row in batch)
        conn.executemany("INSERT INTO citizens VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    conn.execute("COMMIT")
    # One citizen in 25 calls again and again: about 45% of the cases that name someone.
    regulars = max(1, citizens // 25)

    request_sql = (
        "INSERT INTO requests (id, case_number, service_code, service_name, nature, channel, "
        "status, status_notes, description, attributes, civic_number, street, street_key, "
        "postal_code, arrondissement, lat, long, citizen_id, agent, responsible_unit, "
        "handled_by, parent_case_number, created_at, due_at, updated_at, revision) "
        "VALUES (" + ", ".join("?" * 26) + ")"
    )
    event_sql = (
        "INSERT INTO request_events (request_id, kind, actor, at, data) VALUES (?, ?, ?, ?, ?)"
    )
    sequences: dict[tuple[int, int], int] = {}
    today = now.astimezone(cat.tz).date()
    times = _created_times(rng, requests, days)
    req_rows: list[tuple] = []
    link_rows: list[tuple[str, str]] = []
    event_rows: list[tuple] = []
    for n, (days_ago, second) in enumerate(times, start=1):
        day = today - timedelta(days=days_ago)
        local = datetime.combine(day, clock(second // 3600, second // 60 % 60, second % 60))
        local = local.replace(tzinfo=cat.tz)
        created = local.astimezone(UTC)
        at = stored_datetime(created)
        service = cat.service(rng)
        ok = cat.routable[service.code]
        civic = street = key = postal = ""
        lat = lon = None
        arr = rng.choice(ok) if ok else ""
        if service.geographic:
            where = street_at(rng)
            civic = str(rng.randint(1, where.max_civic))
            if rng.random() < 0.03:
                civic += rng.choice("AB")
            street, key = where.name, where.key
            arr = where.arrondissement if where.arrondissement in ok else arr
            postal = f"H{rng.randint(1, 9)}{rng.choice('ABCEGHJKLMNPRSTVXYZ')} {rng.randint(1, 9)}"
            postal += f"{rng.choice('ABCEGHJKLMNPRSTVXYZ')}{rng.randint(0, 9)}"
            lat = round(45.41 + rng.random() * 0.29, 6)
            lon = round(-73.97 + rng.random() * 0.5, 6)
        unit = cat.units.get((service.code, arr), "")
        after_hours = not (cat.business_day(day) and office[0] <= local.time() < office[1])
        handled = cat.table.after_hours_unit if after_hours else unit
        status = _status(rng, days_ago)
        closed = status in terms.CLOSED_STATUSES
        updated = at
        notes = ""
        if closed:
            updated = stored_datetime(min(now, created + timedelta(hours=rng.randint(2, 24 * 30))))
            notes = rng.choice(CLOSING_NOTES)
        description = ""
        if service.nature != "request" or rng.random() < 0.6:
            description = " ".join(rng.sample(DESCRIPTIONS, rng.randint(1, 3)))
        citizen_id = None
        if citizens and rng.random() < 0.7:
            pick = rng.randrange(regulars) if rng.random() < 0.45 else rng.randrange(citizens)
            citizen_id = citizen_ids[pick]
        year = local.year
        station = rng.randint(1, STATIONS)
        sequence = sequences.get((year, station), 0) + 1
        sequences[(year, station)] = sequence
        request_id = new_id(rng)
        channel = CHANNEL(rng)
        agent = rng.choice(agents)
        req_rows.append(
            (
                request_id,
                str(CaseNumber(year, station, sequence)),
                service.code,
                service.name_fr,
                service.nature,
                channel,
                status,
                notes,
                description,
                cat.attributes[service.code],
                civic,
                street,
                key,
                postal,
                arr,
                lat,
                lon,
                citizen_id,
                agent,
                unit,
                handled,
                None,
                at,
                cat.due(created, local, service.delay),
                updated,
                n,
            )
        )
        if citizen_id is not None:
            link_rows.append((request_id, citizen_id))
        created_data = json.dumps({"channel": channel, "service_code": service.code})
        event_rows.append((request_id, "created", agent, at, created_data))
        event_rows.append((request_id, "routed", agent, at, cat.routed(unit, after_hours)))
        if len(req_rows) >= BATCH or n == requests:
            conn.execute("BEGIN")
            conn.executemany(request_sql, req_rows)
            conn.executemany("INSERT INTO case_citizens VALUES (?, ?)", link_rows)
            conn.executemany(event_sql, event_rows)
            conn.execute("COMMIT")
            req_rows.clear()
            link_rows.clear()
            event_rows.clear()
            if n % (BATCH * 4) == 0:
                print(f"  {n:,} requests", flush=True)

    conn.execute("ANALYZE")
    conn.execute(
        "UPDATE store_meta SET value = ? WHERE key = ?",
        (json.dumps({**marker, "complete": True}), MARKER),
    )
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    # Written without fsync: flush now, or the first checkpoint after a save pays for it.
    fd = os.open(data_dir / STORE_FILENAME, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _generate_child(data_dir: str, requests: int, citizens: int, streets: int, seed: int) -> None:
    generate(Path(data_dir), requests, citizens, streets, seed)


def bench_marker(data_dir: Path) -> dict[str, Any] | None:
    """The generator's marker if data_dir holds a store it made; raises if a foreign one."""
    path = data_dir / STORE_FILENAME
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM store_meta WHERE key = ?", (MARKER,)).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        conn.close()
    if row is None:
        # Never wipe what may be an agent's real store.
        raise SystemExit(f"{path} was not generated by this benchmark; choose another --data-dir")
    return dict(json.loads(row[0]))


def remove_store(data_dir: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"{STORE_FILENAME}{suffix}").unlink(missing_ok=True)


# -- queries ------------------------------------------------------------------------------------
def _sample(conn: sqlite3.Connection, rng: random.Random, sql: str, count: int) -> list[tuple]:
    """Rows of `sql` (from requests r, ending in a WHERE clause) for random requests: busy
    streets and frequent callers come up as often as they call."""
    top = conn.execute("SELECT max(rowid) FROM requests").fetchone()[0]
    rows: list[tuple] = []
    for _ in range(10):  # a kind of row this rare cannot fill its share: take what came
        if len(rows) >= count or not top:
            break
        ids = rng.sample(range(1, top + 1), min(top, count * 2))
        marks = ", ".join("?" * len(ids))
        rows += conn.execute(f"{sql} AND r.rowid IN ({marks})", ids).fetchall()
    rng.shuffle(rows)
    return rows[:count]


def _case_forms(rng: random.Random, number: str) -> str:
    digits = number.replace("-", "")
    return rng.choice(
        (number, digits, f"{digits[:2]} {digits[2:5]} {digits[5:11]} {digits[11]}", number)
    )


def _mistyped(rng: random.Random, number: str) -> str:
    """One wrong digit or two swapped neighbours: Damm's check catches both."""
    digits = list(number.replace("-", ""))
    if rng.random() < 0.7:
        i = rng.randrange(12)
        digits[i] = rng.choice([d for d in "0123456789" if d != digits[i]])
    else:
        i = rng.choice([i for i in range(11) if digits[i] != digits[i + 1]])
        digits[i], digits[i + 1] = digits[i + 1], digits[i]
    d = "".join(digits)
    return f"{d[:2]}-{d[2:5]}-{d[5:11]}-{d[11]}"


def _phone_forms(rng: random.Random, phone: str) -> str:
    d = phone.replace("-", "")
    return rng.choice((phone, f"({d[:3]}) {d[3:6]}-{d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d))


MONTREAL_AREA_CODES = ("514", "438", "263")


def _local_forms(rng: random.Random, phone: str) -> str:
    local = phone[4:]  # 555-0123
    return rng.choice((local, local.replace("-", ""), local.replace("-", " ")))


_TYPE_WORDS = {
    "rue": ("rue", "Rue"),
    "av.": ("av.", "avenue", "Avenue", "ave"),
    "boul.": ("boul.", "boulevard", "Boul", "bd"),
    "ch.": ("ch.", "chemin", "Chemin"),
}


def _split_type(name: str) -> tuple[str, str]:
    kind, _, rest = name.partition(" ")
    if kind.lower() not in _TYPE_WORDS and kind not in ("place", "croissant", "terrasse"):
        return "", name  # "1re Avenue", typed as is
    return kind, rest


def street_forms(rng: random.Random, name: str) -> str:
    """The street as an agent may type it: type spelled out, abbreviated, moved or left
    out, Saint as St, no accents, other case. Only forms with the same key are kept."""
    key = street_key(name)
    kind, rest = _split_type(name)
    candidates = [name]
    words = _TYPE_WORDS.get(kind, (kind,))
    short = rest.replace("Saint-", "St-").replace("Sainte-", "Ste-")
    candidates += [
        rest,
        short,
        f"{rng.choice(words)} {short}",
        f"{short} {rng.choice(words)}",
        fold(name),
        name.upper(),
        rest.lower().replace("-", " "),
    ]
    form = " ".join(rng.choice(candidates).split())
    return form if street_key(form) == key else name


def _prefix(rng: random.Random, name: str) -> str:
    """What has been typed of the street's name so far (the type left out)."""
    rest = _split_type(name)[1]
    typed = rest[: rng.randint(len(rest) // 2 + 1, len(rest))].rstrip(" -'")
    # A bare "Saint" or "rue" is not a lookup anyone waits on; the agent types on.
    key = street_key(typed)
    return typed if len(key) >= 4 and key not in ("saint", "sainte") else rest


def query_sets(path: Path, count: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        numbers = [
            r[0] for r in _sample(conn, rng, "SELECT case_number FROM requests r WHERE 1", count)
        ]
        people = _sample(
            conn,
            rng,
            "SELECT c.phone, c.email FROM requests r "
            "JOIN citizens c ON c.id = r.citizen_id WHERE 1",
            count * 3,
        )
        places = _sample(
            conn, rng, "SELECT civic_number, street FROM requests r WHERE street != ''", count * 2
        )
    finally:
        conn.close()
    phones = [p for p, _ in people if p][:count]
    emails = [e for _, e in people if e][:count]
    return {
        "case_number": [_case_forms(rng, n) for n in numbers],
        "case_number_typo": [_mistyped(rng, n) for n in numbers],
        "phone": [_phone_forms(rng, p) for p in phones],
        "email": [e.upper() if rng.random() < 0.1 else e for e in emails],
        "address": [
            f"{civic}{rng.choice((' ', ', '))}{street_forms(rng, street)}"
            for civic, street in places[:count]
        ],
        "street": [
            street_forms(rng, street) if rng.random() < 0.5 else _prefix(rng, street)
            for _, street in places[count:]
        ],
        "citizen_phone_prefix": [p.replace("-", "")[:6] for p in phones],
        # The 7-digit local number a caller gives (no area code): Montréal's codes only.
        "citizen_phone_local": [
            _local_forms(rng, p) for p in phones if p[:3] in MONTREAL_AREA_CODES
        ],
        "citizen_email_prefix": [e[:5] for e in emails],
    }


# -- measuring ----------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]

    return {"p50": pick(0.5), "p95": pick(0.95), "max": ordered[-1], "n": len(ordered)}


def found(result: Any) -> int:
    """How many things a lookup brought back (cases, suggestions or citizens)."""
    if isinstance(result, list):
        return len(result)
    return len(result.cases) + len(result.suggestions)


def time_calls(run: Callable[[str], Any], queries: list[str]) -> tuple[list[float], float]:
    samples = []
    hits = 0
    for q in queries:
        started = time.perf_counter()
        result = run(q)
        samples.append((time.perf_counter() - started) * 1000)
        hits += found(result) > 0
    return samples, hits / len(queries)


class StatementLog:
    """The SQL a call runs, to show its query plans."""

    def __init__(self, workspace: Workspace) -> None:
        self.engine = workspace.store.engine
        self.statements: list[tuple[str, Any]] = []
        event.listen(self.engine, "before_cursor_execute", self._record)

    def _record(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, params))

    def plans(self, run: Callable[[], Any]) -> list[tuple[str, list[str], int]]:
        self.statements = []
        run()
        out: list[tuple[str, list[str], int]] = []
        raw = self.engine.raw_connection()
        try:
            for statement, params in self.statements:
                text = " ".join(statement.split())
                if out and out[-1][0] == text:  # one per citizen found: say how many times
                    out[-1] = (text, out[-1][1], out[-1][2] + 1)
                    continue
                rows = raw.cursor().execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
                out.append((text, [str(r[-1]) for r in rows], 1))
        finally:
            raw.close()
        return out

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def save_draft(rng: random.Random, service: Service, street: str, i: int) -> Draft:
    return Draft(
        service_code=service.code,
        channel="phone",
        description="Nid-de-poule profond dans la voie de droite.",
        attributes=filled_attributes(service),
        civic_number=str(rng.randint(1, 9000)),
        street=street,
        arrondissement="PMR",
        new_citizen=CitizenDraft(
            f"Banc Essai {i}",
            f"514-{900 + i // 10000:03d}-{i % 10000:04d}",
            f"banc{i}@example.com",
            "fr",
        ),
    )


def forget_saves(path: Path) -> None:
    """Take the benchmark's own saves back out, so a rerun with --reuse measures the same
    store. The generated history came synced: everything in the outbox is ours."""
    saved = "SELECT id FROM requests WHERE case_number IN (SELECT target FROM outbox)"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute(f"DELETE FROM request_events WHERE request_id IN ({saved})")
        conn.execute(f"DELETE FROM case_citizens WHERE request_id IN ({saved})")
        conn.execute("DELETE FROM requests WHERE case_number IN (SELECT target FROM outbox)")
        conn.execute("DELETE FROM citizens WHERE id IN (SELECT target FROM outbox)")
        conn.execute("DELETE FROM outbox")
        conn.execute("DELETE FROM case_sequences")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def store_mb(data_dir: Path) -> float:
    files = [data_dir / STORE_FILENAME, data_dir / f"{STORE_FILENAME}-wal"]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def _row(name: str, fig: dict[str, float], extra: str = "") -> str:
    return (
        f"  {name:<21} p50 {fig['p50']:6.2f} ms   p95 {fig['p95']:6.2f} ms   "
        f"max {fig['max']:7.2f} ms   ({fig['n']:.0f}){extra}"
    )


# -- main ---------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, help="default: 40%% of --requests")
    parser.add_argument("--streets", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=300, help="timed lookups per kind")
    parser.add_argument("--saves", type=int, default=300, help="timed saves")
    parser.add_argument("--seed", type=int, default=311)
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="default: a temporary folder")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the store in --data-dir if it has --requests"
    )
    parser.add_argument("--explain", action="store_true", help="query plans of every kind")
    args = parser.parse_args()
    citizens = args.citizens if args.citizens is not None else args.requests * 2 // 5
    tmp = None if args.data_dir else Path(tempfile.mkdtemp(prefix="relais-cases-"))
    data_dir: Path = args.data_dir or tmp
    figures: dict[str, Any] = {"requests": args.requests, "citizens": citizens}
    try:
        marker = bench_marker(data_dir)
        wanted = {"requests": args.requests, "citizens": citizens, "streets": args.streets}
        if (
            args.reuse
            and marker
            and marker.get("complete")
            and all(marker.get(k) == v for k, v in wanted.items())
        ):
            print(f"Reusing the generated store in {data_dir}")
            figures["generate_s"] = None
        else:
            remove_store(data_dir)
            print(
                f"Generating {args.requests:,} requests, {citizens:,} citizens, "
                f"{args.streets:,} streets in {data_dir}"
            )
            started = time.perf_counter()
            child = multiprocessing.get_context("spawn").Process(
                target=_generate_child,
                args=(str(data_dir), args.requests, citizens, args.streets, args.seed),
            )
            child.start()
            child.join()
            if child.exitcode != 0:
                print("generation failed", file=sys.stderr)
                return 1
            figures["generate_s"] = round(time.perf_counter() - started, 1)
            print(f"Generated (with ANALYZE) in {figures['generate_s']} s")
        figures.update(run_benchmark(data_dir, args))
    finally:
        if tmp is not None and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp is not None:
            print(f"Store kept in {tmp} (rerun with --data-dir {tmp} --reuse)")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def run_benchmark(data_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    path = data_dir / STORE_FILENAME
    # Warm-up and timed queries are different draws: nothing timed was read just before.
    warm = query_sets(path, args.queries, args.seed + 1)
    timed = {k: v for k, v in query_sets(path, args.queries, args.seed + 2).items() if v}
    workspace = open_workspace(data_dir, load_bundled=False)
    try:
        calls: dict[str, Callable[[str], Any]] = {
            kind: workspace.find_cases for kind in timed if not kind.startswith("citizen_")
        }
        calls |= {kind: workspace.lookup_citizens for kind in timed if kind.startswith("citizen_")}
        for kind, run in calls.items():
            if warm[kind]:
                time_calls(run, warm[kind])
        per_kind: dict[str, dict[str, float]] = {}
        everything: list[float] = []
        print(f"\nLookups through the workspace ({args.queries} per kind, after a warm-up)")
        for kind, queries in timed.items():
            samples, hit_share = time_calls(calls[kind], queries)
            everything += samples
            fig = {k: round(v, 2) for k, v in percentiles(samples).items()}
            fig["found_share"] = round(hit_share, 3)
            per_kind[kind] = fig
            print(_row(kind, fig, f"  found something: {hit_share:.0%}"))
        overall = {k: round(v, 2) for k, v in percentiles(everything).items()}
        print(_row("all", overall))
        rss_mb = round(rss_now_mb(), 1)
        slow = [kind for kind, fig in per_kind.items() if fig["p95"] > TARGET_P95_MS]
        if slow or args.explain:
            log = StatementLog(workspace)
            for kind in per_kind if args.explain else slow:
                query = timed[kind][0]
                print(f"\nQuery plans for {kind} ({query!r}):")
                for statement, plan, times in log.plans(lambda q=query, k=kind: calls[k](q)):
                    shown = (
                        statement
                        if len(statement) < 200
                        else f"{statement[:90]} ... {statement[-100:]}"
                    )
                    print(f"  {shown}" + (f"  (x{times})" if times > 1 else ""))
                    for step in plan:
                        print(f"    {step}")
            log.close()

        workspace.set_profile("777", "bench", "311")
        service = workspace.catalogue.services["VOIRIE-NID-DE-POULE"]
        rng = random.Random(args.seed)
        save_times: list[float] = []
        warmup = 5  # the ORM compiles its statements on the first save
        for i in range(warmup + args.saves):
            # Saves happen where requests happen: on the busy streets.
            draft = save_draft(rng, service, rng.choice(REAL_STREETS[:50]), i)
            started = time.perf_counter()
            try:
                workspace.save_request(draft, None)
            except ValidationError as exc:
                raise SystemExit(f"the benchmark's draft was refused: {exc}") from exc
            if i >= warmup:
                save_times.append((time.perf_counter() - started) * 1000)
        with workspace.store.engine.connect() as conn:
            queued = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
        saves = {k: round(v, 2) for k, v in percentiles(save_times).items()}
        print("\nSaves (check, number, request + citizen + 2 events + outbox, committed)")
        print(_row("save_request", saves, f"  outbox ops queued: {queued}"))
    finally:
        workspace.close()

    figures: dict[str, Any] = {
        "lookup_p50_ms": overall["p50"],
        "lookup_p95_ms": overall["p95"],
        "lookup_max_ms": overall["max"],
        "per_kind": per_kind,
        "save_p50_ms": saves["p50"],
        "save_p95_ms": saves["p95"],
        "save_max_ms": saves["max"],
        "store_mb": round(store_mb(data_dir), 1),
        "rss_mb": rss_mb,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "target_p95_ms": TARGET_P95_MS,
        "slow_kinds": slow,
    }
    forget_saves(path)
    print(
        f"\nStore {figures['store_mb']} MB (file + WAL); RSS {figures['rss_mb']} MB after the "
        f"lookups, peak {figures['peak_rss_mb']} MB"
    )
    verdict = "met" if overall["p95"] <= TARGET_P95_MS and not slow else "NOT met"
    print(
        f"Target p95 <= {TARGET_P95_MS:.0f} ms per lookup kind: {verdict}; "
        f"save p95 {saves['p95']} ms: {'met' if saves['p95'] <= TARGET_P95_MS else 'NOT met'}"
    )
    return figures


if __name__ == "__main__":
    raise SystemExit(main())

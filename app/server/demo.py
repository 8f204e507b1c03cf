"""A demo central store, usable at once: the bundled catalogue and knowledge base, four
accounts (one per role, plus a second agent) and about thirty requests of the last weeks,
some closed, some overdue, some with a citizen.

Everything goes through the store's own code (catalogue and article loading as the CLI
does it, request_ops.create_request, update_request, add_note), so the records, their histories
and the change feed are the ones a real store would have. Running it again changes
nothing: a marker in server_meta says the store was seeded.

    python -m app.server.demo [DATABASE_URL]
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.domain.workdays import CITY_TIMEZONE
from app.server import citizens, request_ops
from app.server.articles import load_articles
from app.server.auth import Principal, hash_password
from app.server.catalogue_store import CatalogueCache, load_catalogue_file
from app.server.db import Database, Work, open_database, utcnow
from app.server.demo_activity import seed_activity
from app.server.models import Account, ServerMeta
from app.server.numbering import next_case_number
from app.services.resources import kb_dir, resources_dir

MARKER = "demo_seeded"
# Far below auth.MIN_PASSWORD, and the same for every account: acceptable only because a
# demo store runs on one machine with made-up data. Never seed a real store with this.
PASSWORD = "demo"
ACCOUNTS = {"agent1": "agent", "agent2": "agent", "superviseur": "supervisor", "admin": "admin"}
# A server station of its own (900 is GeoReport's): demo case numbers are recognisable
# and the public channel's sequence is left untouched.
DEMO_STATION = 990
# The open-data importer's source: these requests were not pushed by a console (their
# numbers are the server's, not a workstation's) nor posted by a GeoReport client.
SOURCE = "import"
_TZ = ZoneInfo(CITY_TIMEZONE)


@dataclass(frozen=True)
class DemoAccounts:
    accounts: Mapping[str, str]  # username -> role
    password: str
    seeded: bool  # False: the store had been seeded before, nothing was written
    requests: int = 0  # created by this call

    @property
    def usernames(self) -> tuple[str, ...]:
        return tuple(self.accounts)


# Where the demo problems are: civic number, street, postal code, arrondissement, lat, long.
PLACES: tuple[tuple[str, str, str, str, float, float], ...] = (
    ("275", "rue Notre-Dame Est", "H2Y 1C6", "VM", 45.5086, -73.5545),
    ("4350", "rue Saint-Denis", "H2J 2L1", "PMR", 45.5229, -73.5838),
    ("6655", "boulevard Saint-Laurent", "H2S 3C5", "RPP", 45.5336, -73.6049),
    ("3750", "rue Ontario Est", "H1W 1S2", "MHM", 45.5449, -73.5441),
    ("8050", "boulevard Saint-Michel", "H1Z 3E1", "VSP", 45.5703, -73.6176),
    ("5700", "chemin de la Côte-des-Neiges", "H3T 2A8", "CDN", 45.4970, -73.6226),
    ("1650", "rue Fleury Est", "H2C 1T1", "AC", 45.5616, -73.6552),
    ("4210", "rue Wellington", "H4G 1V9", "VER", 45.4618, -73.5684),
    ("2480", "rue Notre-Dame Ouest", "H3J 1N5", "SO", 45.4839, -73.5770),
    ("1870", "rue Notre-Dame", "H8S 2G3", "LCH", 45.4337, -73.6837),
    ("11100", "boulevard Pie-IX", "H1H 4A3", "MN", 45.5988, -73.6375),
    ("8450", "rue Jarry Est", "H1R 1Y1", "SLE", 45.5843, -73.5905),
    ("750", "boulevard Décarie", "H4L 3L9", "SLA", 45.5139, -73.6820),
    ("1600", "avenue Van Horne", "H2V 1L5", "OUT", 45.5207, -73.6140),
    ("8780", "boulevard Newman", "H8N 1Y5", "LSL", 45.4405, -73.6336),
    ("12800", "rue Sherbrooke Est", "H1A 3W3", "RDP", 45.6495, -73.5048),
    ("7500", "avenue des Galeries-d'Anjou", "H1M 3M4", "AN", 45.6017, -73.5633),
    ("15000", "boulevard de Pierrefonds", "H9H 4G2", "PRF", 45.4916, -73.8390),
)

# Made-up people; the numbers are in the 555-01xx range kept for fiction.
CITIZENS: tuple[dict[str, str], ...] = (
    {
        "name": "Marie Tremblay",
        "phone": "514 555-0142",
        "email": "marie.tremblay@example.com",
        "address": "6655 boulevard Saint-Laurent, app. 3",
    },
    {"name": "Jean-François Gagnon", "phone": "438 555-0178"},
    {
        "name": "Priya Raman",
        "phone": "514 555-0119",
        "email": "priya.raman@example.org",
        "preferred_language": "en",
    },
    {"name": "Luc Bergeron", "phone": "514 555-0163", "address": "1870 rue Notre-Dame, Lachine"},
    {
        "name": "Fatima Benali",
        "phone": "514 555-0187",
        "email": "f.benali@example.com",
        "address": "8050 boulevard Saint-Michel, app. 12",
    },
    {"name": "Sophie Lavoie", "phone": "514 555-0131", "email": "sophie.lavoie@example.com"},
)


@dataclass(frozen=True)
class DemoRequest:
    days_ago: int
    hour: float  # local time of the call, 13.5 = 13:30
    service: str
    place: int | None  # index in PLACES; None for a service with no location
    channel: str
    agent: str
    attributes: dict[str, Any]
    description: str
    citizen: int | None = None  # index in CITIZENS
    status: str | None = None  # set by the supervisor some days later
    status_notes: str = ""
    note: str = ""  # an agent's follow-up note


def _local(days_ago: int, hour: float, today: datetime) -> datetime:
    day = today.astimezone(_TZ).date() - timedelta(days=days_ago)
    start = datetime(day.year, day.month, day.day, tzinfo=_TZ)
    return (start + timedelta(hours=hour)).astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(_TZ).replace(microsecond=0).isoformat()


def _plan(now: datetime) -> list[DemoRequest]:
    """The demo requests, dated relative to `now` (datetime attributes too)."""

    def at(days_ago: int, hour: float) -> str:
        return _iso(_local(days_ago, hour, now))

    done = "terminee"
    # fmt: off
    return [
        DemoRequest(38, 9.25, "VOIRIE-NID-DE-POULE", 1, "phone", "agent1",
                    {"emplacement": "chaussee", "taille": "grand", "danger_immediat": "non"},
                    "Gros nid-de-poule dans la voie de droite, devant le dépanneur.",
                    status=done, status_notes="Colmaté par l'équipe de voirie."),
        DemoRequest(36, 10.5, "COLL-ORDURES-MANQUEE", 3, "phone", "agent2",
                    {"contenant": "bac_roulant", "etendue": "rue"},
                    "Collecte des ordures de lundi non faite sur tout le tronçon.",
                    status=done, status_notes="Collecte de rattrapage faite mercredi."),
        DemoRequest(35, 14.0, "SALUB-LOGEMENT", 4, "phone", "agent1",
                    {"problemes": ["moisissures", "humidite"], "demandeur": "locataire",
                     "proprietaire_avise": "oui"},
                    "Moisissures au plafond de la salle de bain et dans une chambre d'enfant; "
                    "propriétaire avisé par écrit il y a un mois.",
                    citizen=4, status="prise_en_charge",
                    note="Inspection à planifier; la citoyenne est disponible en après-midi."),
        DemoRequest(33, 11.0, "PROPRETE-GRAFFITI", 0, "email", "agent2",
                    {"propriete": "publique", "contenu_haineux": "non",
                     "surface": "mur de briques"},
                    "Graffiti sur le mur côté rue Gosford, environ 2 m sur 1 m.",
                    status=done, status_notes="Graffiti effacé."),
        DemoRequest(31, 15.75, "ARBRE-ABATTAGE", 6, "phone", "agent1",
                    {"etat": "mort", "emplacement": "rue"},
                    "Érable mort depuis l'été, branches sèches au-dessus du trottoir.",
                    status="acceptee"),
        DemoRequest(30, 8.5, "EAU-FUITE-RUE", 7, "phone", "agent2",
                    {"lieu": "trottoir", "ecoulement_continu": "oui", "debit": "filet"},
                    "Eau qui sort d'une fissure du trottoir, coule vers la rue depuis hier.",
                    status=done, status_notes="Entrée de service réparée."),
        DemoRequest(28, 13.25, "COLL-BAC", 2, "phone", "agent1",
                    {"type_bac": "recyclage", "probleme": "vole"},
                    "Bac de recyclage disparu après la collecte de jeudi.",
                    citizen=0, status=done, status_notes="Nouveau bac livré."),
        DemoRequest(27, 16.5, "VOIRIE-LAMPADAIRE", 8, "phone", "agent2",
                    {"probleme": "eteint", "numero_poteau": "L-20417"},
                    "Lampadaire éteint au coin de la rue, secteur très sombre le soir."),
        DemoRequest(26, 9.0, "NUIS-BRUIT", 13, "phone", "agent1",
                    {"source": "chantier", "heure_debut": at(26, 6.5), "recurrent": "oui"},
                    "Chantier qui commence avant 7 h tous les matins depuis une semaine.",
                    status=done, status_notes="Avis remis à l'entrepreneur."),
        DemoRequest(24, 12.0, "PARC-EQUIPEMENT", 5, "counter", "agent1",
                    {"nom_parc": "parc Jean-Brillant", "equipement": "module_jeux",
                     "danger_immediat": "oui"},
                    "Planche cassée sur la passerelle du module de jeux des 5-12 ans.",
                    status=done, status_notes="Module fermé puis réparé."),
        DemoRequest(23, 10.0, "STAT-VEHICULE-ABANDONNE", 11, "phone", "agent2",
                    {"vehicule": "Berline grise, pneus à plat", "depuis": at(40, 12)},
                    "Véhicule qui n'a pas bougé depuis plus de deux semaines."),
        DemoRequest(21, 19.0, "EAU-REFOULEMENT", 9, "phone", "agent1",
                    {"lieu": "sous_sol", "clapet": "non", "debut": at(21, 17)},
                    "Refoulement d'égout au sous-sol après l'orage, environ 5 cm d'eau.",
                    citizen=3, status=done, status_notes="Conduite nettoyée par l'équipe."),
        DemoRequest(20, 11.5, "PROPRETE-DEPOT-SAUVAGE", 3, "phone", "agent2",
                    {"matieres": ["meubles", "materiaux"], "volume": "grand"},
                    "Divan, planches et sacs de plâtre laissés dans la ruelle.",
                    status="prise_en_charge"),
        DemoRequest(19, 14.5, "ANIM-MORT", 10, "phone", "agent1",
                    {"espece": "raton", "taille": "moyen"},
                    "Raton laveur mort sur le trottoir devant l'arrêt d'autobus.",
                    status=done),
        DemoRequest(18, 9.75, "INFO-GENERALE", None, "phone", "agent2",
                    {"question": "Heures d'ouverture de l'écocentre le samedi."},
                    "Citoyen renseigné : 8 h à 18 h; renvoyé au site de la Ville.",
                    status=done),
        DemoRequest(17, 13.0, "VOIRIE-TROTTOIR", 12, "phone", "agent1",
                    {"probleme": "souleve", "danger_immediat": "oui"},
                    "Dalle soulevée de 5 cm près de l'entrée de la clinique.",
                    status="acceptee"),
        DemoRequest(16, 18.25, "ANIM-PERDU", 14, "phone", "agent2",
                    {"situation": "perdu", "espece": "chien",
                     "description_animal": "Beagle tricolore, collier rouge, s'appelle Biscuit",
                     "date_heure": at(16, 16)},
                    "Chien perdu près du parc, la famille demande d'être rappelée.",
                    citizen=1),
        DemoRequest(14, 10.25, "DOC-ENVOI", None, "email", "agent1",
                    {"documents": ["calendrier-collectes"], "mode_envoi": "courriel"},
                    "Demande le calendrier des collectes en anglais.",
                    citizen=2, status=done, status_notes="Envoyé par courriel."),
        DemoRequest(13, 15.0, "EAU-PUISARD", 15, "phone", "agent2",
                    {"inondation": "oui", "cause": "feuilles_debris"},
                    "Puisard bouché par les feuilles, l'eau monte sur le trottoir.",
                    status=done, status_notes="Puisard nettoyé."),
        DemoRequest(12, 11.0, "PLAINTE-SERVICE", None, "phone", "agent1",
                    {"service_vise": "Collecte des encombrants",
                     "faits": "Trois rendez-vous de collecte manqués en un mois."},
                    "Plainte sur la collecte des encombrants.",
                    status="acceptee"),
        DemoRequest(11, 16.0, "SALUB-RATS", 8, "phone", "agent2",
                    {"lieu": "ruelle", "observations": "Plusieurs rats le soir près des bacs."},
                    "Rats vus dans la ruelle derrière les commerces."),
        DemoRequest(9, 7.75, "VOIRIE-FEU-CIRCULATION", 4, "phone", "agent1",
                    {"probleme": "clignote", "direction": "en direction nord"},
                    "Feu qui clignote jaune à l'intersection depuis ce matin.",
                    status=done, status_notes="Contrôleur remplacé."),
        DemoRequest(8, 12.5, "COLL-ENCOMBRANTS", 16, "phone", "agent2",
                    {"objets": ["meubles", "matelas"]},
                    "Matelas et commode laissés en bordure, non ramassés à la collecte."),
        DemoRequest(7, 10.0, "PERMIS-RENOVATION", 13, "counter", "agent1",
                    {"objet": "sans_permis", "type_travaux": "renovation"},
                    "Travaux de toiture sans affiche de permis visible.",
                    status="prise_en_charge"),
        DemoRequest(6, 14.25, "ARBRE-BRANCHE", 17, "phone", "agent2",
                    {"bloque_passage": "oui", "fils_electriques": "non",
                     "taille": "grosse_branche"},
                    "Grosse branche tombée sur la piste cyclable après le vent.",
                    status=done, status_notes="Branche enlevée."),
        DemoRequest(5, 9.5, "RECLAMATION", 5, "mail", "agent1",
                    {"cause": "nid_de_poule", "date_evenement": at(8, 18),
                     "dommages": "Jante avant droite pliée et pneu crevé; facture jointe."},
                    "Réclamation reçue par la poste pour un dommage causé par un nid-de-poule.",
                    citizen=5),
        DemoRequest(4, 13.5, "EAU-QUALITE", 2, "phone", "agent2",
                    {"probleme": "couleur", "tous_les_robinets": "batiment"},
                    "Eau brunâtre à tous les robinets de l'immeuble depuis hier.",
                    citizen=0),
        DemoRequest(3, 11.25, "VOIRIE-SIGNALISATION", 0, "phone", "agent1",
                    {"type_demande": "panneau_endommage", "panneau": "arrêt"},
                    "Panneau d'arrêt plié, difficile à voir pour les automobilistes.",
                    note="Le citoyen précise : coin nord-est de l'intersection."),
        DemoRequest(2, 8.25, "DENEIG-TROTTOIR", 1, "phone", "agent2",
                    {"probleme": "glace", "endroit_sensible": ["escalier", "arret_autobus"]},
                    "Trottoir glacé devant l'arrêt d'autobus, une personne est tombée."),
        DemoRequest(2, 15.5, "COMMENTAIRE-SUGGESTION", None, "phone", "agent2",
                    {"type": "felicitations",
                     "message": "Merci à l'équipe qui a réparé la fuite si rapidement."},
                    "Félicitations pour l'équipe de l'aqueduc."),
        DemoRequest(1, 10.0, "VOIRIE-NID-DE-POULE", 3, "phone", "agent1",
                    {"emplacement": "piste_cyclable", "taille": "moyen",
                     "danger_immediat": "oui"},
                    "Nid-de-poule dans la piste cyclable, un cycliste a chuté."),
        DemoRequest(1, 14.0, "SALUB-CHAUFFAGE", 4, "phone", "agent2",
                    {"temperature": 16, "proprietaire_avise": "oui",
                     "personnes_vulnerables": "oui"},
                    "Logement à 16 °C depuis trois jours, un nourrisson vit sur place.",
                    citizen=4, status="urgente"),
    ]
    # fmt: on


@contextmanager
def _as(work: Work, actor: str, when: datetime) -> Iterator[None]:
    """Act as `actor` at `when` inside the seeding transaction, so each record's history
    reads as it would have happened; the feed is still stamped with the real commit time."""
    saved = work.actor, work.now
    work.actor, work.now = actor, when
    try:
        yield
    finally:
        work.actor, work.now = saved


def _accounts(work: Work) -> dict[str, Account]:
    """The demo accounts; one that already exists (made with create-agent) is kept as is."""
    found: dict[str, Account] = {}
    for username, role in ACCOUNTS.items():
        account = work.session.scalar(select(Account).where(Account.username == username))
        if account is None:
            account = Account(
                username=username,
                password_hash=hash_password(PASSWORD),
                role=role,
                active=True,
                created_at=work.now,
                created_by="demo",
            )
            work.session.add(account)
            work.session.flush()
        found[username] = account
    return found


def _principal(account: Account) -> Principal:
    return Principal(account.id, account.username, account.role, None)


def _seed_requests(work: Work, accounts: Mapping[str, Account]) -> int:
    catalogue = CatalogueCache().get(work.session)  # sees the catalogue loaded just before
    now = work.now
    supervisor = _principal(accounts["superviseur"])
    citizen_ids: dict[int, str] = {}
    plan = sorted(_plan(now), key=lambda r: _local(r.days_ago, r.hour, now))
    for item in plan:  # oldest first: case numbers follow creation
        created = _local(item.days_ago, item.hour, now)
        agent = _principal(accounts[item.agent])
        with _as(work, item.agent, created):
            data: dict[str, Any] = {
                "service_code": item.service,
                "channel": item.channel,
                "description": item.description,
                "attributes": item.attributes,
                "created_at": created.isoformat(),
            }
            if item.place is not None:
                civic, street, postal, arrondissement, lat, long = PLACES[item.place]
                data.update(
                    civic_number=civic,
                    street=street,
                    postal_code=postal,
                    arrondissement=arrondissement,
                    lat=lat,
                    long=long,
                )
            if item.citizen is not None:
                if item.citizen not in citizen_ids:
                    citizen_id = str(uuid.uuid4())
                    citizens.upsert_citizen(work, citizen_id, 0, CITIZENS[item.citizen])
                    citizen_ids[item.citizen] = citizen_id
                data["citizen_id"] = citizen_ids[item.citizen]
            number = next_case_number(work.session, DEMO_STATION, created)
            req = request_ops.create_request(
                work, catalogue, data, case_number=number, source=SOURCE, principal=agent
            )
        if item.note:
            with _as(work, item.agent, min(created + timedelta(hours=3), now)):
                req = request_ops.add_note(work, req.case_number, item.note)
        if item.status:
            # A day or a few later, as a unit answers; never after now.
            later = created + timedelta(days=min(item.days_ago / 2, 6), hours=2)
            with _as(work, supervisor.username, min(later, now - timedelta(minutes=5))):
                wanted = {"status": item.status, "status_notes": item.status_notes}
                request_ops.update_request(
                    work, catalogue, req.case_number, req.revision, wanted, supervisor
                )
    return len(plan)


def _already_seeded(db: Database) -> bool:
    with db.read() as session:
        return session.get(ServerMeta, MARKER) is not None


def seed_demo(database_url: str) -> DemoAccounts:
    """Seed the store at `database_url` (migrated first) for a demo; a second run writes
    nothing. The accounts all take the password PASSWORD."""
    db = open_database(database_url)
    try:
        if _already_seeded(db):
            return DemoAccounts(dict(ACCOUNTS), PASSWORD, seeded=False)
        # What `relais-server load-catalogue` and `load-articles` do with no path; both
        # leave unchanged entries alone, so an already-loaded store is not disturbed.
        with db.work("demo") as work:
            load_catalogue_file(work, resources_dir() / "catalogue")
            load_articles(work, kb_dir())
        # One transaction: a failure leaves no half-seeded store behind the marker.
        with db.work("demo") as work:
            if work.session.get(ServerMeta, MARKER, with_for_update=True) is not None:
                return DemoAccounts(dict(ACCOUNTS), PASSWORD, seeded=False)  # a concurrent run
            accounts = _accounts(work)
            count = _seed_requests(work, accounts)
            seed_activity(work, accounts, work.now)
            work.session.add(ServerMeta(key=MARKER, value=utcnow().isoformat()))
        return DemoAccounts(dict(ACCOUNTS), PASSWORD, seeded=True, requests=count)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    from app.server.db import default_url

    args = sys.argv[1:] if argv is None else argv
    url = args[0] if args else default_url()
    result = seed_demo(url)
    if not result.seeded:
        print("This store was already seeded for the demo; nothing written.")
    else:
        print(f"Demo store ready: {result.requests} requests.")
    print(f"Accounts: {', '.join(result.usernames)} (password: {result.password})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

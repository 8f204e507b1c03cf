"""How dates, statuses, channels and field problems read on screen, in the UI language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain import request_terms as terms
from app.domain.catalogue import Catalogue
from app.domain.validation import FieldProblem
from app.domain.workdays import CITY_TIMEZONE, local
from app.services.workspace import KnownStoreError, store_errors
from app.services.workspace import now as now  # the one clock of the console


def when(value: datetime | None, tz: str = CITY_TIMEZONE) -> str:
    """'2026-12-09 17:00', in the city's time: what an agent reads to a citizen."""
    if value is None:
        return "—"
    return local(value, tz).strftime("%Y-%m-%d %H:%M")


def clock(value: datetime, tz: str = CITY_TIMEZONE) -> str:
    """'14:32', in the city's time."""
    return local(value, tz).strftime("%H:%M")


def day(value: datetime | None, tz: str = CITY_TIMEZONE) -> str:
    return "—" if value is None else local(value, tz).strftime("%Y-%m-%d")


# French groups thousands and sets off "%" with a no-break space (1 234,5 ; 80,6 %), as
# Québec writes them and as fr-CA Excel reads them back (its digit grouping symbol).
NBSP = "\u00a0"


def number(value: float, lang: str, decimals: int = 0) -> str:
    """1 234,5 in French, 1,234.5 in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def percent(share: float | None, lang: str, decimals: int = 1) -> str:
    """A share of 1 as 80,6 % in French, 80.6% in English ('—' when unknown)."""
    if share is None:
        return "—"
    figure = number(share * 100, lang, decimals)
    return f"{figure}%" if lang == "en" else f"{figure}{NBSP}%"


def due_phrase(due: datetime, lang: str, tz: str = CITY_TIMEZONE) -> str:
    """'mercredi 9 décembre 2026, 17 h 00' / 'Wednesday, December 9, 2026, 5:00 p.m.'."""
    here = local(due, tz)
    if lang == "en":
        days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        hour = here.strftime("%I:%M").lstrip("0") + (" a.m." if here.hour < 12 else " p.m.")
        return f"{days[here.weekday()]}, {months[here.month - 1]} {here.day}, {here.year}, {hour}"
    days_fr = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    months_fr = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    return (
        f"{days_fr[here.weekday()]} {here.day} {months_fr[here.month - 1]} {here.year}, "
        f"{here.hour} h {here.minute:02d}"
    )


def status_label(code: str, lang: str) -> str:
    fr, en, _ = terms.STATUSES.get(code, (code, code, ""))
    return en if lang == "en" else fr


def channel_label(code: str, lang: str) -> str:
    fr, en = terms.CHANNELS.get(code, (code, code))
    return en if lang == "en" else fr


def service_name(catalogue: Catalogue | None, code: str, stored: str, lang: str) -> str:
    """A service in the interface's language: records name it in French (as it was when
    they were made), the catalogue knows its English name."""
    service = catalogue.services.get(code) if catalogue is not None else None
    if lang == "en" and service is not None:
        return service.name("en")
    return stored or code


def nature_label(code: str, lang: str) -> str:
    fr, en = terms.NATURES.get(code, (code, code))
    return en if lang == "en" else fr


def _templates() -> dict[str, str]:
    # %1 is the problem's first argument. Codes without a template show the English message.
    return {
        "required": QCoreApplication.translate("Formatting", "Obligatoire : remplissez ce champ."),
        "service_required": QCoreApplication.translate(
            "Formatting", "Choisissez le type de demande (tapez quelques lettres)."
        ),
        "channel": QCoreApplication.translate(
            "Formatting", "Choisissez le canal par lequel le citoyen s'adresse à la Ville."
        ),
        "citizen_required": QCoreApplication.translate(
            "Formatting",
            "Ce type de demande exige les coordonnées du citoyen : choisissez-le ou saisissez-le.",
        ),
        "contact_required": QCoreApplication.translate(
            "Formatting", "Donnez un téléphone ou un courriel pour pouvoir joindre le citoyen."
        ),
        "phone": QCoreApplication.translate(
            "Formatting", "Numéro à 10 chiffres attendu, par exemple 514 555-0123."
        ),
        "email": QCoreApplication.translate(
            "Formatting", "Adresse courriel attendue, par exemple nom@exemple.ca."
        ),
        "postal_code": QCoreApplication.translate(
            "Formatting", "Code postal canadien attendu, par exemple H2X 1Y4."
        ),
        "civic": QCoreApplication.translate(
            "Formatting", "Numéro civique attendu, par exemple 1234, 1234A ou 1234-1236."
        ),
        "street": QCoreApplication.translate(
            "Formatting", "Indiquez la rue où se trouve le problème."
        ),
        "arrondissement": QCoreApplication.translate(
            "Formatting", "Choisissez l'arrondissement : ce service y est traité."
        ),
        "related_city": QCoreApplication.translate(
            "Formatting",
            "%1 est une ville liée qui traite ce service elle-même : dirigez le citoyen "
            "vers %1 (%2).",
        ),
        "routing": QCoreApplication.translate("Formatting", "Acheminement impossible : %1"),
        "description_required": QCoreApplication.translate(
            "Formatting", "Décrivez ce que le citoyen signale."
        ),
        "too_long": QCoreApplication.translate("Formatting", "Trop long : %1 caractères au plus."),
        "not_text": QCoreApplication.translate("Formatting", "Texte attendu."),
        "unstorable": QCoreApplication.translate(
            "Formatting", "Contient un caractère invalide : retirez-le."
        ),
        "not_number": QCoreApplication.translate(
            "Formatting", "Nombre attendu, par exemple 3 ou 2,5."
        ),
        "datetime": QCoreApplication.translate(
            "Formatting", "Date attendue, sous la forme AAAA-MM-JJ HH:MM."
        ),
        "choice": QCoreApplication.translate("Formatting", "Choisissez une des valeurs proposées."),
        "station": QCoreApplication.translate(
            "Formatting", "Code de poste de 001 à 899, unique pour ce poste de travail."
        ),
        "agent_name": QCoreApplication.translate(
            "Formatting", "Votre nom d'utilisateur : lettres, chiffres et . _ @ - seulement."
        ),
        "workplace": QCoreApplication.translate("Formatting", "Choisissez votre lieu de travail."),
        "station_full": QCoreApplication.translate(
            "Formatting", "Ce poste a épuisé ses numéros pour l'année : changez de code."
        ),
        "case_closed_supervisor": QCoreApplication.translate(
            "Formatting",
            "Ce dossier est fermé : réactivez-le d'abord (avec la raison), ou demandez à un "
            "superviseur.",
        ),
        "reopen_reason": QCoreApplication.translate(
            "Formatting", "Dites pourquoi le dossier est réactivé (ce que signale le citoyen)."
        ),
        "reopen_open": QCoreApplication.translate(
            "Formatting", "Seul un dossier fermé peut être réactivé ; celui-ci est ouvert."
        ),
        "station_unconfirmed": QCoreApplication.translate(
            "Formatting",
            "Le poste %1 doit d'abord joindre le stockage central une fois, pour savoir où "
            "en est sa numérotation des dossiers : reconnectez-vous, puis enregistrez. Rien "
            "n'a été effacé.",
        ),
        "unknown_case": QCoreApplication.translate(
            "Formatting", "Ce dossier n'existe pas sur ce poste."
        ),
        "unknown_citizen": QCoreApplication.translate(
            "Formatting", "Ce citoyen n'est plus au dossier : cherchez-le de nouveau."
        ),
        "check_digit": QCoreApplication.translate(
            "Formatting",
            "Chiffre de contrôle erroné : un chiffre a sans doute été mal saisi. "
            "Relisez le numéro au citoyen.",
        ),
        "case_number": QCoreApplication.translate(
            "Formatting", "Numéro de dossier attendu : 12 chiffres, par exemple 26-042-000137-5."
        ),
        "language": QCoreApplication.translate(
            "Formatting", "Choisissez le français ou l'anglais."
        ),
        "case_closed": QCoreApplication.translate(
            "Formatting", "Ce dossier est fermé : enregistrez plutôt une nouvelle demande."
        ),
        "outcome": QCoreApplication.translate(
            "Formatting", "Choisissez le résultat de l'interaction."
        ),
        "no_interaction": QCoreApplication.translate("Formatting", "Aucune interaction en cours."),
        # What the central store refused (its messages are English: app.services.outbox).
        "store_too_long": QCoreApplication.translate(
            "Formatting", "Trop long : %1 caractères, le stockage central en accepte %2 au plus."
        ),
        "store_no_case": QCoreApplication.translate(
            "Formatting",
            "Le stockage central n'a pas ce dossier : sa création ne lui est pas parvenue.",
        ),
        "store_unknown_place": QCoreApplication.translate(
            "Formatting", "Arrondissement inconnu du stockage central : « %1 »."
        ),
        "store_too_old": QCoreApplication.translate(
            "Formatting",
            "Saisie il y a plus de 90 jours : le stockage central ne l'accepte plus.",
        ),
        "refusal_blocked": QCoreApplication.translate(
            "Formatting",
            "Le stockage central a refusé ce qui ne se corrige pas ici : abandonnez cette "
            "modification.",
        ),
    }


def problem_text(problem: FieldProblem) -> str:
    template = _templates().get(problem.code)
    if template is None:
        return problem.message
    args = [*problem.args, "", ""]
    return template.replace("%1", args[0]).replace("%2", args[1]).replace(" ()", "")


def _store_failure(error: KnownStoreError) -> str:
    where = str(error.path)
    folder = str(error.path.parent)
    texts = {
        store_errors.BUSY: QCoreApplication.translate(
            "Formatting",
            "le stockage local %1 est verrouillé par un autre programme : Relais est-il déjà "
            "ouvert sur ce dossier ? Fermez l'autre, ou réessayez dans un instant",
        ).replace("%1", where),
        store_errors.FULL: QCoreApplication.translate(
            "Formatting",
            "le disque de %1 est plein : libérez de l'espace, ou choisissez un autre dossier "
            "de données (--data-dir) ; rien de ce qui était enregistré n'est perdu",
        ).replace("%1", folder),
        store_errors.READ_ONLY: QCoreApplication.translate(
            "Formatting",
            "Relais ne peut pas écrire dans %1 : le dossier est en lecture seule ou ne vous "
            "appartient pas. Donnez-vous le droit d'écriture, ou choisissez un autre dossier "
            "de données (--data-dir)",
        ).replace("%1", folder),
        store_errors.DAMAGED: QCoreApplication.translate(
            "Formatting",
            "le stockage local %1 est endommagé : redémarrez Relais, qui le mettra de côté, "
            "gardera le travail non transmis qu'il peut lire et repartira d'un stockage neuf",
        ).replace("%1", where),
    }
    return texts.get(
        error.kind,
        QCoreApplication.translate(
            "Formatting",
            "la lecture ou l'écriture de %1 a échoué : le disque est peut-être plein, retiré "
            "ou défaillant. Vérifiez-le, puis réessayez",
        ).replace("%1", where),
    )


def damage_reason(reason: str) -> str:
    """Why a store file was set aside (salvage.damage's words), in the agent's language."""
    texts = {
        "the file is empty": QCoreApplication.translate("Formatting", "le fichier est vide"),
        "the file is not an SQLite database": QCoreApplication.translate(
            "Formatting", "ce n'est pas un fichier de stockage SQLite"
        ),
        "a damaged page was met while it was in use": QCoreApplication.translate(
            "Formatting", "une page endommagée a été rencontrée pendant son utilisation"
        ),
    }
    return texts.get(reason, reason)


def failure_reason(exc: BaseException) -> str:
    """Why a store or network operation failed, for the agent: a known store failure in
    the agent's language with its fix; otherwise the driver's own words ("database is
    locked"), never a statement or its values (personal data)."""
    if isinstance(exc, KnownStoreError):
        return _store_failure(exc)
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__

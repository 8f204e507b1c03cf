"""The city's own vocabulary for requests (as in its open data on 311 requests), with the
Open311 status each fine-grained status maps to."""

from __future__ import annotations

from app.domain.text import fold

# code -> (French label, English label, Open311 status)
STATUSES: dict[str, tuple[str, str, str]] = {
    "transmise": ("Transmise pour traitement", "Sent for processing", "open"),
    "acceptee": ("Acceptée", "Accepted", "open"),
    "prise_en_charge": ("Prise en charge", "In progress", "open"),
    "urgente": ("Urgente", "Urgent", "open"),
    "reactivee": ("Réactivée", "Reopened", "open"),
    "terminee": ("Terminée", "Completed", "closed"),
    "refusee": ("Refusée", "Refused", "closed"),
    "annulee": ("Annulée", "Cancelled", "closed"),
}
INITIAL_STATUS = "transmise"
CLOSED_STATUSES = frozenset(code for code, (_, _, o) in STATUSES.items() if o == "closed")

# code -> (French label, English label)
NATURES: dict[str, tuple[str, str]] = {
    "request": ("Requête", "Request"),
    "complaint": ("Plainte", "Complaint"),
    "information": ("Information", "Information"),
    "comment": ("Commentaire", "Comment"),
}

# code -> (French label as the city counts it, English label)
CHANNELS: dict[str, tuple[str, str]] = {
    "phone": ("Téléphone", "Phone"),
    "email": ("Courriel", "E-mail"),
    "counter": ("En personne (comptoir)", "In person (counter)"),
    "mail": ("Courrier", "Mail"),
    "web": ("Site internet", "Website"),
    "mobile": ("Application mobile", "Mobile app"),
    "social": ("Médias sociaux", "Social media"),
}

LANGUAGES = ("fr", "en")

# Where the problem is, as text: each field and the longest text it keeps (a description,
# a note or a reason: validation.MAX_TEXT). The request rules check a place with these.
PLACE_TEXT_LIMITS = {"civic_number": 20, "street": 200, "postal_code": 10, "arrondissement": 80}

# A request's own fields an agent corrects from its case (the description, and where the
# problem is); the rest comes from the catalogue, the routing or the central store.
EDITABLE_FIELDS = ("description", *PLACE_TEXT_LIMITS)

# How an interaction (call, visit, e-mail, letter) ended, for the service indicators.
OUTCOMES = ("information", "referral", "request", "transfer")


def status_from_label(label: str) -> str | None:
    """The status code for a label of the city's open data: case and accents ignored (its
    exports have both "Terminée" and "Terminee")."""
    wanted = fold(label.strip())
    for code, (fr, en, _) in STATUSES.items():
        if wanted in (code, fold(fr), fold(en)):
            return code
    return None

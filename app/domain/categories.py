"""Knowledge-base categories and their labels."""

LABELS: dict[str, tuple[str, str]] = {
    "collectes": ("Collectes", "Collections"),
    "ecocentres": ("Écocentres", "Ecocentres"),
    "voirie": ("Voirie", "Roads"),
    "deneigement": ("Déneigement", "Snow removal"),
    "eau": ("Eau", "Water"),
    "arbres-parcs": ("Arbres et parcs", "Trees and parks"),
    "proprete": ("Propreté", "Cleanliness"),
    "nuisances": ("Nuisances", "Nuisances"),
    "salubrite": ("Salubrité", "Sanitation"),
    "animaux": ("Animaux", "Animals"),
    "permis": ("Permis", "Permits"),
    "stationnement": ("Stationnement", "Parking"),
    "taxes-evaluation": ("Taxes et évaluation", "Taxes and assessment"),
    "bibliotheques": ("Bibliothèques", "Libraries"),
    "sports-loisirs": ("Sports et loisirs", "Sports and recreation"),
    "acces-montreal": ("Accès Montréal", "Accès Montréal"),
    "info-travaux": ("Info-Travaux", "Info-Travaux"),
    "democratie": ("Démocratie", "Democracy"),
    "plaintes": ("Plaintes", "Complaints"),
    "arrondissements": ("Arrondissements", "Boroughs"),
    "services-311": ("Services 311", "311 services"),
}


def label(category: str, lang: str = "fr") -> str:
    fr, en = LABELS.get(category, (category, category))
    return en if lang == "en" else fr

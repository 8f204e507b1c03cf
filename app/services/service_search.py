"""Type-ahead over the service catalogue: FR and EN names, keywords and codes, so that
"nid", "pothole" and "poule" all find the pothole."""

from __future__ import annotations

from app.domain.catalogue import Catalogue, Service
from app.domain.text import STOPWORDS, fold_all


def _words(*texts: str) -> set[str]:
    return {w for t in texts for w in fold_all(t)}


def _singular(word: str) -> str | None:
    """A plural typed in full, as the catalogue spells it: nids, potholes, feux, animaux."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return None


def _score(service: Service, query: list[str], lang: str) -> int:
    names = _words(service.name(lang))
    other_names = _words(service.name_fr, service.name_en) - names
    keywords = _words(*service.keywords_fr, *service.keywords_en, service.code.replace("-", " "))
    score = 0
    for word in query:
        singular = _singular(word)
        best = 0
        for pool, whole, prefix in ((names, 6, 4), (other_names, 4, 3), (keywords, 3, 2)):
            if word in pool:
                best = max(best, whole)
            elif any(w.startswith(word) for w in pool) or singular in pool:
                best = max(best, prefix)
        if best == 0:
            if word in STOPWORDS:
                continue  # "the pothole", "un nid": the little words need not match
            return 0  # every other word typed must match something
        score += best
    return score


def match_services(catalogue: Catalogue, text: str, lang: str, limit: int = 12) -> list[Service]:
    """Services for what was typed, best first; all of them (catalogue order) for nothing."""
    services = list(catalogue.services.values())
    query = fold_all(text)
    if not query:
        return services[:limit] if limit else services
    scored = [(s, _score(s, query, lang)) for s in services]
    ranked = sorted(
        ((s, sc) for s, sc in scored if sc > 0), key=lambda pair: -pair[1]
    )  # sorted() is stable: ties keep the catalogue's order
    return [s for s, _ in ranked[:limit]]

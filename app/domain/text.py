"""How text becomes search terms: fold case and accents, split words, drop stopwords and
elided articles (l', d', qu'), stem per language. Indexing and queries share it, so an
accented and an unaccented spelling always meet on the same stem."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

LANGS = ("fr", "en")  # the languages articles are written and indexed in

__all__ = ["LANGS", "STOPWORDS", "WORD", "fold", "fold_all", "is_content", "stem", "stems", "words"]

WORD = re.compile(r"\w+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'"})

# Elided articles and pronouns come out of the split as one- or two-letter words;
# "aujourd'hui" (today) splits in two and says nothing about the subject.
_ELIDED = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "aujourd", "hui",
}  # fmt: skip
_STOP_FR = {
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "a", "au", "aux", "en",
    "dans", "par", "pour", "sur", "avec", "sans", "ce", "cet", "cette", "ces", "je", "tu",
    "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "te", "se", "ne", "pas", "que",
    "qui", "quoi", "dont", "y", "est", "sont", "ai", "as", "mon", "ma", "mes", "ton", "ta",
    "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "comment",
    "quand", "etre", "avoir", "fait", "faire", "si", "mais", "donc", "car", "tres",
}  # fmt: skip
_STOP_EN = {
    "the", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is",
    "are", "was", "be", "it", "its", "this", "that", "i", "you", "he", "she", "we", "they",
    "my", "your", "our", "their", "me", "us", "do", "does", "how", "what", "when", "where",
    "can", "not", "there", "have", "has", "if", "but", "so", "into", "about",
}  # fmt: skip
# One set for both languages: a French query also runs against the English index.
STOPWORDS = frozenset(_ELIDED | _STOP_FR | _STOP_EN)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case, no accents, ligatures spelled out: 'Œuvre' -> 'oeuvre'."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED: dict[str, str] = {}  # hot path of indexing and snippets: a dict beats lru_cache
_stemmers: dict[str, Stemmer.Stemmer] = {}


def _stemmer(lang: str) -> Stemmer.Stemmer:
    if lang not in _stemmers:
        _stemmers[lang] = Stemmer.Stemmer({"fr": "french", "en": "english"}[lang])
    return _stemmers[lang]


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """Stem of an already folded word."""
    return str(_stemmer(lang).stemWord(word))


def _fold_cached(raw: str) -> str:
    word = _FOLDED.get(raw)
    if word is None:
        word = fold(raw)
        if len(_FOLDED) < 200_000:
            _FOLDED[raw] = word
    return word


def fold_all(text: str) -> list[str]:
    """Every word of a text, folded, one per WORD match (stopwords included)."""
    return list(map(_fold_cached, WORD.findall(text)))


def is_content(word: str) -> bool:
    """A folded word that can match: not a stopword, not an elided article."""
    return word not in STOPWORDS and word != "_"


def words(text: str) -> list[str]:
    """Folded content words of a text: no stopwords, no elided articles."""
    return [w for w in fold_all(text) if is_content(w)]


def stems(text: str, lang: str) -> list[str]:
    return [stem(w, lang) for w in words(text)]

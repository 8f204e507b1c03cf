"""Synthetic knowledge base for benchmarks: N articles whose word frequencies follow a
Zipf law, the frequent words being the real words of the bundled knowledge base (accents
included) and the long tail invented French-looking words, so the index holds a realistic
vocabulary (~60 k distinct terms at 100 k articles) and real queries find real rows."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from app.domain import text
from app.services.kb_files import read_articles

_WORD = re.compile(r"[^\W\d_]{2,}")
_ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr", "pl", "gr"]
_VOWELS = ["a", "e", "i", "o", "u", "é", "ou", "ai", "an", "on", "è"]
_SUFFIXES = ["", "", "ement", "tion", "eur", "age", "ette", "ier", "ance", "ique", "s", "es"]


@dataclass(frozen=True, slots=True)
class SyntheticText:
    lang: str
    title: str
    keywords: list[str]
    body: str


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    id: str
    category: str
    texts: tuple[SyntheticText, ...]


def _real_vocabulary(kb_dir: Path) -> dict[str, list[str]]:
    """Words of the bundled articles per language, most frequent first."""
    counts: dict[str, Counter[str]] = {"fr": Counter(), "en": Counter()}
    for article in read_articles(kb_dir):
        for t in article.texts:
            counts[t.lang].update(w.lower() for w in _WORD.findall(f"{t.title} {t.body}"))
    return {lang: [w for w, _ in c.most_common()] for lang, c in counts.items()}


def _invented(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < n:
        syllables = rng.randint(2, 4)
        w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        w += rng.choice(_SUFFIXES)
        if w not in taken:
            taken.add(w)
            words.append(w)
    return words


class Vocabulary:
    def __init__(self, head: list[str], tail: list[str], exponent: float = 1.0) -> None:
        self.words = head + tail
        weights = [1.0 / (rank + 2.7) ** exponent for rank in range(len(self.words))]
        self._cum = list(accumulate(weights))
        # Titles and keywords: the same words less the grammatical ones, on a flatter law
        # (frequent topics are frequent in titles too, as in a real knowledge base).
        self._content = [w for w in self.words if text.fold(w) not in text.STOPWORDS]
        self._content_cum = list(
            accumulate(1.0 / (rank + 10) ** 0.9 for rank in range(len(self._content)))
        )

    def body(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self._cum, k=n)

    def content(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self._content, cum_weights=self._content_cum, k=n)


def vocabularies(kb_dir: Path, distinct: int = 60_000, seed: int = 311) -> dict[str, Vocabulary]:
    rng = random.Random(seed)
    real = _real_vocabulary(kb_dir)
    taken = set(real["fr"]) | set(real["en"])
    fr_tail = _invented(rng, max(0, distinct - len(real["fr"])), taken)
    en_tail = _invented(rng, max(0, distinct // 3 - len(real["en"])), taken)
    return {"fr": Vocabulary(real["fr"], fr_tail), "en": Vocabulary(real["en"], en_tail)}


def generate(
    n: int, kb_dir: Path, seed: int = 311, english_share: float = 0.4
) -> Iterator[SyntheticArticle]:
    """n deterministic articles; about english_share of them also have an English text."""
    rng = random.Random(seed)
    vocab = vocabularies(kb_dir, distinct=max(2_000, min(60_000, n * 3 // 5)), seed=seed)
    categories = ["collectes", "voirie", "eau", "permis", "animaux", "taxes-evaluation"]
    for i in range(n):
        texts = [_text(rng, "fr", vocab["fr"])]
        if rng.random() < english_share:
            texts.append(_text(rng, "en", vocab["en"]))
        yield SyntheticArticle(f"synth-{i:06d}", categories[i % len(categories)], tuple(texts))


def _text(rng: random.Random, lang: str, vocab: Vocabulary) -> SyntheticText:
    title = " ".join(vocab.content(rng, rng.randint(3, 7))).capitalize()
    keywords = vocab.content(rng, rng.randint(3, 6))
    length = max(40, int(rng.gauss(140, 40)))
    words = vocab.body(rng, length)
    sentences = [" ".join(words[i : i + 14]).capitalize() + "." for i in range(0, length, 14)]
    return SyntheticText(lang, title, keywords, " ".join(sentences))

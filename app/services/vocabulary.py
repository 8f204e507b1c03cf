"""In-memory view of the index vocabulary: completes the word being typed and finds the
indexed words closest to a misspelt one."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate

from rapidfuzz import process
from rapidfuzz.distance import OSA

from app.models import search_index

# Words scanned when completing a prefix; beyond this the FTS prefix index alone serves.
_SCAN_LIMIT = 4000


def max_typos(word: str) -> int:
    """Typo budget of a word: one edit from 5 letters, two from 9 (as Meilisearch)."""
    n = len(word)
    return 0 if n < 5 else 1 if n < 9 else 2


# Where a word is counted: anywhere, title + keywords, title. The same order as the FTS
# column filters and as the df, head_df, title_df columns of the vocabulary rows.
TIERS = tuple(search_index.TIERS)


class Vocabulary:
    def __init__(self, rows: list[tuple[str, str, int, int, int]]) -> None:
        self.words = [r[0] for r in rows]  # sorted by word
        self.stem_of = {r[0]: r[1] for r in rows}
        self.df = {r[0]: r[2] for r in rows}
        self.stems = frozenset(r[1] for r in rows)
        # Per tier: texts holding each stem, and running totals over the sorted words so
        # the texts behind a prefix are estimated with two bisections.
        self._stem_df: dict[str, list[int]] = {}
        self._running: list[list[int]] = []
        freqs = [(r[2], r[3], r[4]) for r in rows]
        for tier in range(3):
            self._running.append(list(accumulate((f[tier] for f in freqs), initial=0)))
        for r, f in zip(rows, freqs, strict=True):
            counts = self._stem_df.setdefault(r[1], [0, 0, 0])
            for tier in range(3):
                counts[tier] += f[tier]
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self.words:
            by_len[len(w)].append(w)
        self._by_len = dict(by_len)
        self._prefixes: dict[int, list[str]] = {}  # distinct word beginnings, by length

    def __len__(self) -> int:
        return len(self.words)

    def knows(self, word: str, stem: str) -> bool:
        return word in self.stem_of or stem in self.stems

    def texts_with_stem(self, stem: str, tier: int) -> int:
        counts = self._stem_df.get(stem)
        return 0 if counts is None else counts[tier]

    def texts_with_prefix(self, prefix: str, tier: int) -> int:
        """Upper bound of the texts holding a word that starts with prefix."""
        lo = bisect_left(self.words, prefix)
        hi = bisect_left(self.words, prefix + "\uffff")
        return self._running[tier][hi] - self._running[tier][lo]

    def completions(self, prefix: str) -> list[str]:
        """Indexed words that start with prefix (at most _SCAN_LIMIT, in word order)."""
        i = bisect_left(self.words, prefix)
        out: list[str] = []
        while i < len(self.words) and len(out) < _SCAN_LIMIT:
            w = self.words[i]
            if not w.startswith(prefix):
                break
            out.append(w)
            i += 1
        return out

    def _best(self, word: str, choices: list[str], budget: int, limit: int) -> list[str]:
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=budget, limit=None)
        if not found:
            return []
        best = min(f[1] for f in found)
        closest = [f[0] for f in found if f[1] == best]
        return closest[:limit]

    def close_words(self, word: str, limit: int = 3) -> list[str]:
        """Indexed words within the typo budget, closest first, then most frequent."""
        budget = max_typos(word)
        if budget == 0:
            return []
        n = len(word)
        choices = [w for k in range(n - budget, n + budget + 1) for w in self._by_len.get(k, [])]
        found = self._best(word, choices, budget, limit=50)
        return sorted(found, key=lambda w: -self.df[w])[:limit]

    def close_prefixes(self, prefix: str, limit: int = 3) -> list[str]:
        """Beginnings of indexed words (as long as prefix) within its typo budget."""
        budget = max_typos(prefix)
        if budget == 0:
            return []
        n = len(prefix)
        if n not in self._prefixes:
            self._prefixes[n] = sorted({w[:n] for w in self.words if len(w) >= n})
        found = self._best(prefix, self._prefixes[n], budget, limit=50)
        return sorted(found, key=lambda p: -self.texts_with_prefix(p, 0))[:limit]

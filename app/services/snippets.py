"""Snippets: the passage of an answer that holds most of the query's words, marked."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from itertools import accumulate, islice
from operator import sub
from typing import NamedTuple

from app.domain import text

_MARKDOWN = re.compile(r"(\*\*|__|`|^#+\s*|^\s*[-*]\s+|<!--.*?-->)", re.M)
_SPACES = re.compile(r"\s+")

Segments = tuple[tuple[str, bool], ...]  # (text, is_match)


class Marker:
    """Which words of a text matched the query: by stem, or by the prefix being typed."""

    def __init__(self, stems: frozenset[str], prefixes: tuple[str, ...], lang: str) -> None:
        self.stems = stems
        self.prefixes = prefixes
        self.lang = lang

    def hits(self, words: _Words) -> list[bool]:
        if not self.prefixes:
            return [s in self.stems for s in words.stems]
        return [
            s in self.stems
            or (bool(s) and any(w.startswith(p) or s.startswith(p) for p in self.prefixes))
            for w, s in zip(words.folded, words.stems, strict=True)
        ]


class _Words(NamedTuple):
    folded: list[str]
    stems: list[str]  # "" for stopwords: they never match


@lru_cache(maxsize=2048)
def _analysed(value: str, lang: str) -> _Words:
    """Words of a passage, folded and stemmed; the same articles recur keystroke after
    keystroke, so this runs once per article, not once per search."""
    folded = text.fold_all(value)
    stems = [text.stem(w, lang) if text.is_content(w) else "" for w in folded]
    return _Words(folded, stems)


@lru_cache(maxsize=2048)
def plain(markdown: str) -> str:
    """Markdown as one line of text (cached: the same bodies recur keystroke after keystroke)."""
    return _SPACES.sub(" ", _MARKDOWN.sub(" ", markdown)).strip()


def _segments(value: str, marked: list[tuple[int, int]], lo: int, hi: int) -> Segments:
    """value[lo:hi] split around the marked spans (which lie inside it, in order)."""
    out: list[tuple[str, bool]] = []
    pos = lo
    for start, end in marked:
        if start > pos:
            out.append((value[pos:start], False))
        out.append((value[start:end], True))
        pos = end
    if pos < hi:
        out.append((value[pos:hi], False))
    return tuple(out)


def mark(value: str, marker: Marker) -> Segments:
    """The whole of value, split into marked and unmarked segments."""
    hit = marker.hits(_analysed(value, marker.lang))
    spans = [m.span() for m in text.WORD.finditer(value)]
    return _segments(value, [sp for sp, h in zip(spans, hit, strict=True) if h], 0, len(value))


def _densest(hit: list[bool], width: int) -> int:
    """Start of the run of `width` words holding the most matches (the first such run)."""
    if len(hit) <= width:
        return 0
    cum = list(accumulate(hit, initial=0))
    counts = list(map(sub, cum[width:], cum))
    return counts.index(max(counts))


def snippet(body: str, marker: Marker, width: int = 30) -> Segments:
    """About `width` words of the body around the densest run of matched words."""
    value = plain(body)
    analysed = _analysed(value, marker.lang)
    words = analysed.folded
    if not words:
        return ()
    hit = marker.hits(analysed)
    best = _densest(hit, width)
    # Start a little before the first match so the passage reads as a sentence.
    first = next((i for i in range(best, len(hit)) if hit[i]), best)
    start_tok = max(0, min(best, first - 4))
    end_tok = min(len(words), start_tok + width)
    spans = [m.span() for m in islice(text.WORD.finditer(value), start_tok, end_tok)]
    lo = 0 if start_tok == 0 else spans[0][0]
    hi = len(value) if end_tok == len(words) else spans[-1][1]
    marked = [span for span, h in zip(spans, hit[start_tok:end_tok], strict=True) if h]
    segments = list(_segments(value, marked, lo, hi))
    if lo > 0:
        segments.insert(0, ("… ", False))
    if hi < len(value):
        segments.append((" …", False))
    return tuple(segments)


def to_html(segments: Segments, tag: str = "mark") -> str:
    return "".join(
        f"<{tag}>{html.escape(s, quote=False)}</{tag}>" if m else html.escape(s, quote=False)
        for s, m in segments
    )


def to_text(segments: Segments) -> str:
    return "".join(s for s, _ in segments)

"""Snippets: the passage of an answer that holds most of the query's words, marked."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.services import text

_MARKDOWN = re.compile(r"(\*\*|__|`|^#+\s*|^\s*[-*]\s+|<!--.*?-->)", re.M)
_SPACES = re.compile(r"\s+")

Segments = tuple[tuple[str, bool], ...]  # (text, is_match)


@dataclass(frozen=True, slots=True)
class Marker:
    stems: frozenset[str]
    prefixes: tuple[str, ...]
    lang: str

    def matches(self, word: str) -> bool:
        if text.stem(word, self.lang) in self.stems:
            return True
        return any(
            word.startswith(p) or text.stem(word, self.lang).startswith(p) for p in self.prefixes
        )


def plain(markdown: str) -> str:
    return _SPACES.sub(" ", _MARKDOWN.sub(" ", markdown)).strip()


def mark(value: str, marker: Marker) -> Segments:
    """The whole of value, split into marked and unmarked segments."""
    return _segments(value, [t for t in text.tokens(value)], marker, 0, len(value))


def _segments(value: str, toks: Sequence[text.Token], marker: Marker, lo: int, hi: int) -> Segments:
    out: list[tuple[str, bool]] = []
    pos = lo
    for t in toks:
        if t.start < lo or t.end > hi or t.word in text.STOPWORDS or not marker.matches(t.word):
            continue
        if t.start > pos:
            out.append((value[pos : t.start], False))
        out.append((value[t.start : t.end], True))
        pos = t.end
    if pos < hi:
        out.append((value[pos:hi], False))
    return tuple(out)


def snippet(body: str, marker: Marker, width: int = 30) -> Segments:
    """About `width` words of the body around the densest run of matched words."""
    value = plain(body)
    toks = list(text.tokens(value))
    if not toks:
        return ()
    hit = [t.word not in text.STOPWORDS and marker.matches(t.word) for t in toks]
    best_start, best, run = 0, -1, 0
    for i, h in enumerate(hit):
        run += h
        if i >= width:
            run -= hit[i - width]
        start = max(0, i - width + 1)
        if run > best:
            best, best_start = run, start
    if best <= 0:
        best_start = 0
    # Start a little before the first match so the passage reads as a sentence.
    first = next((i for i in range(best_start, len(toks)) if hit[i]), best_start)
    start_tok = max(0, min(best_start, first - 4))
    end_tok = min(len(toks), start_tok + width)
    lo = 0 if start_tok == 0 else toks[start_tok].start
    hi = len(value) if end_tok == len(toks) else toks[end_tok - 1].end
    segments = list(_segments(value, toks[start_tok:end_tok], marker, lo, hi))
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

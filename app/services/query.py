"""Turns what the agent typed into an FTS5 expression for one language's index."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain import text
from app.services.vocabulary import Vocabulary

MIN_PREFIX = 3  # shorter prefixes match too many rows to rank while typing
_EXTRA_STEMS = 12  # stems added for a prefix whose words stem shorter than it


@dataclass(frozen=True, slots=True)
class Alternative:
    """A phrase of stems; a prefix alternative matches any stem that starts with it."""

    stems: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        quoted = '"' + " ".join(self.stems) + '"'
        return quoted + "*" if self.prefix else quoted

    def estimate(self, vocab: Vocabulary, tier: int) -> int:
        """Upper bound of the texts this alternative matches in a tier."""
        if self.prefix:
            return vocab.texts_with_prefix(self.stems[-1], tier)
        return min(vocab.texts_with_stem(s, tier) for s in self.stems)


@dataclass(slots=True)
class Clause:
    alternatives: list[Alternative] = field(default_factory=list)

    def fts(self) -> str:
        parts = list(dict.fromkeys(a.fts() for a in self.alternatives))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def estimate(self, vocab: Vocabulary, tier: int) -> int:
        return sum(a.estimate(vocab, tier) for a in self.alternatives)


@dataclass(slots=True)
class ParsedQuery:
    clauses: list[Clause]

    def expression(self, joiner: str = "AND") -> str:
        return f" {joiner} ".join(c.fts() for c in self.clauses)

    def estimate(self, vocab: Vocabulary, tier: int, joiner: str = "AND") -> int:
        """Upper bound of the texts the expression matches in a tier (0: no clause)."""
        sizes = [c.estimate(vocab, tier) for c in self.clauses]
        if not sizes:
            return 0
        return min(sizes) if joiner == "AND" else sum(sizes)

    def highlight_terms(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """(stems matched exactly, prefixes matched) for marking words in snippets."""
        exact: set[str] = set()
        prefixes: list[str] = []
        for clause in self.clauses:
            for alt in clause.alternatives:
                if alt.prefix:
                    prefixes.append(alt.stems[-1])
                    exact.update(alt.stems[:-1])
                else:
                    exact.update(alt.stems)
        return frozenset(exact), tuple(prefixes)


Synonyms = list[list[tuple[str, ...]]]  # groups of stemmed phrases


def _prefix_clause(word: str, vocab: Vocabulary, completions: list[str] | None = None) -> Clause:
    clause = Clause([Alternative((word,), prefix=True)])
    extra: dict[str, int] = {}
    for w in vocab.completions(word) if completions is None else completions:
        s = vocab.stem_of[w]
        if not s.startswith(word):  # e.g. typed "deneigem", indexed stem "deneig"
            extra[s] = max(extra.get(s, 0), vocab.df[w])
    for s in sorted(extra, key=lambda s: -extra[s])[:_EXTRA_STEMS]:
        clause.alternatives.append(Alternative((s,)))
    return clause


def _typing_clause(word: str, lang: str, vocab: Vocabulary) -> Clause | None:
    if len(word) < MIN_PREFIX:
        return _word_clause(word, lang, vocab) if word in vocab.stem_of else None
    completions = vocab.completions(word)
    if completions or not vocab:
        return _prefix_clause(word, vocab, completions)
    close = vocab.close_words(word)
    if close:
        return Clause([Alternative((vocab.stem_of[w],)) for w in close])
    prefixes = vocab.close_prefixes(word)
    if prefixes:
        clause = Clause()
        for p in prefixes:
            clause.alternatives.extend(_prefix_clause(p, vocab).alternatives)
        return clause
    return Clause([Alternative((text.stem(word, lang),))])


def _word_clause(word: str, lang: str, vocab: Vocabulary) -> Clause:
    s = text.stem(word, lang)
    if vocab.knows(word, s) or not vocab:
        return Clause([Alternative((s,))])
    close = vocab.close_words(word)
    if close:
        return Clause([Alternative((vocab.stem_of[w],)) for w in close])
    return Clause([Alternative((s,))])


def _find(seq: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i : i + n]) == phrase:
            return i
    return -1


def is_typing(query: str) -> bool:
    """The query ends inside a content word, which the agent may still be typing."""
    if not query or not query[-1].isalnum():
        return False
    raw = text.WORD.findall(query)
    return bool(raw) and text.fold(raw[-1]) not in text.STOPWORDS


def parse(query: str, lang: str, vocab: Vocabulary, synonyms: Synonyms) -> ParsedQuery:
    """Clauses (ANDed) for a query; the last word is a prefix while it is being typed."""
    words = text.words(query)
    last = words[-1] if words and is_typing(query) else None
    complete = words[:-1] if last is not None else words

    clauses: list[Clause | None] = [_word_clause(w, lang, vocab) for w in complete]
    # Synonyms are looked up on the corrected spelling ("gros morcaux" -> "gros morceau"),
    # and on the word being typed as it stands, so "monstres" finds "encombrants" at once.
    stems = [c.alternatives[0].stems[0] if c else "" for c in clauses]
    if last is not None:
        stems.append(text.stem(last, lang))
        clauses.append(None)
    # A phrase of a group becomes "this phrase or any other of its group"; longest phrases
    # first so "gros morceaux" wins over "gros".
    used = [False] * len(stems)
    typed_in_synonym = False
    for group in sorted(synonyms, key=lambda g: -max(len(p) for p in g)):
        for phrase in group:
            at = _find(stems, phrase)
            if at < 0 or any(used[at : at + len(phrase)]):
                continue
            clause = Clause([Alternative(p) for p in group])
            end = at + len(phrase)
            if last is not None and end == len(stems):  # keep matching as the word grows
                clause.alternatives.append(Alternative((*phrase[:-1], last), prefix=True))
                typed_in_synonym = True
            clauses[at] = clause
            for i in range(at, end):
                used[i] = True
                if i > at:
                    clauses[i] = None
            break
    result = [c for c in clauses if c is not None]
    if last is not None and not typed_in_synonym:
        typed = _typing_clause(last, lang, vocab)
        if typed is not None:
            result.append(typed)
    return ParsedQuery(result)

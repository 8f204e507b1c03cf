"""The engine over the real bundled knowledge base: what agents type finds the article."""

from __future__ import annotations

from itertools import pairwise

import pytest

from app.domain import text
from app.services.search import SearchHit
from app.services.workspace import Workspace
from tests.conftest import QUERIES


def top_ids(bundled: Workspace, query: str, lang: str = "fr", n: int = 3) -> list[str]:
    return [h.article_id for h in bundled.search(query, lang=lang, limit=10).hits[:n]]


@pytest.mark.parametrize("case", QUERIES, ids=[f"{c['kind']}:{c['q']}" for c in QUERIES])
def test_expected_article_in_top_three(bundled: Workspace, case: dict[str, str]) -> None:
    assert case["expect"] in top_ids(bundled, case["q"], case.get("lang", "fr"))


def test_accents_and_case_do_not_matter(bundled: Workspace) -> None:
    assert top_ids(bundled, "Déneigement") == top_ids(bundled, "deneigement")
    assert top_ids(bundled, "ÉCOCENTRE") == top_ids(bundled, "ecocentre")


def test_every_keystroke_of_a_word_keeps_the_article_in_view(bundled: Workspace) -> None:
    word = "encombrants"
    for end in range(3, len(word) + 1):
        assert "encombrants-collecte" in top_ids(bundled, word[:end]), word[:end]


def test_typo_budget_grows_with_word_length(bundled: Workspace) -> None:
    # Four letters: no typo allowed, so a stray word finds nothing on its own.
    assert bundled.search("zqxw").hits == ()
    # Nine letters and more: two edits.
    assert "collecte-recyclage" in top_ids(bundled, "recylcagge")


def test_snippet_marks_the_matched_words(bundled: Workspace) -> None:
    hit: SearchHit = bundled.search("punaises de lit").hits[0]
    marked = [text.lower() for text, is_match in hit.snippet if is_match]
    assert marked and all(w.startswith(("punaise", "lit")) for w in marked)
    assert "<mark>" in str(hit.as_json()["snippet"])


def test_agents_language_ranks_first(bundled: Workspace) -> None:
    fr = bundled.search("écocentre", lang="fr").hits
    en = bundled.search("ecocentre", lang="en").hits
    assert fr[0].lang == "fr"
    assert en[0].lang == "en"
    # One row per article, whatever the languages it matched in.
    ids = [h.article_id for h in en]
    assert len(ids) == len(set(ids))


def test_partial_match_when_no_article_has_every_word(bundled: Workspace) -> None:
    result = bundled.search("nid de poule xylophone")
    assert result.relaxed
    assert result.hits[0].article_id == "nid-de-poule-signalement"


def test_empty_and_stopword_only_queries_return_nothing(bundled: Workspace) -> None:
    assert bundled.search("").hits == ()
    assert bundled.search("le la les de").hits == ()


def test_fts_syntax_in_a_query_is_plain_text(bundled: Workspace) -> None:
    for query in ('"nid', "nid OR poule", "NEAR(", "col*", "title:eau", "a AND"):
        bundled.search(query)  # no exception: what the agent types is never FTS syntax


def test_large_result_sets_are_ranked_from_the_title_first(
    bundled: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a tiny row budget the bundled KB behaves like a huge one: ranking starts in
    the title and widens while it finds fewer hits than asked."""
    from app.models import search_index
    from app.services import search

    tiers: list[tuple[str, str, int]] = []
    real_match = search_index.match

    def spy(conn, lang, expression, limit, tier="all"):
        rows = real_match(conn, lang, expression, limit, tier)
        tiers.append((lang, tier, len(rows)))
        return rows

    monkeypatch.setattr(search_index, "match", spy)
    exact = top_ids(bundled, "collecte", n=10)
    assert {t for _, t, _ in tiers} == {"all"}

    tiers.clear()
    monkeypatch.setattr(search, "ROW_BUDGET", 3)
    narrowed = bundled.search("collecte", limit=10).hits
    assert next(t for lang, t, _ in tiers if lang == "fr") == "title"
    # Each widening happened because the narrower tier had fewer than 10 hits.
    for (lang, _tier, n), (next_lang, _next_tier, _) in pairwise(tiers):
        if lang == next_lang:
            assert n < 10
    assert len(narrowed) == 10
    assert set(exact[:3]) <= {h.article_id for h in narrowed}


def test_narrow_tier_widens_when_it_finds_too_little(
    bundled: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import search

    monkeypatch.setattr(search, "ROW_BUDGET", 0)
    # "abrasifs" is in bodies only: the title tier finds nothing, the wider tiers do.
    hits = bundled.search("abrasifs").hits
    assert hits and all("abrasif" not in text.fold(h.title_text) for h in hits)
    monkeypatch.setattr(search, "HARD_BUDGET", 0)
    assert bundled.search("abrasifs").hits == ()


def test_word_being_typed_and_finished_words() -> None:
    from app.services.query import is_typing

    assert is_typing("collecte des encomb")
    assert not is_typing("collecte ")
    assert not is_typing("collecte de")  # a trailing stopword: "collecte" is finished
    assert not is_typing("nid-de-poule?")


def test_synonym_of_the_word_being_typed_applies_at_once(bundled: Workspace) -> None:
    assert top_ids(bundled, "monstres", n=1) == top_ids(bundled, "monstres ", n=1)
    assert top_ids(bundled, "monstres", n=1) == ["encombrants-collecte"]


def test_aujourd_hui_is_not_two_words(bundled: Workspace) -> None:
    assert top_ids(bundled, "aujourd'hui collecte") == top_ids(bundled, "collecte")

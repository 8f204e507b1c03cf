"""A request's landmark (repère) goes end to end: typed on one console, kept by the
central store, brought to another console by the feed, and changed by a correction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.sync.test_engine import Console, pothole, server_case


@pytest.fixture
def consoles(tmp_path: Path, live_server: Any) -> Iterator[list[Console]]:
    made = [
        Console(tmp_path / "a", live_server.url, "agent1", "021"),
        Console(tmp_path / "b", live_server.url, "agent2", "022"),
    ]
    yield made
    for console in made:
        console.close()


def landmark_on(console: Console, case_number: str) -> str:
    shown = console.workspace.case_detail(case_number)
    assert shown is not None
    return shown.landmark


def test_a_landmark_is_saved_stored_brought_over_and_corrected(consoles: list[Console]) -> None:
    a, b = consoles
    draft = replace(pothole(1), landmark="  en face du parc ")
    case_number = a.workspace.save_request(draft, None).case_number
    assert landmark_on(a, case_number) == "en face du parc"
    assert a.sync() and b.sync()
    assert server_case(a.client, case_number)["landmark"] == "en face du parc"
    assert landmark_on(b, case_number) == "en face du parc"

    b.workspace.edit_request(case_number, {"landmark": "derrière l'école"})
    assert b.sync() and a.sync()
    assert server_case(a.client, case_number)["landmark"] == "derrière l'école"
    assert landmark_on(a, case_number) == "derrière l'école"
    assert a.workspace.conflict_count() == 0


def test_a_landmark_too_long_is_refused_naming_the_field(consoles: list[Console]) -> None:
    from app.domain.validation import ValidationError

    a = consoles[0]
    with pytest.raises(ValidationError) as refused:
        a.workspace.save_request(replace(pothole(2), landmark="x" * 201), None)
    assert [p.field for p in refused.value.problems] == ["landmark"]

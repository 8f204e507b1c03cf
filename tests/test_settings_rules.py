"""The settings' rules: each wrong value is refused naming its field and the fix."""

from __future__ import annotations

import pytest

from app.domain.validation import ValidationError
from app.services import settings_rules as rules


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("", ""),
        ("   ", ""),
        ("https://relais.montreal.ca/", "https://relais.montreal.ca"),
        ("https://relais.montreal.ca:8443/base", "https://relais.montreal.ca:8443/base"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_a_server_address_is_https_or_on_this_computer(typed: str, kept: str) -> None:
    assert rules.check_server_url(typed) == kept


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("relais.montreal.ca", "server_url"),
        ("ftp://relais.montreal.ca", "server_url"),
        ("https://", "server_url"),
        ("https://relais montreal.ca", "server_url"),
        ("https://relais.montreal.ca:99999", "server_url"),
        ("https://relais.montreal.ca/?x=1", "server_url"),
        ("http://relais.montreal.ca", "server_url_https"),
        ("http://10.0.0.5:8000", "server_url_https"),
        ("https://agent1:demo@relais.montreal.ca", "server_url_credentials"),
        ("https://agent1@relais.montreal.ca", "server_url_credentials"),
    ],
)
def test_a_wrong_server_address_is_refused_with_its_fix(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_server_url(typed)
    (problem,) = caught.value.problems
    assert problem.field == "server_url" and problem.code == code
    assert "https://" in problem.message or "@" in problem.message


def test_the_default_channel_is_a_known_one_or_the_workplaces() -> None:
    assert rules.check_default_channel("") == rules.FOLLOW_WORKPLACE
    assert rules.check_default_channel("email") == "email"
    with pytest.raises(ValidationError) as caught:
        rules.check_default_channel("fax")
    assert caught.value.problems[0].field == "default_channel"
    assert "phone" in caught.value.problems[0].message


@pytest.mark.parametrize("code", ["system", "fr", "en"])
def test_the_language_is_the_systems_french_or_english(code: str) -> None:
    assert rules.check_language(code) == code


def test_another_language_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_language("de")
    assert caught.value.problems[0].field == "language"


@pytest.mark.parametrize(("typed", "days"), [("1", 1), (" 30 ", 30), ("365", 365)])
def test_retention_is_whole_days_from_1_to_365(typed: str, days: int) -> None:
    assert rules.check_retention_days(typed) == days


@pytest.mark.parametrize("typed", ["", "0", "366", "-5", "7.5", "trente", "٣٠", "1²"])
def test_a_wrong_retention_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_retention_days(typed)
    (problem,) = caught.value.problems
    assert problem.field == "retention_days" and "1 to 365" in problem.message


@pytest.mark.parametrize(("typed", "points"), [("", None), ("system", None), ("8", 8), ("28", 28)])
def test_the_font_size_is_points_or_the_systems(typed: str, points: int | None) -> None:
    assert rules.check_font_size(typed) == points


@pytest.mark.parametrize("typed", ["7", "29", "12pt", "large"])
def test_a_wrong_font_size_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_font_size(typed)
    assert caught.value.problems[0].field == "font_size"


def test_all_settings_are_checked_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_settings("http://example.org", "fax", "de", "0", "99")
    fields = [p.field for p in caught.value.problems]
    assert fields == ["server_url", "default_channel", "language", "retention_days", "font_size"]


def test_good_settings_come_back_cleaned() -> None:
    assert rules.check_settings(
        "https://relais.montreal.ca/", "counter", "en", "14", "16"
    ) == rules.ConsoleSettings("https://relais.montreal.ca", "counter", "en", 14, 16)

"""Case numbers: format, parsing, and a check digit that catches reading mistakes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.case_numbers import CaseNumber, CaseNumberError, parse_case_number

numbers = st.builds(
    CaseNumber,
    year=st.integers(2000, 2099),
    station=st.integers(1, 999),
    sequence=st.integers(1, 999_999),
)


def test_format_is_grouped_for_reading_aloud() -> None:
    number = CaseNumber(year=2026, station=42, sequence=137)
    assert str(number).startswith("26-042-000137-")
    assert len(number.digits) == 12


@given(numbers)
def test_round_trip(number: CaseNumber) -> None:
    assert parse_case_number(str(number)) == number
    assert parse_case_number(number.digits) == number
    assert parse_case_number(" ".join(number.digits)) == number


@given(numbers, st.integers(0, 11), st.integers(1, 9))
def test_every_single_digit_typo_is_caught(number: CaseNumber, pos: int, shift: int) -> None:
    digits = list(number.digits)
    digits[pos] = str((int(digits[pos]) + shift) % 10)
    with pytest.raises(CaseNumberError):
        parse_case_number("".join(digits))


@given(numbers, st.integers(0, 10))
def test_every_adjacent_swap_is_caught(number: CaseNumber, pos: int) -> None:
    digits = list(number.digits)
    if digits[pos] == digits[pos + 1]:
        return
    digits[pos], digits[pos + 1] = digits[pos + 1], digits[pos]
    with pytest.raises(CaseNumberError):
        parse_case_number("".join(digits))


@pytest.mark.parametrize("text", ["", "26-042", "26-042-000137-55", "ab-042-000137-5", "x" * 12])
def test_malformed_numbers_say_what_is_expected(text: str) -> None:
    with pytest.raises(CaseNumberError, match="12 digits"):
        parse_case_number(text)


def test_out_of_range_parts_are_refused() -> None:
    with pytest.raises(CaseNumberError, match="station"):
        CaseNumber(year=2026, station=0, sequence=1)
    with pytest.raises(CaseNumberError, match="sequence"):
        CaseNumber(year=2026, station=1, sequence=0)

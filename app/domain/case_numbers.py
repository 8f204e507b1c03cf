"""Case numbers a console can hand out offline: YY-SSS-NNNNNN-C.

YY is the year of creation, SSS the station (workstation) code, NNNNNN the station's own
sequence for that year and C a Damm check digit over the eleven digits before it. The
station makes the number globally unique without asking a server; Damm's check catches
every single mistyped digit and every swap of two adjacent digits, which is what happens
when a number is read over the phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Stations 001-899 are workstations; 900-999 are the central store's own channels.
WORKSTATION_STATIONS = range(1, 900)
SERVER_STATIONS = range(900, 1000)
GEOREPORT_STATION = 900
MAX_SEQUENCE = 999_999

# Damm's quasigroup of order 10 (weakly totally anti-symmetric).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
_SEPARATORS = re.compile(r"[\s\-./]")


class CaseNumberError(ValueError):
    """A case number that cannot be right; the message says what is wrong."""


def damm_digit(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


@dataclass(frozen=True, order=True)
class CaseNumber:
    year: int  # four digits
    station: int
    sequence: int

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 2099:
            raise CaseNumberError(f"year {self.year} is outside 2000-2099")
        if not 1 <= self.station <= 999:
            raise CaseNumberError(f"station code {self.station} must be between 001 and 999")
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise CaseNumberError(f"sequence {self.sequence} must be between 1 and {MAX_SEQUENCE}")

    @property
    def digits(self) -> str:
        body = f"{self.year % 100:02d}{self.station:03d}{self.sequence:06d}"
        return body + str(damm_digit(body))

    def __str__(self) -> str:
        d = self.digits
        return f"{d[:2]}-{d[2:5]}-{d[5:11]}-{d[11]}"


def parse_case_number(text: str) -> CaseNumber:
    """Read a case number as typed or read aloud (dashes and spaces optional)."""
    digits = _SEPARATORS.sub("", text or "")
    if not digits.isdigit() or len(digits) != 12:
        raise CaseNumberError(
            f"« {text} » is not a case number: expected 12 digits, as in 26-042-000137-5"
        )
    if damm_digit(digits[:11]) != int(digits[11]):
        raise CaseNumberError(
            f"« {text} » has a wrong check digit: a digit was probably mistyped; "
            "read the number back to the citizen"
        )
    return CaseNumber(
        year=2000 + int(digits[:2]), station=int(digits[2:5]), sequence=int(digits[5:11])
    )

"""Checks on what an agent or a citizen submits. Every problem names the field and the fix,
and all problems are reported at once, so the form can mark each field."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.domain.catalogue import Attribute, Service

MAX_STRING = 200
MAX_TEXT = 4000
# Dates a 311 request can carry; beyond them time-zone arithmetic overflows anyway.
MIN_YEAR, MAX_YEAR = 1970, 2099
_POSTAL_CODE = re.compile(r"^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field. `message` is English, for logs and API clients; a
    screen shows its own words for `code` (with `args`), in the agent's language."""

    field: str
    message: str
    code: str = ""
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> bool:
    """No NUL and no lone surrogate: neither survives UTF-8 or PostgreSQL's text and JSON."""
    return _UNSTORABLE.search(text) is None


def unstorable_path(value: object, path: str = "") -> str | None:
    """Where, in a JSON-like value, the first text that cannot be stored is (keys too)."""
    if isinstance(value, str):
        return None if storable(value) else (path or "value")
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if not storable(str(key)):
                return path or "key"
            found = unstorable_path(item, where)
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = unstorable_path(item, f"{path}[{i}]")
            if found:
                return found
    return None


UNSTORABLE_MESSAGE = "contains a NUL character or an invalid Unicode code point; remove it"


def parse_datetime(value: str) -> datetime:
    """ISO 8601 with a time zone; 'Z' accepted. Raises ValueError with the reason."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise ValueError("a time zone is required, as in 2026-11-25T14:30:00-05:00")
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return parsed


def normalise_postal_code(value: str) -> str:
    match = _POSTAL_CODE.match(value.strip().upper())
    if not match:
        raise ValueError("not a Canadian postal code; expected the form H2X 1Y4")
    return f"{match.group(1)} {match.group(2)}"


def check_email(value: str) -> str:
    text = value.strip()
    if len(text) > 254 or not _EMAIL.match(text):
        raise ValueError("not an e-mail address; expected the form name@example.com")
    return text.lower()


def normalise_phone(raw: str) -> str:
    """North American numbers as 514-555-0123 (an extension kept as ' poste 12')."""
    main, _, ext = raw.lower().replace("ext", "x").replace("poste", "x").partition("x")
    digits = _NOT_DIGIT.sub("", main)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise ValueError("expected a 10-digit number, as in 514 555-0123")
    formatted = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    ext_digits = _NOT_DIGIT.sub("", ext)
    if len(ext_digits) > 6:
        raise ValueError("the extension has more than 6 digits")
    return f"{formatted} poste {ext_digits}" if ext_digits else formatted


# The island's area codes, the most used first: a number given without one is looked
# up under each.
MONTREAL_AREA_CODES = ("514", "438", "263")
_LOCAL_PHONE = re.compile(r"^\s*([2-9]\d{2})[\s.-]?(\d{4})\s*(?:(?:poste|ext|x)\.?\s*\d*)?$")


def local_phone(raw: str) -> str | None:
    """A number given without its area code, as callers say it: "555-0123", "555 0123",
    "5550123" -> "555-0123", the last seven digits of a stored 514-555-0123; else None."""
    match = _LOCAL_PHONE.match(raw.lower())
    return f"{match.group(1)}-{match.group(2)}" if match else None


class _Bad(ValueError):
    """A value refused for a reason a screen can name in its own words."""

    def __init__(self, code: str, message: str, *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_ = args


def _clean_one(attr: Attribute, raw: object) -> object:
    if attr.datatype in ("string", "text"):
        if not isinstance(raw, str):
            raise _Bad("not_text", "expected text")
        if not storable(raw):
            raise _Bad("unstorable", UNSTORABLE_MESSAGE)
        limit = MAX_STRING if attr.datatype == "string" else MAX_TEXT
        if len(raw) > limit:
            raise _Bad("too_long", f"too long: {len(raw)} characters, at most {limit}", str(limit))
        return raw.strip()
    if attr.datatype == "number":
        if isinstance(raw, bool):
            raise _Bad("not_number", "expected a number", str(raw))
        if isinstance(raw, str):
            try:
                raw = float(raw.strip().replace(",", "."))
            except ValueError:
                raise _Bad("not_number", f"« {raw} » is not a number", str(raw)) from None
        if not isinstance(raw, int | float):
            raise _Bad("not_number", "expected a number", str(raw))
        # "nan", "inf" and 1e400 read as floats, but are no JSON number the store can keep.
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _Bad("not_number", f"« {raw} » is not a number", str(raw))
        return int(raw) if isinstance(raw, float) and raw.is_integer() else raw
    if attr.datatype == "datetime":
        if not isinstance(raw, str):
            raise _Bad("datetime", "expected a date and time, as in 2026-11-25T14:30:00-05:00")
        try:
            return parse_datetime(raw).isoformat()
        except ValueError as exc:
            raise _Bad("datetime", str(exc), raw) from None
    keys = [v.key for v in attr.values]
    if attr.datatype == "singlevaluelist":
        if isinstance(raw, list) and len(raw) == 1:
            raw = raw[0]
        if raw not in keys:
            raise _Bad("choice", f"« {raw} » is not one of the choices: {', '.join(keys)}")
        return raw
    # multivaluelist
    items = raw if isinstance(raw, list) else [raw]
    wrong = [str(i) for i in items if i not in keys]
    if wrong:
        raise _Bad("choice", f"not among the choices ({', '.join(keys)}): {', '.join(wrong)}")
    return sorted(set(items), key=keys.index)


def _is_empty(raw: object) -> bool:
    return raw is None or raw == "" or raw == []


def clean_attributes(service: Service, raw: Mapping[str, object]) -> dict[str, object]:
    """The service's attribute values, checked and normalised; raises ValidationError."""
    problems: list[FieldProblem] = []
    known = {a.code: a for a in service.attributes}
    for code in raw:
        if code not in known:
            choices = ", ".join(known) or "none"
            problems.append(
                FieldProblem(
                    f"attribute[{code}]",
                    f"unknown attribute for {service.code}; its attributes are: {choices}",
                )
            )
    cleaned: dict[str, object] = {}
    for attr in service.attributes:
        value = raw.get(attr.code)
        if _is_empty(value):
            if attr.required:
                problems.append(
                    FieldProblem(
                        f"attribute[{attr.code}]", f"required: {attr.description_en}", "required"
                    )
                )
            continue
        try:
            cleaned[attr.code] = _clean_one(attr, value)
        except _Bad as exc:
            problems.append(FieldProblem(f"attribute[{attr.code}]", str(exc), exc.code, exc.args_))
    if problems:
        raise ValidationError(problems)
    return cleaned

"""What the console's settings may hold: the central store's address, the default channel,
the interface language, how long citizens' data stays cached, and the font size. Pure
checks, so the settings dialog, the start-up and the tests apply the same rules."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.domain.request_terms import CHANNELS
from app.domain.validation import FieldProblem, ValidationError

FOLLOW_WORKPLACE = ""  # the default channel: the workplace's (phone at 311, counter at BAM)
SYSTEM = "system"  # language and font size: the workstation's own
LANGUAGES = (SYSTEM, "fr", "en")
RETENTION_DAYS = range(1, 366)
DEFAULT_RETENTION_DAYS = 30
FONT_POINTS = range(8, 29)


@dataclass(frozen=True)
class ConsoleSettings:
    server_url: str = ""  # empty: this console stays local only
    default_channel: str = FOLLOW_WORKPLACE
    language: str = SYSTEM
    retention_days: int = DEFAULT_RETENTION_DAYS
    font_size: int | None = None  # None: the system's default


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(text: str) -> str:
    """The address, trimmed and without a trailing slash; "" means local only."""
    url = text.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it is what checks it
    except ValueError:
        raise _problem(
            "server_url", "not a valid address; as in https://relais.montreal.ca"
        ) from None
    if any(c.isspace() for c in url):
        raise _problem(
            "server_url", "must not contain spaces; as in https://relais.montreal.ca", "server_url"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _problem(
            "server_url",
            "must start with https:// followed by the server's name, "
            "as in https://relais.montreal.ca",
            "server_url",
        )
    if parts.username is not None or parts.password is not None:
        raise _problem(
            "server_url",
            "must not contain a user name or password: remove the part before @ "
            "(the console asks for them at login)",
            "server_url_credentials",
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise _problem(
            "server_url",
            "must use https:// (http:// only for a server on this computer, localhost)",
            "server_url_https",
        )
    if parts.query or parts.fragment:
        raise _problem(
            "server_url",
            "the server's address only, without ? or #, as in https://relais.montreal.ca",
            "server_url",
        )
    return url.rstrip("/")


def check_default_channel(code: str) -> str:
    if code != FOLLOW_WORKPLACE and code not in CHANNELS:
        raise _problem(
            "default_channel",
            f"one of {', '.join(CHANNELS)}, or empty to follow the workplace",
            "default_channel",
        )
    return code


def check_language(code: str) -> str:
    if code not in LANGUAGES:
        raise _problem("language", "system, fr or en", "settings_language")
    return code


def check_retention_days(text: str) -> int:
    raw = text.strip()
    if not raw.isascii() or not raw.isdigit() or int(raw) not in RETENTION_DAYS:
        raise _problem(
            "retention_days",
            f"a whole number of days from {RETENTION_DAYS.start} to {RETENTION_DAYS.stop - 1}, "
            f"as in {DEFAULT_RETENTION_DAYS}",
            "retention_days",
        )
    return int(raw)


def check_font_size(text: str) -> int | None:
    """Points, or empty (or "system") for the system's default."""
    raw = text.strip()
    if not raw or raw.lower() == SYSTEM:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) not in FONT_POINTS:
        raise _problem(
            "font_size",
            f"a size in points from {FONT_POINTS.start} to {FONT_POINTS.stop - 1}, "
            "or empty for the system's default",
            "font_size",
        )
    return int(raw)


def check_settings(
    server_url: str, default_channel: str, language: str, retention_days: str, font_size: str
) -> ConsoleSettings:
    """All the settings at once; raises ValidationError naming every wrong field."""
    problems: list[FieldProblem] = []
    values: dict[str, object] = {}
    checks = (
        ("server_url", check_server_url, server_url),
        ("default_channel", check_default_channel, default_channel),
        ("language", check_language, language),
        ("retention_days", check_retention_days, retention_days),
        ("font_size", check_font_size, font_size),
    )
    for name, check, raw in checks:
        try:
            values[name] = check(raw)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    return ConsoleSettings(**values)  # type: ignore[arg-type]


def _problem(field: str, message: str, code: str = "") -> ValidationError:
    return ValidationError([FieldProblem(field, message, code or field)])

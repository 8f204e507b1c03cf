"""Accounts, passwords, bearer tokens and GeoReport API keys. Secrets are stored hashed:
scrypt for passwords, SHA-256 for random tokens and keys (which carry 256 bits)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.server.models import Account, ApiKey, AuthToken

ROLES = ("agent", "supervisor", "admin")
TOKEN_LIFETIME = timedelta(hours=12)  # one shift; the console asks again after that
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$"
_USERNAME = re.compile(USERNAME_PATTERN)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 10


class AuthError(Exception):
    """Refused credentials; the message is safe to show (it never says which part was wrong)."""


@dataclass(frozen=True)
class Principal:
    account_id: int
    username: str
    role: str
    station: int | None

    def at_least(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), dklen=32, **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def check_new_account(username: str, password: str, role: str) -> list[tuple[str, str]]:
    problems = []
    if not _USERNAME.match(username):
        problems.append(
            ("username", "3-64 characters: lower-case letters, digits, '.', '_' or '-'")
        )
    if role not in ROLES:
        problems.append(("role", f"must be one of {', '.join(ROLES)}"))
    if len(password) < MIN_PASSWORD:
        problems.append(("password", f"at least {MIN_PASSWORD} characters"))
    return problems


def create_account(
    session: Session, username: str, password: str, role: str, by: str, now: datetime
) -> Account:
    problems = check_new_account(username, password, role)
    if problems:
        raise ValueError("; ".join(f"{f}: {m}" for f, m in problems))
    if session.scalar(select(Account).where(Account.username == username)) is not None:
        raise ValueError(f"username: « {username} » already exists")
    account = Account(
        username=username,
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=now,
        created_by=by,
    )
    session.add(account)
    session.flush()
    return account


@cache
def _decoy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def authenticate(session: Session, username: str, password: str) -> Account:
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None:
        verify_password(password, _decoy_hash())  # as slow as a known user's check
        raise AuthError("unknown username or wrong password")
    if not verify_password(password, account.password_hash) or not account.active:
        raise AuthError("unknown username or wrong password")
    return account


def issue_token(
    session: Session, account: Account, station: int | None, now: datetime
) -> tuple[str, AuthToken]:
    secret = secrets.token_urlsafe(32)
    row = AuthToken(
        token_hash=digest(secret),
        account_id=account.id,
        station=station,
        created_at=now,
        expires_at=now + TOKEN_LIFETIME,
        revoked_at=None,
    )
    session.add(row)
    session.flush()
    return secret, row


def principal_for(session: Session, secret: str, now: datetime) -> Principal:
    row = session.execute(
        select(AuthToken, Account)
        .join(Account, Account.id == AuthToken.account_id)
        .where(AuthToken.token_hash == digest(secret))
    ).first()
    if row is None:
        raise AuthError("unknown token: log in again")
    token, account = row
    if token.revoked_at is not None:
        raise AuthError("this token was revoked: log in again")
    if token.expires_at <= now:
        raise AuthError("this token has expired: log in again")
    if not account.active:
        raise AuthError("this account is disabled")
    return Principal(account.id, account.username, account.role, token.station)


def revoke_token(session: Session, secret: str, now: datetime) -> bool:
    result = session.execute(
        update(AuthToken)
        .where(AuthToken.token_hash == digest(secret), AuthToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revoke_all(session: Session, account_id: int, now: datetime) -> int:
    result = session.execute(
        update(AuthToken)
        .where(AuthToken.account_id == account_id, AuthToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def create_api_key(session: Session, name: str, by: str, now: datetime) -> str:
    secret = "o311_" + secrets.token_urlsafe(24)
    session.add(
        ApiKey(key_hash=digest(secret), name=name, created_at=now, created_by=by, revoked_at=None)
    )
    return secret


def api_key_name(session: Session, secret: str) -> str | None:
    key = session.scalar(
        select(ApiKey).where(ApiKey.key_hash == digest(secret), ApiKey.revoked_at.is_(None))
    )
    return key.name if key else None

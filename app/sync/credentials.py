"""What the console keeps between starts to talk to the central store: the session token in
the system keyring (never the password), the last user name and the workstation's id.

The token is a bearer secret good for one shift: it goes only to the keyring, never to a
file or a log. Where no keyring works (headless Linux has no Secret Service), nothing is
kept and the agent types the password at each start; the console says so instead of
failing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

WORKSTATION_FILE = "workstation-id"
SECRET_FILE = "workstation-secret"
LOGIN_FILE = "login.json"

# Backends that accept calls but keep nothing (null) or refuse every call (fail): the
# token could not survive a restart, so the store is as good as absent.
_USELESS_BACKENDS: tuple[type[keyring.backend.KeyringBackend], ...] = (
    fail.Keyring,
    null.Keyring,
)
# Besides KeyringError, D-Bus and file backends can fail with OSError (socket, permissions).
_KEYRING_FAILURES = (KeyringError, OSError)


class TokenStore:
    """Session tokens for one server, by user name, and that server's last user name."""

    def __init__(self, server_url: str, data_dir: Path) -> None:
        self.server_url = server_url.rstrip("/")
        # One service per server: a token from the test server must never reach production.
        self.service = f"Relais {self.server_url}"
        self._login_file = Path(data_dir) / LOGIN_FILE
        self.reason = ""  # why the keyring is unusable (English, for the log); "" when usable
        backend = _current_backend()
        if backend is None or isinstance(backend, _USELESS_BACKENDS):
            name = "none" if backend is None else type(backend).__module__
            self._disable(f"no usable system keyring (backend: {name})")

    @property
    def available(self) -> bool:
        return not self.reason

    def _disable(self, reason: str) -> None:
        if not self.reason:
            log.warning("tokens will not be kept between starts: %s", reason)
        self.reason = reason

    def save(self, username: str, token: str) -> bool:
        """Keep the token; False when it could not be kept (the caller just goes on)."""
        if not self.available or not username:
            return False
        try:
            keyring.set_password(self.service, username, token)
        except _KEYRING_FAILURES as exc:
            # The exception's text is the backend's, never the token: safe to log.
            self._disable(f"the keyring refused to store a token ({type(exc).__name__}: {exc})")
            return False
        return True

    def load(self, username: str) -> str | None:
        if not self.available or not username:
            return None
        try:
            return keyring.get_password(self.service, username)
        except _KEYRING_FAILURES as exc:
            self._disable(f"the keyring could not be read ({type(exc).__name__}: {exc})")
            return None

    def forget(self, username: str) -> None:
        """Drop the token (logout, revoked, expired). Nothing to drop is not an error."""
        if not self.available or not username:
            return
        try:
            keyring.delete_password(self.service, username)
        except PasswordDeleteError:
            pass  # already gone
        except _KEYRING_FAILURES as exc:
            self._disable(f"the keyring could not delete a token ({type(exc).__name__}: {exc})")

    # -- the last user name: not a secret, so a plain file in the data folder ---------------
    def last_user(self) -> str | None:
        users = _read_json(self._login_file).get("last_user")
        name = users.get(self.server_url) if isinstance(users, dict) else None
        return name if isinstance(name, str) and name else None

    def remember_user(self, username: str) -> None:
        data = _read_json(self._login_file)
        users = data.get("last_user")
        if not isinstance(users, dict):
            users = {}
        users[self.server_url] = username
        data["last_user"] = users
        _write_atomically(self._login_file, json.dumps(data, ensure_ascii=False, indent=2))


@dataclass(frozen=True)
class Workstation:
    """Who this workstation is to the central store: an id, and a secret only it keeps
    (the store binds the station code to the secret's hash, so knowing the id is not
    enough to number cases on the station)."""

    id: str
    secret: str


def workstation(data_dir: Path) -> Workstation:
    return Workstation(workstation_id(data_dir), workstation_secret(data_dir))


def workstation_id(data_dir: Path) -> str:
    """This workstation's id, made once: the server binds the station code to it, so it
    must survive restarts (and it changes only if the data folder is lost)."""
    return _made_once(Path(data_dir) / WORKSTATION_FILE, lambda: str(uuid.uuid4()), _read_id)


def workstation_secret(data_dir: Path) -> str:
    """This workstation's secret, made once, readable by its user only (mkstemp's 0600).
    Lost with the data folder: an administrator then releases the station
    (`relais-server release-station CODE`)."""
    return _made_once(Path(data_dir) / SECRET_FILE, lambda: secrets.token_urlsafe(32), _read_secret)


def _made_once(path: Path, make: Callable[[], str], read: Callable[[Path], str | None]) -> str:
    existing = read(path)
    if existing is not None:
        return existing
    if path.exists():
        log.warning("%s is unreadable: this workstation gets a new one", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = make()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(fresh + "\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            # link() fails if another process wrote it first: its value wins, and both
            # processes then report the same one.
            os.link(tmp, path)
        except FileExistsError:
            winner = read(path)
            if winner is not None:
                return winner
            os.replace(tmp, path)  # the existing file is garbage: ours replaces it
        except OSError:
            os.replace(tmp, path)  # no hard links on this file system
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return fresh


def _read_secret(path: Path) -> str | None:
    try:
        text = path.read_text("utf-8").strip()
    except OSError:
        return None
    return text if 32 <= len(text) <= 128 and text.isascii() and text.isprintable() else None


def _read_id(path: Path) -> str | None:
    try:
        return str(uuid.UUID(path.read_text("utf-8").strip()))
    except (OSError, ValueError):
        return None


def _current_backend() -> keyring.backend.KeyringBackend | None:
    try:
        return keyring.get_keyring()
    except _KEYRING_FAILURES:
        return None


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # missing or damaged: only a convenience is lost
    return data if isinstance(data, dict) else {}


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise

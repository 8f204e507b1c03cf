"""Tokens in the keyring (an in-memory one: never the developer's own), the last user name
and the workstation id, as the console keeps them between starts."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError

from app.sync.credentials import TokenStore, workstation_id

SERVER = "https://registre.example.ca"
OTHER_SERVER = "https://registre-essai.example.ca"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: what the tests select instead of the user's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(f"no secret for {username} in {service}")


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses (a locked Secret Service collection)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """Select any backend for one test; the previous one comes back afterwards."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_a_token_is_saved_loaded_and_forgotten(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    store = TokenStore(SERVER, tmp_path)
    assert store.available and store.reason == ""
    assert store.load("agent1") is None
    assert store.save("agent1", "secret-token-1") is True
    assert store.load("agent1") == "secret-token-1"
    assert memory_keyring.secrets == {(f"Relais {SERVER}", "agent1"): "secret-token-1"}
    # Read back by a new store, as at the next start.
    assert TokenStore(SERVER + "/", tmp_path).load("agent1") == "secret-token-1"
    store.forget("agent1")
    assert store.load("agent1") is None
    store.forget("agent1")  # forgetting twice (logout after a revocation) is fine


def test_two_servers_do_not_share_tokens(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    production = TokenStore(SERVER, tmp_path)
    trial = TokenStore(OTHER_SERVER, tmp_path)
    production.save("agent1", "production-token")
    assert trial.load("agent1") is None
    trial.save("agent1", "trial-token")
    assert production.load("agent1") == "production-token"
    trial.forget("agent1")
    assert production.load("agent1") == "production-token"


def test_users_do_not_share_tokens(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    store = TokenStore(SERVER, tmp_path)
    store.save("agent1", "token-1")
    assert store.load("agent2") is None


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_no_usable_keyring_is_said_not_raised(
    use_keyring, backend: type[keyring.backend.KeyringBackend], tmp_path: Path
) -> None:
    use_keyring(backend())
    store = TokenStore(SERVER, tmp_path)
    assert store.available is False
    assert "keyring" in store.reason
    assert store.save("agent1", "secret-token") is False
    assert store.load("agent1") is None
    store.forget("agent1")
    # The last user name does not need the keyring.
    store.remember_user("agent1")
    assert store.last_user() == "agent1"


def test_a_keyring_that_refuses_turns_the_store_off(
    use_keyring, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    use_keyring(LockedKeyring())
    store = TokenStore(SERVER, tmp_path)
    assert store.available  # nothing says so until it is used
    with caplog.at_level(logging.DEBUG):
        assert store.save("agent1", "secret-token-xyz") is False
    assert store.available is False
    assert "locked" in store.reason
    assert store.load("agent1") is None
    assert "secret-token-xyz" not in caplog.text  # the token never reaches a log


def test_the_last_user_is_remembered_per_server(tmp_path: Path) -> None:
    store = TokenStore(SERVER, tmp_path)
    assert store.last_user() is None
    store.remember_user("agent1")
    store.remember_user("agent2")
    TokenStore(OTHER_SERVER, tmp_path).remember_user("superviseur")
    assert TokenStore(SERVER, tmp_path).last_user() == "agent2"
    assert TokenStore(OTHER_SERVER, tmp_path).last_user() == "superviseur"
    # Only names in the file: the token has no business there.
    assert "token" not in (tmp_path / "login.json").read_text("utf-8")


def test_a_damaged_login_file_only_forgets_the_name(tmp_path: Path) -> None:
    (tmp_path / "login.json").write_text('{"last_user": ["not", "a", "map"]', "utf-8")
    store = TokenStore(SERVER, tmp_path)
    assert store.last_user() is None
    store.remember_user("agent1")
    assert store.last_user() == "agent1"


def test_the_workstation_id_is_stable_and_per_data_folder(tmp_path: Path) -> None:
    first = workstation_id(tmp_path / "one")
    assert first == workstation_id(tmp_path / "one")
    assert len(first) == 36  # a UUID: within the server's 8-64 characters
    other = workstation_id(tmp_path / "two")
    assert other != first
    assert (tmp_path / "one" / "workstation-id").read_text("utf-8").strip() == first
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["workstation-id"]  # no temp left


def test_a_damaged_workstation_id_is_replaced_once(tmp_path: Path) -> None:
    (tmp_path / "workstation-id").write_text("garbage", "utf-8")
    fresh = workstation_id(tmp_path)
    assert fresh != "garbage"
    assert workstation_id(tmp_path) == fresh
